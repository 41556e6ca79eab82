/** The ID of a relationship value, whether it is an ID or a populated document. */
export function relationId(value: unknown): string | undefined {
  if (typeof value === 'number' || typeof value === 'string') return String(value)
  if (value && typeof value === 'object' && 'id' in value) {
    const id = (value as { id: unknown }).id
    if (typeof id === 'number' || typeof id === 'string') return String(id)
  }
  return undefined
}

/** The IDs of a hasMany relationship value. */
export function relationIds(value: unknown): string[] {
  if (!Array.isArray(value)) {
    const id = relationId(value)
    return id === undefined ? [] : [id]
  }
  return value.map(relationId).filter((id): id is string => id !== undefined)
}

export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true
  if (typeof value === 'string') return value.trim() === ''
  if (Array.isArray(value)) return value.length === 0
  return false
}

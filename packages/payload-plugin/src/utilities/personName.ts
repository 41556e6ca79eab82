/** How the admin names a person: 姓名 when the user has one, else the e-mail, else `#id`. */
export function personName(user: Record<string, unknown> | null | undefined): string {
  if (!user) return '系统'
  const name = typeof user.name === 'string' ? user.name.trim() : ''
  if (name !== '') return name
  if (typeof user.email === 'string' && user.email !== '') return user.email
  return `#${String(user.id ?? '')}`
}

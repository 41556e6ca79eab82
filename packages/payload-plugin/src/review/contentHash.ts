import { createHash } from 'node:crypto'

import type { HasFields } from './checkConfidentiality.js'
import { textFieldsOf } from './checkConfidentiality.js'

/** JSON with object keys sorted, so a rich-text value hashes the same before and after a jsonb round trip. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

/** SHA-256 over what 保密审查 looks at: every scanned field (path and value) and the 密级. */
export function confidentialityContentHash({ collectionConfig, doc }: { collectionConfig: HasFields; doc: unknown }): string {
  const scanned = textFieldsOf({ collectionConfig, doc })
    .filter(({ value }) => value !== null && value !== undefined && value !== '')
    .map(({ fieldPath, value }) => [fieldPath, value])
  const classification = (doc as { classification?: unknown } | null)?.classification ?? 'unclassified'
  return createHash('sha256').update(canonicalJson({ scanned, classification })).digest('hex')
}

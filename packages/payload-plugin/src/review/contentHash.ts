import { createHash } from 'node:crypto'

import { deliveryChannelsField, nonContentFieldNames } from '../infrastructure/documentFieldNames.js'
import type { HasFields } from './checkConfidentiality.js'
import { textFieldsOf } from './checkConfidentiality.js'
import { isRecord } from '../utilities/isRecord.js'

/** JSON with object keys sorted, so a rich-text value hashes the same before and after a jsonb round trip. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (isRecord(value)) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

/**
 * SHA-256 over the content 保密审查 looks at: every scanned field (path and value) of the document's content, and
 * the 密级. What the workflow and delivery write (state, 索引号, the publication record with its reasons, the job
 * id of a scheduled release, 推送渠道) is not content: publishing must leave the fingerprint as it was reviewed.
 */
export function confidentialityContentHash({ collectionConfig, doc }: { collectionConfig: HasFields; doc: unknown }): string {
  const scanned = textFieldsOf({ collectionConfig, doc })
    .filter(({ fieldPath }) => isContentPath(fieldPath))
    .filter(({ value }) => value !== null && value !== undefined && value !== '')
    .map(({ fieldPath, value }) => [fieldPath, value])
  const classification = (doc as { classification?: unknown } | null)?.classification ?? 'unclassified'
  return createHash('sha256').update(canonicalJson({ scanned, classification })).digest('hex')
}

function isContentPath(fieldPath: string): boolean {
  const topLevel = fieldPath.split('.')[0] ?? fieldPath
  return !nonContentFieldNames.has(topLevel) && topLevel !== deliveryChannelsField
}

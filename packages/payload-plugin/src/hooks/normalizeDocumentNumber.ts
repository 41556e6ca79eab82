import { parseDocumentNumber } from '@gongkai/core'
import type { CollectionBeforeChangeHook } from 'payload'

/**
 * Stores the 发文字号 in its normalised form (look-alike brackets → 〔〕, stray spaces removed) and records
 * what was changed in `correctionsField`, shown read-only under the number so the editor sees it.
 * An invalid number is left as typed; the field's validation reports which part is wrong.
 */
export function normalizeDocumentNumber(args: { field: string; correctionsField: string }): CollectionBeforeChangeHook {
  return ({ data }) => {
    const value: unknown = data[args.field]
    if (typeof value !== 'string' || value.trim() === '') {
      if (args.field in data) data[args.correctionsField] = null
      return data
    }
    const result = parseDocumentNumber(value)
    if (!result.ok) return data
    data[args.field] = result.normalized
    data[args.correctionsField] =
      result.corrections.length > 0 ? result.corrections.map((correction) => correction.message).join('；') : null
    return data
  }
}

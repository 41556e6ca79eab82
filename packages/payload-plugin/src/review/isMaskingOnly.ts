import { maskRichText, maskText, scanRichText, scanText } from '@gongkai/core'

import type { HasFields } from './checkConfidentiality.js'
import { textFieldsOf } from './checkConfidentiality.js'
import { canonicalJson } from './contentHash.js'

type Doc = Record<string, unknown>

function maskValue(type: 'text' | 'textarea' | 'richText', value: unknown): unknown {
  if (type === 'richText') return maskRichText(value)
  return typeof value === 'string' ? maskText(value) : value
}

function setAt(target: Doc, path: string, value: unknown): void {
  const segments = path.split('.')
  let current: Doc = target
  for (const segment of segments.slice(0, -1)) current = current[segment] as Doc
  current[segments[segments.length - 1] as string] = value
}

/** A copy of `doc` with every finding masked in every text, textarea and rich-text field (what 一键脱敏 saves). */
function maskedCopy(collectionConfig: HasFields, doc: Doc): Doc {
  const copy = structuredClone(doc)
  for (const { fieldPath, type, value } of textFieldsOf({ collectionConfig, doc })) {
    const masked = maskValue(type, value)
    if (masked !== value) setAt(copy, fieldPath, masked)
  }
  return copy
}

/** The unmasked findings of `doc`, as `path + text` keys with their counts. */
function findingsOf(collectionConfig: HasFields, doc: Doc): Map<string, number> {
  const counts = new Map<string, number>()
  for (const { fieldPath, type, value } of textFieldsOf({ collectionConfig, doc })) {
    const found = type === 'richText' ? scanRichText(value) : typeof value === 'string' ? scanText(value) : []
    for (const finding of found) {
      const key = `${fieldPath}\u0000${finding.match}`
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
  }
  return counts
}

/**
 * 四眼原则 and 一键脱敏: whether a save changes nothing but the masking of 保密审查 findings (ID, mobile and bank
 * card numbers, e-mail addresses replaced by their masked forms, all of them or some). Such a save is a review
 * action: the reviewer who masks stays free to approve the version. It holds when
 * - masking everything in the saved and in the stored values of the changed fields gives the same result (so
 *   nothing but findings differs — not one character more), and
 * - every finding left unmasked in the saved values was already there (so no number was swapped for another).
 */
export function isMaskingOnly({
  collectionConfig,
  changedFields,
  data,
  originalDoc,
}: {
  collectionConfig: HasFields
  /** Top-level names of the content fields the save changes. */
  changedFields: readonly string[]
  data: Doc
  originalDoc: Doc
}): boolean {
  if (changedFields.length === 0) return false
  const before = Object.fromEntries(changedFields.map((name) => [name, originalDoc[name]]))
  const after = Object.fromEntries(changedFields.map((name) => [name, data[name]]))
  const maskedBefore = maskedCopy(collectionConfig, before)
  const maskedAfter = maskedCopy(collectionConfig, after)
  if (changedFields.some((name) => canonicalJson(maskedBefore[name]) !== canonicalJson(maskedAfter[name]))) return false
  const stored = findingsOf(collectionConfig, before)
  for (const [key, count] of findingsOf(collectionConfig, after)) {
    if (count > (stored.get(key) ?? 0)) return false
  }
  return true
}

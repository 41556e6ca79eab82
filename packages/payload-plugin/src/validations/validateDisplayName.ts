import { scanText } from '@gongkai/core'
import type { Validate } from 'payload'

import { looksLikePersonalName } from '../utilities/looksLikePersonalName.js'
import { isBlank } from '../utilities/relationIds.js'
import { message } from '../translations/message.js'


/**
 * A participant's public display name carries no personal data: nothing the core scanner finds
 * (ID, mobile, bank card numbers, e-mail addresses…), nothing that looks like a real full name,
 * and it is unique within the record because opinions refer to speakers by it.
 */
export const validateDisplayName: Validate = (value, { data, path, req }) => {
  if (isBlank(value) || typeof value !== 'string') return true
  const finding = scanText(value)[0]
  if (finding) {
    return message(req, 'displayNamePersonalData', { kind: message(req, `findingKind_${finding.kind}`), match: finding.match })
  }
  if (looksLikePersonalName(value)) {
    return message(req, 'displayNameRealName', { value })
  }
  const participants = (data as { participants?: unknown }).participants
  // The row index is the path segment before the field name, e.g. ['participants', 1, 'displayName'].
  const index = Number(path[path.length - 2])
  if (Array.isArray(participants) && Number.isInteger(index)) {
    const name = value.trim()
    const firstIndex = participants.findIndex(
      (participant: unknown) =>
        typeof participant === 'object' && participant !== null &&
        String((participant as { displayName?: unknown }).displayName ?? '').trim() === name,
    )
    if (firstIndex !== index) return message(req, 'displayNameRepeated', { name, number: firstIndex + 1 })
  }
  return true
}

import type { Validate } from 'payload'

import { isBlank } from '../utilities/relationIds.js'

/** An opinion's speaker is one of the record's participants, named by their public display name. */
export const validateSpeaker: Validate = (value, { data }) => {
  if (isBlank(value) || typeof value !== 'string') return true
  const participants = (data as { participants?: unknown }).participants
  const names = Array.isArray(participants)
    ? participants.map((participant: unknown) =>
        typeof participant === 'object' && participant !== null
          ? String((participant as { displayName?: unknown }).displayName ?? '').trim()
          : '',
      )
    : []
  if (names.includes(value.trim())) return true
  return `发言人“${value}”不在参与人名单中；请填写参与人的公开显示名称${names.length > 0 ? `（${names.join('、')}）` : ''}`
}

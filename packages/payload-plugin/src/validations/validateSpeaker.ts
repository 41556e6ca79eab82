import type { Validate } from 'payload'

import { isBlank } from '../utilities/relationIds.js'
import { message } from '../translations/message.js'

/** An opinion's speaker is one of the record's participants, named by their public display name. */
export const validateSpeaker: Validate = (value, { data, req }) => {
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
  const choices = names.map((name) => message(req, 'listedName', { value: name })).join(message(req, 'listSeparator'))
  return message(req, names.length > 0 ? 'speakerUnknown_choices' : 'speakerUnknown', { value, choices })
}

import type { Validate } from 'payload'

import { labelIn, message } from '../translations/message.js'

import { relationIds } from '../utilities/relationIds.js'

/** A document may not link to itself (替代/被替代). */
export function validateNotSelf(label: { zh: string; en: string }): Validate {
  return (value, { id, req }) => {
    if (id === undefined) return true
    return relationIds(value).includes(String(id)) ? message(req, 'notSelf', { label: labelIn(label, req) }) : true
  }
}

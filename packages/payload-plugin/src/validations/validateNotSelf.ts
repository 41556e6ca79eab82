import type { Validate } from 'payload'

import { relationIds } from '../utilities/relationIds.js'

/** A document may not link to itself (替代/被替代). */
export function validateNotSelf(label: string): Validate {
  return (value, { id }) => {
    if (id === undefined) return true
    return relationIds(value).includes(String(id)) ? `${label}不能是本文件` : true
  }
}

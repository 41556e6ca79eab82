import type { PayloadRequest, Validate } from 'payload'

import { isBlank } from '../utilities/relationIds.js'
import { isRecord } from '../utilities/isRecord.js'

/**
 * Required only when `when(siblingData)` returns the reason it is required; the reason becomes the message,
 * e.g. 有效性为“失效”时须填写失效日期.
 */
export function validateRequiredWhen(when: (siblingData: Record<string, unknown>, req: PayloadRequest) => string | undefined): Validate {
  return (value, { siblingData, req }) => {
    if (!isBlank(value)) return true
    return when(isRecord(siblingData) ? siblingData : {}, req) ?? true
  }
}

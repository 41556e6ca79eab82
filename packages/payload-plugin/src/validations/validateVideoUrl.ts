import type { Validate } from 'payload'

import { isBlank } from '../utilities/relationIds.js'
import { message } from '../translations/message.js'

/** A video URL is a complete http(s) address. */
export const validateVideoUrl: Validate = (value, { req }) => {
  if (isBlank(value)) return true
  if (typeof value !== 'string') return message(req, 'videoUrlNotText')
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    return message(req, 'videoUrlIncomplete', { value })
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return message(req, 'videoUrlScheme', { scheme: url.protocol })
  }
  return true
}

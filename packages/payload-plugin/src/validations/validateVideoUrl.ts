import type { Validate } from 'payload'

import { isBlank } from '../utilities/relationIds.js'

/** A video URL is a complete http(s) address. */
export const validateVideoUrl: Validate = (value) => {
  if (isBlank(value)) return true
  if (typeof value !== 'string') return '视频地址须为文本'
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    return `视频地址“${value}”不是完整网址，应以 http:// 或 https:// 开头`
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `视频地址须以 http:// 或 https:// 开头，不能使用“${url.protocol}”`
  }
  return true
}

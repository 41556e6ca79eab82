/**
 * Weibo's length rule, as its own publisher script counts (and as `statuses/share` enforces):
 * - the text is measured in bytes where a full-width character (汉字, Chinese punctuation, emoji) is 2
 *   and an ASCII character is 1, and the length is `ceil(bytes / 2)`: one 汉字 counts 1, two ASCII
 *   characters count 1;
 * - every http(s) URL counts a fixed 20 bytes (10 汉字) whatever its length, because Weibo replaces it
 *   with a t.cn short link; a URL longer than 140 bytes counts 20 plus what exceeds 140.
 * The limit for a post is 140.
 */
export const weiboMaxLength = 140

const urlPattern = /https?:\/\/[-\w.~:/?#[\]@!$&'()*+,;=%]+/giu
const urlBytes = 20
const longUrlBytes = 140

function halfWidthBytes(text: string): number {
  let bytes = 0
  for (const character of text) bytes += (character.codePointAt(0) ?? 0) <= 0x7f ? 1 : 2
  return bytes
}

/** The length Weibo gives `text` (see the rule above). */
export function countWeiboLength(text: string): number {
  let bytes = 0
  const rest = text.replace(urlPattern, (url) => {
    const length = halfWidthBytes(url)
    bytes += length <= longUrlBytes ? urlBytes : length - longUrlBytes + urlBytes
    return ''
  })
  return Math.ceil((bytes + halfWidthBytes(rest)) / 2)
}

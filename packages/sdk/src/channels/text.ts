const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' })

/** Splits text into user-perceived characters, so truncation never cuts an emoji or a surrogate pair. */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (part) => part.segment)
}

/** Number of user-perceived characters. */
export function characterCount(text: string): number {
  return graphemes(text).length
}

const sentenceEnd = /[。！？；!?;]/u

/**
 * Shortens `text` to at most `max` characters, ending with `…` when it had to cut. Cuts on character
 * boundaries; prefers to end after a sentence mark (。！？；) when one falls in the last third, so a
 * digest reads as whole sentences.
 */
export function truncate(text: string, max: number, ellipsis = '…'): string {
  const characters = graphemes(text.trim())
  if (characters.length <= max) return characters.join('')
  const room = max - characterCount(ellipsis)
  const kept = characters.slice(0, room)
  for (let index = kept.length - 1; index >= Math.floor(room * (2 / 3)); index--) {
    if (sentenceEnd.test(kept[index] ?? '')) return kept.slice(0, index + 1).join('')
  }
  return kept.join('').trimEnd() + ellipsis
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

/** Plain text of an HTML fragment (tags dropped, common entities decoded, whitespace collapsed). */
export function plainText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/giu, ' ')
    .replace(/<[^>]+>/gu, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (match, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16))
      if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10))
      return entities[name.toLowerCase()] ?? match
    })
    .replace(/\s+/gu, ' ')
    .trim()
}

/** UTF-8 size in bytes. */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).byteLength
}

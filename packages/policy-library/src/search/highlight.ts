const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character] as string)
}

/** Character ranges of `text` where any of `words` occurs (case-insensitive), merged. */
function matchRanges(text: string, words: readonly string[]): [number, number][] {
  const lower = text.toLowerCase()
  const ranges: [number, number][] = []
  for (const word of words) {
    if (!word) continue
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + word.length)) ranges.push([at, at + word.length])
  }
  ranges.sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const range of ranges) {
    const last = merged[merged.length - 1]
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else merged.push([range[0], range[1]])
  }
  return merged
}

/** `text` HTML-escaped with every occurrence of `words` in `<mark>`. */
export function highlight(text: string, words: readonly string[]): string {
  let result = ''
  let position = 0
  for (const [start, end] of matchRanges(text, words)) {
    result += `${escapeHtml(text.slice(position, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`
    position = end
  }
  return result + escapeHtml(text.slice(position))
}

/**
 * A passage of about `length` characters around the first place where the query's words occur (the
 * whole query as a phrase is preferred), escaped and highlighted; the opening of the text otherwise.
 */
export function snippet(text: string, words: readonly string[], length = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const lower = flat.toLowerCase()
  const phrase = words.join('')
  let at = phrase ? lower.indexOf(phrase) : -1
  if (at < 0) {
    const positions = words.map((word) => lower.indexOf(word)).filter((position) => position >= 0)
    at = positions.length > 0 ? Math.min(...positions) : 0
  }
  const start = Math.max(0, Math.min(at - Math.floor(length / 4), flat.length - length))
  const end = Math.min(flat.length, start + length)
  return `${start > 0 ? '…' : ''}${highlight(flat.slice(start, end), words)}${end < flat.length ? '…' : ''}`
}

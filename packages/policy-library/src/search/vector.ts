/** A title occurrence counts as this many body occurrences. */
export const titleWeight = 3

/**
 * Parses PostgreSQL's text output of a tsvector built by `indexText` into weighted term frequencies
 * (title positions count `titleWeight` times). Apart from the segmenter so that index threads can read
 * rows without loading jieba's dictionary.
 */
export function parseVector(text: string): Map<string, number> {
  const frequencies = new Map<string, number>()
  const pattern = /'([^']+)':(\S+)/g
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const term = match[1] as string
    let frequency = 0
    for (const entry of (match[2] as string).split(',')) frequency += entry.endsWith('A') ? titleWeight : 1
    frequencies.set(term, frequency)
  }
  return frequencies
}

import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'
import { titleWeight } from './vector.js'

export { parseVector, titleWeight } from './vector.js'

const jieba = Jieba.withDict(dict)

const wordCharacters = /^[\p{L}\p{N}]+$/u
const maxTermLength = 64
/** Positions kept per term in the tsvector; term frequency saturates in BM25 long before this. */
const maxPositionsPerTerm = 16
const maxPosition = 16_383
/** Body text beyond this is not indexed (tsvector values are limited to 1 MB). */
export const maxIndexedCharacters = 200_000
const maxVectorBytes = 900_000

// Tokens repeat a lot (a few thousand words make up most of any corpus): remember their normal forms.
const normalizedTokens = new Map<string, string | null>()
const maxRememberedTokens = 200_000

function normalizeToken(token: string): string | undefined {
  let normalized = normalizedTokens.get(token)
  if (normalized === undefined) {
    const lower = token.toLowerCase()
    normalized = wordCharacters.test(lower) && lower.length <= maxTermLength ? lower : null
    if (normalizedTokens.size >= maxRememberedTokens) normalizedTokens.clear()
    normalizedTokens.set(token, normalized)
  }
  return normalized ?? undefined
}

/**
 * Terms of a text for the index: every word jieba finds in search mode (so 天津市 also yields 天津),
 * plus every pair of adjacent words in precise mode joined together (政务 + 公开 → 政务公开). The pairs
 * let a query match a phrase: 政务公开 needs the two words side by side, not anywhere in the text.
 */
export function termsOf(text: string): string[] {
  const terms: string[] = []
  for (const token of jieba.cutForSearch(text, false)) {
    const term = normalizeToken(token)
    if (term) terms.push(term)
  }
  let previous: string | undefined
  for (const token of jieba.cut(text, false)) {
    const term = normalizeToken(token)
    if (term && previous) terms.push(previous + term)
    previous = term
  }
  return terms
}

/**
 * The terms of a query, all required and scored: the adjacent pairs of its precise-mode words (政务 + 公开
 * → 政务公开) and the words that stand alone (between spaces or punctuation). A word inside a pair is not
 * a term of its own: wherever the index has the pair it has its words, so requiring them adds nothing,
 * and scoring them would count the phrase three times and rank a document by its other uses of 公开
 * (公开招聘, 公开征求意见), as a phrase query does not. `words` are every word, for highlighting.
 */
export function queryTerms(query: string): { terms: string[]; words: string[] } {
  const words: string[] = []
  const terms = new Set<string>()
  const tokens = jieba.cut(query, false).map((token) => normalizeToken(token))
  tokens.forEach((term, index) => {
    if (!term) return
    words.push(term)
    const previous = index > 0 ? tokens[index - 1] : undefined
    const next = tokens[index + 1]
    if (previous) terms.add(previous + term)
    else if (!next) terms.add(term)
  })
  return { terms: [...terms], words }
}

export type IndexedText = {
  /** The tsvector in PostgreSQL's input syntax: title positions weighted A. */
  vector: string
  /** Sum of weighted term frequencies, the document length for BM25. */
  length: number
  /** Weighted frequency of each term, exactly as `parseVector` reads it back from the tsvector. */
  frequencies: Map<string, number>
}

/** Builds the tsvector of a document from its title and its searchable body text. */
export function indexText({ title, body }: { title: string; body: string }): IndexedText {
  // Per term: positions as numbers, negative for title (weight A) positions.
  const positions = new Map<string, number[]>()
  let position = 0
  let length = 0
  let vectorBytes = 0
  const add = (terms: string[], sign: 1 | -1, factor: number): void => {
    for (const term of terms) {
      if (position < maxPosition) position += 1
      length += factor
      let list = positions.get(term)
      if (!list) {
        // PostgreSQL refuses a tsvector over 1 MB (terms, their positions and alignment): a huge,
        // varied text stops adding new terms below that (the words it already has stay searchable).
        vectorBytes += Buffer.byteLength(term) + 8
        if (vectorBytes > maxVectorBytes) continue
        list = []
        positions.set(term, list)
      }
      const entry = sign * position
      if (list.length < maxPositionsPerTerm && list[list.length - 1] !== entry) {
        list.push(entry)
        vectorBytes += 2
      }
    }
  }
  add(termsOf(title), -1, titleWeight)
  add(termsOf(body.length > maxIndexedCharacters ? body.slice(0, maxIndexedCharacters) : body), 1, 1)
  const parts: string[] = []
  const frequencies = new Map<string, number>()
  for (const [term, list] of positions) {
    let frequency = 0
    let text = ''
    for (const entry of list) {
      frequency += entry < 0 ? titleWeight : 1
      text += text ? `,${entry < 0 ? `${-entry}A` : entry}` : entry < 0 ? `${-entry}A` : `${entry}`
    }
    parts.push(`'${term}':${text}`)
    frequencies.set(term, frequency)
  }
  return { vector: parts.join(' '), length, frequencies }
}

/** A tsquery requiring every term, in PostgreSQL's input syntax (terms are word characters only). */
export function tsqueryOf(terms: readonly string[]): string {
  return terms.map((term) => `'${term}'`).join(' & ')
}

/**
 * Text as the scanner's patterns read it, and where each of its UTF-16 code units came from in the
 * original text, so findings, masks and highlights land on the characters the editor typed.
 */
export type FoldedText = {
  text: string
  /** `originalIndex[i]` is the offset in the original text of `text[i]`. */
  originalIndex: Int32Array
}

/**
 * Traditional and variant forms of the characters in 密级 and internal-use marks (機密, 祕密, 密級,
 * 絕密, 內部資料, 不得外傳 …), folded to the simplified forms the patterns use.
 */
const VARIANTS: Record<string, string> = {
  機: '机',
  祕: '秘',
  級: '级',
  絕: '绝',
  啟: '启',
  長: '长',
  個: '个',
  兩: '两',
  內: '内',
  資: '资',
  參: '参',
  發: '发',
  僅: '仅',
  傳: '传',
  嚴: '严',
  準: '准',
  閱: '阅',
  請: '请',
}

/** Dashes and minus signs typed between digit groups. */
const HYPHENS = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63])
/** Asterisk look-alikes used for the ★ of a 密级 mark. */
const ASTERISKS = new Set([0x2217, 0x204e, 0xfe61, 0x2731, 0x2732, 0x2733])

const SPACE = /^[\p{Zs}\t]$/u
const INVISIBLE = /^\p{Cf}$/u

function foldCodeUnit(code: number, character: string): string {
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0) // full-width ASCII
  if (code < 0x80) return code === 0x09 ? ' ' : character
  if (code >= 0x3400 && code <= 0xfdff) return VARIANTS[character] ?? character
  if (code === 0x2028 || code === 0x2029) return '\n'
  if (HYPHENS.has(code)) return '-'
  if (ASTERISKS.has(code)) return '*'
  if (SPACE.test(character)) return ' '
  return VARIANTS[character] ?? character
}

/**
 * Folds text for matching, keeping a map back to the original offsets:
 * - full-width ASCII (`１３８`, `Ｘ`, `＠`, `：`) becomes ASCII;
 * - every Unicode space separator (no-break space U+00A0, U+2002–U+200A, U+202F, the ideographic
 *   space U+3000 …) and the tab become a plain space; line and paragraph separators a line feed;
 * - dashes and minus signs between digits become `-`, asterisk look-alikes `*`;
 * - invisible format characters (Unicode Cf: zero-width spaces and joiners U+200B–U+200D, U+2060,
 *   the BOM U+FEFF, the soft hyphen U+00AD, bidi marks) are removed;
 * - traditional forms in 密级 and internal marks (`機密`, `祕密`, `密級`, `內部資料`) become simplified.
 *
 * Every kept code unit maps to exactly one code unit, so a match `[start, end)` in the folded text
 * covers the original text `[originalIndex[start], originalIndex[end - 1] + 1)`. Lone surrogates are
 * kept as they are.
 */
export function foldForScan(text: string): FoldedText {
  const table = foldTable()
  const pieces: string[] = []
  const originalIndex = new Int32Array(text.length)
  let length = 0
  // Unchanged characters are copied in runs; only folded or removed ones are handled one by one.
  let runStart = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    const isPair =
      code >= 0xd800 && code <= 0xdbff && index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00
    if (isPair) {
      if (INVISIBLE.test(text.slice(index, index + 2))) {
        pieces.push(text.slice(runStart, index))
        runStart = index + 2
      } else {
        originalIndex[length++] = index
        originalIndex[length++] = index + 1
      }
      index++
      continue
    }
    const folded = table[code]!
    if (folded === code) {
      originalIndex[length++] = index
      continue
    }
    pieces.push(text.slice(runStart, index))
    runStart = index + 1
    if (folded !== REMOVED) {
      pieces.push(String.fromCharCode(folded))
      originalIndex[length++] = index
    }
  }
  pieces.push(text.slice(runStart))
  return { text: pieces.join(''), originalIndex: originalIndex.subarray(0, length) }
}

const REMOVED = -1
let cachedTable: Int32Array | undefined

/** What each UTF-16 code unit folds to (`REMOVED` for invisible ones), computed once on first use. */
function foldTable(): Int32Array {
  if (cachedTable) return cachedTable
  const table = new Int32Array(0x10000)
  for (let code = 0; code < 0x10000; code++) {
    const character = String.fromCharCode(code)
    const isSurrogate = code >= 0xd800 && code <= 0xdfff
    if (isSurrogate) table[code] = code
    else if (INVISIBLE.test(character)) table[code] = REMOVED
    else table[code] = foldCodeUnit(code, character).charCodeAt(0)
  }
  cachedTable = table
  return table
}

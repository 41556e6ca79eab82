/*
 * What "a message in the admin's language" means, precisely enough for a test to fail.
 *
 * A message quotes what users typed — titles, 发文字号, names, IDs — in “…” or "…": quoted text is the user's, not
 * the message's own words, whatever its language. Beyond quotes:
 * - a Chinese message has no English word: no run of Latin letters that holds a lower-case letter (acronyms such as
 *   API, ID, EXIF, OFD stay), except the code an integrator types, which Chinese messages give in full-width
 *   parentheses and ASCII only — （draft）, （POST /api/policies/1/workflow/withdraw）, （overrideAccess: true） — and
 *   URL schemes (http://, https://);
 * - an English message has no Chinese character, except a statutory term kept after its English in ASCII
 *   parentheses, alone or after the English gloss and a comma: “index number (索引号)”, “(four eyes, 四眼原则)”.
 */

const quoted = /“[^”]*”|"[^"]*"/gu
const asciiCodeInFullWidthParentheses = /（[\x20-\x7E]+）/gu
const urlScheme = /\b[a-z]+:\/\//gu
const englishWord = /[A-Za-z]*[a-z][A-Za-z]*/gu
const statutoryTerm = /\((?:[^()]*?, )?[\p{Script=Han}（）]+\)/gu
const chinese = /\p{Script=Han}+/gu

/** The message's own words: what is left once quoted user values are taken out. */
export function ownWords(message: string): string {
  return message.replace(quoted, ' ')
}

/** English words of a message that should be all Chinese (empty when it is). */
export function englishIn(message: string): string[] {
  return ownWords(message).replace(asciiCodeInFullWidthParentheses, ' ').replace(urlScheme, ' ').match(englishWord) ?? []
}

/** Chinese of a message that should be all English, statutory terms in parentheses aside (empty when it is). */
export function chineseIn(message: string): string[] {
  return ownWords(message).replace(statutoryTerm, ' ').match(chinese) ?? []
}

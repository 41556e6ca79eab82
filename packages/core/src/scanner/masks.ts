import { toHalfWidth } from '../toHalfWidth.js'

/**
 * Replaces every ASCII digit or letter of `value` with `*` except the first `keepStart` and last
 * `keepEnd` of them; separators (spaces, hyphens) stay where they are, so `138 1234 5678` becomes
 * `138 **** 5678`.
 */
export function maskCharacters(value: string, keepStart: number, keepEnd: number, pattern = /[0-9A-Za-z]/u): string {
  const total = [...value].filter((character) => pattern.test(character)).length
  let seen = 0
  let result = ''
  for (const character of value) {
    if (!pattern.test(character)) {
      result += character
      continue
    }
    result += seen < keepStart || seen >= total - keepEnd ? character : '*'
    seen++
  }
  return result
}

/** Masks a 居民身份证号 keeping the first 2 and last 3 characters: `35*************123`. */
export function maskResidentId(value: string): string {
  return maskCharacters(value, 2, 3, /[0-9０-９XxＸｘ×]/u)
}

/**
 * Masks a mobile number keeping the first 3 and last 4 of its 11 digits: `138****1234`.
 * A country prefix (`+86`) and separators are kept.
 */
export function maskMobileNumber(value: string): string {
  const prefixLength = /^(?:\+|00)?86[\s-]?(?=1)/u.exec(toHalfWidth(value))?.[0].length ?? 0
  return value.slice(0, prefixLength) + maskCharacters(value.slice(prefixLength), 3, 4, /[0-9０-９]/u)
}

/** Masks a bank card number keeping the first 4 and last 4 digits: `6222********1234`. */
export function maskBankCard(value: string): string {
  return maskCharacters(value, 4, 4, /[0-9０-９]/u)
}

/** Masks an e-mail address keeping the first character of the local part and the domain: `z***@example.com`. */
export function maskEmail(value: string): string {
  const at = value.search(/[@＠]/u)
  if (at <= 0) return value
  return `${value.slice(0, 1)}***${value.slice(at)}`
}

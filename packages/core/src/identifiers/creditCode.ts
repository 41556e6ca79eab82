import { toHalfWidth } from '../toHalfWidth.js'
import type { ValidationResult } from './validationResult.js'

/** The 31 characters a 统一社会信用代码 may use (no I, O, S, V, Z), in value order. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

const WEIGHTS = Array.from({ length: 17 }, (_, index) => 3 ** index % 31)

/**
 * The check character of an 18-character 统一社会信用代码 (unified social credit code, GB 32100-2015)
 * from its first 17 characters: weights `3^(i-1) mod 31`, check value `(31 - Σ mod 31) mod 31`.
 * @throws RangeError when `first17` has characters outside the code's alphabet or the wrong length
 */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new RangeError('统一社会信用代码本体应为17位')
  let sum = 0
  for (let index = 0; index < 17; index++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[index]!)
    if (value < 0) throw new RangeError(`统一社会信用代码不能包含“${first17[index]}”`)
    sum += value * WEIGHTS[index]!
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!
}

/**
 * Validates a 统一社会信用代码 (GB 32100-2015): 18 characters over `0-9A-HJ-NPQRTUWXY`, the 3rd–8th
 * being the 6-digit administrative division code, and the last the check character.
 * Full-width characters and lower case are accepted.
 */
export function validateCreditCode(input: string): ValidationResult {
  const value = toHalfWidth(input.trim()).toUpperCase()
  if (value.length !== 18) return { ok: false, message: '统一社会信用代码应为18位' }
  const invalid = [...value].find((character) => !CREDIT_CODE_ALPHABET.includes(character))
  if (invalid !== undefined) {
    return { ok: false, message: `统一社会信用代码不能包含“${invalid}”（不使用I、O、S、V、Z）` }
  }
  if (!/^\d{6}$/u.test(value.slice(2, 8))) {
    return { ok: false, message: '统一社会信用代码第3至8位应为行政区划码（6位数字）' }
  }
  const expected = creditCodeCheckCharacter(value.slice(0, 17))
  if (value[17] !== expected) return { ok: false, message: `统一社会信用代码校验码错误，应为“${expected}”` }
  return { ok: true }
}

/** Whether `input` is a valid 统一社会信用代码; see {@link validateCreditCode}. */
export function isValidCreditCode(input: string): boolean {
  return validateCreditCode(input).ok
}

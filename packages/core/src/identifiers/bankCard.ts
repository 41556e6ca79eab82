import { toHalfWidth } from '../toHalfWidth.js'
import type { ValidationResult } from './validationResult.js'

/** Whether a string of ASCII digits passes the Luhn (mod 10) check. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/u.test(digits)) return false
  let sum = 0
  for (let offset = 0; offset < digits.length; offset++) {
    let digit = Number(digits[digits.length - 1 - offset])
    if (offset % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}

/**
 * Validates a bank card number (银行卡号): 16–19 digits passing the Luhn check. Spaces and hyphens
 * between digit groups and full-width digits are accepted.
 */
export function validateBankCard(input: string): ValidationResult {
  const digits = toHalfWidth(input.trim()).replace(/[\s-]/gu, '')
  if (!/^\d+$/u.test(digits)) return { ok: false, message: '银行卡号应只包含数字' }
  if (digits.length < 16 || digits.length > 19) return { ok: false, message: '银行卡号应为16至19位数字' }
  if (!passesLuhn(digits)) return { ok: false, message: '银行卡号未通过Luhn校验' }
  return { ok: true }
}

/** Whether `input` is a bank card number; see {@link validateBankCard}. */
export function isValidBankCard(input: string): boolean {
  return validateBankCard(input).ok
}

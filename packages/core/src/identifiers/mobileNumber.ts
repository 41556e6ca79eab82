import { toHalfWidth } from '../toHalfWidth.js'
import type { ValidationResult } from './validationResult.js'

/**
 * Reduces a mainland mobile number as people write it to its 11 digits: full-width digits, spaces or
 * hyphens between the `3-4-4` groups and a `+86` / `0086` / `86` country prefix are accepted.
 * Returns `undefined` when the input is not shaped like a mobile number at all.
 */
export function normalizeMobileNumber(input: string): string | undefined {
  let value = toHalfWidth(input.trim())
  value = value.replace(/^(?:\+|00)?86[\s-]?/u, '')
  const match = /^(\d{3})[\s-]?(\d{4})[\s-]?(\d{4})$/u.exec(value)
  return match ? `${match[1]}${match[2]}${match[3]}` : undefined
}

/** Validates a mainland China mobile number (手机号): 11 digits matching `1[3-9]\d{9}`. */
export function validateMobileNumber(input: string): ValidationResult {
  const digits = normalizeMobileNumber(input)
  if (digits === undefined) return { ok: false, message: '手机号应为11位数字' }
  if (!/^1[3-9]\d{9}$/u.test(digits)) return { ok: false, message: '手机号应以13至19开头' }
  return { ok: true }
}

/** Whether `input` is a mainland China mobile number; see {@link validateMobileNumber}. */
export function isMobileNumber(input: string): boolean {
  return validateMobileNumber(input).ok
}

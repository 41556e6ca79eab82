import { toHalfWidth } from '../toHalfWidth.js'
import type { ValidationResult } from './validationResult.js'

const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const

function characterValue(character: string): number {
  const code = character.charCodeAt(0)
  return code <= 57 ? code - 48 : code - 55 // '0'-'9' → 0-9, 'A'-'Z' → 10-35
}

/**
 * The check character of a 9-character 组织机构代码 (organisation code, GB 11714-1997) from its
 * 8-character body (digits and capital letters): `11 - Σ(value × weight) mod 11`, with 10 written `X`
 * and 11 written `0`.
 * @throws RangeError when `body` is not 8 digits or capital letters
 */
export function organizationCodeCheckCharacter(body: string): string {
  if (!/^[0-9A-Z]{8}$/u.test(body)) throw new RangeError('组织机构代码本体应为8位数字或大写字母')
  let sum = 0
  for (let index = 0; index < 8; index++) sum += characterValue(body[index]!) * WEIGHTS[index]!
  const check = 11 - (sum % 11)
  if (check === 10) return 'X'
  if (check === 11) return '0'
  return String(check)
}

/**
 * Validates a 组织机构代码 (GB 11714): 8 digits or capital letters plus a check character. The common
 * printed form with a hyphen before the check character (`00001434-9`) is accepted.
 */
export function validateOrganizationCode(input: string): ValidationResult {
  const value = toHalfWidth(input.trim()).toUpperCase().replace(/^([0-9A-Z]{8})-(?=[0-9X]$)/u, '$1')
  if (value.length !== 9) return { ok: false, message: '组织机构代码应为9位' }
  if (!/^[0-9A-Z]{8}[0-9X]$/u.test(value)) {
    return { ok: false, message: '组织机构代码前8位应为数字或大写字母，末位应为数字或X' }
  }
  const expected = organizationCodeCheckCharacter(value.slice(0, 8))
  if (value[8] !== expected) return { ok: false, message: `组织机构代码校验码错误，应为“${expected}”` }
  return { ok: true }
}

/** Whether `input` is a valid 组织机构代码; see {@link validateOrganizationCode}. */
export function isValidOrganizationCode(input: string): boolean {
  return validateOrganizationCode(input).ok
}

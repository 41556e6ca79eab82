import { toHalfWidth } from '../toHalfWidth.js'
import type { ValidationResult } from './validationResult.js'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const CHECK_CHARACTERS = '10X98765432'

/**
 * The first two digits of a 居民身份证号 are the province-level division of GB/T 2260: 11–15, 21–23,
 * 31–37, 41–46, 50–54, 61–65, 71 (Taiwan); 81 and 82 (Hong Kong, Macao) and 83 (Taiwan) are the
 * prefixes of the 港澳台居民居住证 numbers, which follow the same GB 11643 format. Anything else
 * (`00`, `99` …) was never issued.
 */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
])

/**
 * Whether the number starts with a real division: a province code, or `9` followed by one — the
 * 2023 外国人永久居留身份证 (foreigners' permanent residence ID card), which uses the same 18-character
 * GB 11643 layout and checksum and is personal data just the same.
 */
function hasRealRegion(value: string): boolean {
  return PROVINCE_CODES.has(value.slice(0, 2)) || (value[0] === '9' && PROVINCE_CODES.has(value.slice(1, 3)))
}

function regionMessage(value: string): string {
  return `身份证号前两位“${value.slice(0, 2)}”不是有效的省级行政区划代码`
}

/** Options for the 居民身份证号 checks. */
export type ResidentIdOptions = {
  /**
   * The day to compare the birth date against ("not in the future"). Inject it in tests.
   * @default new Date()
   */
  today?: Date
  /**
   * Also accept the 15-digit first-generation number (6-digit area, `YYMMDD` birth date in the 1900s,
   * 3-digit sequence, no check digit). First-generation cards stopped being valid on 2013-01-01 and,
   * having no check digit, a 15-digit run cannot be told apart from any other number, so this is off
   * by default. Turn it on for archives that still carry them.
   * @default false
   */
  allowLegacy?: boolean
}

/**
 * The check character (校验码) of an 18-character 居民身份证号 (resident identity card number,
 * GB 11643-1999): ISO 7064 MOD 11-2 over the first 17 digits.
 * @param first17 exactly 17 ASCII digits
 * @throws RangeError when `first17` is not 17 digits
 */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/u.test(first17)) throw new RangeError('身份证号本体码应为17位数字')
  let sum = 0
  for (let index = 0; index < 17; index++) sum += Number(first17[index]) * WEIGHTS[index]!
  return CHECK_CHARACTERS[sum % 11]!
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

function birthDateMessage(year: number, month: number, day: number, today: Date): string | undefined {
  const text = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`
  if (!isRealDate(year, month, day)) return `出生日期“${text}”不是有效日期`
  if (year < 1800) return `出生日期“${text}”早于1800年`
  const todayUtc = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())
  if (Date.UTC(year, month - 1, day) > todayUtc) return `出生日期“${text}”晚于今天`
  return undefined
}

/**
 * Validates a 居民身份证号 (GB 11643-1999): 6-digit area code, 8-digit birth date `YYYYMMDD`, 3-digit
 * sequence and the MOD 11-2 check character (`0-9` or `X`). The birth date must be a real calendar date,
 * not before 1800 (the standard's own example, 440524188001010014, is from 1880) and not after
 * `today`. The first two digits must be a GB/T 2260 province code (see {@link PROVINCE_CODES}), or `9`
 * and a province code (the 2023 foreigners' permanent residence card). Full-width digits, a lower-case
 * `x` and a `×` typed for the check character are accepted.
 */
export function validateResidentId(input: string, options: ResidentIdOptions = {}): ValidationResult {
  const today = options.today ?? new Date()
  const value = normalizeResidentId(input)
  if (options.allowLegacy && /^\d{15}$/u.test(value)) {
    if (!PROVINCE_CODES.has(value.slice(0, 2))) return { ok: false, message: regionMessage(value) }
    const message = birthDateMessage(
      1900 + Number(value.slice(6, 8)),
      Number(value.slice(8, 10)),
      Number(value.slice(10, 12)),
      today,
    )
    return message ? { ok: false, message } : { ok: true }
  }
  if (value.length !== 18) return { ok: false, message: '身份证号应为18位' }
  if (!/^\d{17}[\dX]$/u.test(value)) return { ok: false, message: '身份证号前17位应为数字，末位应为数字或X' }
  if (!hasRealRegion(value)) return { ok: false, message: regionMessage(value) }
  const dateMessage = birthDateMessage(
    Number(value.slice(6, 10)),
    Number(value.slice(10, 12)),
    Number(value.slice(12, 14)),
    today,
  )
  if (dateMessage) return { ok: false, message: dateMessage }
  const expected = residentIdCheckCharacter(value.slice(0, 17))
  if (value[17] !== expected) return { ok: false, message: `身份证号校验码错误，应为“${expected}”` }
  return { ok: true }
}

/**
 * Full-width characters to ASCII, and the check character as people type it (`x`, `Ｘ`, the
 * multiplication sign `×`) to `X`.
 */
function normalizeResidentId(input: string): string {
  return toHalfWidth(input.trim()).replace(/×/gu, 'X').toUpperCase()
}

/** Whether `input` is a valid 居民身份证号; see {@link validateResidentId}. */
export function isValidResidentId(input: string, options?: ResidentIdOptions): boolean {
  return validateResidentId(input, options).ok
}

/**
 * Converts a 15-digit first-generation 居民身份证号 to the 18-digit form (inserts `19` before the
 * two-digit year and appends the check character).
 * @throws RangeError when `legacy` is not 15 digits
 */
export function upgradeLegacyResidentId(legacy: string): string {
  const value = toHalfWidth(legacy.trim())
  if (!/^\d{15}$/u.test(value)) throw new RangeError('旧版身份证号应为15位数字')
  const first17 = `${value.slice(0, 6)}19${value.slice(6)}`
  return first17 + residentIdCheckCharacter(first17)
}

/** The birth date of a valid 18-digit 居民身份证号 as `YYYY-MM-DD`, or `undefined` if it is not valid. */
export function residentIdBirthDate(input: string, options?: ResidentIdOptions): string | undefined {
  const value = normalizeResidentId(input)
  if (value.length !== 18 || !isValidResidentId(value, options)) return undefined
  return `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`
}

import { EARLIEST_DOCUMENT_YEAR } from './documentNumber.js'
import { validateCreditCode } from './identifiers/creditCode.js'
import { validateOrganizationCode } from './identifiers/organizationCode.js'
import { toHalfWidth } from './toHalfWidth.js'

/**
 * 索引号 — the index number a publisher assigns to each item in its 政府信息公开目录
 * (government information disclosure catalogue): `前段码/后段码`.
 * 前段码 (`prefix`) is the publisher's 9-character 组织机构代码 or 18-character 统一社会信用代码;
 * 后段码 is `YYYY-NNNNN` (year and a 5-digit serial per publisher per year), or in the variant some
 * provinces use, `YYYYMM-NNNNN`. Examples: `000014349/2018-00222`, `11341702486344515H/202110-00013`.
 * It is assigned once and never changes, even when the publisher is reorganised.
 */
export type IndexNumber = {
  /** 前段码: organisation code or unified social credit code. */
  prefix: string
  year: number
  /** Present only in the `YYYYMM-NNNNN` variant (1–12). */
  month?: number
  /** 1 to {@link MAX_INDEX_SERIAL}. */
  serial: number
}

/** The largest serial a 后段码 can hold (five digits). */
export const MAX_INDEX_SERIAL = 99_999

/** The part of a 索引号 that is wrong. */
export type IndexNumberPart = 'prefix' | 'separator' | 'year' | 'month' | 'serial' | 'whole'

/** Result of {@link parseIndexNumber}. `normalized` is the canonical string to store. */
export type IndexNumberResult =
  | { ok: true; value: IndexNumber; normalized: string; prefixKind: IndexPrefixKind }
  | { ok: false; error: { part: IndexNumberPart; message: string } }

/** Which kind of code a 前段码 is. */
export type IndexPrefixKind = 'organization_code' | 'credit_code'

/** Options for {@link parseIndexNumber}. */
export type ParseIndexNumberOptions = {
  /**
   * Accept the `YYYYMM-NNNNN` 后段码 variant (year and month).
   * @default false
   */
  allowMonthVariant?: boolean
  /**
   * Verify the 前段码's check character. Turn off only to import legacy catalogues whose prefixes
   * were typed without one; the length and alphabet are still checked.
   * @default true
   */
  shouldVerifyPrefix?: boolean
  /**
   * Reference date: the year may be at most one after this date's year, as for 发文字号.
   * @default new Date()
   */
  today?: Date
}

/** Result of {@link validateIndexPrefix}: which kind of code the prefix is, or why it is wrong. */
export type IndexPrefixResult = { ok: true; kind: IndexPrefixKind } | { ok: false; message: string }

/**
 * Validates a 索引号 前段码: a 9-character 组织机构代码 (GB 11714, check character verified) or an
 * 18-character 统一社会信用代码 (GB 32100, check character verified), and reports which it is.
 * The message names the code type whose check failed.
 */
export function validateIndexPrefix(prefix: string, options: { shouldVerify?: boolean } = {}): IndexPrefixResult {
  const value = toHalfWidth(prefix.trim()).toUpperCase()
  const shouldVerify = options.shouldVerify ?? true
  if (value.length === 9) {
    if (!shouldVerify) {
      return /^[0-9A-Z]{8}[0-9X]$/u.test(value)
        ? { ok: true, kind: 'organization_code' }
        : { ok: false, message: '前段码（组织机构代码）应为8位数字或大写字母加1位校验码' }
    }
    const result = validateOrganizationCode(value)
    return result.ok ? { ok: true, kind: 'organization_code' } : { ok: false, message: `前段码${result.message}` }
  }
  if (value.length === 18) {
    if (!shouldVerify) {
      return /^[0-9A-HJ-NPQRTUWXY]{18}$/u.test(value)
        ? { ok: true, kind: 'credit_code' }
        : { ok: false, message: '前段码（统一社会信用代码）包含不允许的字符' }
    }
    const result = validateCreditCode(value)
    return result.ok ? { ok: true, kind: 'credit_code' } : { ok: false, message: `前段码${result.message}` }
  }
  return {
    ok: false,
    message: `前段码应为9位组织机构代码或18位统一社会信用代码，“${value}”为${[...value].length}位`,
  }
}

/** Whether `prefix` is a valid 索引号 前段码 (9-character organisation code or 18-character credit code). */
export function isValidIndexPrefix(prefix: string): boolean {
  return validateIndexPrefix(prefix).ok
}

type Failure = Extract<IndexNumberResult, { ok: false }>
function fail(part: IndexNumberPart, message: string): Failure {
  return { ok: false, error: { part, message } }
}

/**
 * Parses and validates a 索引号 (`前段码/后段码`). Full-width characters, a full-width slash,
 * surrounding spaces and lower-case letters are accepted and normalised.
 *
 * @example
 * parseIndexNumber('000014349/2018-00222')
 * // { ok: true, value: { prefix: '000014349', year: 2018, serial: 222 }, normalized: '000014349/2018-00222', prefixKind: 'organization_code' }
 */
export function parseIndexNumber(input: string, options: ParseIndexNumberOptions = {}): IndexNumberResult {
  if (typeof input !== 'string' || input.trim() === '') return fail('whole', '索引号不能为空')
  const text = toHalfWidth(input.trim()).replace(/\s+/gu, '').replace(/[—–－]/gu, '-').toUpperCase()
  const parts = text.split('/')
  if (parts.length !== 2) {
    return parts.length < 2
      ? fail('separator', '索引号应为“前段码/后段码”，缺少“/”')
      : fail('separator', '索引号只能包含一个“/”')
  }
  const [prefix, suffix] = parts as [string, string]
  if (prefix === '') return fail('prefix', '缺少前段码（组织机构代码或统一社会信用代码）')
  const prefixResult = validateIndexPrefix(prefix, { shouldVerify: options.shouldVerifyPrefix ?? true })
  if (!prefixResult.ok) return fail('prefix', prefixResult.message)

  const match = /^(\d+)-(\d+)$/u.exec(suffix)
  if (!match) {
    const expected = options.allowMonthVariant ? '“YYYY-NNNNN”或“YYYYMM-NNNNN”' : '“YYYY-NNNNN”'
    return fail('whole', `后段码“${suffix}”应为${expected}，如“2018-00222”`)
  }
  const [, dateText, serialText] = match as unknown as [string, string, string]
  let month: number | undefined
  if (dateText.length === 6) {
    if (!options.allowMonthVariant) return fail('month', '后段码应为“YYYY-NNNNN”，不含月份')
    month = Number(dateText.slice(4))
    if (month < 1 || month > 12) return fail('month', `月份“${dateText.slice(4)}”应在01至12之间`)
  } else if (dateText.length !== 4) {
    return fail('year', `年份“${dateText}”应为四位数字`)
  }
  const year = Number(dateText.slice(0, 4))
  const latestYear = (options.today ?? new Date()).getFullYear() + 1
  if (year < EARLIEST_DOCUMENT_YEAR || year > latestYear) {
    return fail('year', `年份“${year}”不在合理范围内（${EARLIEST_DOCUMENT_YEAR}年至${latestYear}年）`)
  }
  if (serialText.length !== 5) return fail('serial', `流水号“${serialText}”应为5位数字，不足5位前面补零`)
  const serial = Number(serialText)
  if (serial === 0) return fail('serial', '流水号应从00001开始')

  const value: IndexNumber = month === undefined ? { prefix, year, serial } : { prefix, year, month, serial }
  return { ok: true, value, normalized: formatIndexNumber(value), prefixKind: prefixResult.kind }
}

/**
 * Formats a 索引号: `000014349/2018-00222`, or `…/202110-00013` when `month` is set.
 * @throws RangeError when the year is not four digits, the month is not 1–12 or the serial is not 1–99999
 */
export function formatIndexNumber(value: IndexNumber): string {
  if (!Number.isInteger(value.year) || value.year < 1000 || value.year > 9999) {
    throw new RangeError(`年份“${value.year}”应为四位数字`)
  }
  if (value.month !== undefined && (!Number.isInteger(value.month) || value.month < 1 || value.month > 12)) {
    throw new RangeError(`月份“${value.month}”应在1至12之间`)
  }
  if (!Number.isInteger(value.serial) || value.serial < 1 || value.serial > MAX_INDEX_SERIAL) {
    throw new RangeError(`流水号“${value.serial}”应在1至${MAX_INDEX_SERIAL}之间`)
  }
  const prefix = toHalfWidth(value.prefix.trim()).toUpperCase()
  const date = value.month === undefined ? `${value.year}` : `${value.year}${String(value.month).padStart(2, '0')}`
  return `${prefix}/${date}-${String(value.serial).padStart(5, '0')}`
}

/** Thrown by {@link nextIndexNumber} when a publisher has used every serial of the year (or month). */
export class IndexSerialOverflowError extends RangeError {
  override readonly name = 'IndexSerialOverflowError'
  constructor(
    readonly prefix: string,
    readonly year: number,
    readonly month?: number,
  ) {
    const period = month === undefined ? `${year}年` : `${year}年${month}月`
    super(`前段码“${prefix}”${period}的索引号流水号已用完（最多${MAX_INDEX_SERIAL}个）`)
  }
}

/** Input of {@link nextIndexNumber}. */
export type NextIndexNumberInput = {
  prefix: string
  year: number
  /** Set for the `YYYYMM-NNNNN` variant. */
  month?: number
  /** The highest serial already used for this prefix and year (and month); `0` (or `null`) when none. */
  lastSerial: number | null
}

/**
 * The next 索引号 after `lastSerial` for a publisher, year (and month). Pure: the caller must read
 * `lastSerial` and store the result atomically (e.g. in one transaction with a row lock or a unique
 * constraint and retry), since serials are per publisher per year and publishing can be concurrent.
 *
 * @throws IndexSerialOverflowError when the serial would exceed 99999
 * @throws RangeError when the prefix is not a valid 前段码 or another part is invalid
 * @example nextIndexNumber({ prefix: '000014349', year: 2018, lastSerial: 221 }) // serial 222 → '000014349/2018-00222'
 */
export function nextIndexNumber(input: NextIndexNumberInput): IndexNumber {
  const prefix = toHalfWidth(input.prefix.trim()).toUpperCase()
  const prefixResult = validateIndexPrefix(prefix)
  if (!prefixResult.ok) throw new RangeError(prefixResult.message)
  const lastSerial = input.lastSerial ?? 0
  if (!Number.isInteger(lastSerial) || lastSerial < 0) {
    throw new RangeError(`上一个流水号“${input.lastSerial}”应为非负整数`)
  }
  if (lastSerial >= MAX_INDEX_SERIAL) throw new IndexSerialOverflowError(prefix, input.year, input.month)
  const value: IndexNumber =
    input.month === undefined
      ? { prefix, year: input.year, serial: lastSerial + 1 }
      : { prefix, year: input.year, month: input.month, serial: lastSerial + 1 }
  formatIndexNumber(value) // validates year and month
  return value
}

/**
 * Orders 索引号 by prefix, year, month (a number without a month first) and serial.
 * Usable directly as an `Array.prototype.sort` comparator.
 */
export function compareIndexNumbers(a: IndexNumber, b: IndexNumber): number {
  if (a.prefix !== b.prefix) return a.prefix < b.prefix ? -1 : 1
  if (a.year !== b.year) return a.year - b.year
  if (a.month !== b.month) return (a.month ?? 0) - (b.month ?? 0)
  return a.serial - b.serial
}

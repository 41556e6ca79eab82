import { describe, expect, it } from 'vitest'
import {
  compareIndexNumbers,
  formatIndexNumber,
  IndexSerialOverflowError,
  isValidIndexPrefix,
  MAX_INDEX_SERIAL,
  nextIndexNumber,
  parseIndexNumber,
  validateIndexPrefix,
  type IndexNumber,
} from './indexNumber.js'
import { makeCreditCode, makeOrganizationCode, toFullWidth, withWrongCheck } from './test-support/identifiers.js'

const today = new Date(2026, 10, 26)

const creditCode = makeCreditCode('12120114MB1234567')
const organizationCode = makeOrganizationCode('MB123456')

describe('parseIndexNumber', () => {
  it.each([
    ['000014349/2018-00222', { prefix: '000014349', year: 2018, serial: 222 }, 'organization_code'],
    ['11341702486344515H/2021-00013', { prefix: '11341702486344515H', year: 2021, serial: 13 }, 'credit_code'],
    [`${creditCode}/2024-99999`, { prefix: creditCode, year: 2024, serial: 99999 }, 'credit_code'],
    [`${organizationCode}/2019-00001`, { prefix: organizationCode, year: 2019, serial: 1 }, 'organization_code'],
  ] as const)('parses %s', (input, value, prefixKind) => {
    expect(parseIndexNumber(input)).toEqual({ ok: true, value, normalized: input, prefixKind })
  })

  it.each([
    [' 000014349/2018-00222 ', '000014349/2018-00222'],
    ['000014349 / 2018 - 00222', '000014349/2018-00222'],
    [toFullWidth('000014349') + '／' + toFullWidth('2018') + '－' + toFullWidth('00222'), '000014349/2018-00222'],
    ['11341702486344515h/2021-00013', '11341702486344515H/2021-00013'],
    ['000014349/2018—00222', '000014349/2018-00222'],
  ])('normalises %j to %s', (input, normalized) => {
    expect(parseIndexNumber(input)).toMatchObject({ ok: true, normalized })
  })

  it('parses the YYYYMM variant when allowed', () => {
    expect(parseIndexNumber('11341702486344515H/202110-00013', { allowMonthVariant: true })).toEqual({
      ok: true,
      value: { prefix: '11341702486344515H', year: 2021, month: 10, serial: 13 },
      normalized: '11341702486344515H/202110-00013',
      prefixKind: 'credit_code',
    })
  })

  it.each([
    ['', 'whole', '索引号不能为空'],
    ['000014349-2018-00222', 'separator', '索引号应为“前段码/后段码”，缺少“/”'],
    ['000014349/2018/00222', 'separator', '索引号只能包含一个“/”'],
    ['/2018-00222', 'prefix', '缺少前段码（组织机构代码或统一社会信用代码）'],
    ['00001434/2018-00222', 'prefix', '前段码应为9位组织机构代码或18位统一社会信用代码，“00001434”为8位'],
    ['0000143490/2018-00222', 'prefix', '前段码应为9位组织机构代码或18位统一社会信用代码，“0000143490”为10位'],
    ['000014348/2018-00222', 'prefix', '前段码组织机构代码校验码错误，应为“9”'],
    ['11341702486344515J/2018-00222', 'prefix', '前段码统一社会信用代码校验码错误，应为“H”'],
    ['11341702486344515I/2018-00222', 'prefix', '前段码统一社会信用代码不能包含“I”（不使用I、O、S、V、Z）'],
    ['000014349/', 'whole', '后段码“”应为“YYYY-NNNNN”，如“2018-00222”'],
    ['000014349/2018', 'whole', '后段码“2018”应为“YYYY-NNNNN”，如“2018-00222”'],
    ['000014349/2018-0022A', 'whole', '后段码“2018-0022A”应为“YYYY-NNNNN”，如“2018-00222”'],
    ['000014349/202110-00013', 'month', '后段码应为“YYYY-NNNNN”，不含月份'],
    ['000014349/18-00222', 'year', '年份“18”应为四位数字'],
    ['000014349/20180-00222', 'year', '年份“20180”应为四位数字'],
    ['000014349/1900-00222', 'year', '年份“1900”不在合理范围内（1949年至2027年）'],
    ['000014349/2999-00222', 'year', '年份“2999”不在合理范围内（1949年至2027年）'],
    ['000014349/2028-00222', 'year', '年份“2028”不在合理范围内（1949年至2027年）'],
    ['000014349/2018-222', 'serial', '流水号“222”应为5位数字，不足5位前面补零'],
    ['000014349/2018-000222', 'serial', '流水号“000222”应为5位数字，不足5位前面补零'],
    ['000014349/2018-00000', 'serial', '流水号应从00001开始'],
  ])('rejects %j (%s): %s', (input, part, message) => {
    expect(parseIndexNumber(input, { today })).toEqual({ ok: false, error: { part, message } })
  })

  it.each([
    ['000014349/202113-00013', 'month', '月份“13”应在01至12之间'],
    ['000014349/202100-00013', 'month', '月份“00”应在01至12之间'],
    ['000014349/2021-00013x', 'whole', '后段码“2021-00013X”应为“YYYY-NNNNN”或“YYYYMM-NNNNN”，如“2018-00222”'],
  ])('with the month variant rejects %j (%s)', (input, part, message) => {
    expect(parseIndexNumber(input, { allowMonthVariant: true })).toEqual({ ok: false, error: { part, message } })
  })

  it('accepts a prefix with a wrong check character only when verification is off', () => {
    expect(parseIndexNumber('000014348/2018-00222', { shouldVerifyPrefix: false })).toMatchObject({ ok: true })
    expect(parseIndexNumber('00001434Y/2018-00222', { shouldVerifyPrefix: false })).toMatchObject({
      ok: false,
      error: { part: 'prefix' },
    })
  })
})

describe('validateIndexPrefix', () => {
  it.each([
    ['000014349', 'organization_code'],
    ['11341702486344515H', 'credit_code'],
    [creditCode, 'credit_code'],
    [organizationCode, 'organization_code'],
  ] as const)('recognises %s as %s', (prefix, kind) => {
    expect(validateIndexPrefix(prefix)).toEqual({ ok: true, kind })
    expect(isValidIndexPrefix(prefix)).toBe(true)
  })

  it.each([
    [withWrongCheck(organizationCode), '组织机构代码'],
    [withWrongCheck(creditCode, '0123456789ABCDEFGHJKLMNPQRTUWXY'), '统一社会信用代码'],
  ])('says which code type failed for %s', (prefix, typeName) => {
    const result = validateIndexPrefix(prefix)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.message).toContain(`前段码${typeName}校验码错误`)
    expect(isValidIndexPrefix(prefix)).toBe(false)
  })

  it.each(['', '12345', '1134170248634451'])('rejects the length of %j', (prefix) => {
    expect(isValidIndexPrefix(prefix)).toBe(false)
  })
})

describe('formatIndexNumber', () => {
  it.each([
    [{ prefix: '000014349', year: 2018, serial: 222 }, '000014349/2018-00222'],
    [{ prefix: '11341702486344515H', year: 2021, month: 10, serial: 13 }, '11341702486344515H/202110-00013'],
    [{ prefix: '11341702486344515H', year: 2021, month: 3, serial: 1 }, '11341702486344515H/202103-00001'],
    [{ prefix: '000014349', year: 2018, serial: 99999 }, '000014349/2018-99999'],
  ])('formats %j as %s', (value, expected) => {
    expect(formatIndexNumber(value)).toBe(expected)
  })

  it.each([
    [{ prefix: '000014349', year: 18, serial: 1 }, '年份“18”应为四位数字'],
    [{ prefix: '000014349', year: 2018, month: 13, serial: 1 }, '月份“13”应在1至12之间'],
    [{ prefix: '000014349', year: 2018, month: 0, serial: 1 }, '月份“0”应在1至12之间'],
    [{ prefix: '000014349', year: 2018, serial: 0 }, '流水号“0”应在1至99999之间'],
    [{ prefix: '000014349', year: 2018, serial: 100000 }, '流水号“100000”应在1至99999之间'],
  ])('throws on %j', (value, message) => {
    expect(() => formatIndexNumber(value)).toThrow(message)
  })

  it('round-trips parse → format', () => {
    for (const input of ['000014349/2018-00222', '11341702486344515H/2021-00013']) {
      const result = parseIndexNumber(input)
      expect(result.ok && formatIndexNumber(result.value)).toBe(input)
    }
  })
})

describe('nextIndexNumber', () => {
  it.each([
    [{ prefix: '000014349', year: 2018, lastSerial: 221 }, '000014349/2018-00222'],
    [{ prefix: '000014349', year: 2018, lastSerial: 0 }, '000014349/2018-00001'],
    [{ prefix: '000014349', year: 2018, lastSerial: null }, '000014349/2018-00001'],
    [{ prefix: '000014349', year: 2018, lastSerial: 99998 }, '000014349/2018-99999'],
    [{ prefix: '11341702486344515h', year: 2021, month: 10, lastSerial: 12 }, '11341702486344515H/202110-00013'],
  ])('after %j comes %s', (input, expected) => {
    expect(formatIndexNumber(nextIndexNumber(input))).toBe(expected)
  })

  it('returns a value without month when none is given', () => {
    expect(nextIndexNumber({ prefix: '000014349', year: 2018, lastSerial: 5 })).toEqual({
      prefix: '000014349',
      year: 2018,
      serial: 6,
    })
  })

  it('throws IndexSerialOverflowError after serial 99999', () => {
    const call = () => nextIndexNumber({ prefix: '000014349', year: 2018, lastSerial: MAX_INDEX_SERIAL })
    expect(call).toThrow(IndexSerialOverflowError)
    expect(call).toThrow('前段码“000014349”2018年的索引号流水号已用完（最多99999个）')
  })

  it('names the month in the overflow error of the YYYYMM variant', () => {
    expect(() => nextIndexNumber({ prefix: '000014349', year: 2021, month: 10, lastSerial: 99999 })).toThrow(
      '2021年10月的索引号流水号已用完',
    )
  })

  it.each([
    [{ prefix: '000014348', year: 2018, lastSerial: 1 }, '前段码组织机构代码校验码错误，应为“9”'],
    [{ prefix: '000014349', year: 2018, lastSerial: -1 }, '上一个流水号“-1”应为非负整数'],
    [{ prefix: '000014349', year: 2018, lastSerial: 1.5 }, '上一个流水号“1.5”应为非负整数'],
    [{ prefix: '000014349', year: 2018, month: 13, lastSerial: 1 }, '月份“13”应在1至12之间'],
  ])('rejects %j', (input, message) => {
    expect(() => nextIndexNumber(input)).toThrow(message)
  })
})

describe('compareIndexNumbers', () => {
  const value = (prefix: string, year: number, serial: number, month?: number): IndexNumber =>
    month === undefined ? { prefix, year, serial } : { prefix, year, month, serial }

  it('sorts by prefix, year, month and serial', () => {
    const sorted = [
      value('000014349', 2018, 10),
      value('000014349', 2017, 99),
      value('000014349', 2018, 9),
      value('11341702486344515H', 2021, 2, 10),
      value('11341702486344515H', 2021, 1, 11),
    ]
      .sort(compareIndexNumbers)
      .map(formatIndexNumber)
    expect(sorted).toEqual([
      '000014349/2017-00099',
      '000014349/2018-00009',
      '000014349/2018-00010',
      '11341702486344515H/202110-00002',
      '11341702486344515H/202111-00001',
    ])
  })
})

describe('parseIndexNumber: year bounds', () => {
  it('accepts next year (numbers reserved in late December) and nothing later', () => {
    expect(parseIndexNumber('000014349/2027-00001', { today })).toMatchObject({ ok: true, value: { year: 2027 } })
    expect(parseIndexNumber('000014349/202801-00001', { today, allowMonthVariant: true })).toMatchObject({
      ok: false,
      error: { part: 'year' },
    })
  })
})

import { describe, expect, it } from 'vitest'
import { makeResidentId, toFullWidth, withWrongCheck } from '../test-support/identifiers.js'
import {
  isValidResidentId,
  residentIdBirthDate,
  residentIdCheckCharacter,
  upgradeLegacyResidentId,
  validateResidentId,
} from './residentId.js'

const today = new Date(2026, 10, 26)

// Generated with an independent implementation of GB 11643 in test-support, covering every check character.
const generated = [
  makeResidentId('350102', '19900101', '123'),
  makeResidentId('110105', '19491231', '002'),
  makeResidentId('440305', '20000229', '415'),
  makeResidentId('120114', '19761018', '301'),
  makeResidentId('652901', '20261126', '009'),
  makeResidentId('310101', '18991231', '777'),
  ...Array.from({ length: 30 }, (_, index) => makeResidentId('510104', `1985${String((index % 12) + 1).padStart(2, '0')}15`, String(100 + index))),
]

describe('validateResidentId', () => {
  it.each([
    ['11010519491231002X', 'the GB 11643 example with check X'],
    ['440524188001010014', 'the GB 11643 example born in 1880'],
    ['11010519491231002x', 'a lower-case x'],
    [toFullWidth('11010519491231002X'), 'full-width characters'],
    [' 11010519491231002X ', 'surrounding spaces'],
    ['11010519491231002×', 'the check character typed as ×'],
    ['11010519491231002ｘ', 'a full-width lower-case ｘ'],
    [makeResidentId('810000', '19900101', '123'), 'a Hong Kong residence permit (81)'],
    [makeResidentId('830000', '19900101', '123'), 'a Taiwan residence permit (83)'],
    [makeResidentId('711234', '19900101', '123'), 'Taiwan (71)'],
    [makeResidentId('911156', '19900101', '123'), 'a 2023 foreigners’ permanent residence card (9 + 11)'],
  ])('accepts %s (%s)', (input) => {
    expect(validateResidentId(input, { today })).toEqual({ ok: true })
  })

  it.each(generated)('accepts generated valid number %s', (id) => {
    expect(isValidResidentId(id, { today })).toBe(true)
  })

  it('generated numbers cover all eleven check characters', () => {
    const many = Array.from({ length: 200 }, (_, index) => makeResidentId('330106', '19800101', String(index).padStart(3, '0')))
    expect(new Set(many.map((id) => id.at(-1))).size).toBe(11)
    expect(many.every((id) => isValidResidentId(id, { today }))).toBe(true)
  })

  it.each(generated.slice(0, 12))('rejects %s with a wrong check character and says the expected one', (id) => {
    const result = validateResidentId(withWrongCheck(id), { today })
    expect(result).toEqual({ ok: false, message: `身份证号校验码错误，应为“${id.at(-1)}”` })
  })

  it.each([
    ['', '身份证号应为18位'],
    ['1101051949123100', '身份证号应为18位'],
    ['11010519491231002X1', '身份证号应为18位'],
    ['110105194912310021X', '身份证号应为18位'],
    ['1101051949123100XX', '身份证号前17位应为数字，末位应为数字或X'],
    ['11010519491231002Y', '身份证号前17位应为数字，末位应为数字或X'],
    ['11010519491A31002X', '身份证号前17位应为数字，末位应为数字或X'],
    [makeResidentId('990101', '19900101', '123'), '身份证号前两位“99”不是有效的省级行政区划代码'],
    [makeResidentId('000000', '19900101', '123'), '身份证号前两位“00”不是有效的省级行政区划代码'],
    [makeResidentId('160101', '19900101', '123'), '身份证号前两位“16”不是有效的省级行政区划代码'],
    [makeResidentId('840101', '19900101', '123'), '身份证号前两位“84”不是有效的省级行政区划代码'],
    [makeResidentId('901101', '19900101', '123'), '身份证号前两位“90”不是有效的省级行政区划代码'],
    [makeResidentId('110105', '19490230', '002'), '出生日期“19490230”不是有效日期'],
    [makeResidentId('110105', '19491301', '002'), '出生日期“19491301”不是有效日期'],
    [makeResidentId('110105', '19490000', '002'), '出生日期“19490000”不是有效日期'],
    [makeResidentId('110105', '19000229', '002'), '出生日期“19000229”不是有效日期'],
    [makeResidentId('110105', '17991231', '002'), '出生日期“17991231”早于1800年'],
    [makeResidentId('110105', '20261127', '002'), '出生日期“20261127”晚于今天'],
    [makeResidentId('110105', '20990101', '002'), '出生日期“20990101”晚于今天'],
  ])('rejects %j: %s', (input, message) => {
    expect(validateResidentId(input, { today })).toEqual({ ok: false, message })
  })

  it('accepts every GB/T 2260 province code and no other two-digit prefix', () => {
    const accepted = Array.from({ length: 100 }, (_, index) => String(index).padStart(2, '0')).filter((prefix) =>
      isValidResidentId(makeResidentId(`${prefix}9901`, '19900101', '123'), { today }),
    )
    expect(accepted).toEqual([
      '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
      '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
      '71', '81', '82', '83',
      // (9 + a province code, the 2023 外国人永久居留身份证, is not among them: the third digit is 9 here.)
    ])
  })

  it('rejects a legacy 15-digit number with an impossible province code', () => {
    expect(validateResidentId('990102900101123', { today, allowLegacy: true })).toEqual({
      ok: false,
      message: '身份证号前两位“99”不是有效的省级行政区划代码',
    })
  })

  it('accepts a leap day in a leap year', () => {
    expect(isValidResidentId(makeResidentId('110105', '20040229', '002'), { today })).toBe(true)
  })

  it('rejects 15-digit first-generation numbers unless allowed', () => {
    expect(validateResidentId('350102900101123', { today })).toEqual({ ok: false, message: '身份证号应为18位' })
    expect(validateResidentId('350102900101123', { today, allowLegacy: true })).toEqual({ ok: true })
    expect(validateResidentId('350102901301123', { today, allowLegacy: true })).toEqual({
      ok: false,
      message: '出生日期“19901301”不是有效日期',
    })
  })
})

describe('residentIdCheckCharacter', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
  ])('of %s is %s', (first17, expected) => {
    expect(residentIdCheckCharacter(first17)).toBe(expected)
  })

  it.each(['1101051949123100', '1101051949123100X', ''])('throws on %j', (input) => {
    expect(() => residentIdCheckCharacter(input)).toThrow('身份证号本体码应为17位数字')
  })
})

describe('upgradeLegacyResidentId', () => {
  it.each([
    ['350102900101123', makeResidentId('350102', '19900101', '123')],
    ['110105491231002', '11010519491231002X'],
  ])('upgrades %s to %s', (legacy, expected) => {
    expect(upgradeLegacyResidentId(legacy)).toBe(expected)
  })

  it('throws on input that is not 15 digits', () => {
    expect(() => upgradeLegacyResidentId('11010519491231002X')).toThrow('旧版身份证号应为15位数字')
  })
})

describe('residentIdBirthDate', () => {
  it('reads the birth date of a valid number', () => {
    expect(residentIdBirthDate('11010519491231002X', { today })).toBe('1949-12-31')
  })

  it('returns undefined for an invalid number', () => {
    expect(residentIdBirthDate('110105194912310021', { today })).toBeUndefined()
  })
})

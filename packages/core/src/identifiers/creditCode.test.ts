import { describe, expect, it } from 'vitest'
import { makeCreditCode, toFullWidth, withWrongCheck } from '../test-support/identifiers.js'
import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter, isValidCreditCode, validateCreditCode } from './creditCode.js'

const generated = [
  makeCreditCode('11341702486344515'),
  makeCreditCode('91350100M000100Y4'),
  makeCreditCode('12100000400000000'),
  makeCreditCode('91440300MA5FXXXXX'.replace(/X/gu, '0')),
  makeCreditCode('51110000500000000'),
  makeCreditCode('Y1110000MJ0000000'),
  makeCreditCode('93120116MA07ABCDE'),
  makeCreditCode('N2120000000000000'),
]

describe('validateCreditCode', () => {
  it.each([
    ['11341702486344515H', 'the 索引号 example from the reference'],
    ['91350100M000100Y43', 'a widely published example'],
    ['91350100m000100y43', 'lower case'],
    [toFullWidth('91350100M000100Y43'), 'full-width characters'],
  ])('accepts %s (%s)', (input) => {
    expect(validateCreditCode(input)).toEqual({ ok: true })
  })

  it.each(generated)('accepts generated code %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true)
  })

  it.each(generated)('rejects %s with a wrong check character and names the right one', (code) => {
    expect(validateCreditCode(withWrongCheck(code, CREDIT_CODE_ALPHABET))).toEqual({
      ok: false,
      message: `统一社会信用代码校验码错误，应为“${code.at(-1)}”`,
    })
  })

  it.each([
    ['', '统一社会信用代码应为18位'],
    ['91350100M000100Y4', '统一社会信用代码应为18位'],
    ['91350100M000100Y431', '统一社会信用代码应为18位'],
    ['91350100M000100I43', '统一社会信用代码不能包含“I”（不使用I、O、S、V、Z）'],
    ['91350100M000100O43', '统一社会信用代码不能包含“O”（不使用I、O、S、V、Z）'],
    ['9135010SM000100Y43', '统一社会信用代码不能包含“S”（不使用I、O、S、V、Z）'],
    ['91350100M000100V43', '统一社会信用代码不能包含“V”（不使用I、O、S、V、Z）'],
    ['91350100M000100Z43', '统一社会信用代码不能包含“Z”（不使用I、O、S、V、Z）'],
    ['913501-0M000100Y43', '统一社会信用代码不能包含“-”（不使用I、O、S、V、Z）'],
    [makeCreditCode('91A50100M000100Y4'), '统一社会信用代码第3至8位应为行政区划码（6位数字）'],
  ])('rejects %j: %s', (input, message) => {
    expect(validateCreditCode(input)).toEqual({ ok: false, message })
  })
})

describe('creditCodeCheckCharacter', () => {
  it('computes the check character of the reference example', () => {
    expect(creditCodeCheckCharacter('11341702486344515')).toBe('H')
  })

  it.each(['1134170248634451', '1134170248634451I'])('throws on %j', (input) => {
    expect(() => creditCodeCheckCharacter(input)).toThrow(RangeError)
  })
})

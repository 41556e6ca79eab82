import { describe, expect, it } from 'vitest'
import { makeOrganizationCode, withWrongCheck } from '../test-support/identifiers.js'
import { isValidOrganizationCode, organizationCodeCheckCharacter, validateOrganizationCode } from './organizationCode.js'

// Bodies chosen so the generated check characters include X and 0.
const generated = ['00001434', '48634451', 'MA07ABCD', '12345678', '00000001', '70000000', 'D2143123', '40000011'].map(makeOrganizationCode)

describe('validateOrganizationCode', () => {
  it.each([
    ['000014349', 'the 索引号 example from the reference'],
    ['00001434-9', 'the printed form with a hyphen'],
    ['486344515', 'the body of the credit code example'],
  ])('accepts %s (%s)', (input) => {
    expect(validateOrganizationCode(input)).toEqual({ ok: true })
  })

  it.each(generated)('accepts generated code %s', (code) => {
    expect(isValidOrganizationCode(code)).toBe(true)
  })

  it('generated codes include the X and 0 check characters', () => {
    const checks = new Set(generated.map((code) => code.at(-1)))
    expect(checks.has('X') || checks.has('0')).toBe(true)
  })

  it.each(generated)('rejects %s with a wrong check character', (code) => {
    expect(validateOrganizationCode(withWrongCheck(code))).toEqual({
      ok: false,
      message: `组织机构代码校验码错误，应为“${code.at(-1)}”`,
    })
  })

  it.each([
    ['', '组织机构代码应为9位'],
    ['00001434', '组织机构代码应为9位'],
    ['0000143491', '组织机构代码应为9位'],
    ['0000-1434', '组织机构代码前8位应为数字或大写字母，末位应为数字或X'],
    ['0000143_9', '组织机构代码前8位应为数字或大写字母，末位应为数字或X'],
    ['00001434Y', '组织机构代码前8位应为数字或大写字母，末位应为数字或X'],
  ])('rejects %j: %s', (input, message) => {
    expect(validateOrganizationCode(input)).toEqual({ ok: false, message })
  })
})

describe('organizationCodeCheckCharacter', () => {
  it.each([
    ['00001434', '9'],
    ['48634451', '5'],
  ])('of %s is %s', (body, expected) => {
    expect(organizationCodeCheckCharacter(body)).toBe(expected)
  })

  it('throws on a body that is not 8 characters', () => {
    expect(() => organizationCodeCheckCharacter('0000143')).toThrow('组织机构代码本体应为8位数字或大写字母')
  })
})

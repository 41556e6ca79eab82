import { describe, expect, it } from 'vitest'
import { makeLuhn, toFullWidth } from '../test-support/identifiers.js'
import { isValidBankCard, passesLuhn, validateBankCard } from './bankCard.js'

const generated = [
  makeLuhn('622202123456789'), // 16
  makeLuhn('6228480012345678'), // 17
  makeLuhn('62148301234567890'), // 18
  makeLuhn('621700123456789012'), // 19
  makeLuhn('436742000000000'),
  makeLuhn('625807999999999999'),
]

describe('validateBankCard', () => {
  it.each(['4111111111111111', '5500005555555559', ...generated])('accepts %s', (card) => {
    expect(validateBankCard(card)).toEqual({ ok: true })
  })

  it.each([
    [`${generated[0]!.slice(0, 4)} ${generated[0]!.slice(4, 8)} ${generated[0]!.slice(8, 12)} ${generated[0]!.slice(12)}`],
    [generated[3]!.replace(/(\d{4})(?=\d)/gu, '$1-')],
    [toFullWidth(generated[1]!)],
  ])('accepts the grouped or full-width form %j', (card) => {
    expect(isValidBankCard(card)).toBe(true)
  })

  it.each([
    ['', '银行卡号应只包含数字'],
    ['6222 0212 3456 789a', '银行卡号应只包含数字'],
    ['411111111111111', '银行卡号应为16至19位数字'],
    [makeLuhn('62170012345678901234'), '银行卡号应为16至19位数字'],
    ['4111111111111112', '银行卡号未通过Luhn校验'],
    [`${generated[2]!.slice(0, -1)}${(Number(generated[2]!.at(-1)) + 1) % 10}`, '银行卡号未通过Luhn校验'],
  ])('rejects %j: %s', (input, message) => {
    expect(validateBankCard(input)).toEqual({ ok: false, message })
  })
})

describe('passesLuhn', () => {
  it.each([
    ['79927398713', true],
    ['79927398710', false],
    ['0', true],
    ['', false],
    ['12a4', false],
  ])('passesLuhn(%j) is %s', (digits, expected) => {
    expect(passesLuhn(digits)).toBe(expected)
  })

  it('detects every single-digit change of a valid number', () => {
    const card = generated[0]!
    for (let index = 0; index < card.length; index++) {
      const changed = card.slice(0, index) + String((Number(card[index]) + 1) % 10) + card.slice(index + 1)
      expect(passesLuhn(changed)).toBe(false)
    }
  })
})

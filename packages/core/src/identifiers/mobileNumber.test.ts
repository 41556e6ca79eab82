import { describe, expect, it } from 'vitest'
import { isMobileNumber, normalizeMobileNumber, validateMobileNumber } from './mobileNumber.js'

describe('validateMobileNumber', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['19912345678', '19912345678'],
    ['16612345678', '16612345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 13812345678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['86-138-1234-5678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
  ])('accepts %j (normalised %s)', (input, digits) => {
    expect(validateMobileNumber(input)).toEqual({ ok: true })
    expect(normalizeMobileNumber(input)).toBe(digits)
  })

  it.each([
    ['12812345678', '手机号应以13至19开头'],
    ['10012345678', '手机号应以13至19开头'],
    ['23812345678', '手机号应以13至19开头'],
    ['1381234567', '手机号应为11位数字'],
    ['138123456789', '手机号应为11位数字'],
    ['1381234567a', '手机号应为11位数字'],
    ['138  1234 5678', '手机号应为11位数字'],
    ['138.1234.5678', '手机号应为11位数字'],
    ['0591-87654321', '手机号应为11位数字'],
    ['', '手机号应为11位数字'],
  ])('rejects %j: %s', (input, message) => {
    expect(validateMobileNumber(input)).toEqual({ ok: false, message })
  })

  it.each([
    ['13812345678', true],
    ['12812345678', false],
  ])('isMobileNumber(%j) is %s', (input, expected) => {
    expect(isMobileNumber(input)).toBe(expected)
  })
})

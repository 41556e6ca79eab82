import { describe, expect, it } from 'vitest'
import { maskBankCard, maskCharacters, maskEmail, maskMobileNumber, maskResidentId } from './masks.js'

describe('masks', () => {
  it.each([
    ['350102199001011234', '35*************234'],
    ['11010519491231002X', '11*************02X'],
    ['350102900101123', '35**********123'],
    ['350102 19900101 1234', '35**** ******** *234'],
  ])('maskResidentId(%j) is %j', (input, expected) => {
    expect(maskResidentId(input)).toBe(expected)
  })

  it.each([
    ['13812345678', '138****5678'],
    ['138 1234 5678', '138 **** 5678'],
    ['138-1234-5678', '138-****-5678'],
    ['+86 13812345678', '+86 138****5678'],
    ['008613812345678', '0086138****5678'],
    ['８６１３８１２３４５６７８', '８６１３８****５６７８'],
  ])('maskMobileNumber(%j) is %j', (input, expected) => {
    expect(maskMobileNumber(input)).toBe(expected)
  })

  it.each([
    ['6222021234567890128', '6222***********0128'],
    ['4111 1111 1111 1111', '4111 **** **** 1111'],
    ['4111-1111-1111-1111', '4111-****-****-1111'],
  ])('maskBankCard(%j) is %j', (input, expected) => {
    expect(maskBankCard(input)).toBe(expected)
  })

  it.each([
    ['zhangsan@example.com', 'z***@example.com'],
    ['a@example.com', 'a***@example.com'],
    ['no-at-sign', 'no-at-sign'],
    ['@example.com', '@example.com'],
  ])('maskEmail(%j) is %j', (input, expected) => {
    expect(maskEmail(input)).toBe(expected)
  })

  it('keeps everything when the kept parts cover the value', () => {
    expect(maskCharacters('12345', 3, 4)).toBe('12345')
  })
})

import { describe, expect, it } from 'vitest'
import { hasFullWidth, toHalfWidth } from './toHalfWidth.js'

describe('toHalfWidth', () => {
  it.each([
    ['１３８１２３４５６７８', '13812345678'],
    ['ＡＢＣｘ', 'ABCx'],
    ['０００ ０１４３４９／２０１８－００２２２', '000 014349/2018-00222'],
    ['a　b', 'a b'],
    ['（）', '()'],
    ['国办发〔2018〕', '国办发〔2018〕'],
    ['', ''],
  ])('converts %j to %j', (input, expected) => {
    expect(toHalfWidth(input)).toBe(expected)
  })

  it('keeps every offset (same length)', () => {
    const input = '电话：１３８ｘ〔２〕　！'
    expect(toHalfWidth(input)).toHaveLength(input.length)
  })

  it.each([
    ['１', true],
    ['　', true],
    ['1', false],
    ['〔〕汉字', false],
  ])('hasFullWidth(%j) is %s', (input, expected) => {
    expect(hasFullWidth(input)).toBe(expected)
  })
})

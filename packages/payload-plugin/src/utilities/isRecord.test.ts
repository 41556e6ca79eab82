import { describe, expect, it } from 'vitest'

import { isRecord } from './isRecord.js'

describe('isRecord', () => {
  it('accepts plain objects, including ones without a prototype', () => {
    expect(isRecord({ zh: '标题' })).toBe(true)
    expect(isRecord(Object.create(null))).toBe(true)
  })

  it('rejects null, arrays and primitives, which have no fields to read by name', () => {
    for (const value of [null, undefined, [], ['a'], 'text', 1, true]) expect(isRecord(value)).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { characterCount, plainText, truncate } from './text.js'

describe('truncate', () => {
  it('leaves text within the limit untouched', () => {
    expect(truncate('关于做好政务公开工作的通知', 32)).toBe('关于做好政务公开工作的通知')
  })

  it('cuts to exactly the limit, ending with an ellipsis', () => {
    const result = truncate('政'.repeat(40), 32)
    expect(characterCount(result)).toBe(32)
    expect(result.endsWith('政…')).toBe(true)
  })

  it('never splits an emoji or a surrogate pair', () => {
    const result = truncate('👍🏽'.repeat(10), 5)
    expect(result).toBe('👍🏽👍🏽👍🏽👍🏽…')
  })

  it('prefers to end after a sentence mark in the last third', () => {
    expect(truncate('第一句说明情况很重要。第二句继续说明很多很多内容直到超长为止', 16)).toBe('第一句说明情况很重要。')
    expect(truncate('一二三四五。六七八九十一二三四五六七八九十', 16)).toBe('一二三四五。六七八九十一二三四…')
  })
})

describe('plainText', () => {
  it('drops tags, scripts and decodes entities', () => {
    expect(plainText('<p>A&amp;B&nbsp;&#x4E2D;&#25991;</p><script>x()</script><br>公开')).toBe('A&B 中文 公开')
  })
})

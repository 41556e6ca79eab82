import { describe, expect, it } from 'vitest'

import { looksLikePersonalName } from './looksLikePersonalName.js'

describe('looksLikePersonalName', () => {
  it.each(['张伟', '王芳', '李明华', '欧阳娜娜', '司马光', ' 刘 洋 '])('flags the real-looking name %s', (name) => {
    expect(looksLikePersonalName(name)).toBe(true)
  })

  it.each([
    '张先生',
    '王女士',
    '王某',
    '李某某',
    '居民代表甲',
    '企业代表',
    '人大代表',
    '专家学者',
    '陈老师',
    '社区居民乙',
    'Resident A',
    '张X',
    '张',
    '赵钱孙李周',
  ])('accepts the anonymised display name %s', (name) => {
    expect(looksLikePersonalName(name)).toBe(false)
  })
})

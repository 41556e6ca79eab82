import { describe, expect, it } from 'vitest'
import { queryTerms, termsOf } from '../src/search/segment.js'

describe('query terms', () => {
  it('are the adjacent pairs and the words that stand alone; a word inside a pair is not a term of its own', () => {
    expect(queryTerms('政务公开')).toEqual({ terms: ['政务公开'], words: ['政务', '公开'] })
    expect(queryTerms('中小学幼儿园布局').terms).toEqual(['中小学幼儿园', '幼儿园布局'])
    // Spaces and punctuation end a phrase: the words on either side stand alone.
    expect(queryTerms('加强 管理').terms).toEqual(['加强', '管理'])
    expect(queryTerms('政务公开 工作').terms).toEqual(['政务公开', '工作'])
    expect(queryTerms('最低工资！标准').terms).toEqual(['最低工资', '标准'])
    expect(queryTerms(' ，。').terms).toEqual([])
  })

  it('imply their words: a text with a pair has each of its words as a term', () => {
    for (const text of ['全面推进政务公开标准化规范化', '优化营商环境', '推进垃圾分类', '中小学幼儿园布局专项规划']) {
      const terms = new Set(termsOf(text))
      const { terms: required, words } = queryTerms(text)
      expect(required.every((term) => terms.has(term))).toBe(true)
      for (const word of words) expect(terms.has(word), `${word} of ${text}`).toBe(true)
    }
  })
})

import { describe, expect, it } from 'vitest'

import { en } from '../src/translations/en.js'
import { gongkaiTranslations, message } from '../src/translations/index.js'
import { zh } from '../src/translations/zh.js'
import { chineseIn, englishIn } from './support/messageLanguage.js'

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]))].sort()

describe('the gongkai translations', () => {
  it('have exactly the same keys in Chinese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort())
    expect(Object.keys(gongkaiTranslations.zh.gongkai)).toEqual(Object.keys(zh))
    expect(Object.keys(gongkaiTranslations.en.gongkai)).toEqual(Object.keys(zh))
  })

  it('put the same {{placeholders}} into each language, and leave no message empty', () => {
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]))
      expect(zh[key].trim(), key).not.toBe('')
      expect(en[key].trim(), key).not.toBe('')
    }
  })

  it('write each language in its own words (the rule the refusal tests apply, on the templates themselves)', () => {
    // `problemSeparator`, `quoted`… are punctuation; the rest are words.
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      const withoutPlaceholders = (text: string) => text.replace(/\{\{\w+\}\}/g, ' ')
      expect(englishIn(withoutPlaceholders(zh[key])), `zh ${key}: ${zh[key]}`).toEqual([])
      expect(chineseIn(withoutPlaceholders(en[key])), `en ${key}: ${en[key]}`).toEqual([])
    }
  })

  it('interpolate in Chinese when there is no request to ask', () => {
    expect(message(undefined, 'document', { kind: '政策文件', title: '关于……的通知' })).toBe('政策文件“关于……的通知”')
  })
})

describe('the language rule of the refusal tests', () => {
  it('finds English in a Chinese message, but not in quoted values, acronyms or code in full-width parentheses', () => {
    expect(englishIn('政策文件“Notice on X”已发布：修改请保存为草稿（draft）；本地 API（POST /api/policies/1/workflow/withdraw）')).toEqual([])
    expect(englishIn('The following field is invalid: body')).toEqual(['The', 'following', 'field', 'is', 'invalid', 'body'])
    expect(englishIn('发文字号：documentNumber 有误')).toEqual(['documentNumber'])
  })

  it('finds Chinese in an English message, but not in quoted values or statutory terms after their English', () => {
    expect(chineseIn('Policy document "关于……的通知": the index number (索引号) “津武发〔2024〕1号” (four eyes, 四眼原则)')).toEqual([])
    expect(chineseIn('发文字号：缺少“号”字')).toEqual(['发文字号', '缺少', '字'])
    expect(chineseIn('Document number: 缺少 the suffix')).toEqual(['缺少'])
  })
})

import { describe, expect, it } from 'vitest'

import { renderBody } from './renderBody.js'

const text = (value: string, format = 0) => ({ type: 'text', text: value, format, detail: 0, mode: 'normal', style: '', version: 1 })
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children, direction: 'ltr', format: '', indent: 0, textFormat: 0, version: 1 })
const cell = (value: string, headerState = 0) => ({ type: 'tablecell', headerState, colSpan: 1, rowSpan: 1, children: [paragraph(text(value, headerState ? 1 : 0))], direction: 'ltr', format: '', indent: 0, version: 1 })
const row = (...cells: unknown[]) => ({ type: 'tablerow', children: cells, direction: 'ltr', format: '', indent: 0, version: 1 })

/** 正文 as the editor stores a Word paste: a heading, bold text, a numbered list and a table with a header row. */
const pastedFromWord = {
  root: {
    type: 'root',
    direction: 'ltr',
    format: '',
    indent: 0,
    version: 1,
    children: [
      { type: 'heading', tag: 'h1', children: [text('一、补助标准')], direction: 'ltr', format: '', indent: 0, version: 1 },
      paragraph(text('各镇街须按下表执行。', 1)),
      {
        type: 'list',
        listType: 'number',
        start: 1,
        tag: 'ol',
        children: [
          { type: 'listitem', value: 1, children: [text('申请人提交申请材料')], direction: 'ltr', format: '', indent: 0, version: 1 },
          { type: 'listitem', value: 2, children: [text('街道办事处审核')], direction: 'ltr', format: '', indent: 0, version: 1 },
        ],
        direction: 'ltr',
        format: '',
        indent: 0,
        version: 1,
      },
      { type: 'table', children: [row(cell('救助类别', 1), cell('标准（元/月）', 1)), row(cell('城市低保'), cell('1140'))], direction: 'ltr', format: '', indent: 0, version: 1 },
    ],
  },
}

describe('renderBody', () => {
  it('delivers tables, headings, lists and bold as HTML, and the table cells as searchable text', () => {
    const { html, text: plain } = renderBody(pastedFromWord, 'https://www.wuqing.gov.cn')
    expect(html).toMatch(/<h1[^>]*>一、补助标准<\/h1>/u)
    expect(html).toMatch(/<strong[^>]*>各镇街须按下表执行。<\/strong>/u)
    expect(html).toMatch(/<ol[^>]*>[\s\S]*申请人提交申请材料[\s\S]*街道办事处审核[\s\S]*<\/ol>/u)
    expect(html).toContain('<table')
    expect(html.match(/<tr\b/gu)).toHaveLength(2)
    expect(html).toMatch(/<th\b[\s\S]*救助类别[\s\S]*<\/th>/u)
    expect(html).toMatch(/<td\b[\s\S]*城市低保[\s\S]*<\/td>/u)
    for (const word of ['救助类别', '标准（元/月）', '城市低保', '1140', '申请人提交申请材料']) expect(plain).toContain(word)
    // Cells stay apart in the text, so a search does not see 城市低保1140 as one word.
    expect(plain).not.toContain('城市低保1140')
  })
})

import { describe, expect, it } from 'vitest'
import { makeResidentId } from '../test-support/identifiers.js'
import { maskRichText, scanRichText } from './scanRichText.js'

const today = new Date(2026, 10, 26)
const id = makeResidentId('120114', '19851015', '301')

const text = (value: string, format = 0) => ({ type: 'text', text: value, format, detail: 0, mode: 'normal', style: '', version: 1 })
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children, direction: 'ltr', format: '', indent: 0, version: 1 })
const state = (...children: unknown[]) => ({ root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 } })

describe('scanRichText', () => {
  it('reports findings with the block path and offsets into the block text', () => {
    const editorState = state(paragraph(text('关于任职的通知')), paragraph(text('联系人手机13812345678，身份证号'), text(id)))
    expect(scanRichText(editorState, { today })).toEqual([
      expect.objectContaining({ kind: 'mobile', path: ['root', 'children', 1], start: 5, end: 16, match: '13812345678' }),
      expect.objectContaining({ kind: 'resident_id', path: ['root', 'children', 1], start: 21, end: 39, match: id, severity: 'blocking' }),
    ])
  })

  it('finds a number split across formatted text nodes and a link', () => {
    const editorState = state(
      paragraph(text('手机'), text('138', 1), { type: 'link', fields: { url: 'https://example.com' }, children: [text('1234')] }, text('5678。')),
    )
    expect(scanRichText(editorState)).toEqual([
      expect.objectContaining({ kind: 'mobile', path: ['root', 'children', 0], start: 2, end: 13, match: '13812345678', masked: '138****5678' }),
    ])
  })

  it.each([
    ['a line break', { type: 'linebreak', version: 1 }],
    ['an inline image', { type: 'upload', value: 1, relationTo: 'media', version: 1 }],
  ])('does not join digits across %s', (_name, separator) => {
    expect(scanRichText(state(paragraph(text('138'), separator, text('12345678'))))).toEqual([])
  })

  it('scans headings, quotes, list items (nested) and table cells', () => {
    const editorState = state(
      { type: 'heading', tag: 'h1', children: [text('机密★10年')] },
      { type: 'quote', children: [text('内部资料')] },
      {
        type: 'list',
        listType: 'bullet',
        children: [
          {
            type: 'listitem',
            children: [text('邮箱a@example.com'), { type: 'list', children: [{ type: 'listitem', children: [text('手机13912345678')] }] }],
          },
        ],
      },
      {
        type: 'table',
        children: [{ type: 'tablerow', children: [{ type: 'tablecell', children: [paragraph(text(`证件${id}`))] }] }],
      },
    )
    expect(scanRichText(editorState, { today }).map((finding) => [finding.kind, finding.path])).toEqual([
      ['classification_mark', ['root', 'children', 0]],
      ['internal_mark', ['root', 'children', 1]],
      ['email', ['root', 'children', 2, 'children', 0]],
      ['mobile', ['root', 'children', 2, 'children', 0, 'children', 1, 'children', 0]],
      ['resident_id', ['root', 'children', 3, 'children', 0, 'children', 0, 'children', 0]],
    ])
  })

  it('treats a paragraph that holds only a 密级 as a mark', () => {
    expect(scanRichText(state(paragraph(text('机密')), paragraph(text('商业机密应当保护'))))).toMatchObject([
      { kind: 'classification_mark', match: '机密', path: ['root', 'children', 0] },
    ])
  })

  it('accepts the state as a JSON string', () => {
    expect(scanRichText(JSON.stringify(state(paragraph(text('手机13812345678')))))).toMatchObject([{ kind: 'mobile' }])
  })

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['an empty object', {}],
    ['a root without children', { root: { type: 'root' } }],
    ['invalid JSON', '{"root":'],
    ['a plain string', '手机13812345678'],
    ['an array', [text('13812345678')]],
    ['a number', 42],
  ])('returns no findings for %s', (_name, input) => {
    expect(scanRichText(input)).toEqual([])
  })

  it('passes options through', () => {
    expect(scanRichText(state(paragraph(text('手机13812345678'))), { severities: { mobile: 'blocking' } })).toMatchObject([
      { kind: 'mobile', severity: 'blocking' },
    ])
  })
})

describe('maskRichText', () => {
  it('masks text in place and keeps every node and its formatting', () => {
    const editorState = state(
      paragraph(text('手机'), text('138', 1), { type: 'link', fields: { url: 'https://example.com' }, children: [text('1234')] }, text('5678，身份证')),
      paragraph(text(id, 2)),
    )
    const masked = maskRichText(editorState, { today })
    expect(masked).toEqual(
      state(
        paragraph(text('手机'), text('138', 1), { type: 'link', fields: { url: 'https://example.com' }, children: [text('****')] }, text('5678，身份证')),
        paragraph(text(`12*************${id.slice(-3)}`, 2)),
      ),
    )
  })

  it('does not modify its input', () => {
    const editorState = state(paragraph(text('手机13812345678')))
    const before = JSON.stringify(editorState)
    maskRichText(editorState)
    expect(JSON.stringify(editorState)).toBe(before)
  })

  it('writes a mask of a different length into the first node and empties the rest of the match', () => {
    const editorState = state(paragraph(text('邮箱zh'), text('ang@example.com', 1), text('。')))
    expect(maskRichText(editorState)).toEqual(state(paragraph(text('邮箱z***@example.com'), text('', 1), text('。'))))
  })

  it('masks several findings in one node from the end so offsets stay right', () => {
    const editorState = state(paragraph(text('13812345678、13912345678、a@b.com')))
    expect(maskRichText(editorState)).toEqual(state(paragraph(text('138****5678、139****5678、a***@b.com'))))
  })

  it('returns a JSON string for a JSON string', () => {
    const masked = maskRichText(JSON.stringify(state(paragraph(text('手机13812345678')))))
    expect(typeof masked).toBe('string')
    expect(JSON.parse(masked)).toEqual(state(paragraph(text('手机138****5678'))))
  })

  it.each([null, undefined, 'not json', 7])('returns %j unchanged', (input) => {
    expect(maskRichText(input)).toBe(input)
  })

  it('leaves 密级 marks as they are', () => {
    const editorState = state(paragraph(text('秘密★1年')))
    expect(maskRichText(editorState)).toEqual(editorState)
  })
})

import { describe, expect, it } from 'vitest'
import { isValidCreditCode } from '../identifiers/creditCode.js'
import { makeCreditCode, makeResidentId, toFullWidth } from '../test-support/identifiers.js'
import { maskRichText, scanRichText } from './scanRichText.js'
import type { Finding, ScanOptions } from './finding.js'
import { hasBlockingFindings, maskText, scanText } from './scanText.js'

// Personal data and 密级 marks as people actually type or paste them: other space characters,
// traditional characters, look-alike check characters, numbers run together.

const today = new Date(2026, 10, 26)
const scan = (text: string, options: ScanOptions = {}): Finding[] => scanText(text, { today, ...options })

const id = makeResidentId('120114', '19850612', '487')
const idWithX = Array.from({ length: 200 }, (_, index) =>
  makeResidentId('110105', '19491231', String(index).padStart(3, '0')),
).find((candidate) => candidate.endsWith('X'))!

/** Splits `value` into groups of the given sizes joined by `separator`. */
function grouped(value: string, sizes: number[], separator: string): string {
  const groups: string[] = []
  let offset = 0
  for (const size of sizes) {
    groups.push(value.slice(offset, offset + size))
    offset += size
  }
  return groups.join(separator)
}

/** The one finding in `text`, checked to index the original text. */
function onlyFinding(text: string): Finding {
  const findings = scan(text)
  expect(findings).toHaveLength(1)
  const finding = findings[0]!
  expect(text.slice(finding.start, finding.end)).toBe(finding.match)
  return finding
}

const SEPARATORS: [string, string][] = [
  ['a space', ' '],
  ['a no-break space U+00A0', '\u00a0'],
  ['an ideographic space U+3000', '\u3000'],
  ['an en space U+2002', '\u2002'],
  ['an em space U+2003', '\u2003'],
  ['a thin space U+2009', '\u2009'],
  ['a hair space U+200A', '\u200a'],
  ['a narrow no-break space U+202F', '\u202f'],
  ['a tab', '\t'],
  ['a hyphen', '-'],
  ['a non-breaking hyphen U+2011', '\u2011'],
  ['an en dash U+2013', '\u2013'],
  ['a full-width hyphen', '－'],
  ['two spaces', '  '],
]
const GROUPINGS: [string, number[]][] = [
  ['6-4-4-4', [6, 4, 4, 4]],
  ['4-4-4-4-2', [4, 4, 4, 4, 2]],
  ['6-8-4', [6, 8, 4]],
]

describe('scanText: ID numbers in digit groups', () => {
  for (const [groupingName, sizes] of GROUPINGS) {
    it.each(SEPARATORS)(`finds an ID grouped ${groupingName} with %s as a blocking finding`, (_name, separator) => {
      const written = grouped(id, sizes, separator)
      const finding = onlyFinding(`公民身份号码：${written}。`)
      expect(finding).toMatchObject({ kind: 'resident_id', severity: 'blocking', match: written })
      // The mask keeps the separators where they were and hides all but the first 2 and last 3 characters.
      expect(finding.masked).toBe(grouped(`12${'*'.repeat(13)}${id.slice(-3)}`, sizes, separator))
      expect(maskText(`公民身份号码：${written}。`, undefined, { today })).toBe(`公民身份号码：${finding.masked}。`)
    })
  }

  it.each([
    ['mixed separators', `${id.slice(0, 6)} ${id.slice(6, 14)}-${id.slice(14)}`],
    ['a group of one digit', `${id.slice(0, 17)} ${id.slice(17)}`],
    ['a wrong check character', grouped(`${id.slice(0, 17)}${id.at(-1) === '0' ? '1' : '0'}`, [6, 8, 4], '\u00a0')],
  ])('does not report an ID-like number with %s', (_name, text) => {
    expect(scan(text).filter((finding) => finding.kind === 'resident_id')).toEqual([])
  })
})

describe('scanText: ID numbers run together with other text', () => {
  it.each([
    [`ID${id}`, 2],
    [`身份证号ID:${id}`, 7],
    [`no.${id}`, 3],
    [`IDNo${id}abc`, 4],
    [`13812345678${id}`, 11],
    [`${id}13812345678`, 0],
    [`99${id}`, 2],
    [`${id}7`, 0],
  ])('finds the ID in %j', (text, start) => {
    const finding = onlyFinding(text)
    expect(finding).toMatchObject({ kind: 'resident_id', severity: 'blocking', match: id, start, end: start + 18 })
    expect(maskText(text, undefined, { today })).toBe(
      text.slice(0, start) + `12${'*'.repeat(13)}${id.slice(-3)}` + text.slice(start + 18),
    )
  })
})

describe('scanText: check characters and digits as typed', () => {
  it.each([
    ['×', '×'],
    ['lower-case x', 'x'],
    ['full-width Ｘ', 'Ｘ'],
    ['full-width ｘ', 'ｘ'],
  ])('finds an ID whose check character is typed as %s', (_name, check) => {
    const written = idWithX.slice(0, 17) + check
    const finding = onlyFinding(`身份证${written}`)
    expect(finding).toMatchObject({ kind: 'resident_id', severity: 'blocking', match: written })
    expect(finding.masked).toBe(`${written.slice(0, 2)}${'*'.repeat(13)}${written.slice(15)}`)
  })

  it('finds an ID in full-width digits grouped with ideographic spaces', () => {
    const written = grouped(toFullWidth(id), [6, 8, 4], '\u3000')
    expect(onlyFinding(written)).toMatchObject({ kind: 'resident_id', match: written })
  })

  it.each(['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'])(
    'finds an ID with the invisible character U+%s inside and keeps it in the mask',
    (invisible) => {
      const written = `${id.slice(0, 4)}${invisible}${id.slice(4)}`
      const finding = onlyFinding(`号码${written}号`)
      expect(finding).toMatchObject({ kind: 'resident_id', match: written, start: 2, end: 21 })
      expect(finding.masked).toBe(`12**${invisible}${'*'.repeat(11)}${id.slice(-3)}`)
    },
  )
})

describe('scanText: mobile numbers with other spaces', () => {
  it.each([
    ['138\u00a01234\u00a05678', '138\u00a0****\u00a05678'],
    ['138\u30001234\u30005678', '138\u3000****\u30005678'],
    ['138\u20091234\u20095678', '138\u2009****\u20095678'],
    ['138\u202f1234\u202f5678', '138\u202f****\u202f5678'],
    ['138\t1234\t5678', '138\t****\t5678'],
    ['+86\u00a0138\u00a01234\u00a05678', '+86\u00a0138\u00a0****\u00a05678'],
    ['0086\u00a013812345678', '0086\u00a0138****5678'],
    ['＋８６\u3000１３８１２３４５６７８', '＋８６\u3000１３８****５６７８'],
    ['138\u20131234\u20135678', '138\u2013****\u20135678'],
  ])('finds %j', (written, masked) => {
    expect(onlyFinding(`手机：${written}。`)).toMatchObject({ kind: 'mobile', severity: 'blocking', match: written, masked })
  })
})

describe('scanText: 密级 marks in traditional characters and other spellings', () => {
  it.each([
    '機密★10年',
    '祕密★1年',
    '密級：機密',
    '密級: 絕密',
    '絕密★啟用前',
    '絕密★長期',
    '秘密★6個月',
    '秘\u3000密★1年',
    '机\u00a0密★10年',
    '秘密*1年',
    '秘密＊1年',
    '机密☆10年',
    '机密∗10年',
    '密级\u00a0：\u3000机密',
    '机\u200b密★10年',
  ])('finds %j as a blocking mark', (mark) => {
    const text = `${mark}\n关于……的通知`
    expect(onlyFinding(text)).toMatchObject({ kind: 'classification_mark', severity: 'blocking', match: mark, start: 0 })
  })

  it.each(['絕密', '機密', '祕密'])('finds %j alone on its line', (mark) => {
    expect(onlyFinding(`文件\n${mark}\n正文`)).toMatchObject({ kind: 'classification_mark', match: mark, start: 3 })
  })

  it('names the 保密期限 limit for a traditional mark', () => {
    expect(onlyFinding('祕密★15年').message).toBe(
      '发现密级标志“祕密★15年”：标有密级的文件不得公开发布，请核实密级（秘密级保密期限最长10年，标注的15年超出上限）',
    )
  })

  it('finds internal-use marks in traditional characters', () => {
    expect(scan('本件為內部資料，不得外傳').map((finding) => finding.match)).toEqual(['內部資料', '不得外傳'])
  })
})

describe('scanText: only a real 索引号 shields its 前段码', () => {
  it('reports a valid ID followed by a 后段码 (its prefix is not a credit code)', () => {
    expect(isValidCreditCode(id)).toBe(false)
    expect(onlyFinding(`索引号：${id}/2024-00001`)).toMatchObject({ kind: 'resident_id', match: id })
  })

  it('still shields a real credit code and organisation code in a 索引号', () => {
    const creditCode = makeCreditCode('11120114MB1234567')
    expect(scan(`索引号：${creditCode}/2024-13812`)).toEqual([])
    expect(scan('索引号：000014349/2018-00222')).toEqual([])
  })

  it('does not shield a mobile number inside an invalid 索引号', () => {
    expect(scan('索引号13812345678/2018-00222').map((finding) => finding.kind)).toEqual(['mobile'])
  })
})

describe('scanText: a pasted document', () => {
  it('finds every item with offsets into the original text', () => {
    const text = [
      '機密★10年',
      `张三\u00a0身份证\u200b号：${grouped(id, [6, 4, 4, 4], '\u00a0')}，手机\u00a0138\u00a01234\u00a05678`,
    ].join('\n')
    const findings = scan(text)
    expect(findings.map((finding) => [finding.kind, finding.match])).toEqual([
      ['classification_mark', '機密★10年'],
      ['resident_id', grouped(id, [6, 4, 4, 4], '\u00a0')],
      ['mobile', '138\u00a01234\u00a05678'],
    ])
    for (const finding of findings) expect(text.slice(finding.start, finding.end)).toBe(finding.match)
    expect(hasBlockingFindings(findings)).toBe(true)
  })

  it('masks a grouped ID split across rich-text nodes on the right characters', () => {
    const written = grouped(id, [6, 8, 4], '\u00a0')
    const node = (text: string, format = 0) => ({ type: 'text', text, format, version: 1 })
    const state = {
      root: {
        type: 'root',
        children: [{ type: 'paragraph', children: [node('身份证：'), node(written.slice(0, 10), 1), node(`${written.slice(10)}。`)] }],
      },
    }
    expect(scanRichText(state, { today })).toMatchObject([{ kind: 'resident_id', start: 4, end: 24, match: written }])
    const masked = maskRichText(state, { today })
    const texts = masked.root.children[0]!.children.map((child) => child.text)
    expect(texts).toEqual(['身份证：', `12****\u00a0***`, `*****\u00a0*${id.slice(-3)}。`])
  })
})

import { describe, expect, it } from 'vitest'
import {
  compareDocumentNumbers,
  formatDocumentNumber,
  isSameDocumentNumber,
  normalizeDocumentNumberQuery,
  parseDocumentNumber,
  type Correction,
  type DocumentNumber,
} from './documentNumber.js'

const today = new Date(2026, 10, 26)
const parse = (input: string, shouldRepair = false) => parseDocumentNumber(input, { today, shouldRepair })

describe('parseDocumentNumber: well-formed numbers', () => {
  it.each([
    ['津武政办发〔2022〕12号', '津武政办发', 2022, 12],
    ['国办发〔2018〕123号', '国办发', 2018, 123],
    ['国发明电〔2020〕5号', '国发明电', 2020, 5],
    ['国办公开办函〔2021〕30号', '国办公开办函', 2021, 30],
    ['京政发〔1949〕1号', '京政发', 1949, 1],
    ['财预〔2027〕100000号', '财预', 2027, 100000],
  ])('parses %s', (input, agencyCode, year, sequence) => {
    expect(parse(input)).toEqual({ ok: true, value: { agencyCode, year, sequence }, normalized: input, corrections: [] })
  })
})

describe('parseDocumentNumber: look-alike brackets are normalised and reported', () => {
  it.each([
    ['国办发[2018]123号', '[', ']'],
    ['国办发(2018)123号', '(', ')'],
    ['国办发（2018）123号', '（', '）'],
    ['国办发﹝2018﹞123号', '﹝', '﹞'],
    ['国办发【2018】123号', '【', '】'],
    ['国办发［2018］123号', '［', '］'],
    ['国办发{2018}123号', '{', '}'],
    ['国办发｛2018｝123号', '｛', '｝'],
    ['国办发〖2018〗123号', '〖', '〗'],
    ['国办发〘2018〙123号', '〘', '〙'],
  ])('%s → 国办发〔2018〕123号', (input, open, close) => {
    expect(parse(input)).toEqual({
      ok: true,
      value: { agencyCode: '国办发', year: 2018, sequence: 123 },
      normalized: '国办发〔2018〕123号',
      corrections: [
        { from: open, to: '〔', message: `将“${open}”改为“〔”` },
        { from: close, to: '〕', message: `将“${close}”改为“〕”` },
      ],
    })
  })

  it('reports only the bracket that was wrong when the other is already 〔 or 〕', () => {
    expect(parse('国办发〔2018]123号')).toMatchObject({
      ok: true,
      normalized: '国办发〔2018〕123号',
      corrections: [{ from: ']', to: '〕', message: '将“]”改为“〕”' }],
    })
  })

  it('normalises mismatched look-alikes', () => {
    expect(parse('国办发(2018]123号')).toMatchObject({ ok: true, normalized: '国办发〔2018〕123号' })
  })
})

describe('parseDocumentNumber: other typographic repairs', () => {
  it.each([
    ['国办发〔２０１８〕１２３号', [
      { from: '２０１８', to: '2018', message: '将全角数字“２０１８”改为“2018”' },
      { from: '１２３', to: '123', message: '将全角数字“１２３”改为“123”' },
    ]],
    [' 国办发〔2018〕123号 ', [{ from: ' ', to: '', message: '删除多余的空格' }]],
    ['国办发 〔 2018 〕 123 号', [{ from: ' ', to: '', message: '删除多余的空格' }]],
    ['国办发〔2018〕123号\u3000', [{ from: ' ', to: '', message: '删除多余的空格' }]],
    ['国办发〔2018〕123號', [{ from: '號', to: '号', message: '将“號”改为“号”' }]],
    ...['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'].map((invisible): [string, Correction[]] => [
      `国办${invisible}发〔2018〕12${invisible}3号`,
      [{ from: invisible + invisible, to: '', message: '删除不可见字符（零宽空格、软连字符等）' }],
    ]),
  ])('%j is repaired to 国办发〔2018〕123号', (input, corrections) => {
    expect(parse(input)).toEqual({
      ok: true,
      value: { agencyCode: '国办发', year: 2018, sequence: 123 },
      normalized: '国办发〔2018〕123号',
      corrections,
    })
  })

  it('reports every change when several are needed', () => {
    const result = parse(' 津武政办发（２０２２）12號')
    expect(result.ok && result.corrections.map((correction) => correction.message)).toEqual([
      '删除多余的空格',
      '将“（”改为“〔”',
      '将“）”改为“〕”',
      '将全角数字“２０２２”改为“2022”',
      '将“號”改为“号”',
    ])
    expect(result.ok && result.normalized).toBe('津武政办发〔2022〕12号')
  })
})

describe('parseDocumentNumber: malformed numbers name the wrong part', () => {
  it.each([
    ['', 'whole', '发文字号不能为空'],
    ['   ', 'whole', '发文字号不能为空'],
    ['国办发2018123号', 'brackets', '缺少年份括号，年份应写在六角括号“〔〕”内，如“国办发〔2018〕123号”'],
    ['国办发2018〕123号', 'brackets', '缺少年份的左括号“〔”'],
    ['国办发〔2018123号', 'brackets', '缺少年份的右括号“〕”'],
    ['国办发〕2018〔123号', 'brackets', '年份括号顺序颠倒，应为“〔年份〕”'],
    ['国办发〔〔2018〕123号', 'brackets', '年份括号只能出现一对'],
    ['国办发〔2018〕123号、财预〔2018〕1号', 'whole', '联合行文只填写主办机关的发文字号，请只保留一个发文字号'],
    ['国办发〔2018〕123号财预〔2018〕1号', 'whole', '联合行文只填写主办机关的发文字号，请只保留一个发文字号'],
    ['〔2018〕123号', 'agencyCode', '缺少机关代字，如“国办发”'],
    ['GBF〔2018〕123号', 'agencyCode', '机关代字“GBF”应为发文机关的汉字简称，如“国办发”'],
    ['国办发2〔2018〕123号', 'agencyCode', '机关代字“国办发2”不应包含数字'],
    ['国办发〔〕123号', 'year', '缺少年份，年份应为四位数字'],
    ['国办发〔18〕123号', 'year', '年份“18”应为四位数字，如“2018”'],
    ['国办发〔018〕123号', 'year', '年份“018”应为四位阿拉伯数字'],
    ['国办发〔20188〕123号', 'year', '年份“20188”应为四位阿拉伯数字'],
    ['国办发〔2018年〕123号', 'year', '年份“2018年”应为四位数字，不加“年”字'],
    ['国办发〔二〇一八〕123号', 'year', '年份“二〇一八”应为四位阿拉伯数字'],
    ['国办发〔1948〕123号', 'year', '年份“1948”不在合理范围内（1949年至2027年）'],
    ['国办发〔2028〕123号', 'year', '年份“2028”不在合理范围内（1949年至2027年）'],
    ['国办发〔2018〕第123号', 'sequence', '序号前不应加“第”'],
    ['国办发〔2018〕0123号', 'sequence', '序号不应补零，“0123”应写作“123”'],
    ['国办发〔2018〕007号', 'sequence', '序号不应补零，“007”应写作“7”'],
    ['国办发〔2018〕0号', 'sequence', '序号应从1开始，不能为0'],
    ['国办发〔2018〕号', 'sequence', '缺少序号'],
    ['国办发〔2018〕', 'sequence', '缺少序号'],
    ['国办发〔2018〕一二三号', 'sequence', '序号应为阿拉伯数字，不应是“一二三”'],
    ['国办发〔2018〕1234567890号', 'sequence', '序号“1234567890”过长'],
    ['国办发〔2018〕123', 'suffix', '缺少“号”字'],
    ['国办发〔2018〕123号文', 'suffix', '“号”字后不应有其他内容“文”'],
    ['国办发〔2018〕123-1号', 'suffix', '序号后应为“号”字，不应是“-1号”'],
    ['国办发〔2018〕123 号 附件', 'suffix', '“号”字后不应有其他内容“附件”'],
  ])('rejects %j (%s): %s', (input, part, message) => {
    expect(parse(input)).toEqual({ ok: false, error: { part, message } })
  })

  it('rejects input that is not a string', () => {
    expect(parseDocumentNumber(undefined as unknown as string)).toEqual({
      ok: false,
      error: { part: 'whole', message: '发文字号不能为空' },
    })
  })
})

describe('parseDocumentNumber with shouldRepair', () => {
  it.each([
    ['国办发〔2018〕第123号', [{ from: '第', to: '', message: '删除序号前的“第”' }]],
    ['国办发〔2018〕0123号', [{ from: '0123', to: '123', message: '删除序号前补的零：将“0123”改为“123”' }]],
    ['国办发〔2018〕123', [{ from: '', to: '号', message: '在序号后补上“号”字' }]],
    ['国办发[2018]第0123', [
      { from: '[', to: '〔', message: '将“[”改为“〔”' },
      { from: ']', to: '〕', message: '将“]”改为“〕”' },
      { from: '第', to: '', message: '删除序号前的“第”' },
      { from: '0123', to: '123', message: '删除序号前补的零：将“0123”改为“123”' },
      { from: '', to: '号', message: '在序号后补上“号”字' },
    ]],
  ])('repairs %j and reports it', (input, corrections) => {
    expect(parse(input, true)).toEqual({
      ok: true,
      value: { agencyCode: '国办发', year: 2018, sequence: 123 },
      normalized: '国办发〔2018〕123号',
      corrections,
    })
  })

  it.each([
    ['国办发〔18〕123号', 'year'],
    ['国办发2018123号', 'brackets'],
    ['国办发〔2018〕0号', 'sequence'],
    ['国办发〔2018〕123号文', 'suffix'],
  ])('still rejects %j (%s)', (input, part) => {
    expect(parse(input, true)).toMatchObject({ ok: false, error: { part } })
  })
})

describe('formatDocumentNumber', () => {
  it.each([
    [{ agencyCode: '津武政办发', year: 2022, sequence: 12 }, '津武政办发〔2022〕12号'],
    [{ agencyCode: '国发明电', year: 2020, sequence: 5 }, '国发明电〔2020〕5号'],
    [{ agencyCode: ' 国办发 ', year: 2018, sequence: 123 }, '国办发〔2018〕123号'],
  ])('formats %j as %s', (value, expected) => {
    expect(formatDocumentNumber(value)).toBe(expected)
  })

  it.each([
    [{ agencyCode: '', year: 2018, sequence: 1 }, '机关代字不能为空'],
    [{ agencyCode: '国办发', year: 18, sequence: 1 }, '年份“18”应为四位数字'],
    [{ agencyCode: '国办发', year: 2018.5, sequence: 1 }, '年份“2018.5”应为四位数字'],
    [{ agencyCode: '国办发', year: 2018, sequence: 0 }, '序号“0”应为正整数'],
    [{ agencyCode: '国办发', year: 2018, sequence: 1.5 }, '序号“1.5”应为正整数'],
  ])('throws on %j', (value, message) => {
    expect(() => formatDocumentNumber(value)).toThrow(message)
  })

  it('round-trips through parse', () => {
    for (const input of ['国办发〔2018〕123号', '津武政办发〔2022〕12号', '国发明电〔2020〕5号']) {
      const result = parse(input)
      expect(result.ok && formatDocumentNumber(result.value)).toBe(input)
    }
  })
})

describe('compareDocumentNumbers', () => {
  const value = (agencyCode: string, year: number, sequence: number): DocumentNumber => ({ agencyCode, year, sequence })

  it.each([
    [value('国办发', 2018, 9), value('国办发', 2018, 10), -1],
    [value('国办发', 2018, 10), value('国办发', 2018, 9), 1],
    [value('国办发', 2017, 500), value('国办发', 2018, 1), -1],
    [value('国办发', 2018, 123), value('国办发', 2018, 123), 0],
    [value('国办发', 2018, 1), value('国发', 2017, 1), -1],
  ])('compares %j with %j', (a, b, sign) => {
    expect(Math.sign(compareDocumentNumbers(a, b))).toBe(sign)
  })

  it('sorts sequence numbers numerically, grouped by agency code then year', () => {
    const sorted = [value('国办发', 2018, 10), value('国发', 2018, 2), value('国办发', 2018, 9), value('国办发', 2017, 99)]
      .sort(compareDocumentNumbers)
      .map(formatDocumentNumber)
    expect(sorted).toEqual(['国办发〔2017〕99号', '国办发〔2018〕9号', '国办发〔2018〕10号', '国发〔2018〕2号'])
  })
})

describe('isSameDocumentNumber', () => {
  it.each([
    ['国办发[2018]123号', '国办发〔2018〕123号', true],
    ['国办发（２０１８）第0123号', { agencyCode: '国办发', year: 2018, sequence: 123 }, true],
    ['国办发〔2018〕123号', '国办发〔2018〕124号', false],
    ['国办发〔2018〕123号', '国发〔2018〕123号', false],
    ['不是文号', '不是文号', false],
  ] as const)('isSameDocumentNumber(%j, %j) is %s', (a, b, expected) => {
    expect(isSameDocumentNumber(a, b)).toBe(expected)
  })
})

describe('parseDocumentNumber on generated variants', () => {
  const agencyCodes = ['国办发', '国发明电', '津武政办发', '京政发', '财预', '闽政办', '粤府函']
  const brackets = [
    ['〔', '〕'],
    ['[', ']'],
    ['(', ')'],
    ['（', '）'],
    ['﹝', '﹞'],
    ['【', '】'],
    ['［', '］'],
  ] as const
  const fullWidth = (value: string) => value.replace(/\d/gu, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0))
  const cases = agencyCodes.flatMap((agencyCode, agencyIndex) =>
    brackets.map(([open, close], bracketIndex) => {
      const year = 1990 + ((agencyIndex * 7 + bracketIndex * 3) % 36)
      const sequence = 1 + ((agencyIndex + 1) * (bracketIndex + 3) * 37) % 500
      const isFullWidth = (agencyIndex + bracketIndex) % 3 === 0
      const yearText = isFullWidth ? fullWidth(String(year)) : String(year)
      return { input: `${agencyCode}${open}${yearText}${close}${sequence}号`, agencyCode, year, sequence }
    }),
  )

  it.each(cases)('$input parses to its parts and formats back canonically', ({ input, agencyCode, year, sequence }) => {
    const result = parse(input)
    expect(result).toMatchObject({ ok: true, value: { agencyCode, year, sequence } })
    expect(result.ok && result.normalized).toBe(`${agencyCode}〔${year}〕${sequence}号`)
    expect(result.ok && parse(result.normalized)).toMatchObject({ ok: true, corrections: [] })
  })
})

describe('parseDocumentNumber: hostile input', () => {
  it('answers for a long run of 号 with two brackets', () => {
    expect(parse(`国办发〔2018〕${'号'.repeat(100_000)}〔`)).toEqual({
      ok: false,
      error: { part: 'whole', message: '联合行文只填写主办机关的发文字号，请只保留一个发文字号' },
    })
    expect(parse(`国办发〔2018〔${'号'.repeat(100_000)}`)).toEqual({
      ok: false,
      error: { part: 'brackets', message: '年份括号只能出现一对' },
    })
  })
})

describe('normalizeDocumentNumberQuery', () => {
  it('turns look-alike brackets, full-width digits, 號 and spaces of a partial search into the stored form', () => {
    expect(normalizeDocumentNumberQuery('津武政规[2022]3号')).toBe('津武政规〔2022〕3号')
    expect(normalizeDocumentNumberQuery('津武政规（２０２２')).toBe('津武政规〔2022')
    expect(normalizeDocumentNumberQuery('【2022】 3號')).toBe('〔2022〕3号')
    expect(normalizeDocumentNumberQuery('政务公开')).toBe('政务公开')
  })
})

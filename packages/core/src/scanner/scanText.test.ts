import { describe, expect, it } from 'vitest'
import { passesLuhn } from '../identifiers/bankCard.js'
import { isValidCreditCode } from '../identifiers/creditCode.js'
import { makeLuhn, makeResidentId, toFullWidth, withWrongCheck } from '../test-support/identifiers.js'
import type { Finding, FindingKind, ScanOptions } from './finding.js'
import { hasBlockingFindings, maskText, scanText } from './scanText.js'

const today = new Date(2026, 10, 26)
const scan = (text: string, options: ScanOptions = {}): Finding[] => scanText(text, { today, ...options })
const kindsIn = (text: string, options?: ScanOptions): [FindingKind, string][] =>
  scan(text, options).map((finding) => [finding.kind, finding.match])

const id = makeResidentId('350102', '19900101', '123')
const card16 = makeLuhn('622202123456789')
const card19 = makeLuhn('621700123456789012')
// A valid ID that also passes Luhn, to show an ID is never reported twice.
const idPassingLuhn = Array.from({ length: 1000 }, (_, index) =>
  makeResidentId('110101', '19800101', String(index).padStart(3, '0')),
).find((candidate) => passesLuhn(candidate.replace('X', '')) && !candidate.endsWith('X'))!

describe('scanText: 居民身份证号', () => {
  it.each([
    [`身份证号${id}。`, id],
    ['身份证号：11010519491231002X', '11010519491231002X'],
    ['11010519491231002x', '11010519491231002x'],
    [`证件${toFullWidth(id)}`, toFullWidth(id)],
    [`身份证 ${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)} 号`, `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`],
    [`(${id})`, id],
  ])('finds the ID in %j', (text, match) => {
    const findings = scan(text)
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ kind: 'resident_id', severity: 'blocking', match })
    expect(text.slice(findings[0]!.start, findings[0]!.end)).toBe(match)
  })

  it('masks an ID keeping the first 2 and last 3 characters', () => {
    expect(scan(`身份证号${id}`)[0]?.masked).toBe(`35*************${id.slice(-3)}`)
    expect(scan('11010519491231002X')[0]).toMatchObject({
      masked: '11*************02X',
      message: '发现居民身份证号，公开前应屏蔽，只保留前2位和后3位',
      start: 0,
      end: 18,
    })
  })

  it.each([
    [withWrongCheck(id), 'a failing check digit'],
    [makeResidentId('350102', '19900230', '123'), 'an impossible birth date'],
    [makeResidentId('350102', '20300101', '123'), 'a birth date in the future'],
    [`${id}.5`, 'a decimal part'],
    [`0.${id}`, 'a fraction'],
    [makeResidentId('990101', '19900101', '123'), 'an impossible province code 99'],
    [makeResidentId('000000', '19900101', '123'), 'an impossible province code 00'],
  ])('does not report %s (%s) as an ID', (text) => {
    expect(scan(text).filter((finding) => finding.kind === 'resident_id')).toEqual([])
  })

  it('reports an ID that also passes Luhn once, as an ID', () => {
    expect(idPassingLuhn).toBeDefined()
    expect(kindsIn(`号码${idPassingLuhn}`)).toEqual([['resident_id', idPassingLuhn]])
  })

  it('finds 15-digit legacy IDs only when asked', () => {
    const text = '旧身份证350102900101123'
    expect(scan(text)).toEqual([])
    expect(scan(text, { shouldIncludeLegacyResidentIds: true })).toMatchObject([
      { kind: 'resident_id', match: '350102900101123', masked: '35**********123' },
    ])
    expect(scan('编号350102901301123', { shouldIncludeLegacyResidentIds: true })).toEqual([])
  })
})

describe('scanText: mobile numbers', () => {
  it.each([
    ['联系电话13812345678', '13812345678', '138****5678'],
    ['手机：138 1234 5678。', '138 1234 5678', '138 **** 5678'],
    ['手机：138-1234-5678', '138-1234-5678', '138-****-5678'],
    ['+86 13812345678', '+86 13812345678', '+86 138****5678'],
    ['（+8613912345678）', '+8613912345678', '+86139****5678'],
    ['008619912345678', '008619912345678', '0086199****5678'],
    ['电话１３８１２３４５６７８', '１３８１２３４５６７８', '１３８****５６７８'],
    ['tel:13812345678', '13812345678', '138****5678'],
    ['手机13812345678，', '13812345678', '138****5678'],
  ])('finds %j', (text, match, masked) => {
    expect(scan(text)).toEqual([
      expect.objectContaining({ kind: 'mobile', severity: 'blocking', match, masked, message: '发现手机号码，如属个人信息，公开前应屏蔽中间4位' }),
    ])
  })

  it('finds two mobiles separated by a space', () => {
    expect(kindsIn('13812345678 13912345678')).toEqual([
      ['mobile', '13812345678'],
      ['mobile', '13912345678'],
    ])
  })

  it.each([
    ['订单号213812345678', 'inside a longer digit run'],
    ['13812345678901', 'followed by digits'],
    ['ABC13812345678', 'after Latin letters'],
    ['13812345678abc', 'before Latin letters'],
    ['金额13812345678.50元', 'as the integer part of a decimal'],
    ['0.13812345678', 'as a fraction'],
    ['12812345678', 'with an unassigned prefix 12'],
    ['1381234567', 'with 10 digits'],
    ['138 1234 5678 9', 'followed by another digit group'],
    ['0591-87654321', 'a landline'],
    ['400-123-4567', 'a hotline'],
    ['12345', 'a short hotline'],
    ['https://www.gov.cn/zhengce/13812345678.htm', 'in a URL path'],
    ['详见http://example.com/?tel=13812345678&x=1', 'in a URL query'],
    ['www.example.com/user/13812345678', 'in a www address'],
    ['时间戳1656576000000', 'a 13-digit timestamp'],
    ['13,812,345,678元', 'a number with thousands separators'],
  ])('does not report %j (%s)', (text) => {
    expect(scan(text).filter((finding) => finding.kind === 'mobile')).toEqual([])
  })

  it('reports an e-mail whose local part is a phone number as an e-mail only', () => {
    expect(kindsIn('邮箱13812345678@163.com')).toEqual([['email', '13812345678@163.com']])
  })
})

describe('scanText: bank cards', () => {
  it.each([
    [`卡号${card16}`, card16, `${card16.slice(0, 4)}********${card16.slice(-4)}`],
    [`卡号${card19}。`, card19, `${card19.slice(0, 4)}***********${card19.slice(-4)}`],
    ['卡号4111 1111 1111 1111', '4111 1111 1111 1111', '4111 **** **** 1111'],
    ['卡号4111-1111-1111-1111', '4111-1111-1111-1111', '4111-****-****-1111'],
    [`卡号${toFullWidth(card16)}`, toFullWidth(card16), `${toFullWidth(card16.slice(0, 4))}********${toFullWidth(card16.slice(-4))}`],
  ])('finds %j', (text, match, masked) => {
    const findings = scan(text)
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ kind: 'bank_card', severity: 'warning', match })
    expect(findings[0]!.masked).toBe(masked)
    expect(text.slice(findings[0]!.start, findings[0]!.end)).toBe(match)
  })

  it('masks a grouped 19-digit card keeping the first and last four digits', () => {
    const grouped = card19.replace(/(\d{4})(?=\d)/gu, '$1 ')
    const masked = scan(grouped)[0]!.masked
    expect(masked.replace(/ /gu, '')).toBe(`${card19.slice(0, 4)}${'*'.repeat(11)}${card19.slice(-4)}`)
    expect(masked.split(' ').map((group) => group.length)).toEqual([4, 4, 4, 4, 3])
  })

  it.each([
    ['4111111111111112', 'failing Luhn'],
    [makeLuhn('411111111111111'.slice(0, 14)), '15 digits'],
    [makeLuhn('6217001234567890123'), '20 digits'],
    [`9${card16}`, 'inside a longer run'],
    ['4111 1111 1111 1111 2222', 'followed by another group'],
    ['4111 1111-1111 1111', 'mixed separators'],
    [`https://example.com/pay/${card16}`, 'in a URL'],
  ])('does not report %j (%s)', (text) => {
    expect(scan(text).filter((finding) => finding.kind === 'bank_card')).toEqual([])
  })
})

describe('scanText: e-mail addresses', () => {
  it.each([
    ['请发送至zhangsan@example.com。', 'zhangsan@example.com', 'z***@example.com'],
    ['联系：li.si+gov@mail.tj.gov.cn', 'li.si+gov@mail.tj.gov.cn', 'l***@mail.tj.gov.cn'],
    ['邮箱wang_wu@163.com，电话', 'wang_wu@163.com', 'w***@163.com'],
    ['ｚｈａｏ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'ｚｈａｏ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'ｚ***＠ｅｘａｍｐｌｅ．ｃｏｍ'],
  ])('finds %j', (text, match, masked) => {
    expect(scan(text)).toEqual([expect.objectContaining({ kind: 'email', severity: 'warning', match, masked })])
  })

  it.each(['a@b', '@username', 'user@', '邮箱：无', 'x@localhost'])('does not report %j', (text) => {
    expect(scan(text)).toEqual([])
  })
})

describe('scanText: 密级 marks', () => {
  it.each([
    ['秘密★1年', '秘密★1年'],
    ['机密★20年', '机密★20年'],
    ['绝密★30年', '绝密★30年'],
    ['绝密★长期', '绝密★长期'],
    ['绝密★启用前', '绝密★启用前'],
    ['机密 ★ 10年', '机密 ★ 10年'],
    ['秘密☆5年', '秘密☆5年'],
    ['秘密＊5年', '秘密＊5年'],
    ['机密★', '机密★'],
    ['秘密★一年', '秘密★一年'],
    ['机密★二十年', '机密★二十年'],
    ['秘密★6个月', '秘密★6个月'],
    ['密级：机密', '密级：机密'],
    ['密级: 秘密★5年', '密级: 秘密★5年'],
    ['文件\n机密\n关于……的通知', '机密'],
    ['  绝密  \n正文', '绝密'],
    ['机密 20年\n正文', '机密 20年'],
  ])('finds %j', (text, match) => {
    const findings = scan(text)
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ kind: 'classification_mark', severity: 'blocking', match, masked: match })
    expect(findings[0]!.message).toBe(`发现密级标志“${match}”：标有密级的文件不得公开发布，请核实密级`)
    expect(text.slice(findings[0]!.start, findings[0]!.end)).toBe(match)
  })

  it.each([
    ['秘密★15年', '（秘密级保密期限最长10年，标注的15年超出上限）'],
    ['机密★三十年', '（机密级保密期限最长20年，标注的30年超出上限）'],
    ['绝密★31年', '（绝密级保密期限最长30年，标注的31年超出上限）'],
  ])('says when %j exceeds the longest 保密期限', (text, suffix) => {
    expect(scan(text)[0]?.message.endsWith(suffix)).toBe(true)
  })

  it.each([
    '依法保护商业秘密和个人隐私',
    '国家秘密的密级分为“绝密”“机密”“秘密”三级',
    '保守国家秘密是公民的义务',
    '数据的机密性和完整性',
    '涉及秘密的事项按规定办理',
    '非密',
  ])('does not flag the words in prose: %j', (text) => {
    expect(scan(text)).toEqual([])
  })
})

describe('scanText: internal marks', () => {
  it.each(['内部资料', '内部文件', '内部材料', '内部参考', '内部发行', '仅供内部使用', '限内部使用', '注意保密', '不得外传', '严禁外传', '请勿外传', '禁止外传'])(
    'finds %j as a warning',
    (mark) => {
      const text = `本材料为${mark}，请妥善保管`
      expect(scan(text)).toEqual([
        expect.objectContaining({
          kind: 'internal_mark',
          severity: 'warning',
          match: mark,
          masked: mark,
          start: 4,
          end: 4 + mark.length,
          message: `发现内部标志“${mark}”，请确认该内容可以公开`,
        }),
      ])
    },
  )
})

describe('scanText: things that look like numbers but are not personal data', () => {
  it.each([
    '成文日期：2022年6月30日',
    '2022-06-30 13:45:00',
    '20220630',
    '发布日期2022-06-30，成文日期2022-06-28',
    '国办发〔2018〕123号',
    '津武政办发〔2022〕12号',
    '索引号：000014349/2018-00222',
    '索引号：11341702486344515H/202110-00013',
    '统一社会信用代码91350100M000100Y43',
    '文号：国发明电〔2020〕5号，共计12345678份',
    '面积1381234567.8平方米',
    '人口13,812,345,678',
    'ISBN 978-7-01-012345-6',
    '邮编300000，电话022-12345678',
    '',
  ])('reports nothing in %j', (text) => {
    expect(scan(text)).toEqual([])
  })

  it('does not take an all-digit credit code in a 索引号 for an ID', () => {
    // Search for a number that is both a valid ID and a valid credit code (about 1 in 31 are).
    const candidates = Array.from({ length: 28 * 100 }, (_, index) =>
      makeResidentId('120101', `197001${String((index % 28) + 1).padStart(2, '0')}`, String(Math.floor(index / 28)).padStart(3, '0')),
    )
    const collision = candidates.find((candidate) => isValidCreditCode(candidate))
    expect(collision).toBeDefined()
    expect(scan(`索引号：${collision}/2024-00001`)).toEqual([])
    expect(scan(`身份证号：${collision}`)).toMatchObject([{ kind: 'resident_id' }])
  })
})

describe('scanText: a mixed document', () => {
  const text = [
    '关于张三同志的任职通知',
    '机密★10年',
    `张三，身份证号${id}，手机138 1234 5678，银行卡${card16}，邮箱zhangsan@example.com。`,
    '本通知为内部资料，不得外传。索引号000014349/2018-00222，国办发〔2018〕123号。',
  ].join('\n')

  it('finds every item in order with offsets into the original text', () => {
    const findings = scan(text)
    expect(findings.map((finding) => [finding.kind, finding.match])).toEqual([
      ['classification_mark', '机密★10年'],
      ['resident_id', id],
      ['mobile', '138 1234 5678'],
      ['bank_card', card16],
      ['email', 'zhangsan@example.com'],
      ['internal_mark', '内部资料'],
      ['internal_mark', '不得外传'],
    ])
    for (const finding of findings) expect(text.slice(finding.start, finding.end)).toBe(finding.match)
    expect(hasBlockingFindings(findings)).toBe(true)
  })

  it('lets severities be overridden', () => {
    const findings = scan(text, { severities: { mobile: 'warning', classification_mark: 'warning' } })
    expect(findings.find((finding) => finding.kind === 'mobile')?.severity).toBe('warning')
    expect(findings.find((finding) => finding.kind === 'classification_mark')?.severity).toBe('warning')
    expect(findings.find((finding) => finding.kind === 'resident_id')?.severity).toBe('blocking')
  })

  it('looks only for the requested kinds', () => {
    expect(scan(text, { kinds: ['email', 'mobile'] }).map((finding) => finding.kind)).toEqual(['mobile', 'email'])
  })

  it('masks every finding with maskText', () => {
    expect(maskText(text, undefined, { today })).toBe(
      [
        '关于张三同志的任职通知',
        '机密★10年',
        `张三，身份证号35*************${id.slice(-3)}，手机138 **** 5678，银行卡${card16.slice(0, 4)}********${card16.slice(-4)}，邮箱z***@example.com。`,
        '本通知为内部资料，不得外传。索引号000014349/2018-00222，国办发〔2018〕123号。',
      ].join('\n'),
    )
  })

  it('masks only the findings it is given', () => {
    const onlyMobile = scan(text).filter((finding) => finding.kind === 'mobile')
    const masked = maskText(text, onlyMobile)
    expect(masked).toContain('138 **** 5678')
    expect(masked).toContain(id)
  })
})

describe('maskText', () => {
  it('returns text without findings unchanged', () => {
    expect(maskText('没有敏感信息的正文')).toBe('没有敏感信息的正文')
  })

  it('skips findings that overlap an applied one or lie outside the text', () => {
    const text = '13812345678'
    const findings: Finding[] = [
      { kind: 'mobile', severity: 'warning', start: 0, end: 11, match: text, masked: '138****5678', message: '', code: 'mobile', params: { match: text } },
      { kind: 'mobile', severity: 'warning', start: 5, end: 11, match: '45678', masked: 'XXXXX', message: '', code: 'mobile', params: { match: text } },
      { kind: 'mobile', severity: 'warning', start: 20, end: 31, match: text, masked: 'YYY', message: '', code: 'mobile', params: { match: text } },
    ]
    // The first one wins; 5–11 overlaps it and the third lies outside the text.
    expect(maskText(text, findings)).toBe('138****5678')
    expect(maskText(text, findings.slice(1))).toBe('13812XXXXX')
  })

  it('applies masks of a different length without shifting later ones', () => {
    expect(maskText('a@example.com 和 bob@example.org')).toBe('a***@example.com 和 b***@example.org')
  })
})

describe('hasBlockingFindings', () => {
  it.each([
    ['秘密★1年', true],
    ['手机13812345678', true],
    ['邮箱a@example.com', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(hasBlockingFindings(scan(text))).toBe(expected)
  })
})

describe('scanText: IDs are verified, so they are reported even where phone numbers are shielded', () => {
  it.each([
    [`https://example.com/profile?id=${id}`],
    [`见附件：${id}.pdf`],
  ])('reports the ID in %j', (text) => {
    expect(kindsIn(text)).toEqual([['resident_id', id]])
  })
})

describe('scanText: message codes', () => {
  it('gives each finding a code and the values its message quotes, for applications that word it in another language', () => {
    const id = makeResidentId('110105', '19491231', '002')
    expect(scanText(`身份证${id}，手机13812345678，内部资料`).map(({ code, params }) => ({ code, params }))).toEqual([
      { code: 'resident_id', params: { match: id } },
      { code: 'mobile', params: { match: '13812345678' } },
      { code: 'internal_mark', params: { match: '内部资料' } },
    ])
    expect(scanText('秘密★15年').map(({ code, params }) => ({ code, params }))).toEqual([
      { code: 'classification_mark_too_long', params: { match: '秘密★15年', level: '秘密', maxYears: 10, years: 15 } },
    ])
    expect(scanText('秘密★5年').map(({ code }) => code)).toEqual(['classification_mark'])
    expect(scanText('编号350102900101123', { shouldIncludeLegacyResidentIds: true }).map(({ code }) => code)).toEqual(['legacy_resident_id'])
  })
})

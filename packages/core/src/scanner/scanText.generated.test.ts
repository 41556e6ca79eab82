import { describe, expect, it } from 'vitest'
import { makeLuhn, makeResidentId, toFullWidth } from '../test-support/identifiers.js'
import type { FindingKind } from './finding.js'
import { maskText, scanText } from './scanText.js'

// Deterministic pseudo-random generator (mulberry32) so every run checks the same documents.
function randomGenerator(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let value = Math.imul(state ^ (state >>> 15), 1 | state)
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

const today = new Date(2026, 10, 26)
const fillers = [
  '根据有关规定，现将情况通知如下：',
  '请各单位认真贯彻落实。',
  '发布日期2022-06-30，',
  '国办发〔2018〕123号',
  '索引号000014349/2018-00222，',
  '联系电话022-12345678，',
  '详见https://www.gov.cn/zhengce/content/2022-06/30/content_5698.htm ',
  '共计1234人，',
]

type Planted = { kind: FindingKind; value: string }

function plantedItem(random: () => number): Planted {
  const digits = (count: number) => Array.from({ length: count }, () => Math.floor(random() * 10)).join('')
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  switch (pick(['resident_id', 'mobile', 'bank_card', 'email'] as const)) {
    case 'resident_id': {
      const year = 1930 + Math.floor(random() * 90)
      const month = String(1 + Math.floor(random() * 12)).padStart(2, '0')
      const day = String(1 + Math.floor(random() * 28)).padStart(2, '0')
      const id = makeResidentId(pick(['110105', '350102', '440305', '120114']), `${year}${month}${day}`, digits(3))
      return { kind: 'resident_id', value: random() < 0.2 ? toFullWidth(id) : id }
    }
    case 'mobile': {
      const number = `1${pick(['3', '5', '7', '8', '9'])}${digits(9)}`
      const format = pick(['plain', 'spaced', 'hyphen', 'country'] as const)
      const value =
        format === 'spaced'
          ? `${number.slice(0, 3)} ${number.slice(3, 7)} ${number.slice(7)}`
          : format === 'hyphen'
            ? `${number.slice(0, 3)}-${number.slice(3, 7)}-${number.slice(7)}`
            : format === 'country'
              ? `+86 ${number}`
              : number
      return { kind: 'mobile', value }
    }
    case 'bank_card': {
      // 16 or 19 digits only: an 18-digit Luhn number can happen to be a valid ID.
      const card = makeLuhn(`62${digits(random() < 0.5 ? 13 : 16)}`)
      return { kind: 'bank_card', value: random() < 0.3 ? card.replace(/(\d{4})(?=\d)/gu, '$1 ') : card }
    }
    case 'email':
      return {
        kind: 'email',
        value: `${pick(['zhang', 'li.si', 'wang_wu', 'user+gov'])}${digits(2)}@${pick(['example.com', 'mail.tj.gov.cn', '163.com'])}`,
      }
  }
}

describe('scanText on generated documents', () => {
  const documents = Array.from({ length: 200 }, (_, seed) => {
    const random = randomGenerator(seed + 1)
    let text = ''
    const planted: (Planted & { start: number })[] = []
    for (let index = 0; index < 12; index++) {
      text += fillers[Math.floor(random() * fillers.length)]!
      if (random() < 0.5) {
        const item = plantedItem(random)
        text += '：'
        planted.push({ ...item, start: text.length })
        text += `${item.value}。`
      }
    }
    return { seed, text, planted }
  })

  it.each(documents)('finds exactly the planted items in document $seed', ({ text, planted }) => {
    const findings = scanText(text, { today })
    expect(findings.map(({ kind, match, start }) => ({ kind, value: match, start }))).toEqual(planted)
  })

  it.each(documents)('masking document $seed leaves no planted value and nothing to find', ({ text, planted }) => {
    const masked = maskText(text, undefined, { today })
    for (const item of planted) expect(masked).not.toContain(item.value)
    expect(scanText(masked, { today })).toEqual([])
  })

  it('never reports a random 18-digit number that fails the ID checksum as an ID', () => {
    const random = randomGenerator(99)
    let reported = 0
    for (let index = 0; index < 2000; index++) {
      const birthDate = `19${10 + Math.floor(random() * 90)}0101`
      const id = makeResidentId('350102', birthDate, String(Math.floor(random() * 1000)).padStart(3, '0'))
      const wrong = id.slice(0, 17) + (id.at(-1) === '0' ? '1' : '0')
      reported += scanText(`编号${wrong}。`, { today }).filter((finding) => finding.kind === 'resident_id').length
    }
    expect(reported).toBe(0)
  })
})

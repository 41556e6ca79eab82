import { describe, expect, it } from 'vitest'
import { makeResidentId } from '../test-support/identifiers.js'
import { maskRichText, scanRichText } from './scanRichText.js'
import { maskText, scanText } from './scanText.js'

// Hostile input: each test asserts what the scanner returns. That the call returns at all is part of
// it (before the fix `密级` + 100,000 blanks took seconds and deep states threw RangeError); speed is
// measured in `pnpm bench`, not asserted here.

const today = new Date(2026, 10, 26)
const id = makeResidentId('120114', '19850612', '487')
const maskedId = `12${'*'.repeat(13)}${id.slice(-3)}`

describe('scanText: long runs of blanks', () => {
  it.each([
    ['spaces', ' '],
    ['tabs', '\t'],
    ['no-break spaces', '\u00a0'],
    ['ideographic spaces', '\u3000'],
  ])('scans 密级 followed by 100,000 %s', (_name, blank) => {
    const run = blank.repeat(100_000)
    expect(scanText(`密级${run}`)).toEqual([])
    expect(scanText(`密级${run}。`)).toEqual([])
    const text = `密级${run}机密`
    expect(scanText(text)).toMatchObject([{ kind: 'classification_mark', start: 0, end: text.length }])
  })

  it('scans 机密 followed by 100,000 spaces and no star', () => {
    expect(scanText(`机密${' '.repeat(100_000)}。`)).toEqual([])
    expect(scanText(`\n机密${' '.repeat(100_000)}x`)).toEqual([])
  })

  it('scans many 密级 words each followed by blanks', () => {
    expect(scanText(`密级${'\t'.repeat(100)}`.repeat(2_000))).toEqual([])
  })
})

describe('scanText: control characters and broken UTF-16', () => {
  it('finds an ID between NUL characters and keeps them when masking', () => {
    const text = `\u0000身份证\u0000${id}\u0000`
    expect(scanText(text, { today })).toMatchObject([{ kind: 'resident_id', match: id, start: 5, end: 23 }])
    expect(maskText(text, undefined, { today })).toBe(`\u0000身份证\u0000${maskedId}\u0000`)
  })

  it('finds numbers next to lone surrogates and keeps the surrogates', () => {
    const text = `\ud800${id}\udc00手机\udfff13812345678\ud83d`
    expect(scanText(text, { today }).map((finding) => [finding.kind, finding.start, finding.end])).toEqual([
      ['resident_id', 1, 19],
      ['mobile', 23, 34],
    ])
    expect(maskText(text, undefined, { today })).toBe(`\ud800${maskedId}\udc00手机\udfff138****5678\ud83d`)
  })

  it('keeps offsets right after astral characters and invisible format characters', () => {
    const text = `𠀀😀\u200b\u{e0001}身份证${id}`
    const [finding] = scanText(text, { today })
    expect(finding).toMatchObject({ kind: 'resident_id', match: id })
    expect(text.slice(finding!.start, finding!.end)).toBe(id)
  })

  it('scans a string of 100,000 NUL characters and lone surrogates', () => {
    expect(scanText('\u0000\ud800'.repeat(50_000))).toEqual([])
  })
})

describe('scanText: huge input', () => {
  it('finds an ID after a million characters of text', () => {
    const text = `${'正文'.repeat(500_000)}${id}`
    expect(scanText(text, { today })).toMatchObject([{ kind: 'resident_id', start: 1_000_000, end: 1_000_018 }])
  })

  it('scans a million digits as one run', () => {
    // 1111… is no ID (birth year 1111), no card, no mobile: nothing is reported.
    expect(scanText('1'.repeat(1_000_000))).toEqual([])
  })

  it('scans a million characters that look like the start of an e-mail address or a URL', () => {
    expect(scanText(`a@${'a-'.repeat(500_000)}`)).toEqual([])
    expect(scanText(`${'a.'.repeat(500_000)}@`)).toEqual([])
    expect(scanText(`https://${'1'.repeat(1_000_000)}`)).toEqual([])
  })

  it('scans 100,000 ID-like groups separated by spaces', () => {
    expect(scanText('1201 '.repeat(100_000))).toEqual([])
  })
})

describe('scanRichText and maskRichText: deep nesting', () => {
  const depth = 100_000
  const text = (value: string) => ({ type: 'text', text: value, format: 0, version: 1 })
  const deepState = (innermost: unknown, type = 'list') => {
    let node: unknown = innermost
    for (let level = 0; level < depth; level++) node = { type, children: [node] }
    return { root: { type: 'root', children: [node] } }
  }
  const paragraph = { type: 'paragraph', children: [text(`身份证${id}`)] }

  it('finds an ID nested 100,000 levels deep, with its full path', () => {
    const findings = scanRichText(deepState(paragraph), { today })
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ kind: 'resident_id', match: id, start: 3, end: 21 })
    expect(findings[0]!.path).toHaveLength(1 + 2 * (depth + 1))
    expect(findings[0]!.path!.slice(0, 5)).toEqual(['root', 'children', 0, 'children', 0])
  })

  it('finds an ID in text nested in 100,000 links', () => {
    const state = deepState(text(id), 'link')
    expect(scanRichText(state, { today })).toMatchObject([{ kind: 'resident_id', match: id, path: ['root'] }])
  })

  it('masks an ID nested 100,000 levels deep without touching the input', () => {
    const state = deepState(paragraph)
    const masked = maskRichText(state, { today })
    let node = masked.root.children[0] as { children?: unknown[]; text?: string }
    let original = state.root.children[0] as { children?: unknown[]; text?: string }
    while (node.children) {
      node = node.children[0] as typeof node
      original = original.children![0] as typeof original
    }
    expect(node.text).toBe(`身份证${maskedId}`)
    expect(original.text).toBe(`身份证${id}`)
  })

  it('masks a deep state given as a JSON string and returns a JSON string', () => {
    const json = `{"root":{"type":"root","children":[${'{"type":"list","children":['.repeat(depth)}{"type":"text","text":"${id}"}${']}'.repeat(depth)}]}}`
    const masked = maskRichText(json, { today })
    expect(typeof masked).toBe('string')
    expect(masked).toBe(json.replace(id, maskedId))
    expect(scanRichText(masked, { today })).toEqual([])
  })

  it('gives the same string as JSON.stringify for an ordinary state', () => {
    const state = { root: { type: 'root', children: [paragraph, { type: 'paragraph', children: [], extra: { n: 1.5, list: [null, true, 'é"\\'] } }] } }
    const masked = maskRichText(JSON.stringify(state), { today })
    expect(masked).toBe(JSON.stringify(maskRichText(state, { today })))
  })

  it('scans 100,000 sibling blocks', () => {
    const state = { root: { type: 'root', children: Array.from({ length: 100_000 }, () => ({ type: 'paragraph', children: [text('正文')] })) } }
    expect(scanRichText(state)).toEqual([])
  })
})

import { extractFromXml } from '@extractus/feed-extractor'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { documentInput, startLibrary, type RunningLibrary } from './helpers.js'

/** Feeds and sitemaps as other software reads them: parsed by a feed reader's parser, not by regexes. */
const publicUrl = 'https://library.example.gov.cn'
const pageTemplate = 'https://www.tjwq.gov.cn/zwgk/policies/{contentId}?from=library&amp=1'
let withPages: RunningLibrary
let withoutPages: RunningLibrary

async function seed(library: RunningLibrary): Promise<void> {
  const token = await library.agencyWithToken('wuqing', '天津市武清区人民政府办公室')
  const pushes = [
    ['with-url', documentInput({ title: '关于调整<最低工资>标准的通知', summary: '工资 & 社保：<b>不是标签</b>', url: 'https://www.tjwq.gov.cn/zwgk/a.html?x=1&y=2', publishedAt: '2024-03-02' })],
    ['without:url', documentInput({ title: '关于做好政务公开工作的通知', publishedAt: '2024-03-01', topics: ['02.01'] })],
  ] as const
  for (const [contentId, body] of pushes) {
    const answer = await library.call('PUT', `/v1/documents/${encodeURIComponent(contentId)}`, { token, body })
    if (answer.status !== 201) throw new Error(answer.text)
  }
}

beforeAll(async () => {
  withPages = await startLibrary('pl_feeds_pages', { publicUrl, documentPageUrl: pageTemplate })
  withoutPages = await startLibrary('pl_feeds_plain', { publicUrl })
  await seed(withPages)
  await seed(withoutPages)
})
afterAll(async () => {
  await withPages?.stop()
  await withoutPages?.stop()
})

type RawEntry = Record<string, unknown> & { title: { '#text': string; '@_type': string }; link?: unknown; published: string; updated: string }

function parseAtom(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true)
  const raw: RawEntry[] = []
  const feed = extractFromXml(xml, {
    normalization: true,
    getExtraEntryFields: (entry: unknown) => {
      raw.push(entry as RawEntry)
      return {}
    },
  })
  return { feed, raw }
}

const linksOf = (entry: RawEntry): { '@_rel': string; '@_href': string; '@_type'?: string }[] => {
  const link = entry.link as unknown
  if (link === undefined) return []
  return (Array.isArray(link) ? link : [link]) as { '@_rel': string; '@_href': string }[]
}

describe('Atom feeds', () => {
  it('parse in a feed reader with text titles, a published date and links to pages', async () => {
    const answer = await withPages.call('GET', '/v1/agencies/wuqing/feed.atom')
    expect(answer.status).toBe(200)
    const { feed, raw } = parseAtom(answer.text)
    expect(feed.title).toBe('天津市武清区人民政府办公室 · 政策文件')
    expect(feed.entries?.map((entry) => entry.title)).toEqual(['关于调整<最低工资>标准的通知（津武政办发〔2024〕3号）', '关于做好政务公开工作的通知（津武政办发〔2024〕3号）'])
    // The reader's own description strips tags; the summary itself is the text as written.
    expect((raw[0]?.summary as { '#text': string })['#text']).toBe('工资 & 社保：<b>不是标签</b>')
    for (const entry of raw) {
      expect(entry.title['@_type']).toBe('text')
      expect((entry.summary as { '@_type': string })['@_type']).toBe('text')
    }
    // 发布日期 as <published>, the change time as <updated>.
    expect(raw[0]?.published).toBe('2024-03-02T00:00:00+08:00')
    expect(raw[1]?.published).toBe('2024-03-01T00:00:00+08:00')
    expect(Number.isNaN(Date.parse(raw[0]?.updated ?? ''))).toBe(false)
    // The pushed url, else the page template; never the JSON API.
    expect(linksOf(raw[0] as RawEntry)).toEqual([{ '@_rel': 'alternate', '@_type': 'text/html', '@_href': 'https://www.tjwq.gov.cn/zwgk/a.html?x=1&y=2' }])
    expect(linksOf(raw[1] as RawEntry)[0]?.['@_href']).toBe('https://www.tjwq.gov.cn/zwgk/policies/without%3Aurl?from=library&amp=1')
    expect(answer.text).not.toMatch(/<link[^>]*\/v1\/documents\//)
  })

  it('link to themselves as self only, not as a page', async () => {
    const answer = await withPages.call('GET', '/v1/topics/02/feed.atom')
    const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'link' || name === 'entry' })
    const document = parser.parse(answer.text) as { feed: { link: { '@_rel': string; '@_href': string }[]; entry: unknown[] } }
    expect(document.feed.link).toEqual([{ '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': `${publicUrl}/v1/topics/02/feed.atom` }])
    expect(document.feed.entry).toHaveLength(2)
  })

  it('give an entry without a page its summary as content and no link', async () => {
    const answer = await withoutPages.call('GET', '/v1/agencies/wuqing/feed.atom')
    const { raw } = parseAtom(answer.text)
    const plain = raw.find((entry) => entry.title['#text'].startsWith('关于做好')) as RawEntry
    expect(linksOf(plain)).toEqual([])
    expect((plain.content as { '#text': string; '@_type': string })['@_type']).toBe('text')
    expect(answer.text).not.toMatch(/<link[^>]*\/v1\/documents\//)
  })
})

describe('sitemaps', () => {
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' || name === 'sitemap' })
  const parseSitemap = (xml: string) => {
    expect(XMLValidator.validate(xml)).toBe(true)
    return parser.parse(xml) as { urlset: { '@_xmlns': string; url: { loc: string; lastmod: string }[] } }
  }

  it('list document pages with the sitemaps.org structure', async () => {
    const index = await withPages.call('GET', '/sitemap.xml')
    expect(XMLValidator.validate(index.text)).toBe(true)
    const parsedIndex = parser.parse(index.text) as { sitemapindex: { '@_xmlns': string; sitemap: { loc: string }[] } }
    expect(parsedIndex.sitemapindex['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    expect(parsedIndex.sitemapindex.sitemap).toEqual([{ loc: `${publicUrl}/sitemaps/1.xml` }])

    const page = parseSitemap((await withPages.call('GET', '/sitemaps/1.xml')).text)
    expect(page.urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    expect(page.urlset.url.map((url) => url.loc).sort()).toEqual([
      'https://www.tjwq.gov.cn/zwgk/a.html?x=1&y=2',
      'https://www.tjwq.gov.cn/zwgk/policies/without%3Aurl?from=library&amp=1',
    ])
    for (const url of page.urlset.url) {
      expect(url.loc).toMatch(/^https?:\/\//)
      expect(url.loc.length).toBeLessThanOrEqual(2048)
      expect(url.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    }
  })

  it('leave out documents that have no page instead of listing the JSON API', async () => {
    const page = parseSitemap((await withoutPages.call('GET', '/sitemaps/1.xml')).text)
    expect(page.urlset.url.map((url) => url.loc)).toEqual(['https://www.tjwq.gov.cn/zwgk/a.html?x=1&y=2'])
  })
})

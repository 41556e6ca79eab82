import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import type { ChannelDocument } from '../src/channels/Channel.js'
import { createFeedChannel } from '../src/channels/feed/createFeedChannel.js'

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' })

function channel() {
  let clock = Date.parse('2024-05-01T00:00:00Z')
  return createFeedChannel({
    title: '武清区人民政府 政策文件 & 解读',
    siteUrl: 'https://www.wuqing.gov.cn/',
    atomUrl: 'https://www.wuqing.gov.cn/feeds/policies.atom',
    rssUrl: 'https://www.wuqing.gov.cn/feeds/policies.rss',
    now: () => new Date((clock += 60_000)),
  })
}

const tricky: ChannelDocument = {
  id: 'p-1',
  title: '关于<印发>“A&B”方案的通知\u0008',
  summary: '摘要 <b>加粗</b> & ]]> 结尾',
  html: '<p>正文 & <a href="https://a.cn/?x=1&y=2">链接</a> ]]></p>',
  canonicalUrl: 'https://www.wuqing.gov.cn/zwgk/p-1.html?from=feed&v=1',
  categories: ['综合政务\\政务公开'],
  author: '区政府办',
}

describe('feed channel', () => {
  it('renders a well-formed Atom feed with escaped titles, content and links', async () => {
    const feed = channel()
    expect(await feed.publish(tricky)).toEqual({ channel: 'feed', state: 'published', externalId: 'p-1', url: tricky.canonicalUrl })
    const atom = await feed.renderAtom()

    expect(XMLValidator.validate(atom)).toBe(true)
    const parsed = parser.parse(atom)
    const entry = parsed.feed.entry
    expect(parsed.feed.title).toContain('武清区人民政府 政策文件 & 解读')
    expect(String(entry.title['#text'] ?? entry.title)).toBe('关于<印发>“A&B”方案的通知')
    expect(entry.link['@href']).toBe(tricky.canonicalUrl)
    expect(String(entry.content['#text'] ?? entry.content)).toContain('<a href="https://a.cn/?x=1&y=2">链接</a> ]]>')
  })

  it('renders a well-formed RSS 2.0 feed, newest item first', async () => {
    const feed = channel()
    await feed.publish(tricky)
    await feed.publish({ ...tricky, id: 'p-2', title: '第二篇', canonicalUrl: 'https://www.wuqing.gov.cn/zwgk/p-2.html' })
    const rss = await feed.renderRss()

    expect(XMLValidator.validate(rss)).toBe(true)
    const items = parser.parse(rss).rss.channel.item
    expect(items.map((item: { title: string }) => String(item.title))).toEqual(['第二篇', '关于<印发>“A&B”方案的通知'])
    expect(String(items[1].link)).toBe(tricky.canonicalUrl)
  })

  it('replaces an item with its newer version and ignores an older one', async () => {
    const feed = channel()
    await feed.publish({ ...tricky, version: 2, title: '第二版' })
    await feed.publish({ ...tricky, version: 1, title: '第一版' })
    const entry = parser.parse(await feed.renderAtom()).feed.entry
    expect(String(entry.title['#text'] ?? entry.title)).toBe('第二版')
  })

  it('reports status from the items it holds', async () => {
    const feed = channel()
    await feed.publish(tricky)
    expect(await feed.checkStatus({ externalId: 'p-1' })).toMatchObject({ state: 'published' })
    expect(await feed.checkStatus({ externalId: 'p-404' })).toMatchObject({ state: 'failed', code: 'not-found', isRetryable: false })
  })

  it('withdraws an entry by marking it 【已撤回】 with the notice instead of the body; a repeat withdraw is withdrawn', async () => {
    const feed = channel()
    await feed.publish(tricky)
    await feed.publish({ ...tricky, id: 'p-2', title: '第二篇', html: '<p>第二篇正文</p>', canonicalUrl: 'https://www.wuqing.gov.cn/zwgk/p-2.html' })

    expect(await feed.withdraw({ externalId: 'p-1', notice: '该文件已废止 <见公告>。' })).toEqual({ channel: 'feed', state: 'withdrawn', externalId: 'p-1', isRepeat: false })
    const atom = await feed.renderAtom()
    expect(XMLValidator.validate(atom)).toBe(true)
    const entries = parser.parse(atom).feed.entry
    // The withdrawn entry is now the newest: readers that update entries see the change.
    expect(String(entries[0].title['#text'] ?? entries[0].title)).toBe('【已撤回】关于<印发>“A&B”方案的通知')
    expect(String(entries[0].content['#text'] ?? entries[0].content)).toBe('<p>该文件已废止 &lt;见公告&gt;。</p>')
    expect(String(entries[0].summary['#text'] ?? entries[0].summary)).toBe('该文件已废止 &lt;见公告&gt;。')
    expect(atom).not.toContain('https://a.cn/?x=1')
    expect(await feed.checkStatus({ externalId: 'p-1' })).toMatchObject({ state: 'failed', code: 'withdrawn', isRetryable: false })

    expect(await feed.withdraw({ externalId: 'p-1' })).toMatchObject({ state: 'withdrawn', isRepeat: true })
    expect(await feed.withdraw({ externalId: 'p-404' })).toMatchObject({ state: 'withdrawn', isRepeat: true })
    expect(await feed.withdraw({ externalId: '' })).toMatchObject({ state: 'failed', code: 'validation', isRetryable: false })
  })

  it('does not bring a withdrawn version back on a late publish, but publishes a newer version', async () => {
    const feed = channel()
    await feed.publish({ ...tricky, version: 2 })
    await feed.withdraw({ externalId: 'p-1' })
    expect(await feed.publish({ ...tricky, version: 2 })).toMatchObject({ state: 'failed', code: 'withdrawn', isRetryable: false })
    expect(await feed.publish({ ...tricky, version: 3, title: '第三版' })).toMatchObject({ state: 'published' })
    const entry = parser.parse(await feed.renderAtom()).feed.entry
    expect(String(entry.title['#text'] ?? entry.title)).toBe('第三版')
  })

  it('rejects a document without a usable canonical URL', async () => {
    expect(await channel().publish({ ...tricky, canonicalUrl: 'ftp://x' })).toMatchObject({ state: 'failed', code: 'validation', issues: [{ field: 'canonicalUrl', rule: 'url' }] })
  })
})

import { Feed } from 'feed'
import type { Channel, ChannelDocument, ChannelResult, ChannelValidationIssue, ChannelWithdrawal, ChannelWithdrawResult } from '../Channel.js'
import { checkExternalId } from '../checkExternalId.js'

/** One entry of a feed. */
export type FeedItem = {
  id: string
  version: number
  title: string
  summary?: string
  html: string
  url: string
  author?: string
  categories?: string[]
  publishedAt: string
  updatedAt: string
  /** Set by `withdraw`: the entry stays in the feed, marked 【已撤回】 with the notice instead of the body. */
  withdrawnAt?: string
  /** 撤回说明 shown in place of the body. */
  withdrawalNotice?: string
}

/** Where a feed channel keeps its published items. Use a database table in production. */
export type FeedItemStore = {
  put: (item: FeedItem) => Promise<void>
  get: (id: string) => Promise<FeedItem | undefined>
  /** Newest first by `updatedAt`. */
  list: (limit: number) => Promise<FeedItem[]>
}

export function createMemoryFeedItemStore(): FeedItemStore {
  const items = new Map<string, FeedItem>()
  return {
    put: async (item) => {
      items.set(item.id, structuredClone(item))
    },
    get: async (id) => items.get(id),
    list: async (limit) => [...items.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, limit),
  }
}

export type FeedChannelOptions = {
  /** Name reported in results. @default 'feed' */
  name?: string
  /** Feed title, e.g. `天津市武清区人民政府 政策文件`. */
  title: string
  description?: string
  /** The website the feed belongs to. */
  siteUrl: string
  /** Where the Atom feed is served (its self link and id). */
  atomUrl: string
  /** Where the RSS feed is served. */
  rssUrl?: string
  /** @default 'zh-CN' */
  language?: string
  /** @default a store in process memory */
  store?: FeedItemStore
  /** Items in a rendered feed. @default 50 */
  maxItems?: number
  /** Clock, for tests. @default () => new Date() */
  now?: () => Date
}

// XML 1.0 forbids these code points even when escaped; editors paste them from Word now and then.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const invalidXmlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/gu
const clean = (text: string) => text.replace(invalidXmlCharacters, '')

/**
 * A channel for platforms that pull: `publish` records the document; `renderAtom()` and `renderRss()`
 * produce the feed (the `feed` library escapes the XML).
 */
export function createFeedChannel(options: FeedChannelOptions): Channel & {
  renderAtom: () => Promise<string>
  renderRss: () => Promise<string>
} {
  const name = options.name ?? 'feed'
  const store = options.store ?? createMemoryFeedItemStore()
  const now = options.now ?? (() => new Date())
  const maxItems = options.maxItems ?? 50

  function validate(document: ChannelDocument): ChannelValidationIssue[] {
    const issues: ChannelValidationIssue[] = []
    if (!document.id?.trim()) issues.push({ field: 'id', rule: 'required', message: '文档 ID 不能为空。' })
    if (!document.title?.trim()) issues.push({ field: 'title', rule: 'required', message: '标题不能为空。' })
    if (!document.canonicalUrl || !/^https?:\/\//iu.test(document.canonicalUrl) || !URL.canParse(document.canonicalUrl)) {
      issues.push({ field: 'canonicalUrl', rule: 'url', message: '原文链接（canonicalUrl）必须是有效的 http(s) 网址：订阅条目链接到它。' })
    }
    return issues
  }

  async function publish(document: ChannelDocument): Promise<ChannelResult> {
    const issues = validate(document)
    if (issues.length > 0) return { channel: name, state: 'failed', code: 'validation', reason: issues.map((issue) => issue.message).join(' '), isRetryable: false, issues }
    const version = document.version ?? 1
    const existing = await store.get(document.id)
    if (existing?.withdrawnAt && existing.version >= version) {
      // A late or repeated publish of the version that was withdrawn must not bring it back.
      return { channel: name, state: 'failed', externalId: document.id, code: 'withdrawn', reason: '该文件的这一版本已撤回，不再发布；如需重新发布，请发布新版本。', isRetryable: false }
    }
    if (!existing || existing.version <= version) {
      const updatedAt = now().toISOString()
      await store.put({
        id: document.id,
        version,
        title: document.title,
        ...(document.summary ? { summary: document.summary } : {}),
        html: document.html,
        url: document.canonicalUrl,
        ...(document.author ? { author: document.author } : {}),
        ...(document.categories ? { categories: document.categories } : {}),
        publishedAt: existing?.publishedAt ?? (document.publishedAt ?? now()).toISOString(),
        updatedAt,
      })
    }
    return { channel: name, state: 'published', externalId: document.id, url: document.canonicalUrl }
  }

  async function checkStatus(post: { externalId: string }): Promise<ChannelResult> {
    const item = await store.get(post.externalId)
    if (item?.withdrawnAt) return { channel: name, state: 'failed', externalId: item.id, code: 'withdrawn', reason: '该条目已撤回。', isRetryable: false }
    if (item) return { channel: name, state: 'published', externalId: item.id, url: item.url }
    return { channel: name, state: 'failed', externalId: post.externalId, code: 'not-found', reason: '订阅源中没有该条目。', isRetryable: false }
  }

  /**
   * Feeds are pulled and copied: removing the entry would leave every reader's copy as it was. The entry
   * stays, with a new `updated` time, titled 【已撤回】 and carrying the notice instead of the body, so
   * readers that update entries replace the withdrawn text.
   */
  async function withdraw(post: ChannelWithdrawal): Promise<ChannelWithdrawResult> {
    const invalid = checkExternalId(name, post.externalId)
    if (invalid) return invalid
    const { externalId } = post
    const item = await store.get(externalId)
    if (!item) return { channel: name, state: 'withdrawn', externalId, isRepeat: true, note: '订阅源中没有该条目，无需撤回。' }
    if (item.withdrawnAt) return { channel: name, state: 'withdrawn', externalId, isRepeat: true, note: '该条目此前已撤回。' }
    const { summary: _summary, ...rest } = item
    await store.put({
      ...rest,
      html: '',
      updatedAt: now().toISOString(),
      withdrawnAt: now().toISOString(),
      ...(post.notice ? { withdrawalNotice: post.notice } : {}),
    })
    return { channel: name, state: 'withdrawn', externalId, isRepeat: false }
  }

  async function buildFeed(): Promise<Feed> {
    const items = await store.list(maxItems)
    const feed = new Feed({
      id: options.atomUrl,
      title: clean(options.title),
      ...(options.description ? { description: clean(options.description) } : {}),
      link: options.siteUrl,
      language: options.language ?? 'zh-CN',
      updated: items[0] ? new Date(items[0].updatedAt) : now(),
      feedLinks: { atom: options.atomUrl, ...(options.rssUrl ? { rss: options.rssUrl } : {}) },
      generator: '@gongkai/sdk',
      copyright: clean(options.title),
    })
    for (const item of items) {
      if (item.withdrawnAt) {
        // The feed marks summary and content as HTML: the notice is plain text.
        const notice = clean(item.withdrawalNotice ?? '该文件已撤回。').replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;')
        feed.addItem({
          id: item.url,
          guid: item.url,
          title: clean(`【已撤回】${item.title}`),
          link: item.url,
          date: new Date(item.updatedAt),
          published: new Date(item.publishedAt),
          description: notice,
          content: `<p>${notice}</p>`,
        })
        continue
      }
      feed.addItem({
        id: item.url,
        guid: item.url,
        title: clean(item.title),
        link: item.url,
        date: new Date(item.updatedAt),
        published: new Date(item.publishedAt),
        ...(item.summary ? { description: clean(item.summary) } : {}),
        content: clean(item.html),
        ...(item.author ? { author: [{ name: clean(item.author) }] } : {}),
        ...(item.categories ? { category: item.categories.map((category) => ({ name: clean(category), term: clean(category) })) } : {}),
      })
    }
    return feed
  }

  return {
    kind: 'feed',
    name,
    validate,
    publish: async (document) => await publish(document),
    checkStatus: async (post) => await checkStatus(post),
    withdraw: async (post) => await withdraw(post),
    renderAtom: async () => (await buildFeed()).atom1(),
    renderRss: async () => (await buildFeed()).rss2(),
  }
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChannelDocument } from '../src/channels/Channel.js'
import { createMemoryProgressStore, type ProgressStore } from '../src/channels/ProgressStore.js'
import { createWeChatChannel, type WeChatChannelOptions, type WeChatProgress } from '../src/channels/wechat/createWeChatChannel.js'
import { fakePng, type FakeWeChat, startFakeWeChat, startTestServer, type TestServer } from '../src/testing/index.js'

let wechat: FakeWeChat
let site: TestServer

beforeEach(async () => {
  wechat = await startFakeWeChat()
  // The department website the document's images live on.
  site = await startTestServer((request) => {
    if (request.url.pathname.startsWith('/images/big')) return { headers: { 'content-type': 'image/png' }, body: Buffer.from(fakePng(1024 * 1024 + 10)) }
    if (request.url.pathname.startsWith('/images/')) return { headers: { 'content-type': 'image/png' }, body: Buffer.from(fakePng(300)) }
    return { status: 404, body: 'not found' }
  })
})

afterEach(async () => {
  await wechat.close()
  await site.close()
})

function channel(overrides: Partial<WeChatChannelOptions> = {}) {
  return createWeChatChannel({
    appId: wechat.appId,
    appSecret: wechat.appSecret,
    baseUrl: wechat.url,
    pollIntervalMs: 1,
    quotaBackoffMs: 1,
    ...overrides,
  })
}

function document(overrides: Partial<ChannelDocument> = {}): ChannelDocument {
  return {
    id: 'policy-2024-001',
    title: '天津市武清区人民政府办公室关于印发武清区进一步优化营商环境若干措施的通知',
    summary: '为深入贯彻落实市委、市政府关于优化营商环境的决策部署，结合我区实际，制定本措施。',
    html: `<p class="lead" onclick="steal()">各镇人民政府、街道办事处：</p>
      <script>alert(1)</script>
      <p style="text-indent: 2em; color: #333; position: fixed">现将《若干措施》印发给你们，请认真贯彻执行。</p>
      <img src="/images/chart.png" alt="示意图">
      <img src="${site.url}/images/photo.png">
      <img src="/images/chart.png">
      <iframe src="https://evil.example/"></iframe>
      <form action="/x"><input name="q"></form>
      <a href="javascript:alert(1)">点我</a>`,
    canonicalUrl: `${site.url}/zwgk/policy-2024-001.html`,
    cover: { url: `${site.url}/images/cover.png` },
    author: '武清区人民政府办公室',
    ...overrides,
  }
}

function paths(server: TestServer): string[] {
  return server.requests.map((request) => request.url.pathname.replace('/cgi-bin/', ''))
}

describe('WeChat channel: publishing', () => {
  it('uploads every body image once, rewrites it in the HTML, uploads the cover as permanent material and publishes', async () => {
    const result = await channel().publish(document())

    expect(result).toMatchObject({ channel: 'wechat', state: 'published', url: expect.stringMatching(/^https:\/\/mp\.weixin\.qq\.com\/s\//u) })
    expect(wechat.uploadedImages).toHaveLength(2)
    expect(wechat.materials).toHaveLength(1)
    expect(wechat.submissions).toHaveLength(1)
    const [draft] = [...wechat.drafts.values()]
    const article = draft?.articles[0] ?? {}
    const content = String(article.content)
    expect(content.match(/<img /gu)).toHaveLength(3)
    expect(content).toContain(wechat.uploadedImages[0]?.url.replaceAll('&', '&amp;'))
    expect(content).not.toContain(site.url + '/images')
    expect(content).not.toMatch(/script|iframe|<form|<input|onclick|class=|javascript:|position/u)
    expect(content).toContain('text-indent:2em')
    expect(article.thumb_media_id).toBe(wechat.materials[0]?.mediaId)
    expect(article.content_source_url).toBe(`${site.url}/zwgk/policy-2024-001.html`)
  })

  it('shares one run between concurrent publishes of the same document', async () => {
    const wechatChannel = channel()
    const [first, second] = await Promise.all([wechatChannel.publish(document()), wechatChannel.publish(document())])
    expect(second).toEqual(first)
    expect(first.state).toBe('published')
    expect(wechat.drafts.size).toBe(1)
    expect(wechat.submissions).toHaveLength(1)
  })

  it('truncates a long title to 32 characters and the author to 16 with an ellipsis', async () => {
    const result = await channel().publish(document({ author: '天津市武清区人民政府办公室政务公开科信息发布组' }))

    expect(result.state).toBe('published')
    const article = [...wechat.drafts.values()][0]?.articles[0] ?? {}
    expect([...String(article.title)]).toHaveLength(32)
    expect(String(article.title)).toMatch(/^天津市武清区人民政府办公室关于印发.*…$/u)
    expect([...String(article.author)]).toHaveLength(16)
    expect(article.digest).toBe('为深入贯彻落实市委、市政府关于优化营商环境的决策部署，结合我区实际，制定本措施。')
  })

  it('caches the access token across publishes and refreshes it before it expires', async () => {
    let clock = 1_000_000
    const wechatChannel = channel({ now: () => clock })
    await wechatChannel.publish(document({ id: 'a' }))
    await wechatChannel.publish(document({ id: 'b' }))
    expect(paths(wechat).filter((path) => path === 'stable_token')).toHaveLength(1)

    clock += (7200 - 299) * 1000 // within the 5-minute refresh margin
    await wechatChannel.publish(document({ id: 'c' }))
    expect(paths(wechat).filter((path) => path === 'stable_token')).toHaveLength(2)
  })

  it('refreshes an expired token on 42001 and retries the call once', async () => {
    const wechatChannel = channel()
    await wechatChannel.publish(document({ id: 'a' }))
    wechat.expireTokens()

    const result = await wechatChannel.publish(document({ id: 'b' }))

    expect(result.state).toBe('published')
    expect(wechat.tokensIssued).toHaveLength(2)
    expect(paths(wechat).filter((path) => path === 'stable_token')).toHaveLength(2)
  })

  it('backs off on 45009 and succeeds when the quota frees up', async () => {
    wechat.exhaustQuota('draft/add', 2)
    const result = await channel({ quotaRetries: 2 }).publish(document())
    expect(result.state).toBe('published')
    expect(paths(wechat).filter((path) => path === 'draft/add')).toHaveLength(3)
    expect(wechat.drafts.size).toBe(1)
  })

  it('fails as retryable with the 45009 explanation when the quota stays exhausted', async () => {
    wechat.exhaustQuota('freepublish/submit', 10)
    const result = await channel({ quotaRetries: 2 }).publish(document())
    expect(result).toMatchObject({ state: 'failed', code: 'wechat:45009', isRetryable: true })
    expect(result.state === 'failed' && result.reason).toContain('调用次数已达上限')
    expect(wechat.submissions).toHaveLength(0)
  })

  it('polls while the publish stays "publishing" and reports published when it completes', async () => {
    wechat.scenario = { pollsWhilePublishing: 3, finalStatus: 0 }
    const result = await channel().publish(document())
    expect(result.state).toBe('published')
    expect(paths(wechat).filter((path) => path === 'freepublish/get')).toHaveLength(4)
  })

  it('answers submitted after maxPolls, and checkStatus reports published later', async () => {
    wechat.scenario = { pollsWhilePublishing: 3, finalStatus: 0 }
    const wechatChannel = channel({ maxPolls: 2 })
    const first = await wechatChannel.publish(document())
    expect(first).toMatchObject({ state: 'submitted', externalId: wechat.submissions[0]?.publishId })

    expect((await wechatChannel.checkStatus({ externalId: first.externalId ?? '' })).state).toBe('submitted')
    const later = await wechatChannel.checkStatus({ externalId: first.externalId ?? '' })
    expect(later).toMatchObject({ state: 'published', url: `https://mp.weixin.qq.com/s/${first.externalId}` })
  })

  it('reports a publish rejected by platform review (status 4) as a permanent failure', async () => {
    wechat.scenario = { pollsWhilePublishing: 1, finalStatus: 4 }
    const result = await channel().publish(document())
    expect(result).toMatchObject({ state: 'failed', code: 'wechat:publish_status:4', isRetryable: false })
    expect(result.state === 'failed' && result.reason).toContain('未通过微信平台审核')
  })

  it('resubmits the same draft after a retryable publish failure (status 3) without a second draft', async () => {
    wechat.scenario = { pollsWhilePublishing: 0, finalStatus: 3 }
    const wechatChannel = channel()
    const first = await wechatChannel.publish(document())
    expect(first).toMatchObject({ state: 'failed', isRetryable: true })

    wechat.scenario = { pollsWhilePublishing: 0, finalStatus: 0 }
    const second = await wechatChannel.publish(document())
    expect(second.state).toBe('published')
    expect(wechat.drafts.size).toBe(1)
    expect(wechat.submissions.map((submission) => submission.mediaId)).toEqual([...wechat.drafts.keys(), ...wechat.drafts.keys()])
  })

  it('fails permanently on 48001 with a message telling the team to verify the account', async () => {
    wechat.isPublishUnauthorised = true
    const result = await channel().publish(document())
    expect(result).toMatchObject({ state: 'failed', code: 'wechat:48001', isRetryable: false })
    expect(result.state === 'failed' && result.reason).toContain('微信认证')
    expect(wechat.submissions).toHaveLength(0)
  })

  it('fails permanently on 40164 naming the IP to add to the whitelist', async () => {
    wechat.blockedIp = '203.0.113.7'
    const result = await channel().publish(document())
    expect(result).toMatchObject({ state: 'failed', code: 'wechat:40164', isRetryable: false })
    expect(result.state === 'failed' && result.reason).toContain('203.0.113.7')
    expect(result.state === 'failed' && result.reason).toContain('IP白名单')
  })

  it('fails with the platform rule when a body image is 1 MB or more, before creating a draft', async () => {
    const result = await channel().publish(document({ html: `<p>正文</p><img src="/images/big.png">` }))
    expect(result).toMatchObject({ state: 'failed', code: 'validation', isRetryable: false })
    expect(result.state === 'failed' && result.reason).toContain('小于 1 MB')
    expect(wechat.uploadedImages).toHaveLength(0)
    expect(wechat.drafts.size).toBe(0)
  })
})

describe('WeChat channel: inputs and credentials', () => {
  it('uploads body images from the bytes the document carries without downloading them', async () => {
    const result = await channel().publish(
      document({
        html: '<p>见下图</p><img src="/images/missing-on-site.png">',
        images: [{ url: '/images/missing-on-site.png', data: fakePng(512), contentType: 'image/png', filename: 'chart.png' }],
        cover: { url: 'cover.jpg', data: fakePng(256), contentType: 'image/jpeg' },
      }),
    )
    expect(result.state).toBe('published')
    expect(wechat.uploadedImages).toEqual([expect.objectContaining({ filename: 'chart.png', type: 'image/png', size: 512 })])
    expect(wechat.materials).toEqual([expect.objectContaining({ size: 256 })])
    expect(site.requests).toHaveLength(0)
  })

  it('fails permanently with a configuration hint when the AppSecret is wrong', async () => {
    const result = await channel({ appSecret: 'wrong-secret' }).publish(document())
    expect(result).toMatchObject({ state: 'failed', code: 'wechat:40125', isRetryable: false })
    expect(result.state === 'failed' && result.reason).toContain('AppSecret')
    expect(paths(wechat)).toEqual(['stable_token'])
  })

  it('refreshes once and publishes when WeChat answers 40001 to a cached token that was superseded', async () => {
    const wechatChannel = channel()
    expect((await wechatChannel.publish(document({ id: 'a' }))).state).toBe('published')
    wechat.revokeTokens() // another system force-refreshed the account's token

    const result = await wechatChannel.publish(document({ id: 'b' }))

    expect(result.state).toBe('published')
    expect(wechat.tokensIssued).toHaveLength(2)
    expect(paths(wechat).filter((path) => path === 'stable_token')).toHaveLength(2)
  })

  it('fails permanently, naming AppID and AppSecret, when WeChat answers 40001 to a token fetched for this call', async () => {
    wechat.isRevokingNewTokens = true
    const result = await channel().publish(document())

    expect(result).toMatchObject({ state: 'failed', code: 'wechat:40001', isRetryable: false })
    expect(result.state === 'failed' && result.reason).toMatch(/AppID.*AppSecret/u)
    expect(paths(wechat).filter((path) => path === 'stable_token')).toHaveLength(1)
    expect(wechat.uploadedImages).toHaveLength(0)
  })

  it('reports an image the site cannot serve as image-unavailable', async () => {
    const result = await channel().publish(document({ html: '<p>图</p><img src="/nope.png">' }))
    expect(result).toMatchObject({ state: 'failed', code: 'image-unavailable', isRetryable: false })
    expect(result.state === 'failed' && result.reason).toContain('/nope.png')
  })
})

describe('WeChat channel: validation', () => {
  it('names every broken rule in Chinese and makes no call', async () => {
    const wechatChannel = channel()
    const invalid = document({ title: '  ', cover: undefined, canonicalUrl: 'zwgk/1.html', html: `<p>${'政'.repeat(20_000)}</p>` })

    const issues = wechatChannel.validate(invalid)
    expect(issues.map((issue) => `${issue.field}:${issue.rule}`)).toEqual(['title:required', 'canonicalUrl:url', 'cover:required', 'html:maxLength'])
    expect(issues.find((issue) => issue.rule === 'maxLength')?.message).toContain('20,000')

    const result = await wechatChannel.publish(invalid)
    expect(result).toMatchObject({ state: 'failed', code: 'validation', isRetryable: false })
    expect(wechat.requests).toHaveLength(0)
  })

  it('rejects a body whose content is only scripts and frames', () => {
    const issues = channel().validate(document({ html: '<script>x()</script><iframe src="https://a"></iframe>' }))
    expect(issues).toEqual([expect.objectContaining({ field: 'html', rule: 'emptyAfterSanitizing' })])
  })

  it('rejects a body image given as bytes that is too large or not JPG/PNG', () => {
    const issues = channel().validate(
      document({
        images: [
          { url: '/images/a.png', data: fakePng(1024 * 1024), contentType: 'image/png' },
          { url: '/images/b.webp', data: fakePng(10), contentType: 'image/webp' },
        ],
      }),
    )
    expect(issues.map((issue) => `${issue.field}:${issue.rule}`)).toEqual(['images[0]:maxBytes', 'images[1]:imageType'])
  })

  it('measures a body with data-URL images as it will be sent (uploaded URLs), then uploads and publishes it', async () => {
    const inline = `data:image/png;base64,${Buffer.from(fakePng(200_000)).toString('base64')}`
    const html = `<p>附图如下：</p><img src="${inline}" alt="图一"><p>${'政务公开'.repeat(1000)}</p><img src="${inline}">`
    expect(html.length).toBeGreaterThan(260_000)
    const store = createMemoryProgressStore<WeChatProgress>()
    const wechatChannel = channel({ progressStore: store })

    expect(wechatChannel.validate(document({ html }))).toEqual([])
    const result = await wechatChannel.publish(document({ html }))

    expect(result.state).toBe('published')
    expect(wechat.uploadedImages).toEqual([expect.objectContaining({ type: 'image/png', size: 200_000, filename: 'image.png' })])
    const content = String([...wechat.drafts.values()][0]?.articles[0]?.content)
    expect(content).not.toContain('data:')
    expect(content.match(/<img /gu)).toHaveLength(2)
    expect(content.length).toBeLessThan(20_000)
    // The progress row keys the image by a digest, not by 270 KB of base64.
    const progress = [...store.entries().values()][0]
    expect(Object.keys(progress?.images ?? {})).toEqual([expect.stringMatching(/^data:sha256,[0-9a-f]{64}$/u)])
    expect(site.requests.map((request) => request.url.pathname)).toEqual(['/images/cover.png'])
  })

  it('still refuses a body over 20,000 characters when its images are data URLs', () => {
    const inline = `data:image/png;base64,${Buffer.from(fakePng(300)).toString('base64')}`
    const issues = channel().validate(document({ html: `<img src="${inline}"><p>${'政'.repeat(19_990)}</p>` }))
    expect(issues.map((issue) => `${issue.field}:${issue.rule}`)).toEqual(['html:maxLength'])
  })

  it('refuses a data-URL body image that is not JPG/PNG or is 1 MB or more before any call, naming it without its bytes', async () => {
    const gif = `data:image/gif;base64,${Buffer.from(fakePng(100)).toString('base64')}`
    const big = `data:image/png;base64,${Buffer.from(fakePng(1024 * 1024)).toString('base64')}`
    const wechatChannel = channel()
    const issues = wechatChannel.validate(document({ html: `<p>图</p><img src="${gif}"><img src="${big}">` }))
    expect(issues.map((issue) => `${issue.field}:${issue.rule}`)).toEqual(['html:imageType', 'html:maxBytes'])
    expect(issues[0]?.message).toContain('image/gif')
    expect(issues[1]?.message).toContain('1 MB')
    expect(issues.every((issue) => issue.message.length < 200)).toBe(true)
    expect(await wechatChannel.publish(document({ html: `<img src="${gif}">` }))).toMatchObject({ state: 'failed', code: 'validation' })
    expect(wechat.requests).toHaveLength(0)
  })

  it('accepts a document without cover when a default cover media id is configured', () => {
    expect(channel({ defaultCoverMediaId: 'material-default' }).validate(document({ cover: undefined }))).toEqual([])
  })
})

describe('WeChat channel: crash-safe resume', () => {
  /** A store that fails (as a crashed process would stop) the first time `shouldCrash` matches. */
  function crashingStore(shouldCrash: (progress: WeChatProgress) => boolean): ProgressStore<WeChatProgress> & { durable: ProgressStore<WeChatProgress> } {
    const durable = createMemoryProgressStore<WeChatProgress>()
    let hasCrashed = false
    return {
      durable,
      get: durable.get,
      delete: durable.delete,
      set: async (key, progress) => {
        if (!hasCrashed && shouldCrash(progress)) {
          hasCrashed = true
          throw new Error('process killed')
        }
        await durable.set(key, progress)
      },
    }
  }

  it('resumes after a crash between draft/add and submit without a second draft or image upload', async () => {
    const store = crashingStore((progress) => progress.isSubmitting === true)
    await expect(channel({ progressStore: store }).publish(document())).rejects.toThrow('process killed')
    expect(wechat.drafts.size).toBe(1)
    expect(wechat.submissions).toHaveLength(0)

    // A new process with the same durable store.
    const result = await channel({ progressStore: store.durable }).publish(document())

    expect(result.state).toBe('published')
    expect(wechat.drafts.size).toBe(1)
    expect(wechat.uploadedImages).toHaveLength(2)
    expect(wechat.materials).toHaveLength(1)
    expect(wechat.submissions).toHaveLength(1)
  })

  it('resumes after a crash in the middle of image uploads, uploading only the missing images', async () => {
    const store = crashingStore((progress) => Object.keys(progress.images).length === 2)
    await expect(channel({ progressStore: store }).publish(document())).rejects.toThrow('process killed')
    // the first image's URL was saved, the second was uploaded but its URL was lost in the crash
    const result = await channel({ progressStore: store.durable }).publish(document())
    expect(result.state).toBe('published')
    expect(wechat.uploadedImages).toHaveLength(3)
    expect(wechat.drafts.size).toBe(1)
    expect(wechat.submissions).toHaveLength(1)
  })

  it('refuses to submit again when a crash hid whether the submit happened', async () => {
    const store = crashingStore((progress) => progress.publishId !== undefined)
    await expect(channel({ progressStore: store }).publish(document())).rejects.toThrow('process killed')
    expect(wechat.submissions).toHaveLength(1)

    const result = await channel({ progressStore: store.durable }).publish(document())
    expect(result).toMatchObject({ state: 'failed', code: 'unknown-outcome', isRetryable: false })
    expect(result.state === 'failed' && result.reason).toContain('避免重复发文')
    expect(wechat.submissions).toHaveLength(1)
  })

  it('resumes polling the same publish after the caller aborted while it was still publishing', async () => {
    wechat.scenario = { pollsWhilePublishing: 50, finalStatus: 0 }
    const store = createMemoryProgressStore<WeChatProgress>()
    const controller = new AbortController()
    const aborting = channel({ progressStore: store, pollIntervalMs: 5, maxPolls: 100 }).publish(document(), { signal: controller.signal })
    while (wechat.submissions.length === 0 || paths(wechat).filter((path) => path === 'freepublish/get').length < 2) {
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    controller.abort()
    expect(await aborting).toMatchObject({ state: 'failed', code: 'aborted', isRetryable: true })

    const resumed = await channel({ progressStore: store, pollIntervalMs: 1, maxPolls: 100 }).publish(document())
    expect(resumed.state).toBe('published')
    expect(wechat.submissions).toHaveLength(1)
    const publishId = wechat.submissions[0]?.publishId
    expect(resumed.externalId).toBe(`${publishId}:article-${publishId}`)
  })

  it('lets the next attempt submit after WeChat answered the submit with an error (45009), without a second draft', async () => {
    const store = createMemoryProgressStore<WeChatProgress>()
    wechat.exhaustQuota('freepublish/submit', 3)
    const first = await channel({ progressStore: store, quotaRetries: 2 }).publish(document())
    expect(first).toMatchObject({ state: 'failed', code: 'wechat:45009', isRetryable: true })
    expect([...store.entries().values()][0]?.isSubmitting).toBe(false)

    const second = await channel({ progressStore: store }).publish(document())
    expect(second.state).toBe('published')
    expect(wechat.drafts.size).toBe(1)
    expect(wechat.submissions).toHaveLength(1)
  })

  it('lets the next attempt submit after a 48001 refusal once the account is verified', async () => {
    const store = createMemoryProgressStore<WeChatProgress>()
    wechat.isPublishUnauthorised = true
    expect(await channel({ progressStore: store }).publish(document())).toMatchObject({ state: 'failed', code: 'wechat:48001', isRetryable: false })

    wechat.isPublishUnauthorised = false
    const retried = await channel({ progressStore: store }).publish(document())
    expect(retried.state).toBe('published')
    expect(wechat.drafts.size).toBe(1)
    expect(wechat.submissions).toHaveLength(1)
  })

  it('lets the next attempt submit when the submit got 42001 and the token refresh then failed (nothing was submitted)', async () => {
    const store = createMemoryProgressStore<WeChatProgress>()
    let isTokenEndpointDown = false
    let hasExpired = false
    // A gateway in front of WeChat: the token expires just as the submit goes out, and the token
    // endpoint is unreachable for the refresh.
    const fetchThroughGateway = async (input: string | URL | Request, init?: RequestInit) => {
      const url = String(input)
      if (url.includes('/freepublish/submit') && !hasExpired) {
        hasExpired = true
        wechat.expireTokens()
        isTokenEndpointDown = true
      }
      if (isTokenEndpointDown && url.includes('/stable_token')) return new Response('bad gateway', { status: 502 })
      return await fetch(input, init)
    }
    const failed = await channel({ progressStore: store, fetch: fetchThroughGateway }).publish(document())
    expect(failed).toMatchObject({ state: 'failed', code: 'http:502', isRetryable: true })
    expect(wechat.submissions).toHaveLength(0)

    isTokenEndpointDown = false
    const retried = await channel({ progressStore: store, fetch: fetchThroughGateway }).publish(document())
    expect(retried).toMatchObject({ state: 'published' })
    expect(wechat.drafts.size).toBe(1)
    expect(wechat.submissions).toHaveLength(1)
  })

  it('still refuses to submit again when the submit was sent and its answer was lost', async () => {
    const store = createMemoryProgressStore<WeChatProgress>()
    wechat.dropAnswer('freepublish/submit')
    const first = await channel({ progressStore: store }).publish(document())
    expect(first).toMatchObject({ state: 'failed', code: 'unknown-outcome', isRetryable: false })
    expect(first.state === 'failed' && first.reason).toContain('发表记录')
    expect(wechat.submissions).toHaveLength(1)

    const second = await channel({ progressStore: store }).publish(document())
    expect(second).toMatchObject({ state: 'failed', code: 'unknown-outcome', isRetryable: false })
    expect(wechat.submissions).toHaveLength(1)
  })
})

describe('WeChat channel: credentials', () => {
  it('never passes the AppSecret or an access token to the logger or into results', async () => {
    const logged: string[] = []
    const logger = {
      debug: (message: string, details?: Record<string, unknown>) => logged.push(message + JSON.stringify(details ?? {})),
      warn: (message: string, details?: Record<string, unknown>) => logged.push(message + JSON.stringify(details ?? {})),
    }
    wechat.exhaustQuota('draft/add', 1)
    const wechatChannel = channel({ logger })
    const results = [await wechatChannel.publish(document({ id: 'a' }))]
    wechat.expireTokens()
    results.push(await wechatChannel.publish(document({ id: 'b' })))
    wechat.isPublishUnauthorised = true
    results.push(await wechatChannel.publish(document({ id: 'c' })))

    const output = logged.join('\n') + JSON.stringify(results) + JSON.stringify(wechatChannel)
    expect(logged.length).toBeGreaterThan(2)
    expect(output).not.toContain(wechat.appSecret)
    for (const token of wechat.tokensIssued) expect(output).not.toContain(token)
  })
})

describe('WeChat channel: withdrawal', () => {
  it('deletes a published article with freepublish/delete and answers withdrawn; a repeat withdraw is withdrawn without a second delete', async () => {
    const wechatChannel = channel()
    const published = await wechatChannel.publish(document())
    const publishId = wechat.submissions[0]?.publishId
    expect(published).toMatchObject({ state: 'published', externalId: `${publishId}:article-${publishId}` })

    const withdrawn = await wechatChannel.withdraw({ externalId: published.externalId ?? '', notice: '该文件已废止。' })
    expect(withdrawn).toEqual({ channel: 'wechat', state: 'withdrawn', externalId: published.externalId, isRepeat: false })
    expect(wechat.deletions).toEqual([{ articleId: `article-${publishId}`, index: 0 }])
    expect(await wechatChannel.checkStatus({ externalId: published.externalId ?? '' })).toMatchObject({ state: 'failed', code: 'wechat:publish_status:5' })

    const repeated = await channel().withdraw({ externalId: published.externalId ?? '' })
    expect(repeated).toMatchObject({ state: 'withdrawn', isRepeat: true })
    expect(repeated.state === 'withdrawn' && repeated.note).toContain('已从公众号删除')
    expect(wechat.deletions).toHaveLength(1)
  })

  it('withdraws a post known only by its publish_id, and asks to retry while it is still publishing', async () => {
    wechat.scenario = { pollsWhilePublishing: 2, finalStatus: 0 }
    const wechatChannel = channel({ maxPolls: 1 })
    const submitted = await wechatChannel.publish(document())
    expect(submitted).toMatchObject({ state: 'submitted', externalId: wechat.submissions[0]?.publishId })

    const early = await wechatChannel.withdraw({ externalId: submitted.externalId ?? '' })
    expect(early).toMatchObject({ state: 'failed', code: 'still-publishing', isRetryable: true })
    expect(early.state === 'failed' && early.reason).toContain('稍后重试')
    expect(wechat.deletions).toHaveLength(0)

    expect(await wechatChannel.withdraw({ externalId: submitted.externalId ?? '' })).toMatchObject({ state: 'withdrawn', isRepeat: false })
    expect(wechat.deletions).toHaveLength(1)
  })

  it('answers withdrawn without a delete for a publish that never went live (review rejected)', async () => {
    wechat.scenario = { pollsWhilePublishing: 0, finalStatus: 4 }
    const wechatChannel = channel()
    const failed = await wechatChannel.publish(document())
    expect(failed).toMatchObject({ state: 'failed', code: 'wechat:publish_status:4' })
    const withdrawn = await wechatChannel.withdraw({ externalId: failed.externalId ?? '' })
    expect(withdrawn).toMatchObject({ state: 'withdrawn', isRepeat: true })
    expect(withdrawn.state === 'withdrawn' && withdrawn.note).toContain('publish_status 4')
    expect(paths(wechat)).not.toContain('freepublish/delete')
  })

  it('fails permanently on 48001, retryably on an exhausted quota, and refreshes an expired token', async () => {
    const wechatChannel = channel({ quotaRetries: 1 })
    const published = await wechatChannel.publish(document())
    const externalId = published.externalId ?? ''

    wechat.isPublishUnauthorised = true
    const unauthorised = await wechatChannel.withdraw({ externalId })
    expect(unauthorised).toMatchObject({ state: 'failed', code: 'wechat:48001', isRetryable: false, externalId })
    expect(unauthorised.state === 'failed' && unauthorised.reason).toContain('微信认证')
    wechat.isPublishUnauthorised = false

    wechat.exhaustQuota('freepublish/delete', 5)
    expect(await wechatChannel.withdraw({ externalId })).toMatchObject({ state: 'failed', code: 'wechat:45009', isRetryable: true })
    wechat.exhaustQuota('freepublish/delete', 0)

    wechat.expireTokens()
    expect(await wechatChannel.withdraw({ externalId })).toMatchObject({ state: 'withdrawn', isRepeat: false })
    expect(wechat.deletions).toHaveLength(1)
  })

  it('refuses an empty, NUL-carrying or huge externalId before any call, naming the field', async () => {
    const wechatChannel = channel()
    for (const externalId of ['', '  ', '2247483001\u0000', '1'.repeat(100_000)]) {
      const result = await wechatChannel.withdraw({ externalId })
      expect(result).toMatchObject({ state: 'failed', code: 'validation', isRetryable: false })
      expect(result.state === 'failed' && result.reason).toContain('平台 ID（externalId）')
      expect(result.externalId.length).toBeLessThanOrEqual(64)
    }
    expect(wechat.requests).toHaveLength(0)
  })

  it('reports an unknown publish as a WeChat error, not as withdrawn', async () => {
    const result = await channel().withdraw({ externalId: '2247480000' })
    expect(result).toMatchObject({ state: 'failed', code: 'wechat:40007', isRetryable: false })
  })
})

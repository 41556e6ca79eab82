import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChannelDocument } from '../src/channels/Channel.js'
import { createMemoryProgressStore } from '../src/channels/ProgressStore.js'
import { countWeiboLength } from '../src/channels/weibo/countWeiboLength.js'
import { composeWeiboStatus, createWeiboChannel, type WeiboChannelOptions, type WeiboProgress } from '../src/channels/weibo/createWeiboChannel.js'
import { fakePng, type FakeWeibo, startFakeWeibo, startTestServer } from '../src/testing/index.js'

let weibo: FakeWeibo

beforeEach(async () => {
  weibo = await startFakeWeibo()
})
afterEach(async () => {
  await weibo.close()
})

function channel(overrides: Partial<WeiboChannelOptions> = {}) {
  return createWeiboChannel({ accessToken: weibo.accessToken, boundDomain: weibo.boundDomain, baseUrl: weibo.url, ...overrides })
}

function document(overrides: Partial<ChannelDocument> = {}): ChannelDocument {
  return {
    id: 'policy-1',
    title: '关于印发武清区进一步优化营商环境若干措施的通知',
    summary: '为深入贯彻落实市委、市政府关于优化营商环境的决策部署，结合我区实际，制定本措施。',
    html: '<p>正文</p>',
    canonicalUrl: 'https://www.wuqing.gov.cn/zwgk/policy-1.html',
    ...overrides,
  }
}

describe('Weibo length rule', () => {
  it('counts a 汉字 as 1 and two ASCII characters as 1, rounding up', () => {
    expect(countWeiboLength('政务公开')).toBe(4)
    expect(countWeiboLength('abcd')).toBe(2)
    expect(countWeiboLength('abc')).toBe(2)
    expect(countWeiboLength('公开a')).toBe(3)
    expect(countWeiboLength('，。！')).toBe(3)
  })

  it('counts any URL up to 140 bytes as 10, and a longer one as 10 plus its excess', () => {
    expect(countWeiboLength('https://www.wuqing.gov.cn/zwgk/policy-1.html')).toBe(10)
    expect(countWeiboLength(`https://www.wuqing.gov.cn/${'a'.repeat(200)}`)).toBe(Math.ceil((20 + 26 + 200 - 140) / 2))
    expect(countWeiboLength('通知 https://a.cn/x')).toBe(3 + 10)
  })
})

describe('Weibo status text', () => {
  it('keeps title, summary and link when they fit', () => {
    const status = composeWeiboStatus(document())
    expect(status).toBe(`【关于印发武清区进一步优化营商环境若干措施的通知】为深入贯彻落实市委、市政府关于优化营商环境的决策部署，结合我区实际，制定本措施。 https://www.wuqing.gov.cn/zwgk/policy-1.html`)
  })

  it('shortens the summary with an ellipsis to 140 and always ends with the link', () => {
    const status = composeWeiboStatus(document({ summary: '政务公开'.repeat(60) }))
    expect(countWeiboLength(status)).toBe(140)
    expect(status).toMatch(/…\shttps:\/\/www\.wuqing\.gov\.cn\/zwgk\/policy-1\.html$/u)
    expect(status.startsWith('【关于印发武清区进一步优化营商环境若干措施的通知】政务公开')).toBe(true)
  })

  it('shortens an overlong title when there is no room for any summary', () => {
    const status = composeWeiboStatus(document({ title: '关于'.repeat(100), summary: undefined }))
    expect(countWeiboLength(status)).toBeLessThanOrEqual(140)
    expect(status).toMatch(/^【(关于)+关?…】 https:\/\//u)
  })
})

describe('Weibo channel', () => {
  it('posts the status with the canonical link as form fields and reports it published', async () => {
    const result = await channel().publish(document())
    expect(result).toMatchObject({ channel: 'weibo', state: 'published', url: `https://m.weibo.cn/status/${result.externalId}` })
    const post = weibo.posts.get(result.externalId ?? '')
    expect(post?.status).toContain('https://www.wuqing.gov.cn/zwgk/policy-1.html')
    expect(String(weibo.requests[0]?.headers['content-type'])).toContain('application/x-www-form-urlencoded')
  })

  it('attaches the cover as a multipart picture', async () => {
    const result = await channel().publish(document({ cover: { url: 'cover.png', data: fakePng(2048), contentType: 'image/png' } }))
    expect(result.state).toBe('published')
    expect(weibo.posts.get(result.externalId ?? '')?.picture).toEqual({ name: 'cover.png', type: 'image/png', size: 2048 })
  })

  it('refuses a canonical link outside the bound safe domain before calling Weibo (mirroring 10017)', async () => {
    const result = await channel().publish(document({ canonicalUrl: 'https://www.example.com/zwgk/1.html' }))
    expect(result).toMatchObject({ state: 'failed', code: 'validation', isRetryable: false, issues: [expect.objectContaining({ field: 'canonicalUrl', rule: 'boundDomain' })] })
    expect(result.state === 'failed' && result.reason).toContain('10017')
    expect(weibo.requests).toHaveLength(0)
  })

  it('accepts a link on a subdomain of the bound domain', () => {
    expect(channel({ boundDomain: 'wuqing.gov.cn' }).validate(document())).toEqual([])
  })

  it('reports 10017 from the platform as a permanent failure when the bound domain is configured wrongly', async () => {
    const result = await channel({ boundDomain: 'zwgk.wuqing.gov.cn' }).publish(document({ canonicalUrl: 'https://zwgk.wuqing.gov.cn/1.html' }))
    expect(result).toMatchObject({ state: 'failed', code: 'weibo:10017', isRetryable: false })
    expect(weibo.posts.size).toBe(0)
  })

  it('refuses a cover of 5 MB or more', async () => {
    const result = await channel().publish(document({ cover: { url: 'big.png', data: fakePng(5 * 1024 * 1024), contentType: 'image/png' } }))
    expect(result).toMatchObject({ state: 'failed', code: 'validation', issues: [expect.objectContaining({ field: 'cover', rule: 'maxBytes' })] })
    expect(weibo.requests).toHaveLength(0)
  })

  it('reports a rate limit as retryable and an invalid token as needing re-authorisation', async () => {
    weibo.limitRate(1)
    expect(await channel().publish(document())).toMatchObject({ state: 'failed', code: 'weibo:10023', isRetryable: true })
    expect(await channel({ accessToken: 'stale' }).publish(document())).toMatchObject({ state: 'failed', code: 'weibo:21332', isRetryable: false })
    expect(weibo.posts.size).toBe(0)
    expect(await channel().publish(document())).toMatchObject({ state: 'published' })
  })

  it('does not post twice when the same document is published again, one after the other or at once', async () => {
    const weiboChannel = channel()
    const first = await weiboChannel.publish(document())
    const second = await weiboChannel.publish(document())
    expect(second).toEqual(first)
    const [third, fourth] = await Promise.all([weiboChannel.publish(document({ id: 'policy-2', title: '第二篇' })), weiboChannel.publish(document({ id: 'policy-2', title: '第二篇' }))])
    expect(fourth).toEqual(third)
    expect(third.state).toBe('published')
    expect(weibo.posts.size).toBe(1 + 1)
  })

  it('refuses to post again when a crash hid whether the post went out', async () => {
    const durable = createMemoryProgressStore<WeiboProgress>()
    let hasCrashed = false
    const crashing = {
      ...durable,
      set: async (key: string, progress: WeiboProgress) => {
        if (progress.statusId && !hasCrashed) {
          hasCrashed = true
          throw new Error('process killed')
        }
        await durable.set(key, progress)
      },
    }
    await expect(channel({ progressStore: crashing }).publish(document())).rejects.toThrow('process killed')
    const result = await channel({ progressStore: durable }).publish(document())
    expect(result).toMatchObject({ state: 'failed', code: 'unknown-outcome', isRetryable: false })
    expect(weibo.posts.size).toBe(1)
  })

  it('posts on the next attempt when the connection was refused (nothing left this machine)', async () => {
    const closed = await startTestServer(() => ({ status: 500 }))
    await closed.close()
    const store = createMemoryProgressStore<WeiboProgress>()
    const refused = await channel({ baseUrl: closed.url, progressStore: store }).publish(document())
    expect(refused).toMatchObject({ state: 'failed', code: 'network', isRetryable: true })
    expect(store.entries().size).toBe(0)

    expect(await channel({ progressStore: store }).publish(document())).toMatchObject({ state: 'published' })
    expect(weibo.posts.size).toBe(1)
  })

  it('reports unknown-outcome at once, and keeps refusing, when the post was sent and its answer lost', async () => {
    const store = createMemoryProgressStore<WeiboProgress>()
    weibo.dropNextAnswer()
    const first = await channel({ progressStore: store }).publish(document())
    expect(first).toMatchObject({ state: 'failed', code: 'unknown-outcome', isRetryable: false })
    expect(first.state === 'failed' && first.reason).toContain('微博账号主页')
    expect(await channel({ progressStore: store }).publish(document())).toMatchObject({ state: 'failed', code: 'unknown-outcome' })
    expect(weibo.posts.size).toBe(1)
  })

  it('treats a gateway 5xx without Weibo’s error body as unknown, and Weibo’s own error as nothing posted', async () => {
    const store = createMemoryProgressStore<WeiboProgress>()
    const throughGateway = async (input: string | URL | Request, init?: RequestInit) => {
      await fetch(input, init)
      return new Response('<html>502 Bad Gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } })
    }
    expect(await channel({ progressStore: store, fetch: throughGateway }).publish(document())).toMatchObject({ state: 'failed', code: 'unknown-outcome' })
    expect(weibo.posts.size).toBe(1)

    const other = createMemoryProgressStore<WeiboProgress>()
    weibo.limitRate(1)
    expect(await channel({ progressStore: other }).publish(document({ id: 'policy-2', title: '第二篇' }))).toMatchObject({ state: 'failed', code: 'weibo:10023', isRetryable: true })
    expect(await channel({ progressStore: other }).publish(document({ id: 'policy-2', title: '第二篇' }))).toMatchObject({ state: 'published' })
  })

  it('checks status: published while the post exists, failed once deleted', async () => {
    const weiboChannel = channel()
    const posted = await weiboChannel.publish(document())
    expect(await weiboChannel.checkStatus({ externalId: posted.externalId ?? '' })).toMatchObject({ state: 'published' })
    weibo.deletePost(posted.externalId ?? '')
    expect(await weiboChannel.checkStatus({ externalId: posted.externalId ?? '' })).toMatchObject({ state: 'failed', code: 'weibo:20101', isRetryable: false })
  })

  it('never passes the access token to the logger or into results', async () => {
    const logged: string[] = []
    const weiboChannel = channel({ logger: { debug: (message, details) => logged.push(message + JSON.stringify(details)) } })
    const results = [await weiboChannel.publish(document()), await channel({ accessToken: 'stale' }).publish(document({ id: 'x' }))]
    expect(logged).toHaveLength(1)
    expect(logged.join() + JSON.stringify(results) + JSON.stringify(weiboChannel)).not.toContain(weibo.accessToken)
  })
})

describe('Weibo channel: withdrawal', () => {
  it('deletes the status with statuses/destroy.json; a repeat withdraw (20101) is withdrawn, not a failure', async () => {
    const weiboChannel = channel()
    const posted = await weiboChannel.publish(document())
    const externalId = posted.externalId ?? ''

    expect(await weiboChannel.withdraw({ externalId, notice: '该文件已废止。' })).toEqual({ channel: 'weibo', state: 'withdrawn', externalId, isRepeat: false })
    expect(weibo.destroyed).toEqual([externalId])
    expect(weibo.posts.size).toBe(0)
    const request = weibo.requests.find((received) => received.url.pathname === '/2/statuses/destroy.json')
    expect(String(request?.headers['content-type'])).toContain('application/x-www-form-urlencoded')

    const repeated = await weiboChannel.withdraw({ externalId })
    expect(repeated).toMatchObject({ state: 'withdrawn', isRepeat: true })
    expect(repeated.state === 'withdrawn' && repeated.note).toContain('20101')
    expect(weibo.destroyed).toHaveLength(1)
  })

  it('does not report a withdrawn status as published when a late job publishes the same version again', async () => {
    const store = createMemoryProgressStore<WeiboProgress>()
    const weiboChannel = channel({ progressStore: store })
    const posted = await weiboChannel.publish(document())
    await weiboChannel.withdraw({ externalId: posted.externalId ?? '', documentId: 'policy-1', version: 1 })

    const late = await weiboChannel.publish(document())
    expect(late).toMatchObject({ state: 'failed', code: 'withdrawn', isRetryable: false, externalId: posted.externalId })
    expect(weibo.posts.size).toBe(0)
    expect(await weiboChannel.publish(document({ version: 2, summary: '修订后的摘要。' }))).toMatchObject({ state: 'published' })
  })

  it('treats a status deleted by hand as already withdrawn', async () => {
    const posted = await channel().publish(document())
    weibo.deletePost(posted.externalId ?? '')
    expect(await channel().withdraw({ externalId: posted.externalId ?? '' })).toMatchObject({ state: 'withdrawn', isRepeat: true })
  })

  it('fails asking for re-authorisation on an invalid token, and keeps the status', async () => {
    const posted = await channel().publish(document())
    const result = await channel({ accessToken: 'stale' }).withdraw({ externalId: posted.externalId ?? '' })
    expect(result).toMatchObject({ state: 'failed', code: 'weibo:21332', isRetryable: false, externalId: posted.externalId })
    expect(result.state === 'failed' && result.reason).toContain('重新授权')
    expect(weibo.posts.size).toBe(1)
  })

  it('reports a network failure as retryable', async () => {
    const closed = await startTestServer(() => ({ status: 500 }))
    await closed.close()
    expect(await channel({ baseUrl: closed.url }).withdraw({ externalId: '4900000000000001' })).toMatchObject({ state: 'failed', code: 'network', isRetryable: true })
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChannelDocument, ChannelLogger, FetchLike } from '../src/channels/Channel.js'
import { createWebhookChannel } from '../src/channels/webhook/createWebhookChannel.js'
import { createWeChatChannel } from '../src/channels/wechat/createWeChatChannel.js'
import { createWeiboChannel } from '../src/channels/weibo/createWeiboChannel.js'
import { verifyWebhookSignature } from '../src/webhook.js'
import { fakePng, type FakeWeChat, type FakeWeibo, startFakeWeChat, startFakeWeibo, startTestServer, type TestServer } from '../src/testing/index.js'

/**
 * Secrets never leave an adapter: a full publish + withdraw with errors on every channel, capturing every
 * logger call, every result and the adapters themselves, must not contain an AppSecret, an access token
 * or a webhook secret anywhere.
 */
let wechat: FakeWeChat
let weibo: FakeWeibo
let receiver: TestServer
let logged: string[]
const webhookSecret = 'whsec-never-in-a-log-5f2a9c'

function capturingLogger(): ChannelLogger {
  const capture = (level: string) => (message: string, details?: Record<string, unknown>) => {
    logged.push(`${level} ${message} ${JSON.stringify(details ?? {})}`)
  }
  return { debug: capture('debug'), warn: capture('warn') }
}

/**
 * A fetch that fails the way some HTTP clients do, quoting the whole request URL in the error
 * (`request to https://…?access_token=… failed`), when `shouldFail` says so.
 */
function failingFetch(shouldFail: (url: string) => boolean): FetchLike {
  return async (input, init) => {
    const url = String(input instanceof Request ? input.url : input)
    if (shouldFail(url)) throw new TypeError(`request to ${url} failed, reason: socket hang up`)
    return await fetch(input, init)
  }
}

beforeEach(async () => {
  logged = []
  wechat = await startFakeWeChat()
  weibo = await startFakeWeibo()
  receiver = await startTestServer(async (request) => {
    const verdict = await verifyWebhookSignature({ secret: webhookSecret, body: request.body, header: request.headers['x-gongkai-signature'] as string | undefined })
    if (!verdict.isValid) return { status: 401, body: { reason: verdict.reason } }
    if (request.url.pathname === '/busy') return { status: 503, body: { reason: 'busy' } }
    return { status: 201, body: { id: 'bridge-1' } }
  })
})

afterEach(async () => {
  await Promise.all([wechat.close(), weibo.close(), receiver.close()])
})

function document(id: string): ChannelDocument {
  return {
    id,
    title: `关于做好政务公开工作的通知（${id}）`,
    summary: '为做好政务公开工作，现将有关事项通知如下。',
    html: '<p>各单位：</p><img src="cover.png">',
    images: [{ url: 'https://www.wuqing.gov.cn/zwgk/cover.png', data: fakePng(300), contentType: 'image/png' }],
    cover: { url: 'cover.png', data: fakePng(200), contentType: 'image/png' },
    canonicalUrl: `https://www.wuqing.gov.cn/zwgk/${id}.html`,
  }
}

describe('secrets', () => {
  it('never appear in logs, results or the adapters during publish and withdraw with errors on every channel', async () => {
    const output: unknown[] = []
    let failing: RegExp | undefined
    const fetchApi = failingFetch((url) => failing?.test(url) ?? false)

    // WeChat: quota back-off, expired and superseded tokens, a client error quoting the URL, 48001,
    // a wrong AppSecret and a token rejected as soon as it is issued.
    const wechatChannel = createWeChatChannel({ appId: wechat.appId, appSecret: wechat.appSecret, baseUrl: wechat.url, fetch: fetchApi, pollIntervalMs: 1, quotaBackoffMs: 1, logger: capturingLogger() })
    wechat.exhaustQuota('draft/add', 1)
    const a = await wechatChannel.publish(document('a'))
    wechat.expireTokens()
    const b = await wechatChannel.publish(document('b'))
    output.push(a, b)
    expect([a.state, b.state]).toEqual(['published', 'published'])
    wechat.revokeTokens()
    output.push(await wechatChannel.withdraw({ externalId: a.externalId ?? '' }))
    failing = /freepublish\/get/u
    const networkFailure = await wechatChannel.withdraw({ externalId: b.externalId ?? '' })
    output.push(networkFailure, await wechatChannel.checkStatus({ externalId: b.externalId ?? '' }))
    expect(networkFailure).toMatchObject({ state: 'failed', code: 'network' })
    expect(networkFailure.state === 'failed' && networkFailure.reason).toContain('access_token=***')
    failing = undefined
    wechat.isPublishUnauthorised = true
    output.push(await wechatChannel.publish(document('c')), await wechatChannel.withdraw({ externalId: b.externalId ?? '' }))
    wechat.isPublishUnauthorised = false
    output.push(await createWeChatChannel({ appId: wechat.appId, appSecret: `${wechat.appSecret}-old`, baseUrl: wechat.url, logger: capturingLogger() }).publish(document('d')))
    wechat.isRevokingNewTokens = true
    const revoking = createWeChatChannel({ appId: wechat.appId, appSecret: wechat.appSecret, baseUrl: wechat.url, logger: capturingLogger() })
    output.push(await revoking.publish(document('e')), await revoking.withdraw({ externalId: b.externalId ?? '' }), wechatChannel, revoking)

    // Weibo: a token from a function, publish, withdraw twice, a client error quoting the status URL, a stale token.
    const weiboChannel = createWeiboChannel({ accessToken: async () => weibo.accessToken, boundDomain: weibo.boundDomain, baseUrl: weibo.url, fetch: fetchApi, logger: capturingLogger() })
    const posted = await weiboChannel.publish(document('a'))
    output.push(posted, await weiboChannel.withdraw({ externalId: posted.externalId ?? '' }), await weiboChannel.withdraw({ externalId: posted.externalId ?? '' }))
    failing = /statuses\/show\.json/u
    const weiboFailure = await weiboChannel.checkStatus({ externalId: posted.externalId ?? '' })
    expect(weiboFailure).toMatchObject({ state: 'failed', code: 'network' })
    output.push(weiboFailure)
    failing = undefined
    const stale = createWeiboChannel({ accessToken: `${weibo.accessToken}-stale`, boundDomain: weibo.boundDomain, baseUrl: weibo.url, logger: capturingLogger() })
    output.push(await stale.publish(document('b')), await stale.withdraw({ externalId: posted.externalId ?? '' }), weiboChannel, stale)

    // Webhook: publish and withdraw, a busy receiver, a wrong secret, an unreachable receiver.
    const webhook = createWebhookChannel({ url: `${receiver.url}/hook`, secret: webhookSecret, logger: capturingLogger() })
    const delivered = await webhook.publish(document('a'))
    output.push(delivered, await webhook.withdraw({ externalId: delivered.externalId ?? '', notice: '已废止' }))
    const busy = createWebhookChannel({ url: `${receiver.url}/busy`, secret: webhookSecret, logger: capturingLogger() })
    output.push(await busy.publish(document('b')), await busy.withdraw({ externalId: 'x' }), busy, webhook)
    output.push(await createWebhookChannel({ url: receiver.url, secret: `${webhookSecret}-rotated`, logger: capturingLogger() }).withdraw({ externalId: 'x' }))
    const unreachable = createWebhookChannel({ url: 'http://127.0.0.1:1/hook', secret: webhookSecret, logger: capturingLogger() })
    output.push(await unreachable.withdraw({ externalId: 'x' }), unreachable)

    const text = `${logged.join('\n')}\n${JSON.stringify(output)}`
    expect(logged.length).toBeGreaterThan(8)
    expect(wechat.tokensIssued.length).toBeGreaterThan(2)
    for (const secret of [wechat.appSecret, ...wechat.tokensIssued, weibo.accessToken, webhookSecret]) {
      expect(text).not.toContain(secret)
    }
  })
})

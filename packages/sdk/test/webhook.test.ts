import { createHmac } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChannelDocument } from '../src/channels/Channel.js'
import { createWebhookChannel } from '../src/channels/webhook/createWebhookChannel.js'
import { signWebhook, verifyWebhookSignature } from '../src/webhook.js'
import { startTestServer, type ReceivedRequest, type Reply, type TestServer } from '../src/testing/index.js'

const secret = 'whsec-test-secret-do-not-log'
let receiver: TestServer
let answer: (request: ReceivedRequest) => Promise<Reply> | Reply
let verdicts: Array<Awaited<ReturnType<typeof verifyWebhookSignature>>>

beforeEach(async () => {
  verdicts = []
  answer = () => ({ status: 201, body: { id: 'toutiao-778', url: 'https://www.toutiao.com/article/778/' } })
  // A receiving bridge that verifies every delivery with the exported helper before accepting it.
  receiver = await startTestServer(async (request) => {
    const verdict = await verifyWebhookSignature({ secret, body: request.body, header: request.headers['x-gongkai-signature'] as string | undefined })
    verdicts.push(verdict)
    if (!verdict.isValid) return { status: 401, body: { reason: verdict.reason } }
    return await answer(request)
  })
})
afterEach(async () => {
  await receiver.close()
})

const document: ChannelDocument = {
  id: 'policy-9',
  version: 3,
  title: '关于做好2024年政务公开工作的通知',
  html: '<p>各单位：……</p>',
  canonicalUrl: 'https://www.wuqing.gov.cn/zwgk/policy-9.html',
  cover: { url: 'https://www.wuqing.gov.cn/images/cover.png', data: new Uint8Array([1, 2, 3]) },
  publishedAt: new Date('2024-03-01T08:00:00Z'),
}

describe('webhook channel', () => {
  it('delivers the document as signed JSON that the receiver verifies, and reports the receiver’s id and URL', async () => {
    const result = await createWebhookChannel({ url: `${receiver.url}/hook`, secret, name: 'toutiao-bridge' }).publish(document)

    expect(result).toEqual({ channel: 'toutiao-bridge', state: 'published', externalId: 'toutiao-778', url: 'https://www.toutiao.com/article/778/' })
    expect(verdicts).toEqual([{ isValid: true, timestamp: expect.any(Number) }])
    const request = receiver.requests[0]
    expect(request?.headers['x-gongkai-delivery']).toBe('policy-9@3')
    expect(request?.headers['x-gongkai-event']).toBe('document.published')
    const payload = JSON.parse(request?.body.toString('utf8') ?? '{}')
    expect(payload).toMatchObject({ event: 'document.published', deliveryId: 'policy-9@3', document: { id: 'policy-9', title: document.title, cover: { url: document.cover?.url }, publishedAt: '2024-03-01T08:00:00.000Z' } })
    expect(JSON.stringify(payload)).not.toContain('"data"')
  })

  it('signs HMAC-SHA256 over `${timestamp}.${body}` as documented', async () => {
    await createWebhookChannel({ url: receiver.url, secret, now: () => 1_700_000_000_000 }).publish(document)
    const request = receiver.requests[0]
    const expected = createHmac('sha256', secret).update(`1700000000.${request?.body.toString('utf8')}`).digest('hex')
    expect(request?.headers['x-gongkai-signature']).toBe(`t=1700000000,v1=${expected}`)
  })

  it('reports 202 as submitted and 5xx / 429 as retryable, 4xx as permanent', async () => {
    const channel = createWebhookChannel({ url: receiver.url, secret })
    answer = () => ({ status: 202, body: { id: 'q-1' } })
    expect(await channel.publish(document)).toMatchObject({ state: 'submitted', externalId: 'q-1' })
    answer = () => ({ status: 503, body: 'busy' })
    expect(await channel.publish(document)).toMatchObject({ state: 'failed', code: 'http:503', isRetryable: true })
    answer = () => ({ status: 429, headers: { 'retry-after': '30' }, body: {} })
    expect(await channel.publish(document)).toMatchObject({ state: 'failed', code: 'http:429', isRetryable: true, retryAfterMs: 30_000 })
    answer = () => ({ status: 422, body: { reason: '缺少发文机关' } })
    const rejected = await channel.publish(document)
    expect(rejected).toMatchObject({ state: 'failed', code: 'http:422', isRetryable: false })
    expect(rejected.state === 'failed' && rejected.reason).toContain('缺少发文机关')
  })

  it('is refused by the receiver when signed with another secret', async () => {
    const result = await createWebhookChannel({ url: receiver.url, secret: 'wrong' }).publish(document)
    expect(result).toMatchObject({ state: 'failed', code: 'http:401', isRetryable: false })
    expect(verdicts).toEqual([{ isValid: false, reason: 'signature-mismatch' }])
  })

  it('asks the receiver’s status endpoint in checkStatus', async () => {
    answer = (request) => {
      const payload = JSON.parse(request.body.toString('utf8'))
      return request.url.pathname === '/status' ? { body: { id: payload.externalId, state: 'published', url: 'https://x.example/1' } } : { status: 202, body: { id: 'q-9' } }
    }
    const channel = createWebhookChannel({ url: `${receiver.url}/hook`, statusUrl: `${receiver.url}/status`, secret })
    const submitted = await channel.publish(document)
    expect(submitted.state).toBe('submitted')
    expect(await channel.checkStatus({ externalId: 'q-9' })).toEqual({ channel: 'webhook', state: 'published', externalId: 'q-9', url: 'https://x.example/1' })
  })

  it('validates before delivering', async () => {
    const result = await createWebhookChannel({ url: receiver.url, secret }).publish({ ...document, title: '', canonicalUrl: 'nope' })
    expect(result).toMatchObject({ state: 'failed', code: 'validation', issues: [{ field: 'title', rule: 'required' }, { field: 'canonicalUrl', rule: 'url' }] })
    expect(receiver.requests).toHaveLength(0)
  })
})

describe('webhook channel: withdrawal', () => {
  it('delivers a signed document.withdrawn event with the notice that the receiver verifies', async () => {
    const channel = createWebhookChannel({ url: `${receiver.url}/hook`, secret, name: 'toutiao-bridge' })
    const published = await channel.publish(document)
    answer = () => ({ status: 200, body: {} })

    const result = await channel.withdraw({ externalId: published.externalId ?? '', documentId: 'policy-9', version: 3, notice: '该文件已于2024年6月1日废止。' })

    expect(result).toEqual({ channel: 'toutiao-bridge', state: 'withdrawn', externalId: 'toutiao-778', isRepeat: false })
    expect(verdicts).toEqual([expect.objectContaining({ isValid: true }), expect.objectContaining({ isValid: true })])
    const request = receiver.requests[1]
    expect(request?.headers['x-gongkai-event']).toBe('document.withdrawn')
    expect(request?.headers['x-gongkai-delivery']).toBe('withdrawn:toutiao-778')
    expect(JSON.parse(request?.body.toString('utf8') ?? '{}')).toEqual({
      event: 'document.withdrawn',
      deliveryId: 'withdrawn:toutiao-778',
      sentAt: expect.any(String),
      externalId: 'toutiao-778',
      documentId: 'policy-9',
      version: 3,
      notice: '该文件已于2024年6月1日废止。',
    })
  })

  it('is idempotent: the same delivery id on a repeat, and 404/410 from the receiver mean already withdrawn', async () => {
    const channel = createWebhookChannel({ url: receiver.url, secret })
    answer = () => ({ status: 204 })
    expect(await channel.withdraw({ externalId: 'q-1' })).toMatchObject({ state: 'withdrawn', isRepeat: false })
    answer = () => ({ status: 410, body: { reason: 'gone' } })
    expect(await channel.withdraw({ externalId: 'q-1' })).toMatchObject({ state: 'withdrawn', isRepeat: true })
    answer = () => ({ status: 404 })
    expect(await channel.withdraw({ externalId: 'q-1' })).toMatchObject({ state: 'withdrawn', isRepeat: true })
    expect(new Set(receiver.requests.map((request) => request.headers['x-gongkai-delivery']))).toEqual(new Set(['withdrawn:q-1']))
  })

  it('reports 5xx / 429 as retryable, other 4xx and a receiver that cannot withdraw as permanent', async () => {
    const channel = createWebhookChannel({ url: receiver.url, secret })
    answer = () => ({ status: 503, body: 'busy' })
    expect(await channel.withdraw({ externalId: 'q-1' })).toMatchObject({ state: 'failed', code: 'http:503', isRetryable: true, externalId: 'q-1' })
    answer = () => ({ status: 429, headers: { 'retry-after': '5' } })
    expect(await channel.withdraw({ externalId: 'q-1' })).toMatchObject({ state: 'failed', code: 'http:429', isRetryable: true, retryAfterMs: 5_000 })
    answer = () => ({ status: 200, body: { state: 'failed', reason: '该平台不支持删除已发布内容' } })
    expect(await channel.withdraw({ externalId: 'q-1' })).toMatchObject({ state: 'failed', code: 'receiver', isRetryable: false, reason: '该平台不支持删除已发布内容' })
    expect(await createWebhookChannel({ url: receiver.url, secret: 'wrong' }).withdraw({ externalId: 'q-1' })).toMatchObject({ state: 'failed', code: 'http:401', isRetryable: false })
  })
})

describe('verifyWebhookSignature', () => {
  const body = '{"event":"document.published"}'

  it('accepts a fresh signature and rejects a changed body', async () => {
    const header = await signWebhook({ secret, body, timestamp: 1_000 })
    expect(await verifyWebhookSignature({ secret, body, header, now: 1_100 })).toEqual({ isValid: true, timestamp: 1_000 })
    expect(await verifyWebhookSignature({ secret, body: body + ' ', header, now: 1_100 })).toEqual({ isValid: false, reason: 'signature-mismatch' })
  })

  it('rejects a timestamp outside the tolerance (replay)', async () => {
    const header = await signWebhook({ secret, body, timestamp: 1_000 })
    expect(await verifyWebhookSignature({ secret, body, header, now: 1_301 })).toEqual({ isValid: false, reason: 'timestamp-outside-tolerance' })
    expect(await verifyWebhookSignature({ secret, body, header, now: 1_301, toleranceSeconds: 600 })).toMatchObject({ isValid: true })
  })

  it('rejects missing and malformed headers', async () => {
    expect(await verifyWebhookSignature({ secret, body, header: undefined })).toEqual({ isValid: false, reason: 'missing-header' })
    expect(await verifyWebhookSignature({ secret, body, header: 't=abc,v1=zz' })).toEqual({ isValid: false, reason: 'malformed-header' })
  })

  it('accepts either secret while rotating', async () => {
    const header = await signWebhook({ secret: 'new-secret', body, timestamp: 1_000 })
    expect(await verifyWebhookSignature({ secret: [secret, 'new-secret'], body, header, now: 1_000 })).toMatchObject({ isValid: true })
  })
})

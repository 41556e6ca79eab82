import { afterEach, describe, expect, it } from 'vitest'
import { createPolicyLibraryClient, PolicyLibraryError, type RetryOptions } from '../src/index.js'
import { backoffDelay, parseRetryAfter } from '../src/client/retry.js'
import { startTestServer, type Reply, type TestServer } from '../src/testing/index.js'

// A small stand-in that fails a given number of times before answering like the library would;
// the client's behaviour against the real library is covered in policyLibraryClient.test.ts.
let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const stored = {
  contentId: 'wq-2024-1',
  version: 1,
  status: 'published',
  kind: 'policy',
  title: '标题',
  issuers: [{ id: 'wuqing', name: '武清区人民政府' }],
  topics: [],
  subjectWords: [],
  publishedAt: '2024-01-02',
  validity: 'effective',
  bodyText: '正文',
  attachments: [],
  links: {},
  withdrawal: null,
  createdAt: '2024-01-02T00:00:00Z',
  updatedAt: '2024-01-02T00:00:00Z',
}
const input = { version: 1, kind: 'policy' as const, title: '标题', issuers: ['wuqing'], publishedAt: '2024-01-02', bodyText: '正文' }

async function serve(failures: Reply[]) {
  let index = 0
  server = await startTestServer((request) => {
    const failure = failures[index++]
    if (failure) return failure
    return request.method === 'PUT' ? { status: 201, body: stored } : { body: stored }
  })
  return server
}

const fast: RetryOptions = { minDelayMs: 1, maxDelayMs: 5 }

describe('policy library client retries', () => {
  it('retries 503 and 502 and sends the same Idempotency-Key on every attempt of one push', async () => {
    const local = await serve([{ status: 503, body: { type: 'about:blank', title: 'Unavailable', status: 503 } }, { status: 502, body: 'bad gateway' }])
    const client = createPolicyLibraryClient({ baseUrl: local.url, token: 'agency-token', retry: fast })

    const result = await client.push('wq-2024-1', input)

    expect(result.outcome).toBe('created')
    expect(local.requests).toHaveLength(3)
    const keys = local.requests.map((request) => request.headers['idempotency-key'])
    expect(new Set(keys).size).toBe(1)
    expect(keys[0]).toMatch(/^[0-9a-f-]{32,36}$/u)
    expect(local.requests.map((request) => request.headers.authorization)).toEqual(Array(3).fill('Bearer agency-token'))
    expect(local.requests.map((request) => JSON.parse(request.body.toString()).title)).toEqual(['标题', '标题', '标题'])
  })

  it('uses a new Idempotency-Key for each logical call', async () => {
    const local = await serve([])
    const client = createPolicyLibraryClient({ baseUrl: local.url, token: 't', retry: fast })
    await client.push('wq-2024-1', input)
    await client.push('wq-2024-1', input)
    expect(local.requests[0]?.headers['idempotency-key']).not.toBe(local.requests[1]?.headers['idempotency-key'])
  })

  it('waits the Retry-After of a 429 before retrying', async () => {
    const local = await serve([{ status: 429, headers: { 'retry-after': '1' }, body: { title: 'Too Many Requests', status: 429, type: 'about:blank' } }])
    const delays: number[] = []
    const client = createPolicyLibraryClient({ baseUrl: local.url, retry: { ...fast, onRetry: ({ delayMs, status }) => delays.push(status ?? 0, delayMs) } })
    expect((await client.get('wq-2024-1'))?.contentId).toBe('wq-2024-1')
    expect(delays).toEqual([429, 1000])
    expect(local.requests).toHaveLength(2)
  })

  it('retries 408 and network errors, then gives up with a retryable PolicyLibraryError', async () => {
    const local = await serve([{ status: 408, body: {} }])
    const client = createPolicyLibraryClient({ baseUrl: local.url, retry: fast })
    expect((await client.get('wq-2024-1'))?.version).toBe(1)
    expect(local.requests).toHaveLength(2)

    const closedUrl = local.url
    await local.close()
    server = undefined
    let attempts = 0
    const unreachable = createPolicyLibraryClient({ baseUrl: closedUrl, retry: { ...fast, retries: 2, onRetry: () => attempts++ } })
    const error = await unreachable.get('wq-2024-1').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(PolicyLibraryError)
    expect(error).toMatchObject({ status: undefined, isRetryable: true })
    expect(attempts).toBe(2)
  })

  it('stops after the configured retries and throws the last problem', async () => {
    const problem = { type: 'about:blank', title: 'Service Unavailable', status: 503, detail: '数据库维护中' }
    const local = await serve([{ status: 503, body: problem }, { status: 503, body: problem }, { status: 503, body: problem }])
    const client = createPolicyLibraryClient({ baseUrl: local.url, retry: { ...fast, retries: 2 } })
    const error = await client.get('wq-2024-1').catch((caught: unknown) => caught)
    expect(error).toMatchObject({ name: 'PolicyLibraryError', status: 503, isRetryable: true, problem })
    expect(local.requests).toHaveLength(3)
  })

  it('does not retry a 4xx other than 408 and 429', async () => {
    const problem = { type: 'https://gongkai.dev/problems/validation', title: 'Invalid request', status: 400, errors: [{ pointer: '/title', detail: '标题不能为空' }] }
    const local = await serve([{ status: 400, body: problem }])
    const error = await createPolicyLibraryClient({ baseUrl: local.url, retry: fast }).push('wq-2024-1', input).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ status: 400, isRetryable: false, problem })
    expect((error as Error).message).toContain('/title: 标题不能为空')
    expect(local.requests).toHaveLength(1)
  })

  it('stops waiting when the AbortSignal aborts during the back-off', async () => {
    const local = await serve([{ status: 503, headers: { 'retry-after': '30' }, body: {} }])
    const controller = new AbortController()
    const client = createPolicyLibraryClient({ baseUrl: local.url, retry: { onRetry: () => controller.abort(new Error('user left the page')) } })
    await expect(client.search({ q: '政务公开' }, { signal: controller.signal })).rejects.toThrow('user left the page')
    expect(local.requests).toHaveLength(1)
  })

  it('does not wait for a Retry-After longer than maxRetryAfterMs', async () => {
    const local = await serve([{ status: 429, headers: { 'retry-after': '3600' }, body: { title: 'Too Many Requests', status: 429, type: 'about:blank' } }])
    const error = await createPolicyLibraryClient({ baseUrl: local.url, retry: fast }).get('wq-2024-1').catch((caught: unknown) => caught)
    expect(error).toMatchObject({ status: 429, isRetryable: true })
    expect(local.requests).toHaveLength(1)
  })
})

describe('retry helpers', () => {
  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('7')).toBe(7000)
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(30_000)
    expect(parseRetryAfter('soon')).toBeUndefined()
  })

  it('grows the back-off exponentially within [step/2, step], capped', () => {
    const settings = { minDelayMs: 100, maxDelayMs: 1000 }
    expect([0, 1, 2, 3, 4].map((attempt) => backoffDelay(attempt, settings, () => 0))).toEqual([50, 100, 200, 400, 500])
    expect([0, 1, 2, 3, 4].map((attempt) => backoffDelay(attempt, settings, () => 1))).toEqual([100, 200, 400, 800, 1000])
  })
})

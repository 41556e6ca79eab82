import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createPolicyLibraryClient, defaultTimeoutMs, PolicyLibraryError, type RetryOptions } from '../src/index.js'
import { startTestServer, type TestServer } from '../src/testing/index.js'

// Per-attempt timeouts against real local servers that accept the connection and never answer (or
// stop halfway through the body): each attempt is aborted and retried; the caller's signal is not.

let server: TestServer | undefined
let rawServer: Server | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
  if (rawServer) {
    rawServer.closeAllConnections()
    await new Promise<void>((resolve) => rawServer?.close(() => resolve()))
    rawServer = undefined
  }
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
const fast: RetryOptions = { minDelayMs: 1, maxDelayMs: 5 }
const never = () => new Promise<never>(() => {})

describe('per-attempt timeout', () => {
  it('aborts attempts that get no answer, retries them, then gives up with a retryable PolicyLibraryError', async () => {
    server = await startTestServer(never)
    const retried: unknown[] = []
    const client = createPolicyLibraryClient({ baseUrl: server.url, timeoutMs: 100, retry: { ...fast, retries: 2, onRetry: ({ error }) => retried.push(error) } })
    const error = await client.get('wq-2024-1').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(PolicyLibraryError)
    expect(error).toMatchObject({ status: undefined, isRetryable: true })
    expect((error as Error).message).toContain('no answer within 100 ms')
    expect(server.requests).toHaveLength(3)
    expect(retried.map((cause) => (cause as Error).name)).toEqual(['TimeoutError', 'TimeoutError'])
  })

  it('answers from the retry when the first attempt times out, with the same Idempotency-Key', async () => {
    let calls = 0
    server = await startTestServer(() => (++calls === 1 ? never() : { status: 201, body: stored }))
    const client = createPolicyLibraryClient({ baseUrl: server.url, token: 't', timeoutMs: 100, retry: fast })
    const result = await client.push('wq-2024-1', input)
    expect(result).toMatchObject({ outcome: 'created', document: { contentId: 'wq-2024-1' } })
    expect(server.requests).toHaveLength(2)
    const keys = server.requests.map((request) => request.headers['idempotency-key'])
    expect(keys[0]).toBeTruthy()
    expect(keys[1]).toBe(keys[0])
    expect(server.requests.map((request) => JSON.parse(request.body.toString()).title)).toEqual(['标题', '标题'])
  })

  it('times out an answer whose body stops halfway, and retries it', async () => {
    let calls = 0
    rawServer = createServer((request, response) => {
      request.resume()
      response.writeHead(200, { 'content-type': 'application/json' })
      const body = JSON.stringify(stored)
      if (++calls === 1) response.write(body.slice(0, 20))
      else response.end(body)
    })
    await new Promise<void>((resolve) => rawServer?.listen(0, '127.0.0.1', resolve))
    const { port } = rawServer.address() as AddressInfo
    const client = createPolicyLibraryClient({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 150, retry: fast })
    expect(await client.get('wq-2024-1')).toMatchObject({ contentId: 'wq-2024-1', bodyText: '正文' })
    expect(calls).toBe(2)
  })

  it('lets the caller’s signal abort a hung attempt at once, without retrying it', async () => {
    server = await startTestServer(never)
    const client = createPolicyLibraryClient({ baseUrl: server.url, timeoutMs: 60_000, retry: fast })
    const controller = new AbortController()
    const pending = client.get('wq-2024-1', { signal: controller.signal }).catch((caught: unknown) => caught)
    await expect.poll(() => server?.requests.length).toBe(1)
    controller.abort(new Error('user left the page'))
    const error = await pending
    expect(error).not.toBeInstanceOf(PolicyLibraryError)
    expect((error as Error).message).toBe('user left the page')
    expect(server.requests).toHaveLength(1)
  })

  it('takes a call’s own timeoutMs over the client’s', async () => {
    server = await startTestServer(never)
    const client = createPolicyLibraryClient({ baseUrl: server.url, timeoutMs: false, retry: false })
    const error = await client.search({ q: '政务公开' }, { timeoutMs: 100 }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ name: 'PolicyLibraryError', isRetryable: true })
    expect(server.requests).toHaveLength(1)
    expect(defaultTimeoutMs).toBe(30_000)
  })
})

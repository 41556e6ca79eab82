import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPolicyLibrary } from '../src/index.js'
import { adminToken, documentInput, startLibrary, type RunningLibrary } from './helpers.js'

let library: RunningLibrary
let token: string
beforeAll(async () => {
  library = await startLibrary('pl_http_policy')
  token = await library.agencyWithToken('wuqing')
  const pushed = await library.call('PUT', '/v1/documents/policy-1', { token, body: documentInput() })
  if (pushed.status !== 201) throw new Error(pushed.text)
})
afterAll(async () => {
  await library?.stop()
})

describe('security and cache headers on every answer', () => {
  it.each([
    ['GET', '/v1/documents', 200, 'public, max-age=60'],
    ['GET', '/v1/documents/policy-1', 200, 'public, max-age=60'],
    ['GET', '/v1/documents/missing', 404, 'no-store'],
    ['GET', '/v1/events', 200, 'no-store'],
    ['GET', '/v1/agencies/wuqing/feed.atom', 200, 'public, max-age=300'],
    ['GET', '/sitemap.xml', 200, 'public, max-age=300'],
    ['GET', '/healthz', 200, 'no-store'],
    ['GET', '/openapi.json', 200, 'public, max-age=300'],
    ['GET', '/nothing-here', 404, 'no-store'],
    ['PUT', '/v1/documents/policy-2', 401, 'no-store'],
  ])('%s %s → %i with Cache-Control %s', async (method, path, status, cacheControl) => {
    const answer = await library.call(method, path, method === 'PUT' ? { body: documentInput() } : {})
    expect(answer.status).toBe(status)
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
    expect(answer.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'")
    expect(answer.headers.get('x-frame-options')).toBe('DENY')
    expect(answer.headers.get('cache-control')).toBe(cacheControl)
  })

  it('gives /docs a policy that lets Swagger UI run from this server only', async () => {
    const answer = await library.call('GET', '/docs')
    const policy = answer.headers.get('content-security-policy') ?? ''
    expect(policy).toContain("script-src 'self'")
    expect(policy).not.toContain("script-src 'self' 'unsafe-inline'")
    expect(policy).toContain("frame-ancestors 'none'")
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
  })
})

describe('CORS for public reads', () => {
  const origin = 'https://www.tjwq.gov.cn'
  it('lets any site read search, documents and feeds by default', async () => {
    for (const path of ['/v1/documents?q=%E6%94%BF%E5%8A%A1', '/v1/documents/policy-1', '/v1/agencies/wuqing/feed.atom', '/v1/agencies']) {
      const answer = await library.call('GET', path, { headers: { origin } })
      expect(answer.headers.get('access-control-allow-origin'), path).toBe('*')
    }
  })

  it('answers a preflight for reads only', async () => {
    const preflight = await library.call('OPTIONS', '/v1/documents/policy-1', { headers: { origin, 'access-control-request-method': 'PUT' } })
    expect(preflight.status).toBeLessThan(300)
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, HEAD')
    const write = await library.call('PUT', '/v1/documents/policy-3', { token, body: documentInput(), headers: { origin } })
    expect(write.status).toBe(201)
    expect(write.headers.get('access-control-allow-origin')).toBeNull()
    const tokens = await library.call('GET', '/v1/agencies/wuqing/tokens', { token: adminToken, headers: { origin } })
    expect(tokens.status).toBe(200)
    expect(tokens.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('allows only the configured origins when given a list', async () => {
    const listed = await startLibrary('pl_http_cors', { cors: { origins: [origin] } })
    try {
      const allowed = await listed.call('GET', '/v1/documents', { headers: { origin } })
      expect(allowed.headers.get('access-control-allow-origin')).toBe(origin)
      expect(allowed.headers.get('vary')).toMatch(/Origin/i)
      const other = await listed.call('GET', '/v1/documents', { headers: { origin: 'https://evil.example' } })
      expect(other.headers.get('access-control-allow-origin')).toBeNull()
    } finally {
      await listed.stop()
    }
  })
})

describe('method mismatches', () => {
  it.each([
    ['DELETE', '/v1/documents', 'GET'],
    ['POST', '/healthz', 'GET'],
    ['PATCH', '/v1/documents/policy-1', 'PUT'],
    ['GET', '/v1/document-batches', 'POST'],
    ['PUT', '/v1/agencies/wuqing/feed.atom', 'GET'],
  ])('%s %s → 405 with Allow naming %s', async (method, path, allowed) => {
    const answer = await library.call(method, path)
    expect(answer.status).toBe(405)
    expect(answer.headers.get('content-type')).toContain('application/problem+json')
    expect(answer.headers.get('allow')?.split(', ')).toContain(allowed)
    expect(answer.headers.get('allow')?.split(', ')).not.toContain(method)
  })

  it('keeps 404 for paths that do not exist', async () => {
    expect((await library.call('DELETE', '/v1/nothing')).status).toBe(404)
  })
})

describe('failed authentication is throttled per client address', () => {
  it('answers 429 with Retry-After after too many failures, and successes do not count', async () => {
    const throttled = await startLibrary('pl_http_auth', { authFailureLimit: { windowMs: 60_000, limit: 5 } })
    try {
      const valid = await throttled.agencyWithToken('wuqing')
      // A burst of valid requests, more than the limit at once, is never throttled.
      const burst = await Promise.all(Array.from({ length: 20 }, () => throttled.call('GET', '/v1/agencies/wuqing/tokens', { token: adminToken })))
      expect(burst.map((answer) => answer.status)).toEqual(Array.from({ length: 20 }, () => 200))
      for (let index = 0; index < 5; index++) {
        const guess = await throttled.call('PUT', '/v1/documents/guess', { token: `gk_guess${index}`, body: documentInput() })
        expect(guess.status).toBe(401)
      }
      const blocked = await throttled.call('PUT', '/v1/documents/guess', { token: 'gk_guess-again', body: documentInput() })
      expect(blocked.status).toBe(429)
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(blocked.headers.get('content-type')).toContain('application/problem+json')
      // The address is blocked for authenticated endpoints, whatever token it now shows; public reads still work.
      expect((await throttled.call('PUT', '/v1/documents/guess', { token: valid, body: documentInput() })).status).toBe(429)
      expect((await throttled.call('GET', '/v1/documents')).status).toBe(200)
    } finally {
      await throttled.stop()
    }
  })
})

describe('start-up refuses unsafe configuration', () => {
  const databaseUrl = 'postgres://postgres@127.0.0.1:1/never-connected'
  it.each([['secret'], ['admin'], ['a'.repeat(64)], ['abababababababababababababababab'], ['correct horse battery staple 12345']])('refuses the admin token %j', (weak) => {
    expect(() => createPolicyLibrary({ databaseUrl, adminToken: weak, logger: { level: 'silent' } })).toThrow(/admin token/)
  })

  it('accepts generated tokens', async () => {
    for (const strong of [randomBytes(16).toString('hex'), randomBytes(32).toString('hex'), randomBytes(32).toString('base64url')]) {
      const created = createPolicyLibrary({ databaseUrl, adminToken: strong, logger: { level: 'silent' } })
      await created.close()
    }
  })

  it('requires publicUrl in production', async () => {
    expect(() => createPolicyLibrary({ databaseUrl, isProduction: true, logger: { level: 'silent' } })).toThrow(/publicUrl/)
    expect(() => createPolicyLibrary({ databaseUrl, publicUrl: 'javascript:alert(1)', logger: { level: 'silent' } })).toThrow(/publicUrl/)
    const created = createPolicyLibrary({ databaseUrl, isProduction: true, publicUrl: 'https://library.example.gov.cn/', logger: { level: 'silent' } })
    await created.close()
  })
})

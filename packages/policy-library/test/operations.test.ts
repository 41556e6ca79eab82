import { execFile } from 'node:child_process'
import { request as httpRequest } from 'node:http'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { configFromEnv } from '../src/index.js'
import { adminToken, documentInput, schemaErrors, startLibrary, type RunningLibrary } from './helpers.js'

let library: RunningLibrary
let token: string
beforeAll(async () => {
  library = await startLibrary('pl_operations', { rateLimit: { windowMs: 60_000, limit: 1000 }, publicUrl: 'https://library.example.gov.cn/' })
  token = await library.agencyWithToken('wuqing', '天津市武清区人民政府办公室')
  const pushes = [
    ['feed-1', { title: '关于印发《政务公开工作要点》的通知', topics: ['02.01'], publishedAt: '2024-03-01', url: 'https://www.tjwq.gov.cn/zwgk/feed-1.html' }],
    ['feed-2', { title: '关于做好就业工作的通知 <急>', topics: ['15.01'], publishedAt: '2024-04-01', documentNumber: '津武政办发〔2024〕9号' }],
    ['feed-3', { title: '已撤回的文件', topics: ['02.01'], publishedAt: '2024-05-01' }],
  ] as const
  for (const [id, overrides] of pushes) {
    const answer = await library.call('PUT', `/v1/documents/${id}`, { token, body: documentInput(overrides) })
    expect(answer.status).toBe(201)
  }
  await library.call('POST', '/v1/documents/feed-3/withdrawal', { token, body: { version: 2, previousVersion: 1, notice: '撤回' } })
})
afterAll(async () => {
  await library?.stop()
})

describe('agencies and tokens', () => {
  it('lets only the admin token register agencies and answers 409 for an existing id', async () => {
    expect((await library.call('POST', '/v1/agencies', { body: { id: 'hexi', name: '河西区' } })).status).toBe(401)
    expect((await library.call('POST', '/v1/agencies', { token, body: { id: 'hexi', name: '河西区' } })).status).toBe(403)
    const created = await library.call('POST', '/v1/agencies', { token: adminToken, body: { id: 'hexi', name: '天津市河西区人民政府', indexPrefix: '000014349' } })
    expect(created.status).toBe(201)
    expect(schemaErrors('Agency', created.body)).toEqual([])
    expect((await library.call('POST', '/v1/agencies', { token: adminToken, body: { id: 'hexi', name: 'again' } })).status).toBe(409)
    expect((await library.call('GET', '/v1/agencies/hexi')).body).toMatchObject({ id: 'hexi', name: '天津市河西区人民政府', indexPrefix: '000014349' })
    expect((await library.call('GET', '/v1/agencies/nowhere')).status).toBe(404)
    const list = await library.call('GET', '/v1/agencies')
    expect(list.body.items.map((agency: { id: string }) => agency.id)).toEqual(['hexi', 'wuqing'])
  })

  it('shows a token secret once, stores only its hash and lists metadata', async () => {
    const created = await library.call('POST', '/v1/agencies/wuqing/tokens', { token: adminToken, body: { name: 'CMS production' } })
    expect(created.status).toBe(201)
    expect(schemaErrors('CreatedToken', created.body)).toEqual([])
    expect(created.body.token).toMatch(/^gk_[A-Za-z0-9_-]{43}$/)
    const list = await library.call('GET', '/v1/agencies/wuqing/tokens', { token: adminToken })
    expect(list.status).toBe(200)
    expect(list.text).not.toContain(created.body.token)
    expect(list.body.items.map((item: { name: string }) => item.name)).toContain('CMS production')
    for (const item of list.body.items) expect(schemaErrors('Token', item)).toEqual([])
    expect((await library.call('GET', '/v1/agencies/wuqing/tokens', { token })).status).toBe(403)
    expect((await library.call('POST', '/v1/agencies/nowhere/tokens', { token: adminToken, body: { name: 'x' } })).status).toBe(404)
    expect((await library.call('DELETE', '/v1/tokens/00000000-0000-4000-8000-000000000000', { token: adminToken })).status).toBe(404)
  })
})

describe('rate limiting', () => {
  it('answers 429 with Retry-After once a token exceeds its limit', async () => {
    const limited = await startLibrary('pl_ratelimit', { rateLimit: { windowMs: 60_000, limit: 4 } })
    try {
      const agencyToken = await limited.agencyWithToken('wuqing')
      const otherToken = await limited.agencyWithToken('baodi')
      const statuses: number[] = []
      let last
      for (let attempt = 0; attempt < 6; attempt++) {
        last = await limited.call('PUT', `/v1/documents/rate-${attempt}`, { token: agencyToken, body: documentInput() })
        statuses.push(last.status)
      }
      expect(statuses).toEqual([201, 201, 201, 201, 429, 429])
      expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(last?.headers.get('content-type')).toContain('application/problem+json')
      // Limits are per token: another agency's token is not affected.
      expect((await limited.call('PUT', '/v1/documents/rate-other', { token: otherToken, body: documentInput({ issuers: ['baodi'] }) })).status).toBe(201)
    } finally {
      await limited.stop()
    }
  })
})

describe('feeds and sitemap', () => {
  it('serves an Atom feed per agency with the newest published documents, escaped', async () => {
    const feed = await library.call('GET', '/v1/agencies/wuqing/feed.atom')
    expect(feed.status).toBe(200)
    expect(feed.headers.get('content-type')).toContain('application/atom+xml')
    expect(feed.text).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">')
    expect(feed.text).toContain('天津市武清区人民政府办公室 · 政策文件')
    expect(feed.text).toContain('关于做好就业工作的通知 &lt;急&gt;（津武政办发〔2024〕9号）')
    expect(feed.text).toContain('https://www.tjwq.gov.cn/zwgk/feed-1.html')
    expect(feed.text).not.toContain('已撤回的文件')
    expect(feed.text.indexOf('就业')).toBeLessThan(feed.text.indexOf('政务公开'))
    expect((await library.call('GET', '/v1/agencies/nowhere/feed.atom')).status).toBe(404)
  })

  it('serves an Atom feed per topic, a parent code covering its children', async () => {
    const feed = await library.call('GET', '/v1/topics/02/feed.atom')
    expect(feed.status).toBe(200)
    expect(feed.text).toContain('政务公开工作要点')
    expect(feed.text).not.toContain('就业工作')
    expect((await library.call('GET', '/v1/topics/abc/feed.atom')).status).toBe(400)
  })

  it('serves a sitemap index and pages listing the pages of published documents', async () => {
    const index = await library.call('GET', '/sitemap.xml')
    expect(index.status).toBe(200)
    expect(index.text).toContain('<loc>https://library.example.gov.cn/sitemaps/1.xml</loc>')
    const page = await library.call('GET', '/sitemaps/1.xml')
    expect(page.status).toBe(200)
    expect(page.text).toContain('<loc>https://www.tjwq.gov.cn/zwgk/feed-1.html</loc>')
    // Pushed without url and no documentPageUrl: no page to list (the JSON API is not one).
    expect(page.text).not.toContain('feed-2')
    expect(page.text).not.toContain('feed-3')
    expect((await library.call('GET', '/sitemaps/2.xml')).status).toBe(404)
  })
})

describe('operations', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await library.call('GET', '/healthz')).body).toEqual({ status: 'ok' })
    const ready = await library.call('GET', '/readyz')
    expect(ready.status).toBe(200)
    expect(ready.body).toEqual({ status: 'ok', checks: { database: 'ok', migrations: 'ok', search: 'ok' } })
  })

  it('serves the OpenAPI document and a rendered reference at /docs from local assets', async () => {
    const document = await library.call('GET', '/openapi.json')
    expect(document.body.openapi).toBe('3.1.0')
    expect(document.body.servers[0].url).toBe('https://library.example.gov.cn')
    expect(Object.keys(document.body.paths)).toContain('/v1/documents/{contentId}')
    const docs = await library.call('GET', '/docs')
    expect(docs.status).toBe(200)
    expect(docs.text).toContain('docs/assets/swagger-ui-bundle.js')
    expect(docs.text).not.toMatch(/https?:\/\//)
    const bundle = await fetch(`${library.url}/docs/assets/swagger-ui-bundle.js`)
    expect(bundle.status).toBe(200)
    expect((await bundle.text()).length).toBeGreaterThan(100_000)
    const init = await library.call('GET', '/docs/init.js')
    expect(init.text).toContain("'openapi.json'")
  })

  it('lints clean with @redocly/cli', async () => {
    const packageRoot = fileURLToPath(new URL('..', import.meta.url))
    const { stdout, stderr } = await promisify(execFile)(fileURLToPath(new URL('../node_modules/.bin/redocly', import.meta.url)), ['lint', 'openapi/openapi.json', '--format', 'json'], {
      cwd: packageRoot,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    }).catch((error: { stdout: string; stderr: string }) => error)
    const report = JSON.parse(stdout) as { totals: { errors: number; warnings: number } }
    expect(report.totals, stderr).toEqual(expect.objectContaining({ errors: 0, warnings: 0 }))
  }, 60_000)

  it('reads its configuration from the environment', () => {
    const { options, port, host } = configFromEnv({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/library',
      PORT: '4321',
      GONGKAI_LIBRARY_ADMIN_TOKEN: 'admin',
      GONGKAI_LIBRARY_RATE_LIMIT: '0',
      GONGKAI_LIBRARY_SEARCH_ENGINE: 'postgres',
    })
    expect({ port, host }).toEqual({ port: 4321, host: '127.0.0.1' })
    expect(options).toMatchObject({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/library', adminToken: 'admin', rateLimit: false, searchEngine: 'postgres' })
    expect(() => configFromEnv({})).toThrow(/DATABASE_URL/)
    expect(() => configFromEnv({ DATABASE_URL: 'postgres://x/y', GONGKAI_LIBRARY_SEARCH_ENGINE: 'lucene' })).toThrow(/memory or postgres/)
    // The binary keeps accepting for a second after SIGTERM; the variable sets it, within bounds.
    expect(options.shutdownGraceMs).toBe(1000)
    expect(configFromEnv({ DATABASE_URL: 'postgres://x/y', GONGKAI_LIBRARY_SHUTDOWN_GRACE_MS: '0' }).options.shutdownGraceMs).toBe(0)
    for (const bad of ['-1', '1.5', '1e3', '600000', 'soon', '']) {
      expect(() => configFromEnv({ DATABASE_URL: 'postgres://x/y', GONGKAI_LIBRARY_SHUTDOWN_GRACE_MS: bad }), bad).toThrow(/GONGKAI_LIBRARY_SHUTDOWN_GRACE_MS/)
    }
  })

  it('applies migrations once, even when two libraries start on the same database together', async () => {
    const [first, second] = await Promise.all([
      startLibrary('pl_migrate_a', {}, library.database),
      startLibrary('pl_migrate_b', {}, library.database),
    ])
    expect(await first.library.migrate()).toEqual([])
    await Promise.all([first.library.close(), second.library.close()])
  })

  it('finishes in-flight requests on close and refuses new connections after', async () => {
    const closing = await startLibrary('pl_shutdown')
    const agencyToken = await closing.agencyWithToken('wuqing')
    const body = JSON.stringify({ items: Array.from({ length: 300 }, (_, index) => ({ contentId: `shutdown-${index}`, document: documentInput() })) })
    const inFlight = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(
        `${closing.url}/v1/document-batches`,
        { method: 'POST', headers: { authorization: `Bearer ${agencyToken}`, 'content-type': 'application/json' } },
        (response) => {
          let text = ''
          response.on('data', (chunk: Buffer) => (text += chunk.toString()))
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }))
        },
      )
      request.on('error', reject)
      request.end(body)
    })
    await new Promise((resolve) => setTimeout(resolve, 20))
    const stopped = closing.library.close()
    const answer = await inFlight
    await stopped
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body).succeeded).toBe(300)
    await expect(fetch(`${closing.url}/healthz`)).rejects.toThrow()
    await closing.database.drop()
  })

  it('keeps accepting for the shutdown grace, telling load balancers and clients to leave, then stops listening', async () => {
    const closing = await startLibrary('pl_shutdown_grace', { shutdownGraceMs: 1500 })
    try {
      const stopped = closing.library.close()
      // New connections opened after close() began are still accepted and answered in full, each told to close.
      const ready = await fetch(`${closing.url}/readyz`)
      expect(ready.status).toBe(503)
      expect(ready.headers.get('connection')).toBe('close')
      const read = await fetch(`${closing.url}/v1/documents?q=${encodeURIComponent('政务公开')}`)
      expect(read.status).toBe(200)
      expect(read.headers.get('connection')).toBe('close')
      await stopped
      await expect(fetch(`${closing.url}/healthz`)).rejects.toThrow()
    } finally {
      await closing.database.drop()
    }
  })
})

describe('the OpenAPI document and @gongkai/core agree', () => {
  it('lists exactly core\'s 文件类别, 文种 and 解读形式 values', async () => {
    const { documentKinds, documentTypes, interpretationForms, optionValues } = await import('@gongkai/core')
    const { loadOpenApiDocument } = await import('../src/index.js')
    const schemas = loadOpenApiDocument().components.schemas as Record<string, { enum?: string[] }>
    expect(schemas.DocumentKind?.enum).toEqual(optionValues(documentKinds))
    expect(schemas.DocumentType?.enum).toEqual(optionValues(documentTypes))
    expect(schemas.InterpretationForm?.enum).toEqual(optionValues(interpretationForms))
  })
})

describe('有效性 without configuration', () => {
  it('accepts each of core\'s 有效性 values, labels their facet with core\'s labels, refuses others and defaults to the first', async () => {
    const { defaultValidityStatuses, labelOf, optionValues } = await import('@gongkai/core')
    // No validityStatuses option: what the library does by default, pushed and read back over HTTP.
    const own = await startLibrary('pl_validity_defaults')
    try {
      const wuqing = await own.agencyWithToken('wuqing')
      for (const validity of optionValues(defaultValidityStatuses)) {
        const pushed = await own.call('PUT', `/v1/documents/validity-${validity}`, { token: wuqing, body: documentInput({ validity }) })
        expect(pushed.status, validity).toBe(201)
        expect(pushed.body.validity).toBe(validity)
      }
      const unlisted = await own.call('PUT', '/v1/documents/validity-other', { token: wuqing, body: documentInput({ validity: 'suspended' }) })
      expect(unlisted.status).toBe(422)
      expect(unlisted.body.errors).toEqual([expect.objectContaining({ pointer: '/validity', rule: 'enum' })])
      const unset = await own.call('PUT', '/v1/documents/validity-unset', { token: wuqing, body: documentInput() })
      expect(unset.body.validity).toBe(defaultValidityStatuses[0].value)
      const facets = (await own.call('GET', '/v1/documents')).body.facets.validity as { value: string; count: number; label?: string }[]
      expect(new Map(facets.map((bucket) => [bucket.value, bucket.label]))).toEqual(
        new Map(optionValues(defaultValidityStatuses).map((value) => [value, labelOf(defaultValidityStatuses, value)])),
      )
    } finally {
      await own.stop()
    }
  })

  it('lists exactly core\'s values in the 决策专栏 (stages, steps, adoption, participation, consultation)', async () => {
    const core = await import('@gongkai/core')
    const { loadOpenApiDocument } = await import('../src/index.js')
    type Schema = { enum?: string[]; properties?: Record<string, Schema>; items?: Schema }
    const schemas = loadOpenApiDocument().components.schemas as Record<string, Schema>
    const dossier = schemas.DecisionDossier?.properties ?? {}
    expect(schemas.DecisionStage?.enum).toEqual(core.optionValues(core.decisionStages))
    expect(schemas.DecisionStep?.enum).toEqual(core.optionValues(core.decisionSteps))
    expect(schemas.AdoptionState?.enum).toEqual(core.optionValues(core.adoptionStates))
    expect(schemas.MeetingKind?.enum).toEqual(core.optionValues(core.meetingKinds))
    expect(schemas.SelectionMethod?.enum).toEqual(core.optionValues(core.selectionMethods))
    expect(schemas.DossierParticipant?.properties?.sector?.enum).toEqual(core.optionValues(core.participantSectors))
    expect(schemas.DossierParticipation?.properties?.participationKind?.enum).toEqual(core.optionValues(core.participationKinds))
    expect(dossier.consultation?.properties?.consultationForm?.enum).toEqual(core.optionValues(core.consultationForms))
    expect(dossier.legalityConclusion?.enum).toEqual(core.optionValues(core.legalityConclusions))
    expect(dossier.implementation?.items?.properties?.recordKind?.enum).toEqual(core.optionValues(core.implementationRecordKinds))
  })
})

describe('mounting the app in another express server', () => {
  it('starts itself on the first request, under a path prefix', async () => {
    const { createTestDatabase } = await import('@gongkai/dev-postgres')
    const { createPolicyLibrary } = await import('../src/index.js')
    const express = (await import('express')).default
    const database = await createTestDatabase('pl_mounted')
    const library = createPolicyLibrary({ databaseUrl: database.url, logger: { level: 'silent' } })
    const host = express()
    host.use('/library', library.app)
    const server = host.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    try {
      const address = server.address() as { port: number }
      const answer = await fetch(`http://127.0.0.1:${address.port}/library/v1/documents?q=${encodeURIComponent('政务公开')}`)
      expect(answer.status).toBe(200)
      expect(await answer.json()).toMatchObject({ items: [], total: 0 })
      expect(await library.migrate()).toEqual([])
    } finally {
      await new Promise((resolve) => server.close(resolve))
      await library.close()
      await database.drop()
    }
  })
})

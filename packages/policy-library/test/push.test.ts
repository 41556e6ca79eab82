import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { documentInput, schemaErrors, startLibrary, type RunningLibrary } from './helpers.js'

let library: RunningLibrary
let wuqing: string
let baodi: string
beforeAll(async () => {
  library = await startLibrary('pl_push')
  wuqing = await library.agencyWithToken('wuqing', '天津市武清区人民政府办公室')
  baodi = await library.agencyWithToken('baodi', '天津市宝坻区人民政府办公室')
})
afterAll(async () => {
  await library?.stop()
})

async function rowCount(sql: string, values: unknown[] = []): Promise<number> {
  const client = new pg.Client({ connectionString: library.database.url })
  await client.connect()
  try {
    const { rows } = await client.query<{ count: string }>(sql, values)
    return Number(rows[0]?.count)
  } finally {
    await client.end()
  }
}

describe('PUT /v1/documents/{contentId}', () => {
  it('creates a document (201) and answers it as the Document schema says', async () => {
    const created = await library.call('PUT', '/v1/documents/create-1', {
      token: wuqing,
      body: documentInput({ indexNumber: '000014349/2024-00001', url: 'https://www.tjwq.gov.cn/zwgk/create-1.html', isNormative: true }),
    })
    expect(created.status).toBe(201)
    expect(schemaErrors('Document', created.body)).toEqual([])
    expect(created.body).toMatchObject({
      contentId: 'create-1',
      version: 1,
      status: 'published',
      validity: 'effective',
      withdrawal: null,
      isNormative: true,
      issuers: [{ id: 'wuqing', name: '天津市武清区人民政府办公室' }],
    })
    const read = await library.call('GET', '/v1/documents/create-1')
    expect(read.status).toBe(200)
    expect(read.body).toEqual(created.body)
    const byIndex = await library.call('GET', `/v1/index-numbers/${encodeURIComponent('000014349/2024-00001')}`)
    expect(byIndex.status).toBe(200)
    expect(byIndex.body.contentId).toBe('create-1')
  })

  it('updates with the matching previousVersion (200) and keeps every version', async () => {
    await library.call('PUT', '/v1/documents/update-1', { token: wuqing, body: documentInput() })
    const updated = await library.call('PUT', '/v1/documents/update-1', {
      token: wuqing,
      body: documentInput({ version: 2, previousVersion: 1, title: '关于印发《武清区政务公开工作要点》的通知（修订）' }),
    })
    expect(updated.status).toBe(200)
    expect(updated.body.version).toBe(2)
    expect((await library.call('GET', '/v1/documents/update-1/versions/1')).body.title).toBe('关于印发《武清区政务公开工作要点》的通知')
    expect((await library.call('GET', '/v1/documents/update-1/versions/2')).body.title).toContain('（修订）')
    expect((await library.call('GET', '/v1/documents/update-1/versions/3')).status).toBe(404)
    const events = await library.call('GET', '/v1/documents/update-1/events')
    expect(events.body.items.map((event: { type: string; version: number }) => [event.type, event.version])).toEqual([
      ['created', 1],
      ['updated', 2],
    ])
    expect(schemaErrors('EventList', events.body)).toEqual([])
  })

  it('answers 409 with the stored version when previousVersion does not match, and stores nothing', async () => {
    await library.call('PUT', '/v1/documents/conflict-1', { token: wuqing, body: documentInput() })
    await library.call('PUT', '/v1/documents/conflict-1', { token: wuqing, body: documentInput({ version: 2, previousVersion: 1 }) })
    const stale = await library.call('PUT', '/v1/documents/conflict-1', {
      token: wuqing,
      body: documentInput({ version: 2, previousVersion: 1, title: '过期的修改' }),
    })
    expect(stale.status).toBe(409)
    expect(stale.headers.get('content-type')).toContain('application/problem+json')
    expect(stale.body).toMatchObject({ status: 409, currentVersion: 2 })
    const missingPrevious = await library.call('PUT', '/v1/documents/conflict-1', { token: wuqing, body: documentInput({ version: 3 }) })
    expect(missingPrevious.status).toBe(409)
    const previousOnCreate = await library.call('PUT', '/v1/documents/conflict-new', { token: wuqing, body: documentInput({ version: 2, previousVersion: 1 }) })
    expect(previousOnCreate.status).toBe(409)
    expect((await library.call('GET', '/v1/documents/conflict-1')).body.title).not.toBe('过期的修改')
    expect((await library.call('GET', '/v1/documents/conflict-new')).status).toBe(404)
    expect(await rowCount('SELECT count(*) FROM events WHERE content_id = $1', ['conflict-1'])).toBe(2)
  })

  it('answers 422 when version is not greater than previousVersion', async () => {
    await library.call('PUT', '/v1/documents/version-1', { token: wuqing, body: documentInput() })
    const same = await library.call('PUT', '/v1/documents/version-1', { token: wuqing, body: documentInput({ version: 1, previousVersion: 1 }) })
    expect(same.status).toBe(422)
    expect(same.body.errors).toEqual([expect.objectContaining({ pointer: '/version' })])
  })

  it('replays the stored answer for a repeated Idempotency-Key and has one effect', async () => {
    const headers = { 'idempotency-key': 'key-create-1' }
    const first = await library.call('PUT', '/v1/documents/idem-1', { token: wuqing, body: documentInput(), headers })
    const second = await library.call('PUT', '/v1/documents/idem-1', { token: wuqing, body: documentInput(), headers })
    expect(first.status).toBe(201)
    expect(second.status).toBe(201)
    expect(second.headers.get('idempotent-replayed')).toBe('true')
    expect(first.headers.get('idempotent-replayed')).toBeNull()
    expect(second.body).toEqual(first.body)
    expect(await rowCount('SELECT count(*) FROM events WHERE content_id = $1', ['idem-1'])).toBe(1)
    // Without the key, the same request is a second attempt to create: a conflict.
    expect((await library.call('PUT', '/v1/documents/idem-1', { token: wuqing, body: documentInput() })).status).toBe(409)
  })

  it('answers concurrent requests with the same Idempotency-Key once', async () => {
    const headers = { 'idempotency-key': 'key-concurrent' }
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => library.call('PUT', '/v1/documents/idem-concurrent', { token: wuqing, body: documentInput(), headers })),
    )
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201])
    expect(answers.filter((answer) => answer.headers.get('idempotent-replayed') === 'true')).toHaveLength(4)
    expect(await rowCount('SELECT count(*) FROM events WHERE content_id = $1', ['idem-concurrent'])).toBe(1)
  })

  it('answers 422 when an Idempotency-Key is reused with a different request', async () => {
    const headers = { 'idempotency-key': 'key-reused' }
    await library.call('PUT', '/v1/documents/idem-2', { token: wuqing, body: documentInput(), headers })
    const reused = await library.call('PUT', '/v1/documents/idem-2', { token: wuqing, body: documentInput({ title: '另一个标题' }), headers })
    expect(reused.status).toBe(422)
    expect(reused.body.type).toContain('idempotency-key-reused')
    expect((await library.call('GET', '/v1/documents/idem-2')).body.title).not.toBe('另一个标题')
  })

  it('replays a stored 409 too: the answer to a key never changes', async () => {
    await library.call('PUT', '/v1/documents/idem-3', { token: wuqing, body: documentInput() })
    const headers = { 'idempotency-key': 'key-conflict' }
    const body = documentInput({ version: 5, previousVersion: 4 })
    const first = await library.call('PUT', '/v1/documents/idem-3', { token: wuqing, body, headers })
    const second = await library.call('PUT', '/v1/documents/idem-3', { token: wuqing, body, headers })
    expect([first.status, second.status]).toEqual([409, 409])
    expect(second.headers.get('idempotent-replayed')).toBe('true')
  })

  it('rejects a 索引号 already used by another document with 409 naming the field', async () => {
    await library.call('PUT', '/v1/documents/index-a', { token: wuqing, body: documentInput({ indexNumber: '000014349/2024-00100' }) })
    const clash = await library.call('PUT', '/v1/documents/index-b', { token: wuqing, body: documentInput({ indexNumber: '000014349/2024-00100' }) })
    expect(clash.status).toBe(409)
    expect(clash.body.errors[0].pointer).toBe('/indexNumber')
  })

  it('rejects unknown issuers and validity values outside the configured list with 422', async () => {
    const unknownIssuer = await library.call('PUT', '/v1/documents/rule-1', { token: wuqing, body: documentInput({ issuers: ['wuqing', 'nowhere'] }) })
    expect(unknownIssuer.status).toBe(422)
    expect(unknownIssuer.body.errors).toEqual([expect.objectContaining({ pointer: '/issuers/1' })])
    const badValidity = await library.call('PUT', '/v1/documents/rule-1', { token: wuqing, body: documentInput({ validity: 'sort_of' }) })
    expect(badValidity.status).toBe(422)
    expect(badValidity.body.errors[0].pointer).toBe('/validity')
    expect((await library.call('GET', '/v1/documents/rule-1')).status).toBe(404)
  })
})

describe('token scoping', () => {
  it('lets only the lead agency push, change or withdraw a co-issued document', async () => {
    const scoped = await library.call('PUT', '/v1/documents/scope-1', { token: baodi, body: documentInput({ issuers: ['wuqing'] }) })
    expect(scoped.status).toBe(403)
    expect((await library.call('GET', '/v1/documents/scope-1')).status).toBe(404)
    // A co-issuer cannot publish in the lead's name without it.
    const named = await library.call('PUT', '/v1/documents/scope-joint', { token: baodi, body: documentInput({ issuers: ['wuqing', 'baodi'] }) })
    expect(named.status).toBe(403)
    expect(named.body.errors[0]).toMatchObject({ pointer: '/issuers/0', rule: 'leadAgency' })
    const joint = await library.call('PUT', '/v1/documents/scope-joint', { token: wuqing, body: documentInput({ issuers: ['wuqing', 'baodi'] }) })
    expect(joint.status).toBe(201)
    // The co-issuer cannot drop the lead, lead instead of it, withdraw or change validity.
    for (const issuers of [['baodi'], ['baodi', 'wuqing'], ['wuqing', 'baodi']]) {
      const change = await library.call('PUT', '/v1/documents/scope-joint', { token: baodi, body: documentInput({ issuers, version: 2, previousVersion: 1 }) })
      expect(change.status, JSON.stringify(issuers)).toBe(403)
    }
    expect((await library.call('POST', '/v1/documents/scope-joint/withdrawal', { token: baodi, body: { version: 2, previousVersion: 1, notice: '撤回' } })).status).toBe(403)
    expect((await library.call('POST', '/v1/documents/scope-joint/validity', { token: baodi, body: { version: 2, previousVersion: 1, validity: 'expired' } })).status).toBe(403)
    const byLead = await library.call('PUT', '/v1/documents/scope-joint', {
      token: wuqing,
      body: documentInput({ issuers: ['wuqing', 'baodi'], version: 2, previousVersion: 1 }),
    })
    expect(byLead.status).toBe(200)
    // The lead cannot hand the document to another lead either: it would lose it.
    const handOver = await library.call('PUT', '/v1/documents/scope-joint', { token: wuqing, body: documentInput({ issuers: ['baodi', 'wuqing'], version: 3, previousVersion: 2 }) })
    expect(handOver.status).toBe(403)
    // The co-issued document is in both agencies' feeds.
    expect((await library.call('GET', '/v1/agencies/baodi/feed.atom')).text).toContain('scope-joint')
  })

  it('does not let an agency take over another agency\'s document by naming itself', async () => {
    await library.call('PUT', '/v1/documents/scope-2', { token: baodi, body: documentInput({ issuers: ['baodi'] }) })
    const takeover = await library.call('PUT', '/v1/documents/scope-2', {
      token: wuqing,
      body: documentInput({ issuers: ['wuqing'], version: 2, previousVersion: 1 }),
    })
    expect(takeover.status).toBe(403)
    const withdraw = await library.call('POST', '/v1/documents/scope-2/withdrawal', { token: wuqing, body: { version: 2, previousVersion: 1, notice: '撤回' } })
    expect(withdraw.status).toBe(403)
    expect((await library.call('GET', '/v1/documents/scope-2')).body).toMatchObject({ version: 1, status: 'published' })
  })

  it('answers 401 without a token, with an unknown token and with a revoked token', async () => {
    expect((await library.call('PUT', '/v1/documents/auth-1', { body: documentInput() })).status).toBe(401)
    const unknown = await library.call('PUT', '/v1/documents/auth-1', { token: 'gk_nope', body: documentInput() })
    expect(unknown.status).toBe(401)
    expect(unknown.headers.get('www-authenticate')).toBe('Bearer')
    const token = await library.call('POST', '/v1/agencies/wuqing/tokens', { token: 'test-admin-token-0123456789abcdef', body: { name: 'to revoke' } })
    expect((await library.call('PUT', '/v1/documents/auth-1', { token: token.body.token, body: documentInput() })).status).toBe(201)
    expect((await library.call('DELETE', `/v1/tokens/${token.body.id}`, { token: 'test-admin-token-0123456789abcdef' })).status).toBe(204)
    const revoked = await library.call('PUT', '/v1/documents/auth-1', { token: token.body.token, body: documentInput({ version: 2, previousVersion: 1 }) })
    expect(revoked.status).toBe(401)
    expect(revoked.body.detail).toContain('吊销')
  })

  it('does not accept the admin token for pushes', async () => {
    const push = await library.call('PUT', '/v1/documents/admin-push', { token: 'test-admin-token-0123456789abcdef', body: documentInput() })
    expect(push.status).toBe(403)
  })
})

describe('result lists', () => {
  it('list a document with every field a result shows, as it was pushed, and its snippet from the text or else the summary', async () => {
    const body = documentInput({
      title: '关于列表字段核对的通知',
      indexNumber: '11120000MB0000000X/2024-00042',
      summary: '列表字段核对的摘要。',
      url: 'https://www.example.gov.cn/zwgk/list-fields.html',
      documentType: 'opinion',
      topics: ['02.01', '15.01'],
      bodyText: '正文开头。列表字段核对要求如下：逐项比对。',
    })
    expect((await library.call('PUT', '/v1/documents/list-fields', { token: wuqing, body })).status).toBe(201)
    const stored = (await library.call('GET', '/v1/documents/list-fields')).body
    expect(stored.indexNumber).toBe('11120000MB0000000X/2024-00042')
    const listed = await library.call('GET', `/v1/documents?q=${encodeURIComponent('字段核对')}`)
    const item = listed.body.items.find((candidate: { contentId: string }) => candidate.contentId === 'list-fields')
    expect(item).toMatchObject({
      contentId: 'list-fields',
      version: 1,
      status: 'published',
      kind: 'policy',
      title: '关于列表字段核对的通知',
      indexNumber: stored.indexNumber,
      documentNumber: '津武政办发〔2024〕3号',
      documentType: 'opinion',
      issuers: stored.issuers,
      topics: ['02.01', '15.01'],
      publishedAt: '2024-03-01',
      validity: stored.validity,
      url: 'https://www.example.gov.cn/zwgk/list-fields.html',
    })
    expect(item.snippet).toContain('<mark>')
    expect(item.snippet).toContain('逐项比对')
    // Without words, a list shows the summary.
    const browsed = await library.call('GET', '/v1/documents?sort=newest&limit=100')
    expect(browsed.body.items.find((candidate: { contentId: string }) => candidate.contentId === 'list-fields').snippet).toBe('列表字段核对的摘要。')
  })
})

describe('withdrawal and validity', () => {
  it('keeps a withdrawn document: GET answers 410 with the notice and no text, search leaves it out', async () => {
    await library.call('PUT', '/v1/documents/withdraw-1', { token: wuqing, body: documentInput({ title: '关于撤回测试就业补贴的通知', bodyText: '撤回测试专用正文：稳就业。' }) })
    const withdrawn = await library.call('POST', '/v1/documents/withdraw-1/withdrawal', {
      token: wuqing,
      body: { version: 2, previousVersion: 1, notice: '因机构改革，本文件已撤回。' },
    })
    expect(withdrawn.status).toBe(200)
    const read = await library.call('GET', '/v1/documents/withdraw-1')
    expect(read.status).toBe(410)
    expect(read.body).toMatchObject({ removal: 'withdrawn', document: { contentId: 'withdraw-1', version: 2 }, withdrawal: { notice: '因机构改革，本文件已撤回。' } })
    expect(read.text).not.toContain('撤回测试专用正文')
    expect((await library.call('GET', `/v1/documents?q=${encodeURIComponent('撤回测试')}`)).body.total).toBe(0)
    const included = await library.call('GET', `/v1/documents?q=${encodeURIComponent('撤回测试')}&status=withdrawn`)
    expect(included.body.items.map((item: { contentId: string }) => item.contentId)).toEqual(['withdraw-1'])
    // Listed by its notice, never by its text.
    expect(included.body.items[0].snippet).toContain('因机构改革，本文件已')
    expect(included.text).not.toContain('专用正文')
    const events = await library.call('GET', '/v1/documents/withdraw-1/events')
    expect(events.body.items[1]).toMatchObject({ type: 'withdrawn', version: 2, notice: '因机构改革，本文件已撤回。', agencyId: 'wuqing' })
    expect((await library.call('GET', '/v1/documents/withdraw-1/versions/1')).status).toBe(410)
    // Pushing a new version publishes it again.
    const republished = await library.call('PUT', '/v1/documents/withdraw-1', { token: wuqing, body: documentInput({ version: 3, previousVersion: 2 }) })
    expect(republished.body).toMatchObject({ status: 'published', withdrawal: null })
  })

  it('records validity changes as versions and events', async () => {
    await library.call('PUT', '/v1/documents/validity-1', { token: wuqing, body: documentInput() })
    const changed = await library.call('POST', '/v1/documents/validity-1/validity', {
      token: wuqing,
      body: { version: 2, previousVersion: 1, validity: 'repealed', expiresAt: '2025-01-01', note: '已被新文件废止' },
    })
    expect(changed.status).toBe(200)
    expect(changed.body).toMatchObject({ validity: 'repealed', expiresAt: '2025-01-01', version: 2 })
    expect(typeof changed.body.validityChangedAt).toBe('string')
    const events = await library.call('GET', '/v1/documents/validity-1/events')
    expect(events.body.items[1]).toMatchObject({ type: 'validity_changed', validity: 'repealed', note: '已被新文件废止' })
    const stale = await library.call('POST', '/v1/documents/validity-1/validity', { token: wuqing, body: { version: 2, previousVersion: 1, validity: 'effective' } })
    expect(stale.status).toBe(409)
    const filtered = await library.call('GET', '/v1/documents?validity=repealed')
    expect(filtered.body.items.map((item: { contentId: string }) => item.contentId)).toEqual(['validity-1'])
    const missing = await library.call('POST', '/v1/documents/validity-missing/validity', { token: wuqing, body: { version: 2, previousVersion: 1, validity: 'expired' } })
    expect(missing.status).toBe(404)
  })
})

describe('POST /v1/document-batches', () => {
  it('applies each item on its own and answers each individually', async () => {
    await library.call('PUT', '/v1/documents/batch-existing', { token: wuqing, body: documentInput() })
    const batch = await library.call('POST', '/v1/document-batches', {
      token: wuqing,
      body: {
        items: [
          { contentId: 'batch-1', document: documentInput() },
          { contentId: 'batch-2', document: documentInput({ title: '第二个' }) },
          { contentId: 'batch-existing', document: documentInput({ version: 2, previousVersion: 1 }) },
          { contentId: 'batch-existing-stale', document: documentInput({ version: 2, previousVersion: 1 }) },
          { contentId: 'batch-foreign', document: documentInput({ issuers: ['baodi'] }) },
          { contentId: 'batch-1', document: documentInput() },
        ],
      },
    })
    expect(batch.status).toBe(200)
    expect(schemaErrors('BatchResponse', batch.body)).toEqual([])
    expect(batch.body.results.map((result: { status: number }) => result.status)).toEqual([201, 201, 200, 409, 403, 422])
    expect(batch.body).toMatchObject({ succeeded: 3, failed: 3 })
    expect((await library.call('GET', '/v1/documents/batch-2')).body.title).toBe('第二个')
    expect((await library.call('GET', '/v1/documents/batch-foreign')).status).toBe(404)
  })

  it('rejects more than 500 items as a whole, storing nothing', async () => {
    const items = Array.from({ length: 501 }, (_, index) => ({ contentId: `too-many-${index}`, document: documentInput() }))
    const batch = await library.call('POST', '/v1/document-batches', { token: wuqing, body: { items } })
    expect(batch.status).toBe(400)
    expect(batch.body.errors[0]).toMatchObject({ pointer: '/items', rule: 'maxItems' })
    expect(await rowCount(`SELECT count(*) FROM documents WHERE content_id LIKE 'too-many-%'`)).toBe(0)
  })
})

describe('events', () => {
  it('lists the whole change log in order with a cursor', async () => {
    const first = await library.call('GET', '/v1/events?limit=3')
    expect(first.status).toBe(200)
    expect(first.body.items).toHaveLength(3)
    const next = await library.call('GET', `/v1/events?after=${first.body.nextAfter}&limit=3`)
    expect(next.body.items[0].sequence).toBeGreaterThan(first.body.items[2].sequence)
    expect(schemaErrors('EventList', next.body)).toEqual([])
  })
})

describe('large documents', () => {
  it('stores and finds a document with a long, varied body', async () => {
    // Many distinct words and pairs: the index must stay within PostgreSQL's tsvector limit.
    let seed = 2_463_534_242
    const next = (): number => {
      seed ^= seed << 13
      seed ^= seed >>> 17
      seed ^= seed << 5
      return seed >>> 0
    }
    let body = '开篇提到冬季供暖保障。'
    // Random characters from the CJK block: nearly every adjacent pair is a new term (over 1 MB of them).
    while (body.length < 300_000) body += String.fromCharCode(0x4e00 + (next() % 0x5000))
    const pushed = await library.call('PUT', '/v1/documents/large-1', { token: wuqing, body: documentInput({ title: '超长文件测试', bodyText: body }) })
    expect(pushed.status).toBe(201)
    const found = await library.call('GET', `/v1/documents?q=${encodeURIComponent('冬季供暖保障')}`)
    expect(found.body.items.map((item: { contentId: string }) => item.contentId)).toEqual(['large-1'])
  })
})

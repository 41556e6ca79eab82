import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { documentInput, startLibrary, type RunningLibrary } from './helpers.js'

let library: RunningLibrary
let token: string
beforeAll(async () => {
  library = await startLibrary('pl_malformed', { maxBodyBytes: 64 * 1024 })
  token = await library.agencyWithToken('wuqing')
})
afterAll(async () => {
  await library?.stop()
})

async function storedDocuments(): Promise<number> {
  const client = new pg.Client({ connectionString: library.database.url })
  await client.connect()
  try {
    const { rows } = await client.query<{ count: string }>('SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM events) AS count')
    return Number(rows[0]?.count)
  } finally {
    await client.end()
  }
}

const expectProblem = (answer: { status: number; headers: Headers; body: { status: number; title: string } }, status: number): void => {
  expect(answer.status).toBe(status)
  expect(answer.headers.get('content-type')).toContain('application/problem+json')
  expect(answer.body.status).toBe(status)
  expect(typeof answer.body.title).toBe('string')
}

describe('malformed pushes get a 4xx problem and store nothing', () => {
  // These run first, while the database holds no document.
  const cases: [string, { rawBody?: string; body?: unknown; headers?: Record<string, string> }, number][] = [
    ['broken JSON', { rawBody: '{"version": 1, "title": ' }, 400],
    ['a JSON string instead of an object', { rawBody: '"hello"' }, 400],
    ['a JSON array instead of an object', { rawBody: '[]' }, 400],
    ['null', { rawBody: 'null' }, 400],
    ['an empty body', { rawBody: '' }, 400],
    ['a body over the size limit', { body: documentInput({ bodyText: '政'.repeat(40_000) }) }, 413],
    ['a form body', { rawBody: 'title=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415],
    ['a text body', { rawBody: '{}', headers: { 'content-type': 'text/plain' } }, 415],
    ['deeply nested junk', { rawBody: `${'['.repeat(5000)}${']'.repeat(5000)}` }, 400],
  ]
  it.each(cases)('%s', async (_name, request, status) => {
    const answer = await library.call('PUT', '/v1/documents/malformed-1', { token, ...request })
    expectProblem(answer, status)
    expect(await storedDocuments()).toBe(0)
  })
})

describe('invalid documents name every invalid field', () => {
  it('lists unknown fields, wrong types, missing fields and broken rules together', async () => {
    const body: Record<string, unknown> = documentInput({
      title: 'x'.repeat(201),
      version: '1',
      kind: 'memo',
      topics: ['2.1'],
      publishedAt: '2024-13-45',
      indexNumber: '000014349-2024-1',
      attachments: [{ title: '附件', url: 'not a url' }],
      colour: 'red',
    })
    delete body.bodyText
    const answer = await library.call('PUT', '/v1/documents/invalid-1', { token, body })
    expectProblem(answer, 400)
    const pointers = (answer.body.errors as { pointer: string }[]).map((error) => error.pointer).sort()
    expect(pointers).toEqual(
      ['/attachments/0/url', '/bodyText', '/colour', '/indexNumber', '/kind', '/publishedAt', '/title', '/topics/0', '/version'].sort(),
    )
    const colour = answer.body.errors.find((error: { pointer: string }) => error.pointer === '/colour')
    expect(colour).toMatchObject({ rule: 'additionalProperties', detail: '不允许的字段 colour' })
    // Fields are named by their Chinese label (and pointer), never by the bare key.
    expect(answer.body.errors.find((error: { pointer: string }) => error.pointer === '/bodyText')).toMatchObject({ rule: 'required', detail: '缺少必填字段 正文（/bodyText）' })
    expect(answer.body.errors.find((error: { pointer: string }) => error.pointer === '/version')).toMatchObject({ rule: 'type', detail: '版本号（/version）类型错误：应为 integer' })
    const title = answer.body.errors.find((error: { pointer: string }) => error.pointer === '/title')
    expect(title.rule).toBe('maxLength')
    expect(title.detail).toMatch(/^标题（\/title）.*200/)
    expect(await storedDocuments()).toBe(0)
  })

  it('rejects an invalid content id in the path', async () => {
    const answer = await library.call('PUT', `/v1/documents/${encodeURIComponent('bad id!')}`, { token, body: documentInput() })
    expectProblem(answer, 400)
    expect(answer.body.errors[0].pointer).toBe('path/contentId')
  })

  it('rejects an over-long Idempotency-Key', async () => {
    const answer = await library.call('PUT', '/v1/documents/idem-long', { token, body: documentInput(), headers: { 'idempotency-key': 'k'.repeat(300) } })
    expectProblem(answer, 400)
    expect(answer.body.errors[0].pointer).toBe('header/idempotency-key')
  })

  it('answers invalid batch items individually and applies the valid ones', async () => {
    const answer = await library.call('POST', '/v1/document-batches', {
      token,
      body: { items: [{ contentId: 'batch-ok', document: documentInput() }, { contentId: 'batch-bad', document: { ...documentInput(), title: '' } }] },
    })
    expect(answer.status).toBe(200)
    expect(answer.body.results[0]).toMatchObject({ contentId: 'batch-ok', status: 201 })
    expect(answer.body.results[1]).toMatchObject({ contentId: 'batch-bad', status: 400 })
    expect(answer.body.results[1].problem.errors).toEqual([expect.objectContaining({ pointer: '/title', rule: 'minLength' })])
    expect((await library.call('GET', '/v1/documents/batch-ok')).status).toBe(200)
    expect((await library.call('GET', '/v1/documents/batch-bad')).status).toBe(404)
  })

  it('rejects a batch envelope with unknown fields', async () => {
    const answer = await library.call('POST', '/v1/document-batches', { token, body: { items: [], extra: true } })
    expectProblem(answer, 400)
    expect(answer.body.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual(['/extra', '/items'])
  })
})

describe('invalid queries', () => {
  it.each([
    ['year=abc', 'query/year'],
    ['year=1800', 'query/year'],
    ['limit=0', 'query/limit'],
    ['limit=1000', 'query/limit'],
    ['sort=random', 'query/sort'],
    ['kind=memo', 'query/kind'],
    ['publishedFrom=yesterday', 'query/publishedFrom'],
    ['cursor=not-a-cursor', 'query/cursor'],
    ['colour=red', 'query/colour'],
    ['facets=maybe', 'query/facets'],
    ['year=2020&year=2021', 'query/year'],
  ])('%s is answered 400 naming %s', async (query, pointer) => {
    const answer = await library.call('GET', `/v1/documents?${query}`)
    expectProblem(answer, 400)
    expect(answer.body.errors.map((error: { pointer: string }) => error.pointer)).toContain(pointer)
  })

  it('answers unknown routes with a 404 problem', async () => {
    expectProblem(await library.call('GET', '/v1/nothing-here'), 404)
  })

  it('answers a query of only punctuation with no results instead of everything', async () => {
    const answer = await library.call('GET', `/v1/documents?q=${encodeURIComponent('，。！')}`)
    expect(answer.status).toBe(200)
    expect(answer.body.total).toBe(0)
  })
})

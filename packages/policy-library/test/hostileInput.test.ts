import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminToken, documentInput, startLibrary, type Call, type RunningLibrary } from './helpers.js'

/**
 * Hostile input as an exposed government service gets it: every string field × every hostile text,
 * dates PostgreSQL refuses, numbers past its integer types, forged cursors, huge arrays and deep
 * nesting. Every answer must be a 4xx problem naming the field, and nothing may be stored.
 */
let memory: RunningLibrary
let postgres: RunningLibrary
let token: string
let before: number
beforeAll(async () => {
  memory = await startLibrary('pl_hostile')
  token = await memory.agencyWithToken('wuqing')
  const created = await memory.call('PUT', '/v1/documents/existing', { token, body: documentInput() })
  if (created.status !== 201) throw new Error(created.text)
  postgres = await startLibrary('pl_hostile_pg', { searchEngine: 'postgres' })
  before = await storedRows(memory)
}, 60_000)
afterAll(async () => {
  await memory?.stop()
  await postgres?.stop()
})

async function storedRows(library: RunningLibrary): Promise<number> {
  const client = new pg.Client({ connectionString: library.database.url })
  await client.connect()
  try {
    const { rows } = await client.query<{ count: string }>(
      `SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM document_versions) + (SELECT count(*) FROM events)
        + (SELECT count(*) FROM agencies) + (SELECT count(*) FROM tokens) + (SELECT count(*) FROM idempotency_keys) AS count`,
    )
    return Number(rows[0]?.count)
  } finally {
    await client.end()
  }
}

/** A 4xx problem+json whose errors name `pointer` with a message that labels the field in Chinese. */
function expectFieldProblem(answer: Call, pointer: string, rules?: string[]): void {
  expect(answer.status, answer.text.slice(0, 300)).toBeGreaterThanOrEqual(400)
  expect(answer.status).toBeLessThan(500)
  expect(answer.headers.get('content-type')).toContain('application/problem+json')
  const errors = answer.body.errors as { pointer: string; detail: string; rule?: string }[]
  const named = errors.find((error) => error.pointer === pointer)
  expect(named, `${pointer} in ${JSON.stringify(errors).slice(0, 300)}`).toBeDefined()
  if (rules) expect(rules).toContain(named?.rule)
  // The message names the field by its label and its pointer, never by the bare key alone.
  expect(named?.detail).toMatch(/[\u4e00-\u9fff]/)
  expect(named?.detail).toContain(pointer)
}

const hostileTexts: [string, string][] = [
  ['NUL', '\u0000'],
  ['NUL inside text', '关于\u0000通知'],
  ['lone high surrogate', '\ud800'],
  ['lone low surrogate', '\udfff'],
  ['reversed surrogate pair', '\udc00\ud800'],
  ['high surrogate at the end', '通知\udbff'],
]
const textRules = ['noNul', 'wellFormedUnicode']

type Target = { name: string; method: string; path: string; body: (text: string) => unknown; pointer: string; token: () => string }
const put = (name: string, overrides: (text: string) => Record<string, unknown>, pointer: string): Target => ({
  name,
  method: 'PUT',
  path: '/v1/documents/hostile-1',
  body: (text) => documentInput(overrides(text)),
  pointer,
  token: () => token,
})
const targets: Target[] = [
  put('title', (text) => ({ title: text }), '/title'),
  put('bodyText', (text) => ({ bodyText: text }), '/bodyText'),
  put('bodyHtml', (text) => ({ bodyHtml: `<p>${text}</p>` }), '/bodyHtml'),
  put('summary', (text) => ({ summary: text }), '/summary'),
  put('documentNumber', (text) => ({ documentNumber: text }), '/documentNumber'),
  put('subjectWords', (text) => ({ subjectWords: ['政务公开', text] }), '/subjectWords/1'),
  put('attachment title', (text) => ({ attachments: [{ title: text, url: 'https://example.gov.cn/a.pdf' }] }), '/attachments/0/title'),
  put('attachment mediaType', (text) => ({ attachments: [{ title: '附件', url: 'https://example.gov.cn/a.pdf', mediaType: text }] }), '/attachments/0/mediaType'),
  put('url', (text) => ({ url: `https://example.gov.cn/${text}` }), '/url'),
  put('an unknown field', (text) => ({ colour: text }), '/colour'),
  {
    name: 'a field name',
    method: 'PUT',
    path: '/v1/documents/hostile-1',
    body: (text) => ({ ...documentInput(), [`ti${text}tle`]: 'x' }),
    pointer: '', // set per text below
    token: () => token,
  },
  {
    name: 'withdrawal notice',
    method: 'POST',
    path: '/v1/documents/existing/withdrawal',
    body: (text) => ({ version: 2, previousVersion: 1, notice: text }),
    pointer: '/notice',
    token: () => token,
  },
  {
    name: 'validity note',
    method: 'POST',
    path: '/v1/documents/existing/validity',
    body: (text) => ({ version: 2, previousVersion: 1, validity: 'expired', note: text }),
    pointer: '/note',
    token: () => token,
  },
  {
    name: 'batch item title',
    method: 'POST',
    path: '/v1/document-batches',
    body: (text) => ({ items: [{ contentId: 'hostile-b1', document: documentInput() }, { contentId: 'hostile-b2', document: documentInput({ title: text }) }] }),
    pointer: '/items/1/document/title',
    token: () => token,
  },
  {
    name: 'batch item subject word',
    method: 'POST',
    path: '/v1/document-batches',
    body: (text) => ({ items: [{ contentId: 'hostile-b1', document: documentInput({ subjectWords: [text] }) }] }),
    pointer: '/items/0/document/subjectWords/0',
    token: () => token,
  },
  {
    name: 'agency name',
    method: 'POST',
    path: '/v1/agencies',
    body: (text) => ({ id: 'hostile-agency', name: `武清区${text}` }),
    pointer: '/name',
    token: () => adminToken,
  },
  {
    name: 'token name',
    method: 'POST',
    path: '/v1/agencies/wuqing/tokens',
    body: (text) => ({ name: text }),
    pointer: '/name',
    token: () => adminToken,
  },
]

describe('NUL and lone surrogates in any string the API accepts', () => {
  const cases = targets.flatMap((target) => hostileTexts.map(([label, text]) => [`${target.name}: ${label}`, target, text] as const))
  it.each(cases)('%s → 400 naming the field, nothing stored', async (_name, target, text) => {
    const answer = await memory.call(target.method, target.path, { token: target.token(), rawBody: JSON.stringify(target.body(text)) })
    const pointer = target.name === 'a field name' ? `/ti${text.replaceAll('~', '~0').replaceAll('/', '~1')}tle` : target.pointer
    expectFieldProblem(answer, pointer, textRules)
    expect(await storedRows(memory)).toBe(before)
  })

  it.each([
    ['q', 'q=%E6%94%BF%00%E5%8A%A1'],
    ['cursor', 'cursor=%00'],
    ['agency', 'agency=wu%00qing'],
  ])('a NUL in the query parameter %s → 400 on both engines', async (name, query) => {
    for (const library of [memory, postgres]) expectFieldProblem(await library.call('GET', `/v1/documents?${query}`), `query/${name}`, textRules)
  })

  it.each([
    ['/v1/documents/wu%00qing', 'path/contentId'],
    ['/v1/documents/wu%00qing/versions/1', 'path/contentId'],
    ['/v1/documents/wu%00qing/events', 'path/contentId'],
    ['/v1/index-numbers/000014349%2F2024-00001%00', 'path/indexNumber'],
    ['/v1/agencies/wu%00qing', 'path/agencyId'],
    ['/v1/agencies/wu%00qing/feed.atom', 'path/agencyId'],
    ['/v1/topics/02%00/feed.atom', 'path/topicCode'],
  ])('a NUL in the path %s → 400 naming %s', async (path, pointer) => {
    expectFieldProblem(await memory.call('GET', path), pointer, textRules)
  })

  it.each(['/v1/documents/%', '/v1/documents/%ED%A0%80', '/v1/documents/%FF%FE', '/v1/agencies/%C0%AF/feed.atom', '/sitemaps/%00.xml'])(
    'a path that does not decode (%s) is a 4xx problem',
    async (path) => {
      const answer = await memory.call('GET', path)
      expect(answer.status).toBeGreaterThanOrEqual(400)
      expect(answer.status).toBeLessThan(500)
      expect(answer.headers.get('content-type')).toContain('application/problem+json')
    },
  )

  it('a query with bytes that are not UTF-8 is never a 5xx', async () => {
    for (const library of [memory, postgres]) {
      const answer = await library.call('GET', '/v1/documents?q=%ED%A0%80%FF')
      expect(answer.status).toBeLessThan(500)
    }
  })
})

describe('dates and times PostgreSQL or JavaScript cannot hold', () => {
  const dates = ['0000-01-01', '0000-02-29', '1948-12-31', '2200-01-01', '9999-12-31', '0001-01-01']
  const dateTimes = ['2024-12-31T23:59:60Z', '2016-12-31T23:59:60+00:00', '0000-01-01T00:00:00Z', '2200-01-01T00:00:00Z', '1900-01-01T00:00:00+08:00']
  const cases: [string, Target, string][] = [
    ...['publishedAt', 'writtenAt', 'expiresAt'].flatMap((field) =>
      dates.map((date): [string, Target, string] => [`${field} ${date}`, put(field, () => ({ [field]: date }), `/${field}`), date]),
    ),
    ...dates.map((date): [string, Target, string] => [
      `validity expiresAt ${date}`,
      { name: 'expiresAt', method: 'POST', path: '/v1/documents/existing/validity', body: () => ({ version: 2, previousVersion: 1, validity: 'expired', expiresAt: date }), pointer: '/expiresAt', token: () => token },
      date,
    ]),
    ...dateTimes.map((time): [string, Target, string] => [
      `withdrawnAt ${time}`,
      { name: 'withdrawnAt', method: 'POST', path: '/v1/documents/existing/withdrawal', body: () => ({ version: 2, previousVersion: 1, notice: '已撤回', withdrawnAt: time }), pointer: '/withdrawnAt', token: () => token },
      time,
    ]),
    ...dateTimes.map((time): [string, Target, string] => [
      `changedAt ${time}`,
      { name: 'changedAt', method: 'POST', path: '/v1/documents/existing/validity', body: () => ({ version: 2, previousVersion: 1, validity: 'expired', changedAt: time }), pointer: '/changedAt', token: () => token },
      time,
    ]),
  ]
  it.each(cases)('%s → 400 naming the field', async (_name, target, value) => {
    const answer = await memory.call(target.method, target.path, { token: target.token(), body: target.body(value) })
    expectFieldProblem(answer, target.pointer, ['pattern', 'format'])
    expect(await storedRows(memory)).toBe(before)
  })

  it('says the accepted range in the message', async () => {
    const answer = await memory.call('PUT', '/v1/documents/hostile-1', { token, body: documentInput({ publishedAt: '0000-01-01' }) })
    expect(answer.body.errors[0].detail).toBe('发布日期（/publishedAt）的年份应在 1949 至 2199 之间')
  })

  it.each(['publishedFrom', 'publishedTo'])('%s=0000-01-01 → 400 on both engines', async (name) => {
    for (const library of [memory, postgres]) expectFieldProblem(await library.call('GET', `/v1/documents?${name}=0000-01-01`), `query/${name}`, ['pattern'])
  })

  it('accepts the first and last day of the range, and totals agree with the year facet', async () => {
    for (const [contentId, publishedAt] of [
      ['edge-first', '1949-01-01'],
      ['edge-last', '2199-12-31'],
    ] as const) {
      const answer = await memory.call('PUT', `/v1/documents/${contentId}`, { token, body: documentInput({ publishedAt }) })
      expect(answer.status).toBe(201)
    }
    const search = await memory.call('GET', '/v1/documents')
    const yearTotal = (search.body.facets.year as { count: number }[]).reduce((sum, bucket) => sum + bucket.count, 0)
    expect(yearTotal).toBe(search.body.total)
    expect(search.body.facets.year.map((bucket: { value: string }) => bucket.value)).toEqual(expect.arrayContaining(['1949', '2199']))
    expect((await memory.call('GET', '/v1/documents?year=2199')).body.total).toBe(1)
    await deleteDocuments(memory, ['edge-first', 'edge-last'])
  })
})

async function deleteDocuments(library: RunningLibrary, contentIds: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: library.database.url })
  await client.connect()
  try {
    await client.query('DELETE FROM events WHERE content_id = ANY ($1)', [contentIds])
    await client.query('DELETE FROM documents WHERE content_id = ANY ($1)', [contentIds])
  } finally {
    await client.end()
  }
  // The memory index drops them on its next sync; the tests after this one do not count them.
}

describe('numbers past PostgreSQL integer types and forged cursors', () => {
  it.each([
    ['/v1/events?after=9223372036854775807', 'query/after'],
    ['/v1/events?after=99999999999999999999999', 'query/after'],
    ['/v1/events?after=1e400', 'query/after'],
    ['/v1/events?limit=2147483648', 'query/limit'],
    ['/v1/documents/existing/versions/2147483648', 'path/version'],
    ['/v1/documents/existing/versions/99999999999999999999', 'path/version'],
    ['/v1/documents?year=99999999999', 'query/year'],
    ['/v1/documents?limit=9223372036854775807', 'query/limit'],
    ['/sitemaps/100000000000000000000.xml', 'path/page'],
    ['/v1/documents?cursor=WzAsMTAwMDAwMDAwMDAwMDAwMCwieCJd', 'query/cursor'],
    [`/v1/documents?cursor=${Buffer.from('[0,-1000000000000000,"x"]').toString('base64url')}`, 'query/cursor'],
    [`/v1/documents?cursor=${Buffer.from('[1e308,19000,"x\\u0000"]').toString('base64url')}`, 'query/cursor'],
    [`/v1/documents?cursor=${Buffer.from('[0,19000,"\'; DROP TABLE documents; --"]').toString('base64url')}`, 'query/cursor'],
  ])('%s → 400 naming %s on both engines', async (path, pointer) => {
    for (const library of [memory, postgres]) {
      const answer = await library.call('GET', path)
      expect(answer.status, `${library.library.pool.options.connectionString ?? ''} ${answer.text}`).toBe(400)
      expect(answer.headers.get('content-type')).toContain('application/problem+json')
      expect(answer.body.errors.map((error: { pointer: string }) => error.pointer)).toContain(pointer)
    }
  })
})

describe('huge and deep bodies are refused fast, with a short answer', () => {
  const hugeCases: [string, () => unknown, string, string][] = [
    ['150,000 distinct issuers', () => documentInput({ issuers: Array.from({ length: 150_000 }, (_, index) => `agency-${index}`) }), '/issuers', 'maxItems'],
    ['50,000 invalid topic codes', () => documentInput({ topics: Array.from({ length: 50_000 }, (_, index) => `x${index}`) }), '/topics', 'maxItems'],
    ['700,000 empty subject words', () => documentInput({ subjectWords: Array.from({ length: 700_000 }, () => '') }), '/subjectWords', 'maxItems'],
    ['an object of 200,000 fields', () => ({ ...documentInput(), links: Object.fromEntries(Array.from({ length: 200_000 }, (_, index) => [`k${index}`, 1])) }), '/links', 'maxProperties'],
    ['500 invalid subject words', () => documentInput({ subjectWords: Array.from({ length: 500 }, () => '') }), '/subjectWords', 'maxItems'],
  ]
  it.each(hugeCases)('%s → 400 with at most 21 errors, while /healthz keeps answering', async (_name, body, pointer, rule) => {
    const rawBody = JSON.stringify(body())
    const pending = memory.call('PUT', '/v1/documents/huge-1', { token, rawBody })
    const health = await memory.call('GET', '/healthz')
    expect(health.status).toBe(200)
    const answer = await pending
    expectFieldProblem(answer, pointer, [rule])
    expect(answer.body.errors.length).toBeLessThanOrEqual(21)
    expect(answer.text.length).toBeLessThan(10_000)
    expect(await storedRows(memory)).toBe(before)
  })

  it('caps the errors of many invalid items and says how many were left out', async () => {
    const answer = await memory.call('PUT', '/v1/documents/huge-2', { token, body: documentInput({ subjectWords: Array.from({ length: 20 }, () => ''), topics: Array.from({ length: 10 }, (_, index) => `x${index}`) }) })
    expect(answer.status).toBe(400)
    expect(answer.body.errors).toHaveLength(21)
    expect(answer.body.errors[20]).toMatchObject({ rule: 'maxErrors', detail: '另有 10 处错误未列出' })
  })

  it.each([
    ['a batch item document nested 10,000 deep', () => `{"items":[{"contentId":"deep-1","document":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}]}`, `/items/0/document${'/a'.repeat(29)}`],
    ['a batch item document of arrays nested 10,000 deep', () => `{"items":[{"contentId":"deep-2","document":{"title":${'['.repeat(10_000)}${']'.repeat(10_000)}}}]}`, `/items/0/document/title${'/0'.repeat(28)}`],
  ])('%s → 400 naming where it got too deep', async (_name, rawBody, pointer) => {
    const answer = await memory.call('POST', '/v1/document-batches', { token, rawBody: rawBody() })
    expectFieldProblem(answer, pointer, ['maxDepth'])
    expect(await storedRows(memory)).toBe(before)
  })
})

describe('non-http(s) URLs are refused', () => {
  const urls = ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'ftp://example.gov.cn/a.pdf', 'vbscript:msgbox', 'mailto:office@example.gov.cn']
  it.each(urls.flatMap((url) => [[`url ${url}`, '/url', { url }] as const, [`attachment ${url}`, '/attachments/0/url', { attachments: [{ title: '附件', url }] }] as const]))(
    '%s → 400',
    async (_name, pointer, overrides) => {
      const answer = await memory.call('PUT', '/v1/documents/hostile-url', { token, body: documentInput(overrides) })
      expectFieldProblem(answer, pointer, ['pattern', 'format'])
      expect(await storedRows(memory)).toBe(before)
    },
  )
  it('accepts http and https', async () => {
    const answer = await memory.call('PUT', '/v1/documents/url-ok', { token, body: documentInput({ url: 'HTTPS://www.tjwq.gov.cn/a.html', attachments: [{ title: '附件', url: 'http://www.tjwq.gov.cn/a.pdf' }] }) })
    expect(answer.status).toBe(201)
    await deleteDocuments(memory, ['url-ok'])
  })
})

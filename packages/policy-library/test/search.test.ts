import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '@gongkai/dev-postgres'
import { documentInput, schemaErrors, startLibrary, type RunningLibrary } from './helpers.js'

/**
 * A small Chinese corpus where each query word occurs in known documents only. Some documents hold
 * the query's words apart (政务…公开, 疫情…防控) and must not match the phrase.
 */
const corpus: { id: string; title: string; body: string; agency: string; topics: string[]; publishedAt: string; kind?: string; documentType?: string }[] = [
  { id: 'gk-1', title: '关于印发《2024年政务公开工作要点》的通知', body: '全面推进政务公开标准化规范化，政务公开是法治政府建设的重要内容。', agency: 'wuqing', topics: ['02.01'], publishedAt: '2024-03-01' },
  { id: 'gk-2', title: '武清区人民政府办公室关于做好政府信息主动公开的通知', body: '各部门要做好政务公开平台建设和政府信息主动公开工作。', agency: 'wuqing', topics: ['02.01'], publishedAt: '2023-06-10' },
  { id: 'jy-1', title: '关于进一步稳定和扩大就业的若干措施', body: '实施就业优先政策，支持高校毕业生就业创业，加强职业技能培训。', agency: 'baodi', topics: ['15.01'], publishedAt: '2024-05-20', documentType: 'opinion' },
  { id: 'jy-2', title: '宝坻区促进农民工返乡创业实施办法', body: '鼓励农民工返乡创业带动就业，落实创业担保贷款政策。', agency: 'baodi', topics: ['15.01'], publishedAt: '2022-09-01' },
  { id: 'yq-1', title: '关于科学精准做好疫情防控工作的通知', body: '坚持科学精准，做好常态化疫情防控，保障人民群众生命健康。', agency: 'wuqing', topics: ['13.01'], publishedAt: '2022-04-15' },
  { id: 'yq-2', title: '关于优化疫情防控措施的公告', body: '根据疫情形势变化，进一步优化疫情防控措施。', agency: 'baodi', topics: ['13.01'], publishedAt: '2022-12-01', documentType: 'announcement' },
  // Words of the queries, apart: must not be found by the phrases.
  { id: 'apart-1', title: '关于加强政务服务中心建设的意见', body: '完善政务服务体系，服务事项清单向社会公开，接受群众监督。', agency: 'wuqing', topics: ['02.04'], publishedAt: '2024-01-05', documentType: 'opinion' },
  { id: 'apart-2', title: '传染病疫情报告管理办法', body: '发生疫情时及时报告，做好森林火灾防控和安全生产检查。', agency: 'baodi', topics: ['13.01'], publishedAt: '2021-07-07' },
  { id: 'other-1', title: '关于做好2024年春耕备耕工作的通知', body: '抓好粮食生产，做好农资供应和农业技术服务。', agency: 'wuqing', topics: ['06.01'], publishedAt: '2024-02-20', kind: 'decision' },
]

const ids = (body: { items: { contentId: string }[] }): string[] => body.items.map((item) => item.contentId)

let database: TestDatabase
let memory: RunningLibrary
let postgres: RunningLibrary

beforeAll(async () => {
  database = await createTestDatabase('pl_search')
  memory = await startLibrary('pl_search', {}, database)
  const wuqing = await memory.agencyWithToken('wuqing', '天津市武清区人民政府')
  const baodi = await memory.agencyWithToken('baodi', '天津市宝坻区人民政府')
  const tokens: Record<string, string> = { wuqing, baodi }
  for (const entry of corpus) {
    const pushed = await memory.call('PUT', `/v1/documents/${entry.id}`, {
      token: tokens[entry.agency],
      body: documentInput({
        title: entry.title,
        bodyText: entry.body,
        issuers: [entry.agency],
        topics: entry.topics,
        publishedAt: entry.publishedAt,
        kind: entry.kind ?? 'policy',
        documentType: entry.documentType ?? 'notice',
        documentNumber: undefined,
      }),
    })
    expect(pushed.status).toBe(201)
  }
  // A second process on the same database answering with PostgreSQL full text only.
  postgres = await startLibrary('pl_search', { searchEngine: 'postgres' }, database)
})
afterAll(async () => {
  await memory?.stop()
  await postgres?.stop()
  await database?.drop()
})

const search = async (library: RunningLibrary, query: string) => {
  const answer = await library.call('GET', `/v1/documents?${query}`)
  expect(answer.status).toBe(200)
  expect(schemaErrors('SearchResponse', answer.body)).toEqual([])
  return answer.body
}

describe.each([
  ['in-memory index', () => memory],
  ['PostgreSQL full text', () => postgres],
])('search with the %s', (_name, library) => {
  it('finds 政务公开 in the documents that contain the phrase and not in those with the words apart', async () => {
    const body = await search(library(), `q=${encodeURIComponent('政务公开')}`)
    expect(ids(body).sort()).toEqual(['gk-1', 'gk-2'])
    expect(body.total).toBe(2)
    // The one with the phrase in its title and twice in the body ranks first.
    expect(ids(body)[0]).toBe('gk-1')
  })

  it('finds 就业 only in the employment documents', async () => {
    const body = await search(library(), `q=${encodeURIComponent('就业')}`)
    expect(ids(body).sort()).toEqual(['jy-1', 'jy-2'])
    expect(ids(body)[0]).toBe('jy-1')
  })

  it('finds 疫情防控 only where 疫情 and 防控 stand together', async () => {
    const body = await search(library(), `q=${encodeURIComponent('疫情防控')}`)
    expect(ids(body).sort()).toEqual(['yq-1', 'yq-2'])
  })

  it('requires every word of a multi-word query', async () => {
    const body = await search(library(), `q=${encodeURIComponent('就业 农民工')}`)
    expect(ids(body)).toEqual(['jy-2'])
  })

  it('answers nothing for words no document has', async () => {
    const body = await search(library(), `q=${encodeURIComponent('航天发射')}`)
    expect(body).toMatchObject({ items: [], total: 0, nextCursor: null })
  })

  it('highlights query words in the title and a snippet, HTML-escaped', async () => {
    const body = await search(library(), `q=${encodeURIComponent('疫情防控')}&sort=newest`)
    expect(body.items[0].titleHighlight).toBe('关于优化<mark>疫情防控</mark>措施的公告')
    expect(body.items[0].snippet).toContain('<mark>疫情防控</mark>')
    expect(body.items[0].snippet).not.toMatch(/<(?!\/?mark>)/)
  })

  it('counts facets over all matches', async () => {
    const body = await search(library(), `q=${encodeURIComponent('疫情')}`)
    expect(body.total).toBe(3)
    expect(body.facets.agency).toEqual([
      { value: 'baodi', count: 2, label: '天津市宝坻区人民政府' },
      { value: 'wuqing', count: 1, label: '天津市武清区人民政府' },
    ])
    expect(body.facets.year).toEqual([
      { value: '2022', count: 2 },
      { value: '2021', count: 1 },
    ])
    expect(body.facets.topic).toEqual([
      { value: '13', count: 3, label: '卫生、体育' },
      { value: '13.01', count: 3, label: '卫生、体育\\卫生' },
    ])
    expect(body.facets.documentType).toEqual([
      { value: 'notice', count: 2, label: '通知' },
      { value: 'announcement', count: 1, label: '公告' },
    ])
    expect(body.facets.validity).toEqual([{ value: 'effective', count: 3, label: '有效' }])
    expect(body.facets.kind).toEqual([{ value: 'policy', count: 3, label: '政策文件' }])
  })

  it('filters by agency, year, topic, kind, 文种 and date range', async () => {
    expect(ids(await search(library(), 'agency=baodi&sort=oldest'))).toEqual(['apart-2', 'jy-2', 'yq-2', 'jy-1'])
    expect(ids(await search(library(), 'year=2022&sort=oldest'))).toEqual(['yq-1', 'jy-2', 'yq-2'])
    expect(ids(await search(library(), 'topic=02')).sort()).toEqual(['apart-1', 'gk-1', 'gk-2'])
    expect(ids(await search(library(), 'topic=02.04'))).toEqual(['apart-1'])
    expect(ids(await search(library(), 'kind=decision'))).toEqual(['other-1'])
    expect(ids(await search(library(), 'documentType=opinion'))).toEqual(['jy-1', 'apart-1'])
    expect(ids(await search(library(), 'publishedFrom=2024-01-01&publishedTo=2024-03-01'))).toEqual(['gk-1', 'other-1', 'apart-1'])
    expect(ids(await search(library(), `q=${encodeURIComponent('政务')}&agency=wuqing&year=2024`)).sort()).toEqual(['apart-1', 'gk-1'])
  })

  it('pages with a cursor through every result exactly once', async () => {
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const body: { items: { contentId: string }[]; nextCursor: string | null; total: number } = await search(
        library(),
        `limit=4&facets=false${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      )
      expect(body.total).toBe(corpus.length)
      seen.push(...ids(body))
      cursor = body.nextCursor
      pages += 1
    } while (cursor)
    expect(pages).toBe(3)
    expect(seen).toEqual(corpus.slice().sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : -1)).map((entry) => entry.id))
  })

  it('pages relevance-ranked results with a cursor too', async () => {
    const first = await search(library(), `q=${encodeURIComponent('政务')}&limit=2`)
    const second = await search(library(), `q=${encodeURIComponent('政务')}&limit=2&cursor=${encodeURIComponent(first.nextCursor)}`)
    const all = await search(library(), `q=${encodeURIComponent('政务')}&limit=10`)
    expect([...ids(first), ...ids(second)]).toEqual(ids(all))
    expect(second.nextCursor).toBeNull()
  })
})

it('sees writes made through another library process (in-memory index catches up from events)', async () => {
  const token = await postgres.call('POST', '/v1/agencies/wuqing/tokens', { token: 'test-admin-token-0123456789abcdef', body: { name: 'second process' } })
  const pushed = await postgres.call('PUT', '/v1/documents/late-1', {
    token: token.body.token,
    body: documentInput({ title: '关于做好冬季供暖保障工作的通知', bodyText: '确保群众温暖过冬。' }),
  })
  expect(pushed.status).toBe(201)
  await expect
    .poll(async () => ids(await search(memory, `q=${encodeURIComponent('供暖')}`)), { timeout: 5000, interval: 100 })
    .toEqual(['late-1'])
})

it('picks up a write whose event sequence is lower than one already indexed once its transaction commits', async () => {
  const client = new pg.Client({ connectionString: database.url })
  await client.connect()
  try {
    // A slow writer takes a sequence number, then commits after a faster writer's later sequence is indexed.
    await client.query('BEGIN')
    const document = { contentId: 'slow-1', version: 1, status: 'published', kind: 'policy', title: '关于做好防汛抗旱工作的通知', issuers: [{ id: 'wuqing', name: '天津市武清区人民政府' }], topics: [], subjectWords: [], publishedAt: '2024-06-01', validity: 'effective', bodyText: '防汛抗旱。', attachments: [], links: {}, withdrawal: null, createdAt: '2024-06-01T00:00:00.000Z', updatedAt: '2024-06-01T00:00:00.000Z' }
    await client.query(
      `INSERT INTO documents (content_id, version, status, kind, validity, issuers, topics, published_at, title, search_vector, document_length, document)
       VALUES ('slow-1', 1, 'published', 'policy', 'effective', '{wuqing}', '{}', '2024-06-01', $1, $2::tsvector, 6, $3)`,
      [document.title, `'防汛':1A '抗旱':2A '防汛抗旱':2A`, JSON.stringify(document)],
    )
    await client.query(`INSERT INTO events (content_id, version, type, agency_id) VALUES ('slow-1', 1, 'created', 'wuqing')`)
    const token = await memory.call('POST', '/v1/agencies/wuqing/tokens', { token: 'test-admin-token-0123456789abcdef', body: { name: 'fast writer' } })
    const fast = await memory.call('PUT', '/v1/documents/fast-1', { token: token.body.token, body: documentInput({ title: '关于防汛物资储备的通知', bodyText: '防汛物资。' }) })
    expect(fast.status).toBe(201)
    expect(ids(await search(memory, `q=${encodeURIComponent('防汛')}`))).toEqual(['fast-1'])
    await client.query('COMMIT')
    await expect
      .poll(async () => ids(await search(memory, `q=${encodeURIComponent('防汛')}`)).sort(), { timeout: 5000, interval: 100 })
      .toEqual(['fast-1', 'slow-1'])
  } finally {
    await client.end()
  }
})

it('ranks a phrase by the phrase, not by its words used elsewhere, in both engines', async () => {
  const token = await memory.call('POST', '/v1/agencies/wuqing/tokens', { token: 'test-admin-token-0123456789abcdef', body: { name: 'phrase ranking' } })
  // The same length; the newer says 垃圾分类 once and 分类 four times more, the older says 垃圾分类 twice.
  const documents = [
    { id: 'ljfl-twice', title: '城市环境卫生管理办法', body: '推进垃圾分类。做好垃圾分类宣传。组织居民参与。', publishedAt: '2023-01-10' },
    { id: 'ljfl-words', title: '城市环境卫生工作方案', body: '推进垃圾分类。分类投放，分类收集，分类运输，分类处理。', publishedAt: '2024-01-10' },
  ]
  for (const entry of documents) {
    const pushed = await memory.call('PUT', `/v1/documents/${entry.id}`, { token: token.body.token, body: documentInput({ title: entry.title, bodyText: entry.body, publishedAt: entry.publishedAt }) })
    expect(pushed.status).toBe(201)
  }
  for (const library of [memory, postgres]) {
    const body = await search(library, `q=${encodeURIComponent('垃圾分类')}`)
    expect(ids(body)).toEqual(['ljfl-twice', 'ljfl-words'])
    // Both words are still highlighted wherever they occur.
    expect(body.items[1].snippet).toContain('<mark>分类</mark>投放')
  }
})

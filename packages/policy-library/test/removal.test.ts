import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { indexText } from '../src/search/segment.js'
import { adminToken, documentInput, schemaErrors, startLibrary, type Call, type RunningLibrary } from './helpers.js'

// Withdrawal (撤回), deletion (删除) and version redaction (抹除): every read path, and the erased text
// checked in the database itself.

let library: RunningLibrary
/** A second process on the same database, started before the removals: its in-memory index catches up from events. */
let follower: RunningLibrary
/** A third process answering searches from PostgreSQL alone. */
let postgresEngine: RunningLibrary
let wuqing: string
let baodi: string

beforeAll(async () => {
  library = await startLibrary('pl_removal', { rateLimit: false })
  wuqing = await library.agencyWithToken('wuqing', '天津市武清区人民政府办公室')
  baodi = await library.agencyWithToken('baodi', '天津市宝坻区人民政府办公室')
  follower = await startLibrary('pl_removal', { rateLimit: false, syncIntervalMs: 50 }, library.database)
  postgresEngine = await startLibrary('pl_removal', { rateLimit: false, searchEngine: 'postgres' }, library.database)
})
afterAll(async () => {
  await postgresEngine?.stop()
  await follower?.stop()
  await library?.stop()
})

/** Counts rows of every table of the library whose text (all columns, tsvectors included) contains `marker`. */
async function rowsContaining(marker: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: library.database.url })
  await client.connect()
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    )
    const found: Record<string, number> = {}
    for (const { name } of tables) {
      const { rows } = await client.query<{ count: string }>(`SELECT count(*)::text AS count FROM "${name}" AS t WHERE t::text LIKE $1`, [`%${marker}%`])
      const count = Number(rows[0]?.count)
      if (count > 0) found[name] = count
    }
    return found
  } finally {
    await client.end()
  }
}

const encoded = (text: string): string => encodeURIComponent(text)

async function searchIds(running: RunningLibrary, query: string): Promise<string[]> {
  const answer = await running.call('GET', `/v1/documents?${query}`)
  expect(answer.status).toBe(200)
  return answer.body.items.map((item: { contentId: string }) => item.contentId)
}

/** Every public read that could carry a document's text. */
async function publicReads(contentId: string, indexNumber: string, versions: number[]): Promise<Record<string, Call>> {
  const reads: Record<string, Call> = {
    document: await library.call('GET', `/v1/documents/${contentId}`),
    indexNumber: await library.call('GET', `/v1/index-numbers/${encoded(indexNumber)}`),
    events: await library.call('GET', `/v1/documents/${contentId}/events`),
    libraryEvents: await library.call('GET', '/v1/events?limit=1000'),
    agencyFeed: await library.call('GET', '/v1/agencies/wuqing/feed.atom'),
    topicFeed: await library.call('GET', '/v1/topics/02/feed.atom'),
    sitemap: await library.call('GET', '/sitemaps/1.xml'),
    searchAll: await library.call('GET', '/v1/documents?status=all&limit=100'),
  }
  for (const version of versions) reads[`version ${version}`] = await library.call('GET', `/v1/documents/${contentId}/versions/${version}`)
  return reads
}

describe('withdrawal (撤回)', () => {
  it('answers 410 with the notice and identifying metadata, never the text, on every read path', async () => {
    const pushed = await library.call('PUT', '/v1/documents/wd-1', {
      token: wuqing,
      body: documentInput({
        title: '关于调整撤回样例补贴标准的通知',
        indexNumber: '000014349/2024-00101',
        summary: '摘要wdsummarymarker',
        bodyText: '正文wdbodymarker：补贴标准调整。',
        subjectWords: ['补贴'],
        attachments: [{ title: '附件wdattachmentmarker', url: 'https://www.tjwq.gov.cn/files/wd-1.pdf' }],
      }),
    })
    expect(pushed.status).toBe(201)
    expect((await library.call('PUT', '/v1/documents/wd-1', { token: wuqing, body: documentInput({ version: 2, previousVersion: 1, title: '关于调整撤回样例补贴标准的通知', indexNumber: '000014349/2024-00101', bodyText: '正文wdbodymarker（第二版）' }) })).status).toBe(200)
    const withdrawn = await library.call('POST', '/v1/documents/wd-1/withdrawal', {
      token: wuqing,
      body: { version: 3, previousVersion: 2, notice: '因政策调整，本文件已撤回。', withdrawnAt: '2024-06-01T08:00:00+08:00' },
    })
    expect(withdrawn.status).toBe(200)

    const reads = await publicReads('wd-1', '000014349/2024-00101', [1, 2, 3])
    for (const [name, read] of Object.entries(reads)) {
      for (const marker of ['wdsummarymarker', 'wdbodymarker', 'wdattachmentmarker', 'wd-1.pdf']) expect(read.text, `${name} leaks ${marker}`).not.toContain(marker)
    }
    for (const name of ['document', 'indexNumber', 'version 1', 'version 2', 'version 3']) {
      const read = reads[name] as Call
      expect(read.status, name).toBe(410)
      expect(read.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      expect(schemaErrors('GoneProblem', read.body), name).toEqual([])
      expect(read.body).toMatchObject({
        status: 410,
        removal: 'withdrawn',
        withdrawal: { notice: '因政策调整，本文件已撤回。', withdrawnAt: '2024-06-01T00:00:00.000Z' },
        document: { contentId: 'wd-1', title: '关于调整撤回样例补贴标准的通知', indexNumber: '000014349/2024-00101', documentNumber: '津武政办发〔2024〕3号' },
      })
    }
    expect((await library.call('GET', '/v1/documents/wd-1/versions/4')).status).toBe(404)
    expect(reads.agencyFeed?.text).not.toContain('wd-1')
    expect(reads.sitemap?.text).not.toContain('wd-1')
    expect(await searchIds(library, `q=${encoded('补贴标准')}`)).not.toContain('wd-1')
  })

  it('lists a withdrawn document asked for with status by its title and notice only, and its text finds nothing', async () => {
    const listed = await library.call('GET', `/v1/documents?status=withdrawn&q=${encoded('撤回样例')}`)
    expect(listed.body.items).toHaveLength(1)
    expect(listed.body.items[0]).toMatchObject({ contentId: 'wd-1', status: 'withdrawn' })
    expect(listed.text).not.toContain('wdbodymarker')
    expect(await searchIds(library, 'status=all&q=wdbodymarker')).toEqual([])
    expect(await searchIds(library, `status=withdrawn&q=${encoded('补贴标准调整')}`)).toEqual([])
    await expect.poll(() => searchIds(follower, 'status=all&q=wdbodymarker')).toEqual([])
    expect(await searchIds(postgresEngine, 'status=all&q=wdbodymarker')).toEqual([])
    expect(await searchIds(postgresEngine, `status=withdrawn&q=${encoded('撤回样例')}`)).toEqual(['wd-1'])
  })
})

describe('upgrading a library with withdrawn documents', () => {
  it('keeps only the title terms of documents withdrawn before migration 0002, so their text is not searchable', async () => {
    const body = '旧版撤回正文oldwithdrawnmarker'
    expect((await library.call('PUT', '/v1/documents/wd-legacy', { token: wuqing, body: documentInput({ title: '关于旧版撤回文件的通知', bodyText: body }) })).status).toBe(201)
    expect((await library.call('POST', '/v1/documents/wd-legacy/withdrawal', { token: wuqing, body: { version: 2, previousVersion: 1, notice: '撤回' } })).status).toBe(200)
    const client = new pg.Client({ connectionString: library.database.url })
    await client.connect()
    try {
      // As the library before this migration stored it: title and body terms.
      await client.query(`UPDATE documents SET search_vector = $1::tsvector WHERE content_id = 'wd-legacy'`, [indexText({ title: '关于旧版撤回文件的通知', body }).vector])
      await client.query(`DELETE FROM policy_library_migrations WHERE id = '0002_removal'`)
      expect(await library.library.migrate()).toEqual(['0002_removal'])
      const { rows } = await client.query<{ vector: string }>(`SELECT search_vector::text AS vector FROM documents WHERE content_id = 'wd-legacy'`)
      expect(rows[0]?.vector).not.toContain('oldwithdrawnmarker')
      expect(rows[0]?.vector).toContain('撤回')
    } finally {
      await client.end()
    }
    const fresh = await startLibrary('pl_removal', { rateLimit: false }, library.database)
    try {
      expect(await searchIds(fresh, 'status=all&q=oldwithdrawnmarker')).toEqual([])
      expect(await searchIds(fresh, `status=withdrawn&q=${encoded('旧版撤回文件')}`)).toEqual(['wd-legacy'])
    } finally {
      await fresh.stop()
    }
  })
})

describe('deletion (删除)', () => {
  const marker = 'dlsecretmarker'
  beforeAll(async () => {
    const first = await library.call('PUT', '/v1/documents/dl-1', {
      token: wuqing,
      headers: { 'idempotency-key': 'dl-1-push-1' },
      body: documentInput({
        title: `关于${marker}同志处分决定的通知`,
        indexNumber: '000014349/2024-00102',
        summary: `摘要${marker}`,
        bodyText: `正文${marker}，身份证号 120222199001011234。`,
        bodyHtml: `<p>正文${marker}</p>`,
        subjectWords: [`主题词${marker}`],
        attachments: [{ title: `附件${marker}`, url: `https://www.tjwq.gov.cn/files/${marker}.pdf` }],
        url: `https://www.tjwq.gov.cn/zwgk/${marker}.html`,
      }),
    })
    expect(first.status).toBe(201)
    const second = await library.call('PUT', '/v1/documents/dl-1', {
      token: wuqing,
      headers: { 'idempotency-key': 'dl-1-push-2' },
      body: documentInput({ version: 2, previousVersion: 1, title: `关于${marker}同志处分决定的通知（第二版）`, indexNumber: '000014349/2024-00102', bodyText: `正文${marker}（第二版）` }),
    })
    expect(second.status).toBe(200)
  })

  it('refuses anonymous callers, other agencies and hostile reasons, and changes nothing', async () => {
    await expect.poll(() => searchIds(follower, `q=${marker}`)).toEqual(['dl-1'])
    expect((await library.call('POST', '/v1/documents/dl-1/deletion', { body: { reason: '误发' } })).status).toBe(401)
    const other = await library.call('POST', '/v1/documents/dl-1/deletion', { token: baodi, body: { reason: '误发' } })
    expect(other.status).toBe(403)
    // A co-issuer is not the lead: it can neither delete nor redact the lead agency's document.
    expect((await library.call('PUT', '/v1/documents/dl-joint', { token: wuqing, body: documentInput({ issuers: ['wuqing', 'baodi'] }) })).status).toBe(201)
    const coIssuer = await library.call('POST', '/v1/documents/dl-joint/deletion', { token: baodi, body: { reason: '误发' } })
    expect(coIssuer.status).toBe(403)
    expect(coIssuer.body.detail).toContain('牵头机关是 wuqing')
    expect((await library.call('GET', '/v1/documents/dl-joint')).status).toBe(200)
    const hostile: [unknown, string][] = [
      [{ reason: '误发\u0000' }, '/reason'],
      [{ reason: '误发\uD800' }, '/reason'],
      [{ reason: '误'.repeat(2001) }, '/reason'],
      [{ reason: '' }, '/reason'],
      [{}, '/reason'],
      [{ reason: '误发', extra: 1 }, '/extra'],
      [{ reason: ['误发'] }, '/reason'],
    ]
    for (const [body, pointer] of hostile) {
      const answer = await library.call('POST', '/v1/documents/dl-1/deletion', { token: wuqing, body })
      expect(answer.status, JSON.stringify(body).slice(0, 40)).toBe(400)
      expect(answer.body.errors.map((error: { pointer: string }) => error.pointer)).toContain(pointer)
    }
    const huge = await library.call('POST', '/v1/documents/dl-1/deletion', { token: wuqing, rawBody: JSON.stringify({ reason: 'x'.repeat(9 * 1024 * 1024) }) })
    expect(huge.status).toBe(413)
    expect((await library.call('POST', '/v1/documents/no-such/deletion', { token: wuqing, body: { reason: '误发' } })).status).toBe(404)
    expect((await library.call('GET', '/v1/documents/dl-1')).status).toBe(200)
  })

  it('erases the text of every version from every table and answers 410 with the deletion record on every read path', async () => {
    const deleted = await library.call('POST', '/v1/documents/dl-1/deletion', { token: wuqing, body: { reason: '误发：正文含有个人身份证号码。' } })
    expect(deleted.status).toBe(200)
    expect(schemaErrors('DeletedDocument', deleted.body)).toEqual([])
    expect(deleted.body).toMatchObject({
      contentId: 'dl-1',
      status: 'deleted',
      version: 3,
      indexNumber: '000014349/2024-00102',
      versions: [1, 2],
      deletion: { reason: '误发：正文含有个人身份证号码。', deletedBy: 'wuqing' },
    })
    expect(deleted.text).not.toContain(marker)

    expect(await rowsContaining(marker)).toEqual({})
    expect(await rowsContaining('120222199001011234')).toEqual({})

    const reads = await publicReads('dl-1', '000014349/2024-00102', [1, 2, 3])
    for (const [name, read] of Object.entries(reads)) expect(read.text, name).not.toContain(marker)
    for (const name of ['document', 'indexNumber', 'version 1', 'version 2', 'version 3']) {
      const read = reads[name] as Call
      expect(read.status, name).toBe(410)
      expect(schemaErrors('GoneProblem', read.body), name).toEqual([])
      expect(read.body).toMatchObject({ removal: 'deleted', deletion: { reason: '误发：正文含有个人身份证号码。' }, document: { contentId: 'dl-1', indexNumber: '000014349/2024-00102' } })
      expect(read.body.document.title).toBeUndefined()
    }
    expect(reads.searchAll?.text).not.toContain('dl-1')
    const events = reads.events?.body.items as { type: string; reason?: string }[]
    expect(events.map((event) => event.type)).toEqual(['created', 'updated', 'deleted'])
    expect(events[2]).toMatchObject({ version: 3, reason: '误发：正文含有个人身份证号码。', agencyId: 'wuqing', actor: 'agency' })
    for (const event of reads.libraryEvents?.body.items ?? []) expect(schemaErrors('Event', event)).toEqual([])

    expect(await searchIds(library, `status=all&q=${marker}`)).toEqual([])
    expect(await searchIds(library, 'status=all&agency=wuqing&limit=100')).not.toContain('dl-1')
    await expect.poll(() => searchIds(follower, `status=all&q=${marker}`)).toEqual([])
    await expect.poll(() => searchIds(follower, 'status=all&limit=100')).not.toContain('dl-1')
    expect(await searchIds(postgresEngine, `status=all&q=${marker}`)).toEqual([])
    expect(await searchIds(postgresEngine, 'status=all&agency=wuqing&limit=100')).not.toContain('dl-1')
    const facets = await postgresEngine.call('GET', '/v1/documents?status=all&limit=1')
    expect(facets.body.total).toBe(facets.body.facets.kind.reduce((sum: number, bucket: { count: number }) => sum + bucket.count, 0))
  })

  it('answers the same record when deleting again, and replays of earlier writes no longer carry the text', async () => {
    const again = await library.call('POST', '/v1/documents/dl-1/deletion', { token: wuqing, body: { reason: '再次删除' } })
    expect(again.status).toBe(200)
    expect(again.body.deletion.reason).toBe('误发：正文含有个人身份证号码。')
    const replay = await library.call('PUT', '/v1/documents/dl-1', {
      token: wuqing,
      headers: { 'idempotency-key': 'dl-1-push-2' },
      body: documentInput({ version: 2, previousVersion: 1, title: `关于${marker}同志处分决定的通知（第二版）`, indexNumber: '000014349/2024-00102', bodyText: `正文${marker}（第二版）` }),
    })
    expect(replay.status).toBe(410)
    expect(replay.headers.get('idempotent-replayed')).toBe('true')
    expect(replay.text).not.toContain(marker)
  })

  it('never takes the content id or the 索引号 again, nor withdrawals, validity changes or redactions of it', async () => {
    const push = await library.call('PUT', '/v1/documents/dl-1', { token: wuqing, body: documentInput({ version: 4, previousVersion: 3 }) })
    expect(push.status).toBe(410)
    expect(push.body.errors).toEqual([expect.objectContaining({ pointer: 'path/contentId', rule: 'deletedContentId' })])
    const fresh = await library.call('PUT', '/v1/documents/dl-1', { token: wuqing, body: documentInput() })
    expect(fresh.status).toBe(410)
    const batch = await library.call('POST', '/v1/document-batches', { token: wuqing, body: { items: [{ contentId: 'dl-1', document: documentInput() }] } })
    expect(batch.body.results[0]).toMatchObject({ contentId: 'dl-1', status: 410 })
    const reuse = await library.call('PUT', '/v1/documents/dl-2', { token: wuqing, body: documentInput({ indexNumber: '000014349/2024-00102' }) })
    expect(reuse.status).toBe(409)
    expect((await library.call('POST', '/v1/documents/dl-1/withdrawal', { token: wuqing, body: { version: 4, previousVersion: 3, notice: '撤回' } })).status).toBe(410)
    expect((await library.call('POST', '/v1/documents/dl-1/validity', { token: wuqing, body: { version: 4, previousVersion: 3, validity: 'repealed' } })).status).toBe(410)
    expect((await library.call('POST', '/v1/documents/dl-1/versions/1/redaction', { token: wuqing, body: { reason: '抹除' } })).status).toBe(410)
    expect(await rowsContaining(marker)).toEqual({})
  })

  it('lets the admin token delete any agency’s document, recorded as the admin’s', async () => {
    expect((await library.call('PUT', '/v1/documents/dl-admin', { token: baodi, body: documentInput({ issuers: ['baodi'], bodyText: '正文dladminmarker' }) })).status).toBe(201)
    const deleted = await library.call('POST', '/v1/documents/dl-admin/deletion', { token: adminToken, body: { reason: '依申请删除' } })
    expect(deleted.status).toBe(200)
    expect(deleted.body.deletion.deletedBy).toBe('admin')
    expect(await rowsContaining('dladminmarker')).toEqual({})
    const events = await library.call('GET', '/v1/documents/dl-admin/events')
    expect(events.body.items[1]).toMatchObject({ type: 'deleted', agencyId: 'baodi', actor: 'admin' })
  })
})

describe('version redaction (抹除)', () => {
  const marker = 'rdpersonalmarker'
  beforeAll(async () => {
    expect((await library.call('PUT', '/v1/documents/rd-1', { token: wuqing, body: documentInput({ title: '关于公示拟表彰人员名单的通知', indexNumber: '000014349/2024-00103', bodyText: `名单：张${marker}，电话 13800000000。` }) })).status).toBe(201)
    expect((await library.call('PUT', '/v1/documents/rd-1', { token: wuqing, headers: { 'idempotency-key': 'rd-1-push-2' }, body: documentInput({ version: 2, previousVersion: 1, title: '关于公示拟表彰人员名单的通知', indexNumber: '000014349/2024-00103', bodyText: '名单：张某某，电话已遮蔽。' }) })).status).toBe(200)
  })

  it('refuses the current version, other agencies, anonymous callers and versions out of range', async () => {
    const current = await library.call('POST', '/v1/documents/rd-1/versions/2/redaction', { token: wuqing, body: { reason: '含个人信息' } })
    expect(current.status).toBe(409)
    expect(current.body.errors).toEqual([expect.objectContaining({ pointer: 'path/version', rule: 'notCurrentVersion' })])
    expect((await library.call('POST', '/v1/documents/rd-1/versions/1/redaction', { body: { reason: '含个人信息' } })).status).toBe(401)
    expect((await library.call('POST', '/v1/documents/rd-1/versions/1/redaction', { token: baodi, body: { reason: '含个人信息' } })).status).toBe(403)
    for (const version of ['0', '-1', '2147483648', '1.5', 'abc', '99999999999999999999']) {
      const answer = await library.call('POST', `/v1/documents/rd-1/versions/${version}/redaction`, { token: wuqing, body: { reason: '含个人信息' } })
      expect(answer.status, version).toBe(400)
      expect(answer.body.errors[0].pointer).toBe('path/version')
    }
    expect((await library.call('POST', '/v1/documents/rd-1/versions/7/redaction', { token: wuqing, body: { reason: '含个人信息' } })).status).toBe(404)
    expect((await library.call('POST', '/v1/documents/rd-1/versions/1/redaction', { token: wuqing, body: { reason: '\u0000' } })).status).toBe(400)
    expect((await library.call('GET', '/v1/documents/rd-1/versions/1')).text).toContain(marker)
    for (const version of ['0', '-1', '2147483648']) expect((await library.call('GET', `/v1/documents/rd-1/versions/${version}`)).status, version).toBe(400)
  })

  it('erases the version’s text, answers 410 with the redaction record for it and keeps the corrected version', async () => {
    const redacted = await library.call('POST', '/v1/documents/rd-1/versions/1/redaction', { token: wuqing, body: { reason: '第2版已遮蔽个人信息，第1版原文抹除。' } })
    expect(redacted.status).toBe(200)
    expect(schemaErrors('RedactedVersion', redacted.body)).toEqual([])
    expect(redacted.body).toMatchObject({ contentId: 'rd-1', version: 1, status: 'redacted', redaction: { version: 1, redactedBy: 'wuqing' } })
    expect(await rowsContaining(marker)).toEqual({})

    const version1 = await library.call('GET', '/v1/documents/rd-1/versions/1')
    expect(version1.status).toBe(410)
    expect(schemaErrors('GoneProblem', version1.body)).toEqual([])
    expect(version1.body).toMatchObject({
      removal: 'redacted',
      redaction: { version: 1, reason: '第2版已遮蔽个人信息，第1版原文抹除。' },
      document: { contentId: 'rd-1', version: 2, title: '关于公示拟表彰人员名单的通知', indexNumber: '000014349/2024-00103' },
    })
    expect((await library.call('GET', '/v1/documents/rd-1/versions/2')).body.bodyText).toBe('名单：张某某，电话已遮蔽。')
    expect((await library.call('GET', '/v1/documents/rd-1')).status).toBe(200)
    expect((await library.call('GET', `/v1/index-numbers/${encoded('000014349/2024-00103')}`)).status).toBe(200)
    const events = await library.call('GET', '/v1/documents/rd-1/events')
    expect(events.body.items.map((event: { type: string }) => event.type)).toEqual(['created', 'updated', 'redacted'])
    expect(events.body.items[2]).toMatchObject({ version: 1, reason: '第2版已遮蔽个人信息，第1版原文抹除。', actor: 'agency' })
    expect(events.text).not.toContain(marker)

    // Sequences past 9 (the events of this file): the change log is ordered by number, not as text.
    const log = await library.call('GET', '/v1/events?limit=1000')
    const sequences = log.body.items.map((event: { sequence: number }) => event.sequence)
    expect(sequences[sequences.length - 1]).toBeGreaterThan(9)
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b))

    const again = await library.call('POST', '/v1/documents/rd-1/versions/1/redaction', { token: adminToken, body: { reason: '再次抹除' } })
    expect(again.status).toBe(200)
    expect(again.body).toEqual(redacted.body)
  })
})

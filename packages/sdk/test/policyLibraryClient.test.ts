import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createPolicyLibraryClient,
  PolicyLibraryConflictError,
  PolicyLibraryError,
  PolicyLibraryGoneError,
  type DocumentInput,
  type PolicyLibraryClient,
} from '../src/index'
import { startLibrary, type RunningLibrary } from './support/library'

let running: RunningLibrary
let client: PolicyLibraryClient
let reader: PolicyLibraryClient
let hexi: PolicyLibraryClient

function policy(overrides: Partial<DocumentInput> = {}): DocumentInput {
  return {
    version: 1,
    kind: 'policy',
    title: '关于做好2024年政务公开工作的通知',
    documentNumber: '津武政办发〔2024〕3号',
    documentType: 'notice',
    issuers: ['wuqing-gov'],
    topics: ['02.01'],
    publishedAt: '2024-03-01',
    bodyText: '各镇人民政府、街道办事处：为进一步做好政务公开工作，现将有关事项通知如下。',
    bodyHtml: '<p>各镇人民政府、街道办事处：</p><p>为进一步做好政务公开工作，现将有关事项通知如下。</p>',
    ...overrides,
  }
}

beforeAll(async () => {
  running = await startLibrary('sdk_client')
  const token = await running.agencyWithToken('wuqing-gov', '天津市武清区人民政府办公室')
  const hexiToken = await running.agencyWithToken('hexi-gov', '天津市河西区人民政府办公室')
  hexi = createPolicyLibraryClient({ baseUrl: running.url, token: hexiToken, retry: false })
  client = createPolicyLibraryClient({ baseUrl: running.url, token, retry: { minDelayMs: 1, maxDelayMs: 5 } })
  reader = createPolicyLibraryClient({ baseUrl: running.url })
})

afterAll(async () => {
  await running?.stop()
})

describe('policy library client against the real service: writes', () => {
  it('creates a document, then updates it with previousVersion, and reads it back', async () => {
    const created = await client.push('wq-2024-003', policy())
    expect(created).toMatchObject({ outcome: 'created', isReplay: false, document: { contentId: 'wq-2024-003', version: 1, status: 'published' } })

    const updated = await client.push('wq-2024-003', policy({ version: 2, previousVersion: 1, title: '关于做好2024年政务公开工作的通知（修订）' }))
    expect(updated).toMatchObject({ outcome: 'updated', document: { version: 2 } })

    const stored = await reader.get('wq-2024-003')
    expect(stored).toMatchObject({ version: 2, title: '关于做好2024年政务公开工作的通知（修订）', issuers: [{ id: 'wuqing-gov', name: '天津市武清区人民政府办公室' }] })
  })

  it('surfaces a stale previousVersion as PolicyLibraryConflictError with the current version, which the caller resolves', async () => {
    await client.push('wq-2024-010', policy())
    await client.push('wq-2024-010', policy({ version: 2, previousVersion: 1 }))

    const error = await client.push('wq-2024-010', policy({ version: 2, previousVersion: 1, title: '另一位编辑的修改' })).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(PolicyLibraryConflictError)
    expect(error).toMatchObject({ status: 409, currentVersion: 2, contentId: 'wq-2024-010', isRetryable: false })

    const conflict = error as PolicyLibraryConflictError
    const current = await client.get(conflict.contentId)
    const resolved = await client.push('wq-2024-010', policy({ version: (current?.version ?? 0) + 1, previousVersion: conflict.currentVersion, title: '另一位编辑的修改' }))
    expect(resolved.document).toMatchObject({ version: 3, title: '另一位编辑的修改' })
  })

  it('answers a repeated push with the same Idempotency-Key from the stored answer, with one effect', async () => {
    const first = await client.push('wq-2024-020', policy(), { idempotencyKey: 'cms-job-20' })
    const again = await client.push('wq-2024-020', policy(), { idempotencyKey: 'cms-job-20' })
    expect(again).toMatchObject({ outcome: 'created', isReplay: true, document: { version: 1 } })
    expect(again.document).toEqual(first.document)
    expect((await client.events('wq-2024-020')).map((event) => event.version)).toEqual([1])
  })

  it('retries through a dropped answer with the same Idempotency-Key, so the library applies the push once', async () => {
    // A proxy that forwards the first PUT to the library but answers 503 as if the reply was lost.
    let isFirstPut = true
    const keys: string[] = []
    const proxy: Server = createServer(async (request, response) => {
      const chunks: Buffer[] = []
      for await (const chunk of request) chunks.push(chunk as Buffer)
      keys.push(String(request.headers['idempotency-key'] ?? ''))
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name))) as Record<string, string>
      const upstream = await fetch(`${running.url}${request.url}`, { method: request.method, headers, ...(chunks.length ? { body: Buffer.concat(chunks) } : {}) })
      const body = Buffer.from(await upstream.arrayBuffer())
      if (request.method === 'PUT' && isFirstPut) {
        isFirstPut = false
        response.writeHead(503, { 'content-type': 'application/problem+json' }).end('{"type":"about:blank","title":"Bad gateway","status":503}')
        return
      }
      response.writeHead(upstream.status, Object.fromEntries(upstream.headers)).end(body)
    })
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
    try {
      const viaProxy = createPolicyLibraryClient({
        baseUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
        token: (await running.agencyWithToken('beichen-gov', '天津市北辰区人民政府办公室')),
        retry: { minDelayMs: 1, maxDelayMs: 5 },
      })
      const result = await viaProxy.push('bc-2024-001', policy({ issuers: ['beichen-gov'] }))

      expect(keys).toHaveLength(2)
      expect(keys[0]).toBe(keys[1])
      expect(result).toMatchObject({ isReplay: true, document: { version: 1 } })
      expect((await reader.events('bc-2024-001')).map((event) => event.type)).toHaveLength(1)
    } finally {
      proxy.closeAllConnections()
      await new Promise((resolve) => proxy.close(resolve))
    }
  })

  it('throws PolicyLibraryError naming every invalid field on a 400, and stores nothing', async () => {
    const error = await client.push('wq-bad-1', { ...policy(), title: '', publishedAt: '2024-13-45' }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(PolicyLibraryError)
    const { status, isRetryable, problem } = error as PolicyLibraryError
    expect({ status, isRetryable }).toEqual({ status: 400, isRetryable: false })
    expect(problem?.errors?.map((field) => field.pointer)).toEqual(expect.arrayContaining(['/title', '/publishedAt']))
    expect(await reader.get('wq-bad-1')).toBeUndefined()
  })

  it('is refused with 403 when pushing a document the agency did not issue', async () => {
    const error = await client.push('hx-2024-001', policy({ issuers: ['hexi-gov'] })).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ name: 'PolicyLibraryError', status: 403, isRetryable: false })
    expect(await reader.get('hx-2024-001')).toBeUndefined()
  })

  it('withdraws a document: reading it throws PolicyLibraryGoneError with the notice and no text, and it leaves search', async () => {
    await client.push('wq-2024-030', policy({ title: '关于临时交通管制的通告', indexNumber: '000014349/2024-00030', bodyText: '交通管制期间请绕行。' }))
    const withdrawn = await client.withdraw('wq-2024-030', { version: 2, previousVersion: 1, notice: '因情况变化，本通告已撤回。' })
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawal: { notice: '因情况变化，本通告已撤回。' } })
    // One read at a time: reads started together reject before their turn to be awaited (an unhandled rejection).
    for (const read of [() => reader.get('wq-2024-030'), () => reader.getByIndexNumber('000014349/2024-00030'), () => reader.getVersion('wq-2024-030', 1)]) {
      const error = await read().catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(PolicyLibraryGoneError)
      expect(error).toMatchObject({
        status: 410,
        isRetryable: false,
        removal: 'withdrawn',
        gone: { withdrawal: { notice: '因情况变化，本通告已撤回。' }, document: { contentId: 'wq-2024-030', title: '关于临时交通管制的通告' } },
      })
      expect(JSON.stringify((error as PolicyLibraryGoneError).gone)).not.toContain('请绕行')
    }
    await expect.poll(async () => (await reader.search({ q: '交通管制' })).total).toBe(0)
  })

  it('deletes a document published in error: the record has no text, reads throw PolicyLibraryGoneError, deleting again returns the same record', async () => {
    await client.push('wq-2024-031', policy({ title: '误发的文件', indexNumber: '000014349/2024-00031', bodyText: '误发正文，含个人信息。' }))
    await expect(hexi.deleteDocument('wq-2024-031', { reason: '误发' })).rejects.toMatchObject({ name: 'PolicyLibraryError', status: 403 })
    const deleted = await client.deleteDocument('wq-2024-031', { reason: '误发：含个人信息。' })
    expect(deleted).toMatchObject({ contentId: 'wq-2024-031', status: 'deleted', version: 2, versions: [1], deletion: { reason: '误发：含个人信息。', deletedBy: 'wuqing-gov' } })
    expect(JSON.stringify(deleted)).not.toContain('误发正文')
    expect(await client.deleteDocument('wq-2024-031', { reason: '再次删除' })).toEqual(deleted)
    const error = await reader.getByIndexNumber('000014349/2024-00031').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(PolicyLibraryGoneError)
    expect(error).toMatchObject({ removal: 'deleted', gone: { deletion: { reason: '误发：含个人信息。' }, document: { contentId: 'wq-2024-031' } } })
    expect((error as PolicyLibraryGoneError).gone.document.title).toBeUndefined()
    await expect(client.push('wq-2024-031', policy({ version: 3, previousVersion: 2 }))).rejects.toBeInstanceOf(PolicyLibraryGoneError)
    expect((await reader.events('wq-2024-031')).map((event) => event.type)).toEqual(['created', 'deleted'])
  })

  it('redacts a superseded version: getVersion throws PolicyLibraryGoneError for it, the current version stays, and the current one cannot be redacted', async () => {
    await client.push('wq-2024-032', policy({ title: '拟表彰人员名单公示', bodyText: '张三，电话 13800000000。' }))
    await client.push('wq-2024-032', policy({ version: 2, previousVersion: 1, title: '拟表彰人员名单公示', bodyText: '张某，电话已遮蔽。' }))
    await expect(client.redactVersion('wq-2024-032', 2, { reason: '含个人信息' })).rejects.toMatchObject({ status: 409 })
    await expect(hexi.redactVersion('wq-2024-032', 1, { reason: '含个人信息' })).rejects.toMatchObject({ status: 403 })
    expect((await reader.getVersion('wq-2024-032', 1))?.bodyText).toBe('张三，电话 13800000000。')
    const redacted = await client.redactVersion('wq-2024-032', 1, { reason: '第2版已遮蔽个人信息。' })
    expect(redacted).toMatchObject({ contentId: 'wq-2024-032', version: 1, status: 'redacted', redaction: { version: 1, reason: '第2版已遮蔽个人信息。' } })
    const error = await reader.getVersion('wq-2024-032', 1).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(PolicyLibraryGoneError)
    expect(error).toMatchObject({ removal: 'redacted', gone: { redaction: { version: 1 }, document: { version: 2 } } })
    expect((await reader.getVersion('wq-2024-032', 2))?.bodyText).toBe('张某，电话已遮蔽。')
    expect(await reader.getVersion('wq-2024-032', 9)).toBeUndefined()
    expect((await reader.get('wq-2024-032'))?.version).toBe(2)
  })

  it('changes validity and records the change as an event', async () => {
    await client.push('wq-2019-007', policy({ title: '关于印发旧办法的通知', publishedAt: '2019-05-01' }))
    const changed = await client.changeValidity('wq-2019-007', { version: 2, previousVersion: 1, validity: 'repealed', note: '已被新办法替代' })
    expect(changed).toMatchObject({ validity: 'repealed', version: 2 })
    expect((await reader.events('wq-2019-007')).map((event) => event.type)).toHaveLength(2)
  })

  it('pushes a batch and reports each item on its own', async () => {
    const result = await client.pushBatch([
      { contentId: 'wq-2018-001', document: policy({ title: '关于印发2018年就业工作要点的通知', publishedAt: '2018-02-01', bodyText: '做好就业工作。' }) },
      { contentId: 'hx-2018-002', document: policy({ issuers: ['hexi-gov'], publishedAt: '2018-03-01' }) },
      { contentId: 'wq-2018-003', document: policy({ version: 8, previousVersion: 7, publishedAt: '2018-04-01' }) },
      { contentId: 'wq-2018-004', document: policy({ title: '关于疫情防控的通知', publishedAt: '2018-04-01', bodyText: '做好疫情防控。' }) },
      { contentId: 'wq-2018-005', document: policy({ title: '', publishedAt: '2018-05-01' }) },
    ])
    expect(result).toMatchObject({ succeeded: 2, failed: 3 })
    expect(result.results.map((item) => [item.contentId, item.status])).toEqual([
      ['wq-2018-001', 201],
      ['hx-2018-002', 403],
      ['wq-2018-003', 409],
      ['wq-2018-004', 201],
      ['wq-2018-005', 400],
    ])
    expect(result.results[4]?.problem?.errors?.map((error) => error.pointer)).toEqual(['/title'])
    expect(await reader.get('wq-2018-005')).toBeUndefined()
    expect(await reader.get('hx-2018-002')).toBeUndefined()
    expect(await reader.get('wq-2018-003')).toBeUndefined()
    expect((await reader.get('wq-2018-004'))?.title).toBe('关于疫情防控的通知')
  })
})

describe('policy library client against the real service: bulk', () => {
  it('splits a batch larger than the spec limit into several requests and keeps the input order', async () => {
    const batchRequests: number[] = []
    const counting = createPolicyLibraryClient({
      baseUrl: running.url,
      token: await running.agencyWithToken('jinghai-gov', '天津市静海区人民政府办公室'),
      fetch: async (request) => {
        if (request.url.endsWith('/v1/document-batches')) batchRequests.push(((await request.clone().json()) as { items: unknown[] }).items.length)
        return await fetch(request)
      },
    })
    const items = Array.from({ length: 501 }, (_, index) => ({
      contentId: `jh-2015-${String(index).padStart(4, '0')}`,
      document: policy({ issuers: ['jinghai-gov'], title: `静海区历史文件第${index}号`, publishedAt: '2015-06-01', bodyText: '历史文件。' }),
    }))

    const result = await counting.pushBatch(items)

    expect(batchRequests).toEqual([500, 1])
    expect(result).toMatchObject({ succeeded: 501, failed: 0 })
    expect(result.results.map((item) => item.contentId)).toEqual(items.map((item) => item.contentId))
    expect((await reader.get('jh-2015-0500'))?.title).toBe('静海区历史文件第500号')
  })
})

describe('policy library client against the real service: reads', () => {
  beforeAll(async () => {
    const items = Array.from({ length: 5 }, (_, index) => ({
      contentId: `wq-2023-${100 + index}`,
      document: policy({
        title: `关于推进政务公开标准化规范化第${index + 1}批事项的通知`,
        publishedAt: `2023-0${index + 1}-10`,
        topics: ['02.01'],
        bodyText: `推进政务公开标准化规范化建设，第${index + 1}批事项。`,
        validity: index === 4 ? 'expired' : 'effective',
      }),
    }))
    await client.pushBatch(items)
  })

  it('searches Chinese text with highlighted results and facet counts', async () => {
    // the library's in-memory index catches up with writes within its sync interval
    await expect.poll(async () => (await reader.search({ q: '标准化', year: 2023 })).total, { timeout: 5000 }).toBe(5)
    const page = await reader.search({ q: '标准化', year: 2023 })
    expect(page.total).toBe(5)
    expect(page.items[0]?.titleHighlight).toContain('<mark>标准化</mark>')
    expect(page.facets?.validity).toEqual(expect.arrayContaining([expect.objectContaining({ value: 'effective', count: 4 }), expect.objectContaining({ value: 'expired', count: 1 })]))
    expect(page.facets?.agency).toEqual([expect.objectContaining({ value: 'wuqing-gov', count: 5 })])
  })

  it('filters by validity', async () => {
    const page = await reader.search({ q: '标准化', validity: 'expired' })
    expect(page.items.map((item) => item.contentId)).toEqual(['wq-2023-104'])
  })

  it('iterates every page with searchAll, newest first, without repeats', async () => {
    const seen: string[] = []
    for await (const item of reader.searchAll({ year: 2023, limit: 2 })) seen.push(item.contentId)
    expect(seen).toEqual(['wq-2023-104', 'wq-2023-103', 'wq-2023-102', 'wq-2023-101', 'wq-2023-100'])
  })

  it('yields pages with facets on the first page only', async () => {
    const pages = []
    for await (const page of reader.pages({ year: 2023, limit: 2 })) pages.push(page)
    expect(pages.map((page) => page.items.length)).toEqual([2, 2, 1])
    expect(pages[0]?.facets).toBeDefined()
    expect(pages[1]?.facets).toBeUndefined()
  })

  it('answers undefined for an unknown content id and throws on a bad filter', async () => {
    expect(await reader.get('no-such-document')).toBeUndefined()
    await expect(reader.search({ topic: 'not-a-topic' })).rejects.toMatchObject({ status: 400, isRetryable: false })
  })
})

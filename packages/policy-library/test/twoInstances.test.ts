import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '@gongkai/dev-postgres'
import { documentInput, startLibrary, type RunningLibrary } from './helpers.js'

/**
 * Two library instances side by side over one PostgreSQL database, as behind a load balancer: a write
 * through either is searchable through the other within 2 s (each catches up from the events table
 * every second). One runs its index in two worker threads, the other in its main thread.
 */

let database: TestDatabase
let first: RunningLibrary
let second: RunningLibrary
let token: string

beforeAll(async () => {
  database = await createTestDatabase('pl_two_instances')
  first = await startLibrary('pl_two_instances', { searchThreads: 2 }, database)
  second = await startLibrary('pl_two_instances', { searchThreads: 1 }, database)
  token = await first.agencyWithToken('wuqing', '天津市武清区人民政府')
})
afterAll(async () => {
  await first?.stop()
  await second?.stop()
  await database?.drop()
})

const found = async (library: RunningLibrary, query: string): Promise<{ ids: string[]; total: number }> => {
  const answer = await library.call('GET', `/v1/documents?q=${encodeURIComponent(query)}&status=published`)
  expect(answer.status).toBe(200)
  return { ids: answer.body.items.map((item: { contentId: string }) => item.contentId), total: answer.body.total }
}

it('finds a document written through one instance through the other within 2 s', async () => {
  const pushed = await first.call('PUT', '/v1/documents/winter-1', { token, body: documentInput({ title: '关于做好冬季供暖保障工作的通知', bodyText: '确保群众温暖过冬。', documentNumber: undefined }) })
  expect(pushed.status).toBe(201)
  // The writing instance has it at once (read-your-writes); the other within its deadline.
  expect(await found(first, '供暖')).toEqual({ ids: ['winter-1'], total: 1 })
  await expect.poll(() => found(second, '供暖'), { timeout: 2000, interval: 50 }).toEqual({ ids: ['winter-1'], total: 1 })
})

it('sees an update and a withdrawal made through the other instance within 2 s', async () => {
  const current = await second.call('GET', '/v1/documents/winter-1')
  const updated = await second.call('PUT', '/v1/documents/winter-1', {
    token,
    body: documentInput({ version: current.body.version + 1, previousVersion: current.body.version, title: '关于做好防汛抗旱工作的通知', bodyText: '做好防汛准备。', documentNumber: undefined }),
  })
  expect(updated.status).toBe(200)
  await expect.poll(async () => [await found(first, '防汛'), await found(first, '供暖')], { timeout: 2000, interval: 50 }).toEqual([
    { ids: ['winter-1'], total: 1 },
    { ids: [], total: 0 },
  ])
  const withdrawn = await first.call('POST', '/v1/documents/winter-1/withdrawal', { token, body: { version: current.body.version + 2, previousVersion: current.body.version + 1, notice: '已被新文件替代' } })
  expect(withdrawn.status).toBe(200)
  await expect.poll(() => found(second, '防汛'), { timeout: 2000, interval: 50 }).toEqual({ ids: [], total: 0 })
})

it('answers both instances alike after a batch through one of them', async () => {
  const items = Array.from({ length: 40 }, (_, index) => ({
    contentId: `batch-${index}`,
    document: documentInput({ title: `关于推进政务公开第${index}项工作的通知`, bodyText: index % 2 ? '政务公开。' : '加强管理。', documentNumber: undefined }),
  }))
  const batch = await second.call('POST', '/v1/document-batches', { token, body: { items } })
  expect(batch.status).toBe(200)
  expect(batch.body.succeeded).toBe(40)
  const query = '/v1/documents?q=%E6%94%BF%E5%8A%A1%E5%85%AC%E5%BC%80&limit=50'
  const expected = (await second.call('GET', query)).body
  expect(expected.total).toBe(40)
  await expect.poll(async () => (await first.call('GET', query)).body, { timeout: 2000, interval: 50 }).toEqual(expected)
})

import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '@gongkai/dev-postgres'
import { documentInput, startLibrary, type RunningLibrary } from './helpers.js'
import { snapshotFormatVersion } from '../src/search/indexSnapshot.js'

/**
 * The index snapshot: a restart loads it and replays only the events after it, answering as a library
 * that read every document; a corrupt, other-format or other-database snapshot is ignored and the
 * index rebuilt.
 */

type LogLine = { level: number; msg: string; [key: string]: unknown }

/** A logger whose lines the test reads back. */
function capturingLogger() {
  const lines: LogLine[] = []
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) })
  return { logger, lines, find: (message: string) => lines.find((line) => line.msg === message) }
}

const queries = ['q=政务公开', 'q=供暖', 'q=防汛&sort=newest', 'agency=wuqing&year=2024', 'q=通知&limit=3', 'status=all&q=工作']

let database: TestDatabase
let directory: string
let token: string
let writer: RunningLibrary

beforeAll(async () => {
  database = await createTestDatabase('pl_snapshot')
  directory = await mkdtemp(join(tmpdir(), 'gongkai-snapshot-'))
  // Writes go through a library that answers with PostgreSQL (it keeps no index of its own).
  writer = await startLibrary('pl_snapshot', { searchEngine: 'postgres' }, database)
  token = await writer.agencyWithToken('wuqing', '天津市武清区人民政府')
  for (let index = 0; index < 30; index++) {
    const pushed = await writer.call('PUT', `/v1/documents/doc-${index}`, {
      token,
      body: documentInput({
        title: index % 3 === 0 ? `关于做好第${index}批冬季供暖保障工作的通知` : `关于推进政务公开第${index}项工作的通知`,
        bodyText: index % 2 === 0 ? '做好防汛抗旱和政务公开工作。' : '加强管理，做好服务。',
        publishedAt: `${2015 + (index % 10)}-0${1 + (index % 9)}-1${index % 10}`,
        documentNumber: undefined,
      }),
    })
    expect(pushed.status).toBe(201)
  }
})
afterAll(async () => {
  await writer?.stop()
  await database?.drop()
  await rm(directory, { recursive: true, force: true })
})

/** Every query's answer (hits, scores, totals, facets) from a library. */
async function answers(library: RunningLibrary): Promise<unknown[]> {
  const all = []
  for (const query of queries) {
    const answer = await library.call('GET', `/v1/documents?${query}`)
    expect(answer.status).toBe(200)
    all.push(answer.body)
  }
  return all
}

/** What a library that read every document from PostgreSQL answers now. */
async function coldAnswers(): Promise<unknown[]> {
  const cold = await startLibrary('pl_snapshot', {}, database)
  try {
    return await answers(cold)
  } finally {
    await cold.stop()
  }
}

describe.each([1, 2])('index snapshot with %i index thread(s)', (threads) => {
  const path = () => join(directory, `index-${threads}.snapshot`)

  it('is saved on close, and a restart loads it and replays only the events after it', async () => {
    const first = capturingLogger()
    const library = await startLibrary('pl_snapshot', { indexSnapshotPath: path(), searchThreads: threads, logger: first.logger }, database)
    // A library that stays up through the restart, following the same events as they happen: what the
    // restarted one must answer (BM25 counts replaced versions in a term's document frequency until
    // the index is rebuilt, so an index built afresh from the database may score differently).
    const follower = await startLibrary('pl_snapshot', { searchThreads: threads }, database)
    expect(first.find('search index loaded')).toMatchObject({ loadedFrom: 'database' })
    await library.stop()
    const saved = first.lines.filter((line) => line.msg === 'search index snapshot saved')
    expect(saved.length).toBeGreaterThan(0)
    expect((await stat(path())).size).toBeGreaterThan(0)

    // Three changes while it is down: a new document, an update and a withdrawal.
    expect((await writer.call('PUT', `/v1/documents/new-${threads}`, { token, body: documentInput({ title: '关于做好防汛物资储备的通知', documentNumber: undefined }) })).status).toBe(201)
    const current = await writer.call('GET', `/v1/documents/doc-${threads}`)
    expect(
      (await writer.call('PUT', `/v1/documents/doc-${threads}`, { token, body: documentInput({ version: current.body.version + 1, previousVersion: current.body.version, title: '关于冬季供暖收费的通知', documentNumber: undefined }) })).status,
    ).toBe(200)
    const other = await writer.call('GET', `/v1/documents/doc-${threads + 10}`)
    expect((await writer.call('POST', `/v1/documents/doc-${threads + 10}/withdrawal`, { token, body: { version: other.body.version + 1, previousVersion: other.body.version, notice: '已被新文件替代' } })).status).toBe(200)

    const second = capturingLogger()
    const restarted = await startLibrary('pl_snapshot', { indexSnapshotPath: path(), searchThreads: threads, logger: second.logger }, database)
    try {
      expect(second.find('search index loaded')).toMatchObject({ loadedFrom: 'snapshot', replayedEvents: 3 })
      expect(second.find('search index snapshot ignored; rebuilding the index from the database')).toBeUndefined()
      // The follower catches up within its sync interval; the restarted library was up to date when ready.
      const restartedAnswers = await answers(restarted)
      await expect.poll(() => answers(follower), { timeout: 10_000, interval: 200 }).toEqual(restartedAnswers)
      const found = await restarted.call('GET', `/v1/documents?q=${encodeURIComponent('防汛物资')}`)
      expect(found.body.items.map((item: { contentId: string }) => item.contentId)).toContain(`new-${threads}`)
    } finally {
      await restarted.stop()
      await follower.stop()
    }
  })

  it('ignores a corrupt snapshot with a log line and rebuilds the index', async () => {
    const bytes = await readFile(path())
    bytes[Math.floor(bytes.length / 2)] = (bytes[Math.floor(bytes.length / 2)] as number) ^ 0xff
    await writeFile(path(), bytes)
    const log = capturingLogger()
    const library = await startLibrary('pl_snapshot', { indexSnapshotPath: path(), searchThreads: threads, logger: log.logger }, database)
    try {
      expect(log.find('search index snapshot ignored; rebuilding the index from the database')).toMatchObject({ problem: 'snapshot checksum does not match' })
      expect(log.find('search index loaded')).toMatchObject({ loadedFrom: 'database' })
      expect(await answers(library)).toEqual(await coldAnswers())
    } finally {
      await library.stop()
    }
  })
})

it('ignores a snapshot of another format, a truncated one and one of another database', async () => {
  const path = join(directory, 'index-1.snapshot')
  const valid = await readFile(path)
  const otherFormat = Buffer.from(valid)
  otherFormat.writeUInt32LE(99, 8)
  const cases: [Buffer, string][] = [
    [otherFormat, `snapshot format 99, this version reads ${snapshotFormatVersion}`],
    [valid.subarray(0, valid.length - 100), 'snapshot size does not match its head'],
  ]
  for (const [bytes, problem] of cases) {
    await writeFile(path, bytes)
    const log = capturingLogger()
    const library = await startLibrary('pl_snapshot', { indexSnapshotPath: path, logger: log.logger }, database)
    try {
      expect(log.find('search index snapshot ignored; rebuilding the index from the database')).toMatchObject({ problem })
      expect(await answers(library)).toEqual(await coldAnswers())
    } finally {
      await library.stop()
    }
  }
  // The snapshot now on disk (saved on that close) belongs to this database; another one refuses it.
  const elsewhere = await createTestDatabase('pl_snapshot_other')
  const log = capturingLogger()
  const otherWriter = await startLibrary('pl_snapshot_other', {}, elsewhere)
  const otherToken = await otherWriter.agencyWithToken('wuqing', '天津市武清区人民政府')
  expect((await otherWriter.call('PUT', '/v1/documents/x', { token: otherToken, body: documentInput({ documentNumber: undefined }) })).status).toBe(201)
  await otherWriter.stop()
  const library = await startLibrary('pl_snapshot_other', { indexSnapshotPath: path, logger: log.logger }, elsewhere)
  try {
    expect(String(log.find('search index snapshot ignored; rebuilding the index from the database')?.problem)).toMatch(/^snapshot event \d+ is not in this database$/)
    const found = await library.call('GET', '/v1/documents?status=all')
    expect(found.body.items.map((item: { contentId: string }) => item.contentId)).toEqual(['x'])
  } finally {
    await library.stop()
    await elsewhere.drop()
  }
})

// pnpm bench: seeds 10k then 100k synthetic Chinese policy documents through the batch endpoint and
// measures, over HTTP against the library running as its own process, p50/p95 of
//   (a) relevance-ranked top 20 with snippets, exact total and facets (agency, year, topic, …),
//   (b) browse by date with filters, (c) get by id,
// next to two baselines measured in the same run: naive PostgreSQL full text (a second library
// process with GONGKAI_LIBRARY_SEARCH_ENGINE=postgres: segmented tsvector + GIN + ts_rank over all
// matches + count + GROUP BY facets, over HTTP) and a plain ILIKE scan (top 20 by date + count, in SQL).
// For each size it also prints the index's memory (bytes per term–document pair), start → /readyz cold
// (reading every document) and from the index snapshot, and p95 of common terms at 1 and 8 concurrent
// clients with the index in BENCH_THREADS worker threads and in the main thread alone.
// Env: GONGKAI_BENCH_DOCS=1000000 (one size; else BENCH_TIERS=10000,100000), BENCH_SAMPLES=40,
// BENCH_BASELINE_SAMPLES (samples of the slow baselines; samples / 4), BENCH_THREADS=2,
// BENCH_CONCURRENT_REQUESTS=24 (per client at 8 clients), BENCH_PUSH_CONCURRENCY=3,
// DATABASE_URL (else embedded PostgreSQL), BENCH_DATABASE=name (keep the seeded database under this
// name: a later run with the same name and size skips the seeding and reports the seed rate as reused).
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { createTestDatabase, ensureDatabase, findFreePort, withDatabase } from '@gongkai/dev-postgres'
import { resolvePostgres } from '@gongkai/dev-postgres'
import { agencies, createCorpus, planted } from './corpus.mjs'

const tiers = (process.env.GONGKAI_BENCH_DOCS ?? process.env.BENCH_TIERS ?? '10000,100000').split(',').map(Number)
const samples = Number(process.env.BENCH_SAMPLES ?? 40)
const pushConcurrency = Number(process.env.BENCH_PUSH_CONCURRENCY ?? 3)
const baselineSamples = Number(process.env.BENCH_BASELINE_SAMPLES ?? Math.max(5, Math.floor(samples / 4)))
const threads = Number(process.env.BENCH_THREADS ?? 2)
const concurrentClients = 8
const concurrentRequests = Number(process.env.BENCH_CONCURRENT_REQUESTS ?? 24)
const snapshotDirectory = await mkdtemp(join(tmpdir(), 'gongkai-bench-index-'))
// Random: the library refuses a guessable admin token.
const adminToken = randomBytes(32).toString('hex')
const binPath = fileURLToPath(new URL('../dist/bin.js', import.meta.url))

const server = await resolvePostgres()
process.env.GONGKAI_TEST_POSTGRES_URL = server.url
const keptDatabase = process.env.BENCH_DATABASE
const database = keptDatabase
  ? { url: await ensureDatabase(withDatabase(server.url, 'postgres'), keptDatabase), drop: async () => {} }
  : await createTestDatabase('gongkai_bench')
const children = []

/**
 * Starts the library as its own process. The in-memory engine logs at info so the index's own lines
 * ("search index loaded": figures, where it loaded from) can be read; request lines are dropped.
 */
async function startLibrary(engine, { searchThreads = threads, snapshot } = {}) {
  const port = await findFreePort()
  const child = spawn(process.execPath, [binPath], {
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      GONGKAI_LIBRARY_ADMIN_TOKEN: adminToken,
      GONGKAI_LIBRARY_RATE_LIMIT: '0',
      GONGKAI_LIBRARY_SEARCH_ENGINE: engine,
      GONGKAI_LIBRARY_SEARCH_THREADS: String(searchThreads),
      ...(snapshot ? { GONGKAI_LIBRARY_INDEX_SNAPSHOT: snapshot } : {}),
      LOG_LEVEL: engine === 'memory' ? 'info' : (process.env.BENCH_LOG_LEVEL ?? 'warn'),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  children.push(child)
  child.once('exit', (code, signal) => {
    if (children.includes(child) && code !== 0) console.error(`library (${engine}) exited unexpectedly: code ${code}, signal ${signal}`)
  })
  const indexLines = []
  const waiters = []
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (!line.includes('"search index')) {
      if (line.includes('"level":50') || line.includes('"level":40')) console.error(line)
      return
    }
    const parsed = JSON.parse(line)
    indexLines.push(parsed)
    if (parsed.level >= 40) console.error(line)
    for (const waiter of [...waiters]) if (waiter.message === parsed.msg) waiter.resolve(parsed)
  })
  const url = `http://127.0.0.1:${port}`
  const started = performance.now()
  for (;;) {
    const ready = await fetch(`${url}/readyz`).then((response) => response.ok, () => false)
    if (ready) break
    if (child.exitCode !== null) throw new Error(`library (${engine}) exited with ${child.exitCode}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  const startMs = performance.now() - started
  /** The first log line of the index with this message (waits for it). */
  const logLine = (message) => {
    const seen = indexLines.find((line) => line.msg === message)
    return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ message, resolve }))
  }
  return { url, child, startMs, logLine }
}

/** Resident memory of a process, in MiB (Linux). */
async function residentMiB(child) {
  const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '')
  const match = /VmRSS:\s+(\d+) kB/.exec(status)
  return match ? Number(match[1]) / 1024 : NaN
}

async function stopLibrary(library) {
  const exited = new Promise((resolve) => library.child.once('exit', resolve))
  library.child.kill('SIGTERM')
  await exited
  children.splice(children.indexOf(library.child), 1)
}

async function call(url, method, path, { token, body, idempotencyKey } = {}) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`)
  return text ? JSON.parse(text) : undefined
}

function percentile(sorted, fraction) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]
}

/** `clients` loops at once, each sending `count` requests; p50/p95 over all of them. */
async function measureConcurrent(run, clients, count) {
  for (let warm = 0; warm < 3; warm++) await run()
  const times = []
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let index = 0; index < count; index++) {
        const started = performance.now()
        await run()
        times.push(performance.now() - started)
      }
    }),
  )
  times.sort((a, b) => a - b)
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) }
}

async function measure(run, count) {
  for (let warm = 0; warm < 3; warm++) await run(warm)
  const times = []
  let last
  for (let index = 0; index < count; index++) {
    const started = performance.now()
    last = await run(index)
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), last }
}

const format = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)).padStart(7)

const queries = [
  { label: '冬季供暖保障 (planted 0.05%)', q: '冬季供暖保障' },
  { label: '就业见习 (planted 1%)', q: '就业见习' },
  { label: '疫情防控 (planted 10%)', q: '疫情防控' },
  { label: '安全生产 (topic word)', q: '安全生产' },
  { label: '政务公开 (planted 60%)', q: '政务公开' },
  { label: '工作 (most documents)', q: '工作' },
  { label: '加强 管理 (two common words)', q: '加强 管理' },
]
const browses = [
  { label: 'newest, no filter', query: 'sort=newest' },
  { label: 'agency + year', query: `agency=${agencies[0].id}&year=2020` },
  { label: 'topic 02 + 文种 notice', query: 'topic=02&documentType=notice' },
  { label: 'date range + kind, oldest', query: 'publishedFrom=2019-01-01&publishedTo=2019-06-30&kind=policy&sort=oldest' },
]

const results = []
let library
let naive
const makeDocument = createCorpus(42)
let seeded = 0
let tokens

try {
  const snapshot = join(snapshotDirectory, 'index.snapshot')
  const sql = new pg.Pool({ connectionString: database.url, max: 2 })
  // A kept database seeded by an earlier run is used as it is (no table yet: a new one).
  const kept = keptDatabase ? await sql.query('SELECT count(*) FROM documents').then((answer) => Number(answer.rows[0].count), () => 0) : 0
  if (keptDatabase && tiers.length > 1) throw new Error('BENCH_DATABASE takes one size: set GONGKAI_BENCH_DOCS')
  if (kept !== 0 && kept !== tiers[0]) throw new Error(`BENCH_DATABASE ${keptDatabase} holds ${kept} documents, not ${tiers[0]}: drop it or use another name`)
  const reused = kept > 0
  if (!reused) {
    library = await startLibrary('memory')
    tokens = {}
    for (const agency of agencies) {
      await call(library.url, 'POST', '/v1/agencies', { token: adminToken, body: agency })
      tokens[agency.id] = (await call(library.url, 'POST', `/v1/agencies/${agency.id}/tokens`, { token: adminToken, body: { name: 'bench' } })).token
    }
  }

  for (const tier of tiers) {
    // ---- seed through the batch endpoint: batches of 500 items of one agency, BENCH_PUSH_CONCURRENCY (3) in flight
    if (reused) seeded = tier
    const pending = new Map(agencies.map((agency) => [agency.id, []]))
    const batches = []
    for (; seeded < tier; seeded++) {
      const item = makeDocument(seeded)
      const list = pending.get(item.document.issuers[0])
      list.push(item)
      if (list.length === 500) {
        batches.push({ agency: item.document.issuers[0], items: list.splice(0) })
      }
    }
    for (const [agency, items] of pending) if (items.length > 0) batches.push({ agency, items })
    const pushStarted = performance.now()
    let pushed = 0
    const worker = async () => {
      for (let batch = batches.shift(); batch; batch = batches.shift()) {
        // A connection the server closes as it is reused (keep-alive race on a loaded machine) is retried
        // with the same Idempotency-Key, so a batch is applied once.
        const idempotencyKey = randomBytes(16).toString('hex')
        let answer
        for (let attempt = 1; !answer; attempt++) {
          try {
            answer = await call(library.url, 'POST', '/v1/document-batches', { token: tokens[batch.agency], body: { items: batch.items }, idempotencyKey })
          } catch (error) {
            if (!(error instanceof TypeError) || attempt === 3) throw error
          }
        }
        if (answer.failed > 0) throw new Error(`batch failed: ${JSON.stringify(answer.results.find((result) => result.status >= 300))}`)
        pushed += answer.succeeded
      }
    }
    await Promise.all(Array.from({ length: pushConcurrency }, worker))
    const pushSeconds = (performance.now() - pushStarted) / 1000
    await sql.query('VACUUM ANALYZE documents')

    // The naive baseline: a second process answering with PostgreSQL full text only.
    naive = await startLibrary('postgres')
    // Start → /readyz cold (no snapshot: every document read from PostgreSQL), then from the snapshot
    // that start saves.
    if (library) await stopLibrary(library)
    await rm(snapshot, { force: true })
    library = await startLibrary('memory', { snapshot })
    const coldMs = library.startMs
    const coldLine = await library.logLine('search index loaded')
    const saved = await library.logLine('search index snapshot saved')
    await stopLibrary(library)
    library = await startLibrary('memory', { snapshot })
    const snapshotLine = await library.logLine('search index loaded')
    const rssMiB = await residentMiB(library.child)
    if (snapshotLine.loadedFrom !== 'snapshot') throw new Error(`the index did not load from its snapshot: ${JSON.stringify(snapshotLine)}`)

    const tierResult = { tier, pushPerSecond: pushed / pushSeconds, indexLoadMs: coldMs, snapshotLoadMs: library.startMs, rows: [], concurrent: [] }
    results.push(tierResult)
    const mib = (bytes) => (bytes / 1048576).toFixed(0)
    console.log(
      reused
        ? `\n== ${tier.toLocaleString('en')} documents: reused the seeded database ${keptDatabase}`
        : `\n== ${tier.toLocaleString('en')} documents: pushed ${pushed} in ${pushSeconds.toFixed(1)} s = ${(pushed / pushSeconds).toFixed(0)} docs/s`,
    )
    console.log(`start → /readyz: cold ${(coldMs / 1000).toFixed(1)} s (index ${(coldLine.loadMs / 1000).toFixed(1)} s), from snapshot ${(library.startMs / 1000).toFixed(1)} s (index ${(snapshotLine.loadMs / 1000).toFixed(1)} s; snapshot ${mib(saved.bytes)} MiB, saved in ${(saved.ms / 1000).toFixed(1)} s); ${threads} index threads`)
    console.log(
      `index memory: ${snapshotLine.pairs.toLocaleString('en')} term–document pairs (${snapshotLine.terms.toLocaleString('en')} terms over ${threads} shards); postings ${mib(snapshotLine.postingBytes)} MiB = ${snapshotLine.postingBytesPerPair} bytes/pair; ` +
        `with per-document attributes (${mib(snapshotLine.attributeBytes)} MiB), tallies and bitsets of ${snapshotLine.tallies ?? 0} common words (${mib(snapshotLine.tallyBytes ?? 0)} MiB) and estimated strings/maps (${mib(snapshotLine.heapBytes)} MiB) ${snapshotLine.bytesPerPair} bytes/pair (target ≤ 3); process RSS ${rssMiB.toFixed(0)} MiB`,
    )
    console.log(`${'query'.padEnd(34)} ${'matches'.padStart(8)} ${'share'.padStart(6)} | ${'p50'.padStart(7)} ${'p95'.padStart(7)} | naive FTS p50/p95  | ILIKE p50/p95      | FTS/ours p95`)

    for (const { label, q } of queries) {
      const path = `/v1/documents?q=${encodeURIComponent(q)}&limit=20`
      const ours = await measure(() => call(library.url, 'GET', path), samples)
      const baseline = await measure(() => call(naive.url, 'GET', path), baselineSamples)
      if (ours.last.total !== baseline.last.total) throw new Error(`totals differ for ${q}: ${ours.last.total} vs ${baseline.last.total}`)
      const words = q.split(' ')
      const likeWhere = words.map((_, index) => `(title ILIKE $${index + 1} OR document->>'bodyText' ILIKE $${index + 1})`).join(' AND ')
      const likeValues = words.map((word) => `%${word}%`)
      const ilike = await measure(async () => {
        await sql.query(`SELECT content_id FROM documents WHERE status = 'published' AND ${likeWhere} ORDER BY published_at DESC LIMIT 20`, likeValues)
        return sql.query(`SELECT count(*) FROM documents WHERE status = 'published' AND ${likeWhere}`, likeValues)
      }, Math.max(3, Math.floor(baselineSamples / 2)))
      const row = {
        label,
        total: ours.last.total,
        share: ours.last.total / tier,
        ours,
        naive: baseline,
        ilike,
        ratio: baseline.p95 / ours.p95,
      }
      tierResult.rows.push(row)
      console.log(
        `${label.padEnd(34)} ${String(row.total).padStart(8)} ${(row.share * 100).toFixed(2).padStart(5)}% | ${format(ours.p50)} ${format(ours.p95)} | ${format(baseline.p50)} ${format(baseline.p95)} | ${format(ilike.p50)} ${format(ilike.p95)} | ${row.ratio.toFixed(1).padStart(6)}×`,
      )
    }
    for (const { label, query } of browses) {
      const path = `/v1/documents?${query}&limit=20`
      const ours = await measure(() => call(library.url, 'GET', path), samples)
      const baseline = await measure(() => call(naive.url, 'GET', path), baselineSamples)
      if (ours.last.total !== baseline.last.total) throw new Error(`totals differ for ${query}`)
      tierResult.rows.push({ label: `browse: ${label}`, total: ours.last.total, share: ours.last.total / tier, ours, naive: baseline, ratio: baseline.p95 / ours.p95 })
      console.log(
        `${`browse: ${label}`.padEnd(34)} ${String(ours.last.total).padStart(8)} ${((ours.last.total / tier) * 100).toFixed(2).padStart(5)}% | ${format(ours.p50)} ${format(ours.p95)} | ${format(baseline.p50)} ${format(baseline.p95)} | ${'-'.padStart(7)} ${'-'.padStart(7)} | ${(baseline.p95 / ours.p95).toFixed(1).padStart(6)}×`,
      )
    }
    const getById = await measure((index) => call(library.url, 'GET', `/v1/documents/bench-${(index * 7919) % tier}`), samples)
    tierResult.rows.push({ label: 'get by id', total: 1, share: 0, ours: getById })
    console.log(`${'get by id'.padEnd(34)} ${'1'.padStart(8)} ${''.padStart(6)} | ${format(getById.p50)} ${format(getById.p95)} |`)
    // Common terms at 8 concurrent clients: the index in BENCH_THREADS worker threads, the naive
    // baseline, and the index in the main thread alone (a second snapshot, built cold).
    const common = queries.filter(({ q }) => ['政务公开', '工作', '加强 管理'].includes(q))
    const concurrentNaive = Math.max(1, Math.floor(baselineSamples / 2))
    console.log(`\n${'8 clients, p95 (p50) ms'.padEnd(34)} | ${`${threads} threads`.padStart(15)} | ${'1 thread'.padStart(15)} | ${'naive FTS'.padStart(15)} | FTS/ours p95`)
    const threaded = []
    for (const { q } of common) {
      const path = `/v1/documents?q=${encodeURIComponent(q)}&limit=20`
      threaded.push(await measureConcurrent(() => call(library.url, 'GET', path), concurrentClients, concurrentRequests))
    }
    const naiveConcurrent = []
    for (const { q } of common) {
      const path = `/v1/documents?q=${encodeURIComponent(q)}&limit=20`
      naiveConcurrent.push(await measureConcurrent(() => call(naive.url, 'GET', path), concurrentClients, concurrentNaive))
    }
    await stopLibrary(library)
    const single = await startLibrary('memory', { searchThreads: 1, snapshot: join(snapshotDirectory, 'index-1-thread.snapshot') })
    const singleConcurrent = []
    for (const { q } of common) {
      const path = `/v1/documents?q=${encodeURIComponent(q)}&limit=20`
      singleConcurrent.push(await measureConcurrent(() => call(single.url, 'GET', path), concurrentClients, concurrentRequests))
    }
    await stopLibrary(single)
    library = await startLibrary('memory', { snapshot })
    common.forEach(({ label }, index) => {
      const ours = threaded[index]
      const one = singleConcurrent[index]
      const baseline = naiveConcurrent[index]
      tierResult.concurrent.push({ label, ours, single: one, naive: baseline })
      console.log(
        `${label.padEnd(34)} | ${format(ours.p95)} (${format(ours.p50).trim()}) | ${format(one.p95)} (${format(one.p50).trim()}) | ${format(baseline.p95)} (${format(baseline.p50).trim()}) | ${(baseline.p95 / ours.p95).toFixed(1).padStart(6)}×`,
      )
    })
    await stopLibrary(naive)
    naive = undefined
  }
  await sql.end()

  if (results.length > 1) {
    const [small, large] = [results[0], results[results.length - 1]]
    console.log(`\n== growth ${small.tier.toLocaleString('en')} → ${large.tier.toLocaleString('en')} documents (p95, ours vs naive full text)`)
    for (const row of large.rows) {
      const before = small.rows.find((candidate) => candidate.label === row.label)
      if (!before) continue
      const naiveGrowth = row.naive && before.naive ? `${(row.naive.p95 / before.naive.p95).toFixed(1)}×` : '-'
      console.log(`${row.label.padEnd(34)} ours ${format(before.ours.p95)} → ${format(row.ours.p95)} ms (${(row.ours.p95 / before.ours.p95).toFixed(1)}×)   naive ${naiveGrowth}`)
    }
    console.log(`index load on start: ${(small.indexLoadMs / 1000).toFixed(1)} s → ${(large.indexLoadMs / 1000).toFixed(1)} s; bulk push ${small.pushPerSecond.toFixed(0)} → ${large.pushPerSecond.toFixed(0)} docs/s`)
  }
  const worst = Math.max(...results[results.length - 1].rows.map((row) => row.ours.p95))
  const common = results[results.length - 1].rows.filter((row) => row.ratio !== undefined && row.share > 0.5 && !row.label.startsWith('browse'))
  const last = results[results.length - 1]
  console.log(
    `common-term p95 at 8 clients, ${last.tier.toLocaleString('en')} documents: ${last.concurrent.map((row) => `${row.label.split(' ')[0]} ${row.ours.p95.toFixed(1)} ms (1 thread ${row.single.p95.toFixed(1)})`).join(', ')} (target ≤ 50 ms); start → /readyz from snapshot ${(last.snapshotLoadMs / 1000).toFixed(1)} s (target ≤ 10 s), cold ${(last.indexLoadMs / 1000).toFixed(1)} s`,
  )
  console.log(`\nworst p95 at ${results[results.length - 1].tier.toLocaleString('en')}: ${worst.toFixed(1)} ms (target ≤ 50 ms); speed-up vs naive full text on terms in >50% of documents: ${common.map((row) => `${row.label.split(' ')[0]} ${row.ratio.toFixed(1)}×`).join(', ')} (target ≥ 10×)`)
  void planted
} finally {
  // Let each library finish (it may be saving its index snapshot) before its database goes.
  await Promise.all(
    children.map((child) => {
      if (child.exitCode !== null) return undefined
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      return Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))])
    }),
  )
  await database.drop().catch(() => {})
  await server.stop()
  await rm(snapshotDirectory, { recursive: true, force: true })
}

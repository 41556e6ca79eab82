// pnpm bench:index — the in-memory index alone at a size the HTTP benchmark cannot seed in reasonable
// time (1M documents by default): no PostgreSQL, no HTTP, no segmentation. Documents are term
// frequencies drawn to match the HTTP benchmark's corpus at 100k (about 138 term–document pairs per
// document, Zipf-like over ~16,000 terms, a few planted terms with known shares), with 20 agencies,
// 10 years and 10 topics. Prints bytes per pair, the snapshot's size and how long writing and loading
// it take, and p50/p95 of common-term searches (top 20 + total + facets) in BENCH_THREADS worker
// threads (loaded from the snapshot) at 1 and 8 concurrent clients, next to baselines built from the
// same documents in the same run: the same threads without tallies (BENCH_COMPARE=1: every match
// scored and counted, as before tallies and block-max) and one thread in the main thread (BENCH_SINGLE=1).
// The load average (os.loadavg) is printed along the way: the machine may be shared.
// Env: GONGKAI_BENCH_DOCS=1000000, BENCH_THREADS=2, BENCH_SAMPLES=20, BENCH_WARMUP=10, BENCH_SINGLE=1, BENCH_COMPARE=0.
import { mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createIndexShards } from '../src/search/indexShards.js'
import { readSnapshot, writeSnapshot } from '../src/search/indexSnapshot.js'
import type { IndexedDocument, SearchRequest } from '../src/search/types.js'

const size = Number(process.env.GONGKAI_BENCH_DOCS ?? 1_000_000)
const threads = Number(process.env.BENCH_THREADS ?? 2)
const samples = Number(process.env.BENCH_SAMPLES ?? 20)
const withSingle = process.env.BENCH_SINGLE === '1'
const withCompare = process.env.BENCH_COMPARE === '1'
// Searches before each measured series: the index threads' code is compiled while they run.
const warmups = Number(process.env.BENCH_WARMUP ?? 10)
const load = (): string => `load average ${loadavg().map((value) => value.toFixed(1)).join(' / ')}`

let seed = 42
const random = (): number => {
  seed = (seed + 0x6d2b79f5) >>> 0
  let t = seed
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const vocabulary = Array.from({ length: 16_000 }, (_, index) => `词${index}`)
const planted: [string, number][] = [['冬季供暖保障', 0.0005], ['就业见习', 0.01], ['疫情防控', 0.1], ['政务公开', 0.6]]
const topics = ['02.01', '02.03', '13.01', '15.01', '15.02', '10.02', '06.01', '09.05', '11.01', '11.02']

function makeDocument(index: number): IndexedDocument {
  const frequencies = new Map<string, number>([['工作', 1 + Math.floor(random() * 6)]])
  for (const [term, share] of planted) if (random() < share) frequencies.set(term, 1 + Math.floor(random() * 3))
  if (random() < 0.87) frequencies.set('加强', 1 + Math.floor(random() * 3))
  if (random() < 0.87) frequencies.set('管理', 1 + Math.floor(random() * 3))
  while (frequencies.size < 138) {
    const term = vocabulary[Math.floor(vocabulary.length * random() ** 2.2)] as string
    frequencies.set(term, (frequencies.get(term) ?? 0) + (random() < 0.1 ? 3 : 1))
  }
  let length = 0
  for (const frequency of frequencies.values()) length += frequency
  return {
    contentId: `bench-${index}`,
    version: 1,
    status: 'published',
    kind: random() < 0.8 ? 'policy' : 'interpretation',
    documentType: random() < 0.5 ? 'notice' : 'opinion',
    validity: 'effective',
    issuers: [`d${1 + (index % 10)}-${index % 2 ? 'gov' : 'fgw'}`],
    topics: [topics[index % topics.length] as string],
    publishedAt: `${2015 + (index % 10)}-0${1 + (index % 9)}-1${index % 10}`,
    length,
    frequencies,
  }
}

const percentile = (sorted: number[], fraction: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] as number
const mib = (bytes: number): string => (bytes / 1048576).toFixed(0)
const queries: { label: string; terms: string[] }[] = [
  { label: '政务公开 (60%)', terms: ['政务公开'] },
  { label: '工作 (all)', terms: ['工作'] },
  { label: '加强 管理 (~76%)', terms: ['加强', '管理'] },
  { label: '疫情防控 (10%)', terms: ['疫情防控'] },
]
const request = (terms: string[]): SearchRequest => ({ terms, filters: { status: 'published' }, sort: 'relevance', limit: 20, withFacets: true })

async function latencies(shards: ReturnType<typeof createIndexShards>, terms: string[], clients: number): Promise<{ p50: number; p95: number }> {
  for (let warm = 0; warm < warmups; warm++) await shards.search(request(terms))
  const times: number[] = []
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let index = 0; index < samples; index++) {
        const started = performance.now()
        await shards.search(request(terms))
        times.push(performance.now() - started)
      }
    }),
  )
  times.sort((a, b) => a - b)
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) }
}

const directory = await mkdtemp(join(tmpdir(), 'gongkai-index-bench-'))
const sharded = createIndexShards({ threads })
const single = createIndexShards({ threads: 1 })
// Tallies never start: every match is scored and counted.
const untallied = createIndexShards({ threads, indexOptions: { tallyMinimum: Infinity } })
console.log(`${new Date().toISOString()} ${size.toLocaleString('en')} documents, ${threads} threads; ${load()}`)
try {
  let started = performance.now()
  for (let index = 0; index < size; index += 2000) {
    const documents = Array.from({ length: Math.min(2000, size - index) }, (_, offset) => makeDocument(index + offset))
    await Promise.all([sharded.addDocuments(documents), withSingle ? single.addDocuments(documents) : undefined, withCompare ? untallied.addDocuments(documents) : undefined])
  }
  const others = [withSingle ? 'in one thread' : '', withCompare ? `in ${threads} threads without tallies` : ''].filter(Boolean)
  console.log(`built ${size.toLocaleString('en')} documents in ${threads} threads${others.length > 0 ? ` and ${others.join(' and ')} (at once)` : ''} in ${((performance.now() - started) / 1000).toFixed(1)} s; ${load()}`)
  // A snapshot round trip gives both the file figures and an index without growth slack.
  const path = join(directory, 'index.snapshot')
  started = performance.now()
  const { bytes } = await writeSnapshot({ path, head: { watermark: 0, highest: 0, applied: [], anchor: null, createdAt: new Date().toISOString() }, sections: await sharded.serialize() })
  const writeMs = performance.now() - started
  await sharded.close()
  // Same-run baseline: the whole file hashed in the main thread as it is read, then loaded (as before
  // format 3). Then as the library starts: the main thread reads and checks the head, each index thread
  // checks its own section's SHA-256 while the other does the same, then decodes it.
  const loadSnapshotInto = async (checkIn: 'main thread' | 'index threads') => {
    let started = performance.now()
    const read = await readSnapshot(path, { checkSections: checkIn === 'main thread' })
    if ('problem' in read) throw new Error(read.problem)
    const readMs = performance.now() - started
    started = performance.now()
    const shards = createIndexShards({ threads })
    // The threads start (and, from src/, compile the worker through tsx) before the snapshot reaches them.
    await shards.counts()
    const startMs = performance.now() - started
    started = performance.now()
    await shards.load(read.sections, checkIn === 'index threads' ? read.sectionHashes : undefined)
    return { shards, readMs, startMs, loadMs: performance.now() - started }
  }
  const baseline = await loadSnapshotInto('main thread')
  await baseline.shards.close()
  console.log(
    `baseline, SHA-256 of the whole file in the main thread: read and checked in ${(baseline.readMs / 1000).toFixed(1)} s, loaded into ${threads} threads in ${(baseline.loadMs / 1000).toFixed(1)} s ` +
      `(read + load ${((baseline.readMs + baseline.loadMs) / 1000).toFixed(1)} s); ${load()}`,
  )
  const { shards: loaded, readMs, startMs, loadMs } = await loadSnapshotInto('index threads')
  const figures = await loaded.figures()
  const total = figures.postingBytes + figures.attributeBytes + figures.heapBytes + figures.tallyBytes
  console.log(
    `${figures.pairs.toLocaleString('en')} term–document pairs; postings ${mib(figures.postingBytes)} MiB = ${(figures.postingBytes / figures.pairs).toFixed(2)} bytes/pair; ` +
      `with attributes (${mib(figures.attributeBytes)} MiB), tallies of ${figures.tallies} common words (${mib(figures.tallyBytes)} MiB) and estimated strings/maps (${mib(figures.heapBytes)} MiB) ${(total / figures.pairs).toFixed(2)} bytes/pair (target ≤ 3)`,
  )
  console.log(
    `snapshot ${mib(bytes)} MiB: written in ${(writeMs / 1000).toFixed(1)} s; read (head checked) in ${(readMs / 1000).toFixed(1)} s; ${threads} threads started in ${(startMs / 1000).toFixed(1)} s, ` +
      `snapshot checked (SHA-256 per section, in the threads) and loaded into them in ${(loadMs / 1000).toFixed(1)} s (read + load ${((readMs + loadMs) / 1000).toFixed(1)} s, ` +
      `${(((readMs + loadMs) / (baseline.readMs + baseline.loadMs)) * 100).toFixed(0)} % of the baseline's); ${load()}`,
  )
  const setups = [
    { label: `${threads} threads`, shards: loaded },
    ...(withCompare ? [{ label: `${threads} thr. no tally`, shards: untallied }] : []),
    ...(withSingle ? [{ label: '1 thread', shards: single }] : []),
  ]
  const columns = setups.flatMap((setup) => [1, 8].map((clients) => ({ ...setup, clients })))
  console.log(`\n${'query (top 20 + total + facets)'.padEnd(34)} | ${columns.map((column) => `${column.label}, ${column.clients} cl.`.padStart(24)).join(' | ')}   (p50 / p95 ms)`)
  for (const { label, terms } of queries) {
    const total = (await loaded.search(request(terms))).total
    // Every setup must give the same answer before its speed counts.
    for (const setup of setups.slice(1)) {
      if (JSON.stringify(await setup.shards.search(request(terms))) !== JSON.stringify(await loaded.search(request(terms)))) throw new Error(`${setup.label} answers ${terms.join(' ')} differently`)
    }
    const cells: { p50: number; p95: number }[] = []
    for (const column of columns) cells.push(await latencies(column.shards, terms, column.clients))
    const ratio = withCompare ? `   no tally ÷ tally p95 at 8 clients: ${((cells[3] as { p95: number }).p95 / (cells[1] as { p95: number }).p95).toFixed(1)}×` : ''
    console.log(`${`${label} ${total.toLocaleString('en')}`.padEnd(34)} | ${cells.map((cell) => `${cell.p50.toFixed(1)} / ${cell.p95.toFixed(1)}`.padStart(24)).join(' | ')}${ratio}`)
  }
  console.log(`${new Date().toISOString()} done; ${load()}`)
  await loaded.close()
} finally {
  await single.close()
  await untallied.close()
  await rm(directory, { recursive: true, force: true })
}

// pnpm bench:validation: how long the largest body the API accepts and the hostile bodies of issue 13
// take, over HTTP against the real library, next to a minimal document measured in the same run (the
// baseline), and how long /healthz takes while a hostile body is being answered. Validation is meant
// to cost well under 100 ms for the worst accepted body; hostile bodies are refused before the schema
// runs. Env: BENCH_SAMPLES=20, DATABASE_URL (else embedded PostgreSQL).
import { randomBytes } from 'node:crypto'
import { createTestDatabase, resolvePostgres } from '@gongkai/dev-postgres'
import { createPolicyLibrary } from '../dist/index.js'

const samples = Number(process.env.BENCH_SAMPLES ?? 20)
const server = await resolvePostgres()
process.env.DATABASE_URL ??= server.url
const database = await createTestDatabase('gongkai_bench_validation')
const adminToken = randomBytes(32).toString('hex')
const library = createPolicyLibrary({ databaseUrl: database.url, adminToken, rateLimit: false, logger: { level: 'silent' } })
const { url } = await library.listen({ port: 0 })

const call = async (method, path, { token, rawBody } = {}) => {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(rawBody ? { 'content-type': 'application/json' } : {}) },
    ...(rawBody ? { body: rawBody } : {}),
  })
  await response.arrayBuffer()
  return response.status
}
// A figure means nothing if the request was answered otherwise than meant.
const expecting = (status, run) => async (index) => {
  const answered = await run(index)
  if (answered !== status) throw new Error(`expected ${status}, got ${answered}`)
}
const json = (body) => JSON.stringify(body)
const adminCall = (path, body) =>
  fetch(`${url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, body: json(body) }).then((response) => response.json())

const issuers = Array.from({ length: 20 }, (_, index) => `agency-${String(index).padStart(2, '0')}`)
for (const id of issuers) await adminCall('/v1/agencies', { id, name: `机关 ${id}` })
const { token } = await adminCall(`/v1/agencies/${issuers[0]}/tokens`, { name: 'bench' })

const minimal = { version: 1, kind: 'policy', title: '关于做好政务公开工作的通知', issuers: [issuers[0]], publishedAt: '2024-03-01', bodyText: '现将有关事项通知如下。' }
const contentIds = (prefix) => Array.from({ length: 100 }, (_, index) => `${prefix}-${index}`)
const worstAccepted = {
  ...minimal,
  title: '政'.repeat(200),
  documentNumber: '津'.repeat(50),
  issuers,
  topics: ['01', '02', '02.01', '03', '04', '05', '06', '07', '08', '09'],
  subjectWords: Array.from({ length: 20 }, (_, index) => `主题词${index}`.padEnd(50, '词')),
  summary: '摘'.repeat(1500),
  bodyText: '正文内容，'.repeat(100_000),
  bodyHtml: `<p>${'正文'.repeat(499_990)}</p>`,
  attachments: Array.from({ length: 100 }, (_, index) => ({ title: `附件${index}`.padEnd(200, '件'), url: `https://www.tjwq.gov.cn/files/${index}.pdf`, mediaType: 'application/pdf', byteSize: 1024 })),
  links: Object.fromEntries(['interprets', 'interpretations', 'decisions', 'resultingPolicies', 'supersedes', 'supersededBy'].map((name) => [name, contentIds(name)])),
  url: 'https://www.tjwq.gov.cn/zwgk/worst.html',
}
const hostile = {
  '150,000 distinct issuers (1.15 MB)': json({ ...minimal, issuers: Array.from({ length: 150_000 }, (_, index) => `agency-${index}`) }),
  '50,000 invalid topic codes': json({ ...minimal, topics: Array.from({ length: 50_000 }, (_, index) => `x${index}`) }),
  '700,000 empty subject words': json({ ...minimal, subjectWords: Array.from({ length: 700_000 }, () => '') }),
  'a document nested 10,000 deep': `{"items":[{"contentId":"deep","document":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}]}`,
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
async function measure(label, run) {
  const times = []
  for (let index = 0; index < samples; index++) {
    const started = performance.now()
    await run(index)
    times.push(performance.now() - started)
  }
  return { label, median: median(times) }
}

// Creating a new document each time: the whole write path, so the ratio shows validation's share.
const baseline = await measure('minimal document (baseline)', expecting(201, (index) => call('PUT', `/v1/documents/minimal-${index}`, { token, rawBody: json(minimal) })))
const rows = [
  // The same 4.5 MB with a NUL at the end of the text: refused by the first check, so this is sending,
  // parsing and one pass over the strings; the next row minus this one is the schema validation.
  await measure('worst accepted document, refused by the NUL check (transfer + parse)', expecting(400, () => call('PUT', '/v1/documents/worst', { token, rawBody: json({ ...worstAccepted, bodyText: `${worstAccepted.bodyText}\u0000` }) }))),
  // version 0 breaks one rule: ajv (allErrors) still checks the whole document, then nothing is written.
  await measure('worst accepted document, parse + validation only (refused for version 0)', expecting(400, () => call('PUT', '/v1/documents/worst', { token, rawBody: json({ ...worstAccepted, version: 0 }) }))),
  await measure('worst accepted document, whole write (segmenting 500k characters, PostgreSQL)', expecting(201, (index) => call('PUT', `/v1/documents/worst-${index}`, { token, rawBody: json(worstAccepted) }))),
]
const path = (label) => (label.includes('nested') ? '/v1/document-batches' : '/v1/documents/hostile')
for (const [label, rawBody] of Object.entries(hostile)) rows.push(await measure(`refused: ${label}`, expecting(400, () => call(path(label) === '/v1/documents/hostile' ? 'PUT' : 'POST', path(label), { token, rawBody }))))

// /healthz while the largest hostile body is being answered, against /healthz alone.
const healthAlone = await measure('/healthz alone', () => call('GET', '/healthz'))
const healthDuring = await measure('/healthz during 150,000 issuers', async () => {
  const pending = call('PUT', '/v1/documents/hostile', { token, rawBody: hostile['150,000 distinct issuers (1.15 MB)'] })
  await call('GET', '/healthz')
  await pending
})

console.log(`samples: ${samples}; median over HTTP, same run`)
console.log(`${baseline.label.padEnd(80)} ${baseline.median.toFixed(1).padStart(8)} ms   1.00×`)
for (const row of rows) console.log(`${row.label.padEnd(80)} ${row.median.toFixed(1).padStart(8)} ms ${(row.median / baseline.median).toFixed(2).padStart(6)}×`)
console.log(`${healthAlone.label.padEnd(80)} ${healthAlone.median.toFixed(1).padStart(8)} ms   1.00×`)
console.log(`${healthDuring.label.padEnd(80)} ${healthDuring.median.toFixed(1).padStart(8)} ms ${(healthDuring.median / healthAlone.median).toFixed(2).padStart(6)}× (includes answering the hostile body)`)

await library.close()
await database.drop()
await server.stop?.()

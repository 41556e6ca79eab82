// pnpm bench: publish → searchable in the policy library, p50/p95 over BENCH_PUBLISHES (default 50)
// publications through the workflow (签发发布 → outbox job → in-process worker → library → search index),
// next to a baseline measured in the same run: the same documents pushed straight to the library with the
// SDK and polled in search the same way. Real PostgreSQL, the real library over HTTP.
import { createPolicyLibraryClient } from '@gongkai/sdk'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { eventually, libraryAdminToken, startLibrary } from '../test/support/library.js'
import type { RunningLibrary } from '../test/support/library.js'
import { startPayload } from '../test/support/startPayload.js'
import type { StartedPayload } from '../test/support/startPayload.js'
import { createWorkflowWorld } from '../test/support/workflowWorld.js'
import type { WorkflowWorld } from '../test/support/workflowWorld.js'

const publishes = Number(process.env.BENCH_PUBLISHES ?? 50)

let library: RunningLibrary
let started: StartedPayload
let world: WorkflowWorld

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
}

async function searchable(term: string, contentId: string): Promise<void> {
  const client = createPolicyLibraryClient({ baseUrl: library.url, retry: false })
  await eventually(`${contentId} in search`, async () => ((await client.search({ q: term })).items.some((item) => item.contentId === contentId) ? true : undefined), 30_000)
}

beforeAll(async () => {
  library = await startLibrary('gongkai_plugin_bench')
  started = await startPayload({ pluginOptions: { delivery: { library: { url: library.url, adminToken: libraryAdminToken }, publicUrl: 'https://www.wuqing.gov.cn' } } })
  world = await createWorkflowWorld(started.payload)
})

afterAll(async () => {
  await started?.stop()
  await library?.destroy()
})

it(`publish → searchable over ${publishes} publications, against a direct SDK push`, async () => {
  const term = (index: number, kind: string) => `基准${kind}${String.fromCharCode(0x4e00 + index * 7)}${String.fromCharCode(0x4e00 + index * 13 + 3)}号`
  // Warm up: the first publication provisions the agency's token.
  const warm = await world.createDraft('policies', world.policyData(world.agencyA))
  await world.approve('policies', warm.id)
  await world.act('publisher', { collection: 'policies', id: warm.id, action: 'publish' })
  await eventually('warm-up delivery', async () => ((await createPolicyLibraryClient({ baseUrl: library.url }).get(`policies-${warm.id}`)) ? true : undefined))

  const delivered: number[] = []
  for (let index = 0; index < publishes; index += 1) {
    const title = `关于${term(index, '投递')}的通知`
    const policy = await world.createDraft('policies', world.policyData(world.agencyA, { title }))
    await world.approve('policies', policy.id)
    const start = performance.now()
    await world.act('publisher', { collection: 'policies', id: policy.id, action: 'publish' })
    await searchable(term(index, '投递'), `policies-${policy.id}`)
    delivered.push(performance.now() - start)
  }

  const { readStoredSecret } = await import('../src/delivery/deliveryStore.js')
  const agency = await started.payload.findByID({ collection: 'agencies', id: world.agencyA, overrideAccess: true })
  const push = createPolicyLibraryClient({ baseUrl: library.url, token: (await readStoredSecret(started.payload, `library-token:${String(agency.organizationCode).toLowerCase()}`))! })
  const direct: number[] = []
  for (let index = 0; index < publishes; index += 1) {
    const contentId = `bench-direct-${index}`
    const start = performance.now()
    await push.push(contentId, { version: 1, kind: 'policy', title: `关于${term(index, '直推')}的通知`, issuers: [String(agency.organizationCode).toLowerCase()], publishedAt: '2024-07-01', bodyText: '各镇人民政府，各街道办事处：现将有关事项通知如下。' })
    await searchable(term(index, '直推'), contentId)
    direct.push(performance.now() - start)
  }

  const row = (name: string, values: number[]) => `${name.padEnd(36)} p50 ${percentile(values, 50).toFixed(0).padStart(6)} ms   p95 ${percentile(values, 95).toFixed(0).padStart(6)} ms`
  console.log(
    [
      '',
      `publish → searchable in the policy library (${publishes} each, ${new Date().toISOString()})`,
      row('签发发布 → outbox → worker → library', delivered),
      row('baseline: SDK push → library', direct),
      `ratio p50 ${(percentile(delivered, 50) / percentile(direct, 50)).toFixed(2)}×, p95 ${(percentile(delivered, 95) / percentile(direct, 95)).toFixed(2)}× (goal: p95 ≤ 2000 ms)`,
      '',
    ].join('\n'),
  )
  expect(delivered).toHaveLength(publishes)
})

import { createPolicyLibraryClient, PolicyLibraryGoneError } from '@gongkai/sdk'
import { createLocalReq, initTransaction, killTransaction } from 'payload'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { retryDelivery } from '../src/delivery/retryDelivery.js'
import { transition } from '../src/workflow/transition.js'
import { eventually, libraryAdminToken, startLibrary } from './support/library.js'
import type { RunningLibrary } from './support/library.js'
import { startRestServer } from './support/rest.js'
import { startPayload } from './support/startPayload.js'
import type { StartedPayload } from './support/startPayload.js'
import { createWorkflowWorld } from './support/workflowWorld.js'
import type { WorkflowWorld } from './support/workflowWorld.js'

let library: RunningLibrary
let started: StartedPayload
let payload: Payload
let world: WorkflowWorld
const logLines: string[] = []

type Delivery = { id: number; target: string; action: string; version: number; state: string; attempts: number; lastError?: string | null; documentId: string }

async function deliveriesOf(collection: string, id: number | string): Promise<Delivery[]> {
  const { docs } = await payload.find({ collection: 'deliveries', where: { and: [{ documentCollection: { equals: collection } }, { documentId: { equals: String(id) } }] }, sort: 'version', depth: 0, pagination: false, overrideAccess: true })
  return docs as unknown as Delivery[]
}

async function settled(collection: string, id: number | string, count = 1): Promise<Delivery[]> {
  return eventually(`deliveries of ${collection}/${id}`, async () => {
    const deliveries = await deliveriesOf(collection, id)
    return deliveries.length >= count && deliveries.every((delivery) => ['delivered', 'failed', 'skipped', 'submitted'].includes(delivery.state)) ? deliveries : undefined
  }, 50_000)
}

async function publishPolicy(overrides: Record<string, unknown> = {}): Promise<number> {
  const policy = await world.createDraft('policies', world.policyData(world.agencyA, overrides))
  await world.approve('policies', policy.id)
  await world.act('publisher', { collection: 'policies', id: policy.id, action: 'publish' })
  return policy.id
}

const reader = () => createPolicyLibraryClient({ baseUrl: library.url, retry: false })

beforeAll(async () => {
  library = await startLibrary()
  started = await startPayload({
    key: 'gongkai-delivery',
    pluginOptions: {
      delivery: {
        library: { url: library.url, adminToken: libraryAdminToken },
        publicUrl: 'https://www.wuqing.gov.cn',
        retry: { attempts: 3, initialDelayMs: 100, maxDelayMs: 400 },
        worker: { pollIntervalMs: 200 },
      },
    },
  })
  payload = started.payload
  // Every log line of the run, to prove no secret is ever written to the log.
  for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const) {
    const original = payload.logger[level].bind(payload.logger) as (...args: unknown[]) => void
    ;(payload.logger as unknown as Record<string, unknown>)[level] = (...args: unknown[]) => {
      logLines.push(JSON.stringify(args, (_key, value: unknown) => (value instanceof Error ? { message: value.message, stack: value.stack } : value)))
      original(...args)
    }
  }
  world = await createWorkflowWorld(payload)
}, 120_000)

afterAll(async () => {
  await started?.stop()
  await library?.destroy()
})

describe('delivery to the policy library', () => {
  it('delivers a published policy to the library once, with version 1, searchable, and records it', async () => {
    const id = await publishPolicy({ title: '武清区关于推进政务公开标准化工作的通知' })
    const [delivery] = await settled('policies', id)
    expect(delivery).toMatchObject({ target: 'library', action: 'publish', version: 1, state: 'delivered', attempts: 1 })
    const stored = await reader().get(`policies-${id}`)
    expect(stored).toMatchObject({ version: 1, status: 'published', kind: 'policy', title: '武清区关于推进政务公开标准化工作的通知', url: `https://www.wuqing.gov.cn/policies/${id}` })
    expect(stored?.bodyText).toContain('现将有关事项通知如下')
    expect(stored?.bodyHtml).toContain('<p')
    expect(await reader().events(`policies-${id}`)).toHaveLength(1)
    const found = await eventually('the policy in search', async () => {
      const result = await reader().search({ q: '政务公开标准化' })
      return result.items.some((item) => item.contentId === `policies-${id}`) ? result : undefined
    })
    expect(found.items.filter((item) => item.contentId === `policies-${id}`)).toHaveLength(1)
    const audit = await payload.find({ collection: 'gongkai-audit-log', where: { and: [{ documentId: { equals: String(id) } }, { action: { equals: 'delivered' } }] }, overrideAccess: true })
    expect(audit.totalDocs).toBe(1)
  })

  it('keeps the provisioned library token encrypted at rest and never returns it', async () => {
    const { docs } = await payload.find({ collection: 'gongkai-delivery-store', where: { key: { like: 'secret:library-token:' } }, overrideAccess: true })
    expect(docs).toHaveLength(1)
    const stored = JSON.stringify(docs[0]?.value)
    expect(stored).toMatch(/"iv"/)
    expect(stored).not.toMatch(/^gk_|token/i)
    await expect(payload.find({ collection: 'gongkai-delivery-store', overrideAccess: false })).rejects.toMatchObject({ status: 403 })
    await expect(payload.find({ collection: 'gongkai-delivery-store', overrideAccess: false, user: world.users.admin })).rejects.toMatchObject({ status: 403 })
    const rest = await payload.find({ collection: 'gongkai-delivery-store', overrideAccess: true })
    expect(JSON.stringify(rest.docs)).not.toContain('"token"')
  })

  it('sends a published revision as version 2', async () => {
    const id = await publishPolicy()
    await settled('policies', id)
    await payload.update({ collection: 'policies', id, data: { summary: '修订后的摘要' }, draft: true, overrideAccess: false, user: world.users.editor })
    await world.approve('policies', id)
    await world.act('publisher', { collection: 'policies', id, action: 'publish' })
    const deliveries = await settled('policies', id, 2)
    expect(deliveries.map((delivery) => [delivery.version, delivery.state])).toEqual([
      [1, 'delivered'],
      [2, 'delivered'],
    ])
    expect(await reader().get(`policies-${id}`)).toMatchObject({ version: 2, summary: '修订后的摘要' })
  })

  it('withdraws the document in the library with the notice', async () => {
    const id = await publishPolicy()
    await settled('policies', id)
    await world.act('publisher', { collection: 'policies', id, action: 'withdraw', reason: '因机构改革，本文件已撤回。' })
    const deliveries = await settled('policies', id, 2)
    expect(deliveries[1]).toMatchObject({ action: 'withdraw', version: 2, state: 'delivered' })
    // The library answers 410 Gone with the withdrawal notice, and keeps the withdrawal as version 2.
    const gone = (await reader().get(`policies-${id}`).catch((error: unknown) => error)) as PolicyLibraryGoneError
    expect(gone).toBeInstanceOf(PolicyLibraryGoneError)
    expect(gone.removal).toBe('withdrawn')
    expect(gone.gone.withdrawal).toMatchObject({ notice: '因机构改革，本文件已撤回。' })
    expect((await reader().events(`policies-${id}`)).map((event) => event.version)).toEqual([1, 2])
  })

  it('sends a change of 有效性 to the library', async () => {
    const id = await publishPolicy()
    await settled('policies', id)
    await world.act('publisher', { collection: 'policies', id, action: 'invalidate', validity: 'repealed', expiryDate: '2025-01-01T00:00:00.000Z' })
    const deliveries = await settled('policies', id, 2)
    expect(deliveries[1]).toMatchObject({ action: 'validity', state: 'delivered' })
    expect(await reader().get(`policies-${id}`)).toMatchObject({ validity: 'repealed', version: 2 })
  })

  it('never delivers 依申请公开 or 不予公开 documents', async () => {
    const onRequest = await publishPolicy({ disclosure: 'on_request', nonDisclosureReason: 'personal_privacy' })
    const notDisclosed = await publishPolicy({ disclosure: 'not_disclosed', nonDisclosureReason: 'process_information' })
    // A proactive one published after them, to know the worker has run past them.
    const proactive = await publishPolicy()
    await settled('policies', proactive)
    for (const id of [onRequest, notDisclosed]) {
      expect(await deliveriesOf('policies', id)).toEqual([])
      expect(await reader().get(`policies-${id}`)).toBeUndefined()
      const search = await reader().search({ q: `policies-${id}` })
      expect(search.items.some((item) => item.contentId === `policies-${id}`)).toBe(false)
    }
    const sitemap = await (await fetch(`${library.url}/sitemap.xml`)).text()
    expect(sitemap).not.toContain(`policies-${onRequest}`)
  })

  it('shows deliveries to site admins and members of the agency only, over the local API, REST and GraphQL', async () => {
    const id = await publishPolicy()
    await settled('policies', id)
    const where = { documentId: { equals: String(id) } }
    await expect(payload.find({ collection: 'deliveries', where, overrideAccess: false })).rejects.toMatchObject({ status: 403 })
    expect((await payload.find({ collection: 'deliveries', where, overrideAccess: false, user: world.users.editorB })).totalDocs).toBe(0)
    expect((await payload.find({ collection: 'deliveries', where, overrideAccess: false, user: world.users.editor })).totalDocs).toBe(1)
    expect((await payload.find({ collection: 'deliveries', where, overrideAccess: false, user: world.users.admin })).totalDocs).toBe(1)
    const [delivery] = await deliveriesOf('policies', id)
    await expect(payload.update({ collection: 'deliveries', id: delivery!.id, data: { state: 'failed' }, overrideAccess: false, user: world.users.admin })).rejects.toMatchObject({ status: 403 })
    const rest = await startRestServer({ payload, payloadInstanceCacheKey: 'gongkai-delivery' })
    try {
      expect((await rest.request({ path: `/deliveries?where[documentId][equals]=${id}` })).status).toBe(403)
      const byId = await rest.request({ path: `/deliveries/${delivery!.id}` })
      expect([403, 404]).toContain(byId.status)
      expect(JSON.stringify(byId.body)).not.toContain('"target"')
      const tokenB = await rest.login({ email: 'editorb@example.gov.cn', password: 'gongkai-test-password' })
      expect((await rest.request({ path: `/deliveries?where[documentId][equals]=${id}`, token: tokenB })).body.totalDocs).toBe(0)
      expect((await rest.request({ method: 'POST', path: `/deliveries/${delivery!.id}/retry`, token: tokenB })).status).toBe(403)
      const graphql = await rest.request({ method: 'POST', path: '/graphql', body: { query: '{ Deliveries { totalDocs } }' } })
      expect(JSON.stringify(graphql.body)).not.toContain('"totalDocs":1')
    } finally {
      await rest.close()
    }
  })

  it('answers a retry of a delivery that does not exist, or with a hostile id, with 404 in Chinese', async () => {
    for (const id of ['999999', 'abc\u0000', '\ud800', '1e400']) {
      const refused = await retryDelivery({ payload, user: world.users.admin, id }).catch((error: { status?: number; message: string }) => error)
      expect(refused).toMatchObject({ status: 404 })
      expect((refused as { message: string }).message).toContain('找不到')
    }
  })

  it('leaves no delivery and no job when the publishing transaction rolls back', async () => {
    const policy = await world.createDraft('policies', world.policyData(world.agencyA))
    await world.approve('policies', policy.id)
    const req = await createLocalReq({ user: world.users.publisher as never }, payload)
    await initTransaction(req)
    const result = await transition({ payload, req, collection: 'policies', id: policy.id, action: 'publish' })
    expect(result.state).toBe('published')
    // Inside the transaction the outbox row exists…
    expect((await payload.find({ collection: 'deliveries', where: { documentId: { equals: String(policy.id) } }, overrideAccess: true, req })).totalDocs).toBe(1)
    // …then a later step fails and everything is rolled back.
    await killTransaction(req)
    expect(await deliveriesOf('policies', policy.id)).toEqual([])
    const jobs = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'gongkaiDeliver' } }, limit: 0, pagination: false, overrideAccess: true })
    const deliveryIds = new Set((await payload.find({ collection: 'deliveries', limit: 0, pagination: false, overrideAccess: true })).docs.map((doc) => Number(doc.id)))
    expect(jobs.docs.every((job) => deliveryIds.has(Number((job.input as { deliveryId: number }).deliveryId)))).toBe(true)
    expect(await reader().get(`policies-${policy.id}`)).toBeUndefined()
  })
})

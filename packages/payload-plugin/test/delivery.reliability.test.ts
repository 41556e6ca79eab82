import { createPolicyLibraryClient } from '@gongkai/sdk'
import { createLocalReq } from 'payload'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readStoredSecret } from '../src/delivery/deliveryStore.js'
import { stopDeliveryWorker } from '../src/delivery/deliveryWorker.js'
import { recoverStaleDeliveries } from '../src/delivery/recoverStaleDeliveries.js'
import { retryDelivery } from '../src/delivery/retryDelivery.js'
import { buildWorkbench } from '../src/workbench/buildWorkbench.js'
import { gongkaiOptionsOf } from '../src/infrastructure/runtime.js'
import type { GongkaiPluginOptions } from '../src/types.js'
import { inTransaction } from '../src/infrastructure/transaction.js'
import { transition } from '../src/workflow/transition.js'
import { fakePng, startFakeWeChat, startTestServer } from '@gongkai/sdk/testing'
import type { FakeWeChat, TestServer } from '@gongkai/sdk/testing'
import { eventually, libraryAdminToken, startLibrary } from './support/library.js'
import type { RunningLibrary } from './support/library.js'
import { startPayload } from './support/startPayload.js'
import type { StartedPayload } from './support/startPayload.js'
import { createWorkflowWorld, failure } from './support/workflowWorld.js'
import type { WorkflowWorld } from './support/workflowWorld.js'

const webhookSecret = 'webhook-secret-never-logged-0123456789'

let library: RunningLibrary
let wechat: FakeWeChat
let hook: TestServer & { isAccepting: boolean }
let started: StartedPayload
let second: StartedPayload
let payload: Payload
let world: WorkflowWorld
const logLines: string[] = []
/** While set, the next `freepublish/get` hangs until released: a worker that dies mid-publish. */
let hangNextPoll: { release?: () => void; isArmed: boolean } = { isArmed: false }

type Delivery = { id: number; target: string; action: string; version: number; state: string; attempts: number; lastError?: string | null; externalId?: string | null; externalUrl?: string | null }

async function deliveriesOf(id: number | string): Promise<Delivery[]> {
  const { docs } = await payload.find({ collection: 'deliveries', where: { and: [{ documentCollection: { equals: 'policies' } }, { documentId: { equals: String(id) } }] }, sort: 'id', depth: 0, pagination: false, overrideAccess: true })
  return docs as unknown as Delivery[]
}

const finished = ['delivered', 'failed', 'skipped', 'submitted']

async function settled(id: number | string, count: number, timeoutMs = 90_000): Promise<Delivery[]> {
  return eventually(`deliveries of policy ${id}`, async () => {
    const deliveries = await deliveriesOf(id)
    return deliveries.length >= count && deliveries.every((delivery) => finished.includes(delivery.state)) ? deliveries : undefined
  }, timeoutMs)
}

/** Approves a new policy (not yet published). */
async function approvedPolicy(overrides: Record<string, unknown> = {}): Promise<number> {
  const policy = await world.createDraft('policies', world.policyData(world.agencyA, overrides))
  await world.approve('policies', policy.id)
  return policy.id
}

/** A cover in the account's permanent material, as an editor would pick once for the account. */
async function uploadCover(server: FakeWeChat): Promise<string> {
  const token = (await (await fetch(`${server.url}/cgi-bin/stable_token`, { method: 'POST', body: JSON.stringify({ grant_type: 'client_credential', appid: server.appId, secret: server.appSecret }) })).json()) as { access_token: string }
  const form = new FormData()
  form.append('media', new File([Buffer.from(fakePng(300))], 'cover.png', { type: 'image/png' }))
  const material = (await (await fetch(`${server.url}/cgi-bin/material/add_material?type=image&access_token=${token.access_token}`, { method: 'POST', body: form })).json()) as { media_id: string }
  return material.media_id
}

const reader = () => createPolicyLibraryClient({ baseUrl: library.url, retry: false })

beforeAll(async () => {
  library = await startLibrary('gongkai_plugin_reliability')
  wechat = await startFakeWeChat()
  const coverMediaId = await uploadCover(wechat)
  const hookState = { isAccepting: false }
  const hookServer = await startTestServer(() => (hookState.isAccepting ? { status: 200, body: { state: 'published', externalId: 'hook-1' } } : { status: 400, body: { reason: '接收方不认识这个栏目' } }))
  hook = Object.assign(hookServer, hookState)
  Object.defineProperty(hook, 'isAccepting', { get: () => hookState.isAccepting, set: (value: boolean) => (hookState.isAccepting = value) })
  const fetchWithCrash = async (request: Request): Promise<Response> => {
    if (hangNextPoll.isArmed && request.url.includes('/freepublish/get')) {
      hangNextPoll.isArmed = false
      await new Promise<void>((resolve) => (hangNextPoll.release = resolve))
      throw new Error('worker process killed')
    }
    return globalThis.fetch(request)
  }
  const delivery: NonNullable<GongkaiPluginOptions['delivery']> = {
    library: { url: library.url, adminToken: libraryAdminToken },
    publicUrl: 'https://www.wuqing.gov.cn',
    channels: {
      wechat: { kind: 'wechat', label: '武清发布', appId: wechat.appId, appSecret: wechat.appSecret, baseUrl: wechat.url, defaultCoverMediaId: coverMediaId },
      brokenHook: { kind: 'webhook', label: '头条桥接', url: hook.url, secret: webhookSecret },
    },
    // Enough attempts to outlast the stopped library on a loaded machine.
    retry: { attempts: 1000, initialDelayMs: 100, maxDelayMs: 500 },
    worker: { pollIntervalMs: 200 },
    leaseMs: 1500,
    fetch: fetchWithCrash,
  }
  started = await startPayload({ pluginOptions: { delivery } })
  payload = started.payload
  for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const) {
    const original = payload.logger[level].bind(payload.logger) as (...args: unknown[]) => void
    ;(payload.logger as unknown as Record<string, unknown>)[level] = (...args: unknown[]) => {
      logLines.push(JSON.stringify(args, (_key, value: unknown) => (value instanceof Error ? { message: value.message, stack: value.stack } : value)))
      original(...args)
    }
  }
  world = await createWorkflowWorld(payload)
  // A second worker on the same database (a separate worker process in production), running only on demand.
  second = await startPayload({ database: started.database, key: 'second-worker', pluginOptions: { delivery: { ...delivery, worker: { isEnabled: false } } } })
}, 180_000)

afterAll(async () => {
  hangNextPoll.release?.()
  await second?.close()
  await started?.stop()
  await library?.destroy()
  await wechat?.close()
  await hook?.close()
})

describe('delivery reliability', () => {
  it('delivers to the library and WeChat while a permanently failing channel fails on its own; a 签发 retries it once fixed', async () => {
    const id = await approvedPolicy({ title: '关于做好2024年度政务公开工作的通知' })
    await world.act('publisher', { collection: 'policies', id, action: 'publish' })
    const deliveries = await settled(id, 3)
    const byTarget = Object.fromEntries(deliveries.map((delivery) => [delivery.target, delivery]))
    expect(byTarget.library).toMatchObject({ state: 'delivered', attempts: 1 })
    expect(byTarget.wechat).toMatchObject({ state: 'delivered', attempts: 1 })
    expect(byTarget.wechat?.externalUrl).toMatch(/^https:\/\/mp\.weixin\.qq\.com\/s\//)
    expect(byTarget.brokenHook).toMatchObject({ state: 'failed', attempts: 1 })
    expect(byTarget.brokenHook?.lastError).toContain('接收方返回 HTTP 400')
    expect(wechat.submissions).toHaveLength(1)
    expect(await reader().get(`policies-${id}`)).toMatchObject({ version: 1 })

    // The agency's members see the failure on their 工作台; another agency's do not.
    const failedLineOf = async (user: Record<string, unknown> & { id: number | string }) => {
      const workbench = await buildWorkbench({ payload, req: await createLocalReq({ user: user as never }, payload), user, options: gongkaiOptionsOf(payload) })
      return workbench.lines.find((line) => line.key === 'failedDeliveries')
    }
    expect(await failedLineOf(world.users.publisher as never)).toMatchObject({ count: 1, href: expect.stringContaining('/collections/deliveries?') })
    expect(await failedLineOf(world.users.publisherB as never)).toMatchObject({ count: 0 })

    // The editor may not retry; the agency's 签发 may.
    const hookDelivery = byTarget.brokenHook!
    expect(await failure(retryDelivery({ payload, user: world.users.editor, id: hookDelivery.id }))).toMatchObject({ status: 403 })
    expect(await failure(retryDelivery({ payload, user: world.users.publisherB, id: hookDelivery.id }))).toMatchObject({ status: 403 })
    expect(await failure(retryDelivery({ payload, user: world.users.publisher, id: byTarget.library!.id }))).toMatchObject({ status: 409 })
    hook.isAccepting = true
    await retryDelivery({ payload, user: world.users.publisher, id: hookDelivery.id })
    const retried = await eventually('the retried webhook delivery', async () => {
      const [delivery] = (await deliveriesOf(id)).filter((candidate) => candidate.target === 'brokenHook')
      return delivery?.state === 'delivered' ? delivery : undefined
    }, 90_000)
    expect(retried.attempts).toBe(1)
    hook.isAccepting = false

    // Withdrawal reaches the library with the notice and takes the WeChat article down (freepublish/delete).
    await world.act('publisher', { collection: 'policies', id, action: 'withdraw', reason: '内容有误，撤回后重新发布。' })
    const withdrawals = (await settled(id, 6)).filter((delivery) => delivery.action === 'withdraw')
    const withdrawnAt = Object.fromEntries(withdrawals.map((delivery) => [delivery.target, delivery]))
    expect(withdrawnAt.library).toMatchObject({ state: 'delivered', version: 2 })
    expect(withdrawnAt.wechat).toMatchObject({ state: 'delivered', version: 2 })
    expect(wechat.deletions).toHaveLength(1)
  }, 240_000)

  it('publishes many documents while the library is stopped; each arrives exactly once with its version after it starts', async () => {
    await library.stop()
    const ids: number[] = []
    for (let index = 0; index < 50; index += 1) ids.push(await approvedPolicy({ deliveryChannels: [] }))
    for (const id of ids) await world.act('publisher', { collection: 'policies', id, action: 'publish' })
    // Nothing got through, and every delivery is waiting for a retry.
    await eventually('failed first attempts', async () => {
      const deliveries = await Promise.all(ids.slice(0, 5).map(deliveriesOf))
      return deliveries.flat().every((delivery) => delivery.state === 'retrying') ? true : undefined
    })
    await library.start()
    for (const id of ids) {
      const [delivery] = await settled(id, 1, 60_000)
      expect(delivery).toMatchObject({ target: 'library', state: 'delivered', version: 1 })
      const events = await reader().events(`policies-${id}`)
      expect(events).toHaveLength(1)
      expect(await reader().get(`policies-${id}`)).toMatchObject({ version: 1 })
    }
  }, 240_000)

  it('never lets two concurrent workers deliver one job twice', async () => {
    const ids: number[] = []
    for (let index = 0; index < 8; index += 1) ids.push(await approvedPolicy({ deliveryChannels: ['wechat'] }))
    const before = wechat.submissions.length
    // One commit queues them all; this process's worker wakes, and two more runners race it.
    const req = await createLocalReq({ user: world.users.publisher as never }, payload)
    await inTransaction(req, async () => {
      for (const id of ids) await transition({ payload, req, collection: 'policies', id, action: 'publish' })
    })
    // Payload's runner may pick a job another runner has just finished and deleted, and then throw; the
    // delivery itself is claimed once.
    await Promise.allSettled([payload.jobs.run({ queue: 'gongkai-delivery', limit: 50 }), second.payload.jobs.run({ queue: 'gongkai-delivery', limit: 50 }), second.payload.jobs.run({ queue: 'gongkai-delivery', limit: 50 })])
    for (const id of ids) {
      const deliveries = await settled(id, 2)
      expect(deliveries.map((delivery) => [delivery.target, delivery.state, delivery.attempts])).toEqual([
        ['library', 'delivered', 1],
        ['wechat', 'delivered', 1],
      ])
      expect(await reader().events(`policies-${id}`)).toHaveLength(1)
      const audit = await payload.count({ collection: 'gongkai-audit-log', where: { and: [{ documentId: { equals: String(id) } }, { action: { equals: 'delivered' } }] }, overrideAccess: true })
      expect(audit.totalDocs).toBe(2)
    }
    expect(wechat.submissions.length - before).toBe(ids.length)
  }, 300_000)

  it('finishes a WeChat publication after its worker died mid-publish, without a second article', async () => {
    const id = await approvedPolicy({ deliveryChannels: ['wechat'] })
    const submissionsBefore = wechat.submissions.length
    const draftsBefore = wechat.drafts.size
    hangNextPoll = { isArmed: true }
    await world.act('publisher', { collection: 'policies', id, action: 'publish' })
    // The article was submitted; the worker hangs (as if killed) before it learns the outcome.
    await eventually('the submission', async () => (wechat.submissions.length > submissionsBefore && hangNextPoll.release ? true : undefined), 90_000)
    const [, hung] = await deliveriesOf(id)
    expect(hung).toMatchObject({ target: 'wechat', state: 'delivering' })
    // The process dies: its worker stops (and with it the renewal of the delivery's lease).
    void stopDeliveryWorker(payload)
    // Another worker (the next run of the standalone command) takes over once the lease has run out.
    await new Promise((resolve) => setTimeout(resolve, 1600))
    expect(await recoverStaleDeliveries(second.payload)).toBeGreaterThanOrEqual(1)
    await second.payload.jobs.run({ queue: 'gongkai-delivery', limit: 50 })
    const deliveries = await settled(id, 2)
    expect(deliveries[1]).toMatchObject({ target: 'wechat', state: 'delivered', attempts: 2 })
    expect(wechat.submissions.length - submissionsBefore).toBe(1)
    expect(wechat.drafts.size - draftsBefore).toBe(1)
    // The dead worker wakes up late: it does not overwrite what the other one recorded.
    hangNextPoll.release?.()
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect((await deliveriesOf(id))[1]).toMatchObject({ state: 'delivered', attempts: 2 })
  }, 240_000)

  it('never writes a secret to the log, a delivery record or the audit log', async () => {
    const provisioned = await readStoredSecret(payload, `library-token:${(await payload.findByID({ collection: 'agencies', id: world.agencyA, overrideAccess: true })).organizationCode.toLowerCase()}`)
    expect(provisioned).toBeTruthy()
    const secrets = [wechat.appSecret, webhookSecret, libraryAdminToken, provisioned!, ...wechat.tokensIssued]
    const deliveries = JSON.stringify((await payload.find({ collection: 'deliveries', limit: 0, pagination: false, overrideAccess: true })).docs)
    const audit = JSON.stringify((await payload.find({ collection: 'gongkai-audit-log', limit: 0, pagination: false, overrideAccess: true })).docs)
    expect(logLines.length).toBeGreaterThan(10)
    for (const secret of secrets) {
      for (const line of logLines) expect(line).not.toContain(secret)
      expect(deliveries).not.toContain(secret)
      expect(audit).not.toContain(secret)
    }
  })
})

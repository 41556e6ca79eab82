import { createPolicyLibraryClient } from '@gongkai/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { GongkaiPluginOptions } from '../src/types.js'
import { fakePng, startFakeWeChat } from '@gongkai/sdk/testing'
import type { FakeWeChat } from '@gongkai/sdk/testing'
import { eventually, libraryAdminToken, startLibrary } from './support/library.js'
import type { RunningLibrary } from './support/library.js'
import { startPayload } from './support/startPayload.js'
import type { StartedPayload } from './support/startPayload.js'
import { createWorkflowWorld } from './support/workflowWorld.js'

// “Restart the CMS mid-run; nothing is lost or doubled.” The first CMS instance publishes a batch while the
// library is slow and WeChat still reviews, and dies mid-run: its requests never come back (as with SIGKILL)
// and it stops. A new instance on the same database finishes every delivery exactly once.

let library: RunningLibrary
let wechat: FakeWeChat
let first: StartedPayload
let restarted: StartedPayload | undefined
/** Set when the first instance "dies": its calls hang until the test ends, then fail. */
let isFirstDead = false
/** The delivery options of the restarted instance (same as the first, without the dying fetch). */
let restartDelivery: GongkaiPluginOptions['delivery']
const hung: Array<() => void> = []

type Delivery = { id: number; documentId: string; target: string; state: string; version: number; externalUrl?: string | null }

async function uploadCover(server: FakeWeChat): Promise<string> {
  const token = (await (await fetch(`${server.url}/cgi-bin/stable_token`, { method: 'POST', body: JSON.stringify({ grant_type: 'client_credential', appid: server.appId, secret: server.appSecret }) })).json()) as { access_token: string }
  const form = new FormData()
  form.append('media', new File([Buffer.from(fakePng(300))], 'cover.png', { type: 'image/png' }))
  const material = (await (await fetch(`${server.url}/cgi-bin/material/add_material?type=image&access_token=${token.access_token}`, { method: 'POST', body: form })).json()) as { media_id: string }
  return material.media_id
}

beforeAll(async () => {
  library = await startLibrary('gongkai_plugin_restart')
  wechat = await startFakeWeChat({ scenario: { pollsWhilePublishing: 7, finalStatus: 0 } })
  const coverMediaId = await uploadCover(wechat)
  const delivery = (fetch: (request: Request) => Promise<Response>): NonNullable<GongkaiPluginOptions['delivery']> => ({
    library: { url: library.url, adminToken: libraryAdminToken },
    publicUrl: 'https://www.wuqing.gov.cn',
    channels: { wechat: { kind: 'wechat', label: '武清发布', appId: wechat.appId, appSecret: wechat.appSecret, baseUrl: wechat.url, defaultCoverMediaId: coverMediaId } },
    retry: { attempts: 1000, initialDelayMs: 100, maxDelayMs: 500 },
    statusCheck: { initialDelayMs: 300, maxDelayMs: 1000, timeoutMs: 600_000 },
    worker: { pollIntervalMs: 200 },
    leaseMs: 1500,
    fetch,
  })
  // The first instance's library is slow (each call waits a second), so the batch is still running when it dies.
  const firstFetch = async (request: Request): Promise<Response> => {
    if (request.url.startsWith(library.url)) await new Promise((resolve) => setTimeout(resolve, 1000))
    if (isFirstDead) {
      await new Promise<void>((resolve) => hung.push(resolve))
      throw new Error('process killed')
    }
    return globalThis.fetch(request)
  }
  first = await startPayload({ pluginOptions: { delivery: delivery(firstFetch) } })
  restartDelivery = delivery((request) => globalThis.fetch(request))
}, 180_000)

afterAll(async () => {
  for (const release of hung) release()
  await restarted?.close()
  await first?.stop()
  await library?.destroy()
  await wechat?.close()
})

describe('restarting the CMS mid-run', () => {
  it('loses and doubles nothing: every document reaches the library once with its version, each WeChat post is one article', async () => {
    const world = await createWorkflowWorld(first.payload)
    const libraryOnly: number[] = []
    const withWeChat: number[] = []
    for (let index = 0; index < 2; index += 1) {
      const policy = await world.createDraft('policies', world.policyData(world.agencyA, { deliveryChannels: ['wechat'] }))
      await world.approve('policies', policy.id)
      withWeChat.push(policy.id)
    }
    for (let index = 0; index < 16; index += 1) {
      const policy = await world.createDraft('policies', world.policyData(world.agencyA, { deliveryChannels: [] }))
      await world.approve('policies', policy.id)
      libraryOnly.push(policy.id)
    }
    const ids = [...withWeChat, ...libraryOnly]
    for (const id of ids) await world.act('publisher', { collection: 'policies', id, action: 'publish' })
    const deliveriesOf = async (payload: typeof first.payload) =>
      (await payload.find({ collection: 'deliveries', where: { documentCollection: { equals: 'policies' } }, sort: 'id', depth: 0, pagination: false, overrideAccess: true })).docs as unknown as Delivery[]
    const expected = libraryOnly.length + withWeChat.length * 2
    // Mid-run: some deliveries are through, WeChat still reviews a post, others are not through yet.
    const atDeath = await eventually('a batch half delivered', async () => {
      const deliveries = await deliveriesOf(first.payload)
      const delivered = deliveries.filter((delivery) => delivery.state === 'delivered').length
      return delivered >= 3 && deliveries.some((delivery) => delivery.target === 'wechat' && delivery.state === 'submitted') ? deliveries : undefined
    }, 90_000)
    isFirstDead = true
    // The process dies: its worker stops (no lease renewed, no job run); its calls in flight never return.
    void first.payload.destroy().catch(() => undefined)
    expect(atDeath).toHaveLength(expected)
    expect(atDeath.filter((delivery) => delivery.state === 'delivered').length).toBeLessThan(expected)

    // A new CMS instance on the same database.
    restarted = await startPayload({ database: first.database, key: 'restarted', pluginOptions: { delivery: restartDelivery } })
    const payload = restarted.payload
    const finished = await eventually('every delivery finished after the restart', async () => {
      const deliveries = await deliveriesOf(payload)
      return deliveries.length === expected && deliveries.every((delivery) => ['delivered', 'failed', 'skipped'].includes(delivery.state)) ? deliveries : undefined
    }, 180_000)
    expect(finished.map((delivery) => delivery.state)).toEqual(finished.map(() => 'delivered'))
    const reader = createPolicyLibraryClient({ baseUrl: library.url, retry: false })
    for (const id of ids) {
      const events = await reader.events(`policies-${id}`)
      expect(events, `library events of policy ${id}`).toHaveLength(1)
      expect(await reader.get(`policies-${id}`)).toMatchObject({ version: 1 })
    }
    const wechatDeliveries = finished.filter((delivery) => delivery.target === 'wechat')
    expect(wechatDeliveries).toHaveLength(withWeChat.length)
    for (const delivery of wechatDeliveries) expect(delivery.externalUrl).toMatch(/^https:\/\/mp\.weixin\.qq\.com\/s\//)
    expect(wechat.submissions).toHaveLength(withWeChat.length)
    expect(wechat.drafts.size).toBe(withWeChat.length)
  }, 400_000)
})

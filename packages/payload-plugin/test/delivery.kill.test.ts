import { createPolicyLibraryClient } from '@gongkai/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { GongkaiPluginOptions } from '../src/types.js'
import { fakePng, startFakeWeChat } from '@gongkai/sdk/testing'
import type { FakeWeChat } from '@gongkai/sdk/testing'
import { eventually, libraryAdminToken, startLibrary } from './support/library.js'
import type { RunningLibrary } from './support/library.js'
import { startCmsProcess } from './support/startCmsProcess.js'
import type { CmsProcess } from './support/startCmsProcess.js'
import { startPayload } from './support/startPayload.js'
import type { StartedPayload } from './support/startPayload.js'
import { createWorkflowWorld } from './support/workflowWorld.js'

// The CMS process is killed with SIGKILL while it delivers a batch (the library slow, WeChat still reviewing a
// post); a new CMS process on the same database finishes every delivery exactly once.

let library: RunningLibrary
let wechat: FakeWeChat
/** Publishes (its own worker off): the editors' side. */
let editors: StartedPayload
let delivery: NonNullable<GongkaiPluginOptions['delivery']>
const processes: CmsProcess[] = []

type Delivery = { id: number; target: string; state: string; externalUrl?: string | null }

async function uploadCover(server: FakeWeChat): Promise<string> {
  const token = (await (await fetch(`${server.url}/cgi-bin/stable_token`, { method: 'POST', body: JSON.stringify({ grant_type: 'client_credential', appid: server.appId, secret: server.appSecret }) })).json()) as { access_token: string }
  const form = new FormData()
  form.append('media', new File([Buffer.from(fakePng(300))], 'cover.png', { type: 'image/png' }))
  const material = (await (await fetch(`${server.url}/cgi-bin/material/add_material?type=image&access_token=${token.access_token}`, { method: 'POST', body: form })).json()) as { media_id: string }
  return material.media_id
}

beforeAll(async () => {
  library = await startLibrary('gongkai_plugin_kill')
  wechat = await startFakeWeChat({ scenario: { pollsWhilePublishing: 7, finalStatus: 0 } })
  const coverMediaId = await uploadCover(wechat)
  delivery = {
    library: { url: library.url, adminToken: libraryAdminToken },
    publicUrl: 'https://www.wuqing.gov.cn',
    channels: { wechat: { kind: 'wechat', label: '武清发布', appId: wechat.appId, appSecret: wechat.appSecret, baseUrl: wechat.url, defaultCoverMediaId: coverMediaId } },
    retry: { attempts: 1000, initialDelayMs: 100, maxDelayMs: 500 },
    statusCheck: { initialDelayMs: 300, maxDelayMs: 1000, timeoutMs: 600_000 },
    worker: { pollIntervalMs: 200 },
    leaseMs: 1500,
  }
  editors = await startPayload({ pluginOptions: { delivery: { ...delivery, worker: { isEnabled: false } } } })
}, 180_000)

afterAll(async () => {
  for (const cms of processes) await cms.kill()
  await editors?.stop()
  await library?.destroy()
  await wechat?.close()
})

describe('killing the CMS process mid-run', () => {
  it('loses and doubles nothing after SIGKILL and a restart', async () => {
    const first = await startCmsProcess({ databaseUrl: editors.database.url, delivery, libraryDelayMs: 1000 })
    processes.push(first)
    const world = await createWorkflowWorld(editors.payload)
    const ids: number[] = []
    const withWeChat: number[] = []
    for (let index = 0; index < 14; index += 1) {
      const isWeChat = index < 2
      const policy = await world.createDraft('policies', world.policyData(world.agencyA, { deliveryChannels: isWeChat ? ['wechat'] : [] }))
      await world.approve('policies', policy.id)
      ids.push(policy.id)
      if (isWeChat) withWeChat.push(policy.id)
    }
    for (const id of ids) await world.act('publisher', { collection: 'policies', id, action: 'publish' })
    const deliveriesOf = async () =>
      (await editors.payload.find({ collection: 'deliveries', where: { documentCollection: { equals: 'policies' } }, sort: 'id', depth: 0, pagination: false, overrideAccess: true })).docs as unknown as Delivery[]
    const expected = ids.length + withWeChat.length
    const atKill = await eventually('a batch half delivered', async () => {
      const deliveries = await deliveriesOf()
      const delivered = deliveries.filter((candidate) => candidate.state === 'delivered').length
      return delivered >= 3 && deliveries.some((candidate) => candidate.target === 'wechat' && ['submitted', 'delivering'].includes(candidate.state)) ? deliveries : undefined
    }, 120_000)
    await first.kill()
    expect(first.child.signalCode).toBe('SIGKILL')
    expect(atKill).toHaveLength(expected)
    expect(atKill.filter((candidate) => candidate.state === 'delivered').length).toBeLessThan(expected)

    // The CMS is started again on the same database.
    processes.push(await startCmsProcess({ databaseUrl: editors.database.url, delivery }))
    const finished = await eventually('every delivery finished after the restart', async () => {
      const deliveries = await deliveriesOf()
      return deliveries.length === expected && deliveries.every((candidate) => ['delivered', 'failed', 'skipped'].includes(candidate.state)) ? deliveries : undefined
    }, 240_000)
    expect(finished.map((candidate) => candidate.state)).toEqual(finished.map(() => 'delivered'))
    const reader = createPolicyLibraryClient({ baseUrl: library.url, retry: false })
    for (const id of ids) {
      expect(await reader.events(`policies-${id}`), `library events of policy ${id}`).toHaveLength(1)
      expect(await reader.get(`policies-${id}`)).toMatchObject({ version: 1 })
    }
    for (const candidate of finished.filter((item) => item.target === 'wechat')) expect(candidate.externalUrl).toMatch(/^https:\/\/mp\.weixin\.qq\.com\/s\//)
    expect(wechat.submissions).toHaveLength(withWeChat.length)
    expect(wechat.drafts.size).toBe(withWeChat.length)
  }, 500_000)
})

import { createPolicyLibraryClient } from '@gongkai/sdk'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readStoredSecret } from '../src/delivery/deliveryStore.js'
import { eventually, libraryAdminToken, startLibrary } from './support/library.js'
import type { RunningLibrary } from './support/library.js'
import { startPayload } from './support/startPayload.js'
import type { StartedPayload } from './support/startPayload.js'
import { createWorkflowWorld } from './support/workflowWorld.js'
import type { WorkflowWorld } from './support/workflowWorld.js'

// 联合发文: the library wants the lead agency first in `issuers` and every co-issuer registered; the document
// then appears in each issuer's feed.

let library: RunningLibrary
let started: StartedPayload
let payload: Payload
let world: WorkflowWorld

type Delivery = { target: string; state: string; lastError?: string | null }

beforeAll(async () => {
  library = await startLibrary('gongkai_plugin_joint')
  started = await startPayload({
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
  world = await createWorkflowWorld(payload)
}, 180_000)

afterAll(async () => {
  await started?.stop()
  await library?.destroy()
})

describe('delivery of a joint document (联合发文)', () => {
  it('sends the lead agency first and the registered co-issuers after it; the document is in each issuer’s feed', async () => {
    const title = '关于联合开展2024年度政务公开专项检查的通知'
    const policy = await world.createDraft('policies', world.policyData(world.agencyA, { title, jointIssuers: [world.agencyB], deliveryChannels: [] }))
    await world.approve('policies', policy.id)
    await world.act('publisher', { collection: 'policies', id: policy.id, action: 'publish' })
    const delivery = await eventually('the library delivery', async () => {
      const { docs } = await payload.find({ collection: 'deliveries', where: { documentId: { equals: String(policy.id) } }, depth: 0, overrideAccess: true })
      const found = docs[0] as unknown as Delivery | undefined
      return found && ['delivered', 'failed'].includes(found.state) ? found : undefined
    }, 60_000)
    expect(delivery).toMatchObject({ target: 'library', state: 'delivered', lastError: null })
    const lead = world.codeA.toLowerCase()
    const joint = world.codeB.toLowerCase()
    const reader = createPolicyLibraryClient({ baseUrl: library.url, retry: false })
    expect((await reader.get(`policies-${policy.id}`))?.issuers.map((issuer) => issuer.id)).toEqual([lead, joint])
    for (const agency of [lead, joint]) {
      const feed = await eventually(`the feed of ${agency}`, async () => {
        const response = await fetch(`${library.url}/v1/agencies/${agency}/feed.atom`)
        const body = await response.text()
        return response.status === 200 && body.includes(title) ? body : undefined
      })
      expect(feed).toContain(title)
    }
    // The co-issuer is registered, but gets no push token: naming it gives it no right over the document.
    expect(await readStoredSecret(payload, `library-token:${lead}`)).toBeTruthy()
    expect(await readStoredSecret(payload, `library-token:${joint}`)).toBeUndefined()
  }, 120_000)
})

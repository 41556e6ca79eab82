import { createPolicyLibraryClient } from '@gongkai/sdk'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { fakePng, startFakeWeChat } from '@gongkai/sdk/testing'
import type { FakeWeChat } from '@gongkai/sdk/testing'
import { eventually, libraryAdminToken, startLibrary } from './support/library.js'
import type { RunningLibrary } from './support/library.js'
import { startPayload } from './support/startPayload.js'
import type { StartedPayload } from './support/startPayload.js'
import { createWorkflowWorld } from './support/workflowWorld.js'
import type { WorkflowWorld } from './support/workflowWorld.js'

// A post WeChat accepted but still reviews (publish_status 1) is checked again later until it is published or
// failed, and given up as 推送失败 after `statusCheck.timeoutMs`.

let library: RunningLibrary
let wechat: FakeWeChat
let started: StartedPayload
let payload: Payload
let world: WorkflowWorld

type Delivery = { id: number; target: string; state: string; attempts: number; lastError?: string | null; externalId?: string | null; externalUrl?: string | null; nextAttemptAt?: string | null; deliveredAt?: string | null }

async function wechatDelivery(id: number): Promise<Delivery | undefined> {
  const { docs } = await payload.find({
    collection: 'deliveries',
    where: { and: [{ documentCollection: { equals: 'policies' } }, { documentId: { equals: String(id) } }, { target: { equals: 'wechat' } }] },
    depth: 0,
    overrideAccess: true,
  })
  return docs[0] as unknown as Delivery | undefined
}

async function uploadCover(server: FakeWeChat): Promise<string> {
  const token = (await (await fetch(`${server.url}/cgi-bin/stable_token`, { method: 'POST', body: JSON.stringify({ grant_type: 'client_credential', appid: server.appId, secret: server.appSecret }) })).json()) as { access_token: string }
  const form = new FormData()
  form.append('media', new File([Buffer.from(fakePng(300))], 'cover.png', { type: 'image/png' }))
  const material = (await (await fetch(`${server.url}/cgi-bin/material/add_material?type=image&access_token=${token.access_token}`, { method: 'POST', body: form })).json()) as { media_id: string }
  return material.media_id
}

/** Publishes a new policy to the library and WeChat while WeChat keeps it “publishing” for `polls` status queries. */
async function publishWhileWeChatReviews(polls: number, finalStatus: number): Promise<number> {
  wechat.scenario = { pollsWhilePublishing: polls, finalStatus }
  const policy = await world.createDraft('policies', world.policyData(world.agencyA, { deliveryChannels: ['wechat'] }))
  await world.approve('policies', policy.id)
  await world.act('publisher', { collection: 'policies', id: policy.id, action: 'publish' })
  return policy.id
}

beforeAll(async () => {
  library = await startLibrary('gongkai_plugin_status_check')
  wechat = await startFakeWeChat()
  const coverMediaId = await uploadCover(wechat)
  started = await startPayload({
    pluginOptions: {
      delivery: {
        library: { url: library.url, adminToken: libraryAdminToken },
        publicUrl: 'https://www.wuqing.gov.cn',
        channels: { wechat: { kind: 'wechat', label: '武清发布', appId: wechat.appId, appSecret: wechat.appSecret, baseUrl: wechat.url, defaultCoverMediaId: coverMediaId } },
        // Few retries: the status checks of a post under review must not use them up.
        retry: { attempts: 3, initialDelayMs: 100, maxDelayMs: 500 },
        statusCheck: { initialDelayMs: 300, maxDelayMs: 1000, timeoutMs: 20_000 },
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
  await wechat?.close()
})

describe('delivery of a post the platform still reviews', () => {
  it('checks a submitted WeChat post again until it is published: 已推送 with the article URL, one article', async () => {
    const submissionsBefore = wechat.submissions.length
    // The adapter polls 5 times within the publish attempt; WeChat answers “publishing” 5 times more after that.
    const id = await publishWhileWeChatReviews(10, 0)
    const submitted = await eventually('the submitted WeChat delivery', async () => {
      const delivery = await wechatDelivery(id)
      return delivery?.state === 'submitted' ? delivery : undefined
    }, 60_000)
    expect(submitted.externalId).toBeTruthy()
    expect(submitted.nextAttemptAt).toBeTruthy()
    const delivered = await eventually('the published WeChat delivery', async () => {
      const delivery = await wechatDelivery(id)
      return delivery && !['submitted', 'delivering', 'queued', 'retrying'].includes(delivery.state) ? delivery : undefined
    }, 60_000)
    expect(delivered).toMatchObject({ state: 'delivered', lastError: null, nextAttemptAt: null })
    expect(delivered.externalUrl).toMatch(/^https:\/\/mp\.weixin\.qq\.com\/s\//)
    expect(delivered.externalId).toContain(submitted.externalId)
    expect(delivered.attempts).toBeGreaterThan(1)
    expect(wechat.submissions.length - submissionsBefore).toBe(1)
    // The submission and the publication are recorded once each in the audit log, not every check.
    const audit = await payload.find({ collection: 'gongkai-audit-log', where: { and: [{ documentId: { equals: String(id) } }, { action: { equals: 'delivered' } }] }, depth: 0, pagination: false, overrideAccess: true })
    const wechatEntries = audit.docs.filter((entry) => (entry as { details?: { target?: string } }).details?.target === 'wechat')
    expect(wechatEntries.map((entry) => (entry as { details?: { state?: string } }).details?.state)).toEqual(expect.arrayContaining(['submitted', 'delivered']))
    expect(wechatEntries).toHaveLength(2)
    const reader = createPolicyLibraryClient({ baseUrl: library.url, retry: false })
    expect(await reader.events(`policies-${id}`)).toHaveLength(1)
  }, 120_000)

  it('keeps checking when a check gets no answer, without using up the retries', async () => {
    const submissionsBefore = wechat.submissions.length
    const id = await publishWhileWeChatReviews(14, 0)
    await eventually('a few status checks', async () => {
      const delivery = await wechatDelivery(id)
      return delivery?.state === 'submitted' && delivery.attempts >= 3 ? true : undefined
    }, 60_000)
    // The connection drops while WeChat is asked again (the retries, 3, are used up by now).
    wechat.dropAnswer('freepublish/get')
    const delivered = await eventually('the published WeChat delivery', async () => {
      const delivery = await wechatDelivery(id)
      return delivery && !['submitted', 'delivering', 'queued', 'retrying'].includes(delivery.state) ? delivery : undefined
    }, 60_000)
    expect(delivered).toMatchObject({ state: 'delivered', lastError: null })
    expect(delivered.attempts).toBeGreaterThan(3)
    expect(delivered.externalUrl).toMatch(/^https:\/\/mp\.weixin\.qq\.com\/s\//)
    expect(wechat.submissions.length - submissionsBefore).toBe(1)
  }, 120_000)

  it('records WeChat’s refusal found by a later check as 推送失败 with the Chinese reason', async () => {
    const id = await publishWhileWeChatReviews(7, 4)
    const failed = await eventually('the refused WeChat delivery', async () => {
      const delivery = await wechatDelivery(id)
      return delivery && !['submitted', 'delivering', 'queued', 'retrying'].includes(delivery.state) ? delivery : undefined
    }, 60_000)
    expect(failed.state).toBe('failed')
    expect(failed.lastError).toContain('文章未通过微信平台审核（publish_status 4）')
  }, 120_000)

  it('gives up after statusCheck.timeoutMs as 推送失败 with the reason', async () => {
    const id = await publishWhileWeChatReviews(100_000, 0)
    const failed = await eventually('the WeChat delivery given up', async () => {
      const delivery = await wechatDelivery(id)
      return delivery && !['submitted', 'delivering', 'queued', 'retrying'].includes(delivery.state) ? delivery : undefined
    }, 90_000)
    expect(failed.state).toBe('failed')
    expect(failed.lastError).toMatch(/^“武清发布”自 .+ 提交后超过 20 秒 仍在审核或发布中，已停止查询；请在平台后台确认发布结果后重试$/u)
    expect(failed.externalId).toBeTruthy()
  }, 120_000)
})

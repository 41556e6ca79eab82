import { createPolicyLibraryClient } from '@gongkai/sdk'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { WorkflowError } from '../src/infrastructure/WorkflowError.js'
import { eventually, libraryAdminToken, startLibrary } from './support/library.js'
import type { RunningLibrary } from './support/library.js'
import { parseJson, startTestServer } from '@gongkai/sdk/testing'
import type { TestServer } from '@gongkai/sdk/testing'
import { startRestServer } from './support/rest.js'
import type { RestResponse, RestServer } from './support/rest.js'
import { startPayload } from './support/startPayload.js'
import type { StartedPayload } from './support/startPayload.js'
import { createWorkflowWorld } from './support/workflowWorld.js'
import type { WorkflowActor, WorkflowWorld } from './support/workflowWorld.js'

// 删除（误发） and 抹除历史版本 from the CMS, delivered to the real policy library over HTTP.

let library: RunningLibrary
let started: StartedPayload
let payload: Payload
let world: WorkflowWorld
let rest: RestServer
let hook: TestServer
const tokens = {} as Record<WorkflowActor, string>

type Delivery = { id: number; target: string; action: string; version: number; state: string; notice?: string | null; lastError?: string | null; externalId?: string | null }

/** The document's deliveries to one target (the library unless named), oldest first. */
async function deliveriesOf(id: number | string, target = 'library', collection = 'policies'): Promise<Delivery[]> {
  const { docs } = await payload.find({
    collection: 'deliveries',
    where: { and: [{ documentCollection: { equals: collection } }, { documentId: { equals: String(id) } }, { target: { equals: target } }] },
    sort: 'createdAt',
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return docs as unknown as Delivery[]
}

async function settled(id: number | string, count: number, target = 'library', collection = 'policies'): Promise<Delivery[]> {
  return eventually(`deliveries of ${collection}/${id} to ${target}`, async () => {
    const deliveries = await deliveriesOf(id, target, collection)
    return deliveries.length >= count && deliveries.every((delivery) => ['delivered', 'failed', 'skipped', 'submitted'].includes(delivery.state)) ? deliveries : undefined
  }, 50_000)
}

async function publishPolicy(overrides: Record<string, unknown> = {}): Promise<number> {
  const policy = await world.createDraft('policies', world.policyData(world.agencyA, overrides))
  await world.approve('policies', policy.id)
  await world.act('publisher', { collection: 'policies', id: policy.id, action: 'publish' })
  return policy.id
}

/** The library's answer to an anonymous GET, as a reader gets it. */
async function libraryGet(path: string): Promise<RestResponse> {
  const response = await fetch(`${library.url}${path}`)
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null }
}

async function failure(promise: Promise<unknown>): Promise<WorkflowError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught)
  expect(error).toBeInstanceOf(WorkflowError)
  return error as WorkflowError
}

/** A 400 whose Chinese message names 删除理由 and whose data names the field. */
function noReason400(response: RestResponse): boolean {
  return response.status === 400 && String(response.body.errors[0].message).includes('删除理由') && response.body.errors[0].data.errors[0].path === 'reason'
}

const reader = () => createPolicyLibraryClient({ baseUrl: library.url, retry: false })

beforeAll(async () => {
  library = await startLibrary('gongkai_plugin_removal')
  // A webhook receiver (头条号桥接): answers each published post with its id, and takes posts down.
  let posts = 0
  hook = await startTestServer((request) => {
    const event = parseJson(request).event
    if (event === 'document.published') return { status: 200, body: { id: `post-${++posts}` } }
    return { status: 200, body: {} }
  })
  started = await startPayload({
    key: 'gongkai-delivery-removal',
    pluginOptions: {
      delivery: {
        library: { url: library.url, adminToken: libraryAdminToken },
        channels: { bridge: { kind: 'webhook', label: '头条号桥接', url: hook.url, secret: 'removal-webhook-secret-0123456789' } },
        publicUrl: 'https://www.wuqing.gov.cn',
        retry: { attempts: 3, initialDelayMs: 100, maxDelayMs: 400 },
        worker: { pollIntervalMs: 200 },
      },
    },
  })
  payload = started.payload
  world = await createWorkflowWorld(payload)
  rest = await startRestServer({ payload, payloadInstanceCacheKey: 'gongkai-delivery-removal' })
  for (const actor of Object.keys(world.users) as WorkflowActor[]) {
    tokens[actor] = await rest.login({ email: `${actor.toLowerCase()}@example.gov.cn`, password: 'gongkai-test-password' })
  }
}, 120_000)

afterAll(async () => {
  await rest?.close()
  await started?.stop()
  await library?.destroy()
  await hook?.close()
})

describe('删除（误发）', () => {
  it('takes the document offline, and the library answers 410 for it and its 索引号, erases every version and leaves search', async () => {
    const id = await publishPolicy({ title: '武清区关于误发测试的紧急通知' })
    await settled(id, 1)
    const contentId = `policies-${id}`
    const published = (await payload.findByID({ collection: 'policies', id, overrideAccess: true })) as Record<string, unknown>
    const indexNumber = String(published.indexNumber)
    expect((await libraryGet(`/v1/index-numbers/${encodeURIComponent(indexNumber)}`)).status).toBe(200)
    await eventually('the policy in search', async () => ((await reader().search({ q: '误发测试' })).items.some((item) => item.contentId === contentId) ? true : undefined))

    // The actions the publisher is offered, with what each asks for.
    const offered = (await rest.request({ path: `/policies/${id}/workflow`, token: tokens.publisher })).body
    expect(offered.actions.find((action: { action: string }) => action.action === 'delete')).toMatchObject({
      label: '删除（误发）',
      needsReason: true,
      inputs: [{ name: 'reason', label: '删除理由', required: true }],
    })

    const result = await rest.request({ method: 'POST', path: `/policies/${id}/workflow/delete`, token: tokens.publisher, body: { reason: '误发：附件含有个人身份证号码。' } })
    expect(result.status).toBe(200)
    expect(result.body).toMatchObject({ action: 'delete', fromState: 'published', state: 'deleted' })

    // Offline in the CMS: no public version, state 已删除, the audit entry written.
    expect((await rest.request({ path: `/policies/${id}` })).status).toBe(404)
    const latest = (await payload.findByID({ collection: 'policies', id, draft: true, overrideAccess: true })) as Record<string, unknown>
    expect(latest).toMatchObject({ _status: 'draft', workflowState: 'deleted', workflow: { deleteReason: '误发：附件含有个人身份证号码。' } })
    const audit = await payload.find({ collection: 'gongkai-audit-log', where: { and: [{ documentId: { equals: String(id) } }, { action: { equals: 'delete' } }] }, overrideAccess: true })
    expect(audit.docs[0]).toMatchObject({ fromState: 'published', toState: 'deleted', reason: '误发：附件含有个人身份证号码。' })

    const deliveries = await settled(id, 2)
    expect(deliveries.map((delivery) => [delivery.action, delivery.version, delivery.state])).toEqual([
      ['publish', 1, 'delivered'],
      ['delete', 2, 'delivered'],
    ])
    expect(deliveries[1]?.notice).toBe('误发：附件含有个人身份证号码。')
    // The channel has no separate deletion: the post is withdrawn.
    const bridge = await settled(id, 2, 'bridge')
    expect(bridge.map((delivery) => [delivery.action, delivery.state])).toEqual([
      ['publish', 'delivered'],
      ['delete', 'delivered'],
    ])
    const withdrawnPost = hook.requests.map((request) => parseJson(request)).find((body) => body.event === 'document.withdrawn' && body.documentId === contentId)
    expect(withdrawnPost).toMatchObject({ externalId: bridge[0]?.externalId ?? 'missing' })

    const document = await libraryGet(`/v1/documents/${contentId}`)
    expect(document.status).toBe(410)
    expect(JSON.stringify(document.body)).not.toContain('误发测试的紧急通知')
    expect((await libraryGet(`/v1/index-numbers/${encodeURIComponent(indexNumber)}`)).status).toBe(410)
    const version1 = await libraryGet(`/v1/documents/${contentId}/versions/1`)
    expect(version1.status).toBe(410)
    expect(JSON.stringify(version1.body)).not.toContain('现将有关事项通知如下')
    await eventually('the policy gone from search', async () => ((await reader().search({ q: '误发测试' })).items.some((item) => item.contentId === contentId) ? undefined : true))
    expect((await reader().search({ q: '误发测试' })).items.filter((item) => item.contentId === contentId)).toEqual([])

    // A deleted document cannot be published again: the library keeps its content id reserved.
    const again = await failure(world.act('editor', { collection: 'policies', id, action: 'submit' }))
    expect(again.status).toBe(409)
    expect(again.message).toContain('已因误发删除')
    expect(again.message).toContain('请新建文件')
    expect((await rest.request({ path: `/policies/${id}/workflow`, token: tokens.admin })).body.actions).toEqual([])
    // Editing its draft does not reopen it.
    await payload.update({ collection: 'policies', id, data: { summary: '改正后的摘要' }, draft: true, overrideAccess: false, user: world.users.editor })
    expect(((await payload.findByID({ collection: 'policies', id, draft: true, overrideAccess: true })) as Record<string, unknown>).workflowState).toBe('deleted')
    expect((await failure(world.act('admin', { collection: 'policies', id, action: 'force-publish', reason: '重新发布' }))).status).toBe(409)
  })

  it('is refused to a reviewer, an editor and another agency’s publisher (403), and without a reason (400 naming 理由)', async () => {
    const id = await publishPolicy()
    await settled(id, 1)
    for (const actor of ['reviewer', 'editor', 'publisherB'] as const) {
      const refused = await rest.request({ method: 'POST', path: `/policies/${id}/workflow/delete`, token: tokens[actor], body: { reason: '误发' } })
      expect([actor, refused.status]).toEqual([actor, 403])
      expect(refused.body.errors[0].message).toMatch(/没有“签发”角色|无权|不能/)
    }
    for (const actor of ['reviewer', 'editor'] as const) {
      const offered = (await rest.request({ path: `/policies/${id}/workflow`, token: tokens[actor] })).body
      expect(offered.actions.map((action: { action: string }) => action.action)).not.toContain('delete')
    }
    expect((await rest.request({ method: 'POST', path: `/policies/${id}/workflow/delete`, body: { reason: '误发' } })).status).toBe(401)
    expect(noReason400(await rest.request({ method: 'POST', path: `/policies/${id}/workflow/delete`, token: tokens.publisher, body: {} }))).toBe(true)
    const noReason = await rest.request({ method: 'POST', path: `/policies/${id}/workflow/delete`, token: tokens.publisher, body: { reason: '  ' } })
    expect(noReason.status).toBe(400)
    expect(noReason.body.errors[0].message).toContain('删除理由')
    for (const [reason, rule] of [
      ['误发\u0000', '删除理由含有无法保存的字符'],
      ['误发\uD800', '删除理由含有无法保存的字符'],
      ['误'.repeat(2001), '删除理由最多 2000 个字符'],
    ] as const) {
      const hostile = await rest.request({ method: 'POST', path: `/policies/${id}/workflow/delete`, token: tokens.publisher, body: { reason } })
      expect(hostile.status).toBe(400)
      expect(hostile.body.errors[0].message).toContain(rule)
    }
    // Nothing happened: still published, nothing queued.
    expect((await rest.request({ path: `/policies/${id}` })).status).toBe(200)
    expect((await deliveriesOf(id)).map((delivery) => delivery.action)).toEqual(['publish'])
    expect((await reader().get(`policies-${id}`))?.status).toBe('published')
    // A site administrator may delete it.
    await world.act('admin', { collection: 'policies', id, action: 'delete', reason: '误发：发错了文件。' })
    await settled(id, 2)
    expect((await libraryGet(`/v1/documents/policies-${id}`)).status).toBe(410)
  })

  it('deletes a withdrawn document too: every version, the withdrawal included, answers 410 without its text', async () => {
    const id = await publishPolicy({ title: '武清区关于被误发政策的通知' })
    await settled(id, 1)
    await world.act('publisher', { collection: 'policies', id, action: 'withdraw', reason: '暂停执行。' })
    await settled(id, 2)
    await world.act('publisher', { collection: 'policies', id, action: 'delete', reason: '误发。' })
    const deliveries = await settled(id, 3)
    expect(deliveries.map((delivery) => [delivery.action, delivery.version, delivery.state])).toEqual([
      ['publish', 1, 'delivered'],
      ['withdraw', 2, 'delivered'],
      ['delete', 3, 'delivered'],
    ])
    const gone = await libraryGet(`/v1/documents/policies-${id}`)
    expect(gone.status).toBe(410)
    expect(JSON.stringify(gone.body)).not.toContain('暂停执行')
    expect((await libraryGet(`/v1/documents/policies-${id}/versions/2`)).status).toBe(410)
  })

  it('withdraws the interpretation that explains only the deleted policy, with a notice that does not name the policy', async () => {
    const id = await publishPolicy({ title: '武清区误发政策甲' })
    const interpretation = await world.createDraft('interpretations', {
      title: '一图读懂相关政策',
      policies: [id],
      form: 'text',
      interpretingAgency: world.agencyA,
      videoUrl: 'https://video.example.gov.cn/a.mp4',
    })
    await world.approve('interpretations', interpretation.id)
    await world.act('publisher', { collection: 'interpretations', id: interpretation.id, action: 'publish' })
    await settled(interpretation.id, 1, 'library', 'interpretations')
    const result = await world.act('publisher', { collection: 'policies', id, action: 'delete', reason: '误发。' })
    expect(result.state).toBe('deleted')
    const latest = (await payload.findByID({ collection: 'interpretations', id: interpretation.id, draft: true, overrideAccess: true })) as Record<string, unknown>
    expect(latest).toMatchObject({ _status: 'draft', workflowState: 'withdrawn' })
    const notice = '所解读的政策文件因误发已删除，本解读随之撤回。'
    expect((latest.workflow as Record<string, unknown>).withdrawReason).toBe(notice)
    const [, withdrawal] = await settled(interpretation.id, 2, 'library', 'interpretations')
    expect(withdrawal).toMatchObject({ action: 'withdraw', notice, state: 'delivered' })
    const gone = await libraryGet(`/v1/documents/interpretations-${interpretation.id}`)
    expect(gone.status).toBe(410)
    expect(JSON.stringify(gone.body)).toContain(notice)
    expect(JSON.stringify(gone.body)).not.toContain('误发政策甲')
    await settled(id, 2)
    expect((await libraryGet(`/v1/documents/policies-${id}`)).status).toBe(410)
  })
})

describe('抹除历史版本', () => {
  it('erases version 1 after a corrected version 2, which stays served; the current version is refused in Chinese', async () => {
    const id = await publishPolicy({ summary: '联系人张三，身份证号码见附件。' })
    await settled(id, 1)
    await payload.update({ collection: 'policies', id, data: { summary: '联系人已遮蔽。' }, draft: true, overrideAccess: false, user: world.users.editor })
    await world.approve('policies', id)
    await world.act('publisher', { collection: 'policies', id, action: 'publish' })
    await settled(id, 2)
    const contentId = `policies-${id}`
    expect((await libraryGet(`/v1/documents/${contentId}/versions/1`)).body.summary).toContain('张三')

    const offered = (await rest.request({ path: `/policies/${id}/workflow`, token: tokens.publisher })).body
    expect(offered.actions.find((action: { action: string }) => action.action === 'redact')).toMatchObject({
      label: '抹除历史版本',
      inputs: [
        { name: 'libraryVersion', label: '政策文件库版本号', type: 'number', required: true },
        { name: 'reason', label: '抹除理由', required: true },
      ],
    })

    // The current version: refused before anything is queued, naming the field.
    const current = await rest.request({ method: 'POST', path: `/policies/${id}/workflow/redact`, token: tokens.publisher, body: { libraryVersion: 2, reason: '含个人信息' } })
    expect(current.status).toBe(409)
    expect(current.body.errors[0].message).toContain('第2版是')
    expect(current.body.errors[0].message).toContain('当前版本，不能抹除')
    expect(current.body.errors[0].data).toMatchObject({ errors: [{ path: 'libraryVersion' }] })
    for (const [body, rule] of [
      [{ libraryVersion: 3, reason: '含个人信息' }, '没有第3版'],
      [{ libraryVersion: '1.5', reason: '含个人信息' }, '政策文件库版本号须为正整数'],
      [{ libraryVersion: '', reason: '含个人信息' }, '须填写政策文件库版本号'],
      [{ libraryVersion: 1 }, '抹除理由'],
    ] as const) {
      const refused = await rest.request({ method: 'POST', path: `/policies/${id}/workflow/redact`, token: tokens.publisher, body })
      expect(refused.status).toBe(400)
      expect(refused.body.errors[0].message).toContain(rule)
    }
    const byEditor = await rest.request({ method: 'POST', path: `/policies/${id}/workflow/redact`, token: tokens.editor, body: { libraryVersion: 1, reason: '含个人信息' } })
    expect(byEditor.status).toBe(403)
    expect((await deliveriesOf(id)).map((delivery) => delivery.action)).toEqual(['publish', 'publish'])

    const done = await rest.request({ method: 'POST', path: `/policies/${id}/workflow/redact`, token: tokens.publisher, body: { libraryVersion: 1, reason: '第2版已对个人信息作遮蔽处理，第1版原文抹除。' } })
    expect(done.status).toBe(200)
    expect(done.body).toMatchObject({ action: 'redact', fromState: 'published', state: 'published' })
    const deliveries = await settled(id, 3)
    expect(deliveries[2]).toMatchObject({ target: 'library', action: 'redact', version: 1, state: 'delivered' })
    // Only the library has versions: nothing goes to the channel.
    expect((await deliveriesOf(id, 'bridge')).map((delivery) => delivery.action)).toEqual(['publish', 'publish'])

    const version1 = await libraryGet(`/v1/documents/${contentId}/versions/1`)
    expect(version1.status).toBe(410)
    expect(JSON.stringify(version1.body)).not.toContain('张三')
    expect(JSON.stringify(version1.body)).toContain('第1版原文抹除')
    const version2 = await libraryGet(`/v1/documents/${contentId}/versions/2`)
    expect(version2.status).toBe(200)
    expect(version2.body.summary).toBe('联系人已遮蔽。')
    expect((await reader().get(contentId))).toMatchObject({ version: 2, status: 'published' })
    // Still published in the CMS; the redaction is in the audit log.
    expect((await rest.request({ path: `/policies/${id}` })).status).toBe(200)
    const audit = await payload.find({ collection: 'gongkai-audit-log', where: { and: [{ documentId: { equals: String(id) } }, { action: { equals: 'redact' } }] }, overrideAccess: true })
    expect(audit.docs[0]).toMatchObject({ reason: '第2版已对个人信息作遮蔽处理，第1版原文抹除。', details: { libraryVersion: 1 } })

    // The next revision goes on as version 3.
    await payload.update({ collection: 'policies', id, data: { summary: '第三次修订。' }, draft: true, overrideAccess: false, user: world.users.editor })
    await world.approve('policies', id)
    await world.act('publisher', { collection: 'policies', id, action: 'publish' })
    const afterRevision = await settled(id, 4)
    expect(afterRevision[3]).toMatchObject({ action: 'publish', version: 3, state: 'delivered' })
    expect(await reader().get(contentId)).toMatchObject({ version: 3, summary: '第三次修订。' })
  })
})

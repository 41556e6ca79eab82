import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startRestServer } from './support/rest.js'
import type { RestServer } from './support/rest.js'
import { startPayload } from './support/startPayload.js'
import type { StartedPayload } from './support/startPayload.js'
import { createWorkflowWorld } from './support/workflowWorld.js'
import type { WorkflowActor, WorkflowWorld } from './support/workflowWorld.js'

let started: StartedPayload
let payload: Payload
let world: WorkflowWorld
let rest: RestServer
const tokens: Partial<Record<WorkflowActor, string>> = {}

beforeAll(async () => {
  started = await startPayload({ key: 'gongkai-workflow-rest' })
  payload = started.payload
  world = await createWorkflowWorld(payload)
  rest = await startRestServer({ payload, payloadInstanceCacheKey: 'gongkai-workflow-rest' })
  for (const actor of ['editor', 'reviewer', 'publisher', 'reviewerB', 'editorB'] as const) {
    tokens[actor] = await rest.login({ email: `${actor.toLowerCase()}@example.gov.cn`, password: 'gongkai-test-password' })
  }
})

afterAll(async () => {
  await rest?.close()
  await started?.stop()
})

const post = (actor: WorkflowActor | undefined, path: string, body?: unknown) =>
  rest.request({ method: 'POST', path, body: body ?? {}, token: actor ? tokens[actor] : undefined })

describe('POST /api/<collection>/:id/workflow/:action', () => {
  it('takes a policy from draft to published over HTTP', async () => {
    const draft = await world.createDraft('policies', world.policyData(world.agencyA, { title: '经接口发布的通知' }))
    const submitted = await post('editor', `/policies/${draft.id}/workflow/submit`)
    expect(submitted).toMatchObject({ status: 200, body: { action: 'submit', fromState: 'draft', state: 'pending_review' } })
    await world.passReview('policies', draft.id)
    expect((await post('reviewer', `/policies/${draft.id}/workflow/approve`)).status).toBe(200)
    const published = await post('publisher', `/policies/${draft.id}/workflow/publish`)
    expect(published.status).toBe(200)
    expect(published.body.published[0]).toMatchObject({ collection: 'policies', id: draft.id })
    expect(published.body.published[0].indexNumber).toMatch(new RegExp(`^${world.codeA}/2024-\\d{5}$`))
    const read = await rest.request({ path: `/policies/${draft.id}` })
    expect(read).toMatchObject({ status: 200, body: { _status: 'published', workflowState: 'published' } })
  })

  it('answers 4xx with the Chinese rule: 401 signed out, 403 wrong role, 409 wrong state, 400 missing reason, 404 unknown action', async () => {
    const draft = await world.createDraft('policies', world.policyData(world.agencyA, { title: '接口错误的通知' }))
    const signedOut = await post(undefined, `/policies/${draft.id}/workflow/submit`)
    expect(signedOut).toMatchObject({ status: 401, body: { errors: [{ message: '须登录后才能执行工作流操作' }] } })
    const wrongState = await post('publisher', `/policies/${draft.id}/workflow/publish`)
    expect(wrongState).toMatchObject({
      status: 409,
      body: { errors: [{ message: '政策文件“接口错误的通知”当前状态为“草稿”，不能签发发布：只有已审核的文件可以签发发布' }] },
    })
    await post('editor', `/policies/${draft.id}/workflow/submit`)
    const wrongAgency = await post('reviewerB', `/policies/${draft.id}/workflow/approve`)
    expect(wrongAgency).toMatchObject({ status: 403, body: { errors: [{ message: '你在政策文件“接口错误的通知”所属机构没有“审核”角色，不能审核通过' }] } })
    const noReason = await post('reviewer', `/policies/${draft.id}/workflow/return`, { reason: '  ' })
    expect(noReason).toMatchObject({ status: 400, body: { errors: [{ message: '退回政策文件“接口错误的通知”须写明退回理由' }] } })
    const returned = await post('reviewer', `/policies/${draft.id}/workflow/return`, { reason: '请补充附件' })
    expect(returned).toMatchObject({ status: 200, body: { state: 'returned' } })
    const unknown = await post('reviewer', `/policies/${draft.id}/workflow/sign`)
    expect(unknown).toMatchObject({ status: 404, body: { errors: [{ message: '未知的工作流操作“sign”' }] } })
    const missing = await post('editor', '/policies/999999/workflow/submit')
    expect(missing).toMatchObject({ status: 404, body: { errors: [{ message: '找不到ID为“999999”的文件' }] } })
  })

  it('tells the signed-in user which actions they may start, and what each asks for: GET /api/policies/:id/workflow', async () => {
    const draft = await world.createDraft('policies', world.policyData(world.agencyA, { title: '查询可用操作的通知' }))
    const forEditor = await rest.request({ path: `/policies/${draft.id}/workflow`, token: tokens.editor })
    expect(forEditor).toMatchObject({
      status: 200,
      body: {
        id: draft.id,
        title: '政策文件“查询可用操作的通知”',
        state: 'draft',
        stateLabel: '草稿',
        isPublished: false,
        actions: [{ action: 'submit', label: '提交审核', needsReason: false, inputs: [] }],
        confidentialityReview: { record: null, isCurrent: false, canRecord: false },
      },
    })
    expect((await rest.request({ path: `/policies/${draft.id}/workflow`, token: tokens.publisher })).body.actions).toEqual([])
    await post('editor', `/policies/${draft.id}/workflow/submit`)
    const forReviewer = (await rest.request({ path: `/policies/${draft.id}/workflow`, token: tokens.reviewer })).body
    expect(forReviewer.actions.map((action: { action: string }) => action.action)).toEqual(['return', 'approve'])
    expect(forReviewer.actions[0].inputs).toEqual([
      { name: 'reason', label: '退回理由', type: 'textarea', required: true, description: '写明须修改之处，撰稿人将看到此理由' },
    ])
    // The reviewer may record the 保密审查 now; the editor may not.
    expect(forReviewer.confidentialityReview).toMatchObject({ canRecord: true, isCurrent: false })
    expect(forReviewer.confidentialityReview.inputs.map((input: { name: string }) => input.name)).toEqual(['conclusion', 'basis'])
    expect((await rest.request({ path: `/policies/${draft.id}/workflow`, token: tokens.editor })).body.confidentialityReview.canRecord).toBe(false)
    await world.passReview('policies', draft.id)
    expect((await rest.request({ path: `/policies/${draft.id}/workflow`, token: tokens.reviewer })).body.confidentialityReview).toMatchObject({
      record: { conclusion: 'passed' },
      isCurrent: true,
    })
    await post('reviewer', `/policies/${draft.id}/workflow/approve`)
    const forPublisher = (await rest.request({ path: `/policies/${draft.id}/workflow`, token: tokens.publisher })).body
    expect(forPublisher.actions.map((action: { action: string }) => action.action)).toEqual(['publish', 'schedule'])
    expect(forPublisher.actions[1].inputs).toMatchObject([{ name: 'publishAt', type: 'datetime', required: true }])
    await post('publisher', `/policies/${draft.id}/workflow/publish`)
    const afterPublish = (await rest.request({ path: `/policies/${draft.id}/workflow`, token: tokens.publisher })).body
    expect(afterPublish).toMatchObject({ state: 'published', isPublished: true })
    // Without the policy library there is no library version to erase: 删除 yes, 抹除 not offered.
    expect(afterPublish.actions.map((action: { action: string }) => action.action)).toEqual(['withdraw', 'invalidate', 'delete'])
    const invalidate = afterPublish.actions.find((action: { action: string }) => action.action === 'invalidate')
    expect(invalidate.inputs.map((input: { name: string }) => input.name)).toEqual(['validity', 'expiryDate', 'supersededBy', 'reason'])
    expect(invalidate.inputs[0].options.map((option: { label: string }) => option.label)).not.toContain('有效')
    expect((await rest.request({ path: `/policies/${draft.id}/workflow` })).status).toBe(401)
  })

  it('does not disclose another agency’s draft through GET …/workflow (404, as the read API)', async () => {
    const draft = await world.createDraft('policies', world.policyData(world.agencyA, { title: '乙机关不应看到的草稿' }))
    const forOther = await rest.request({ path: `/policies/${draft.id}/workflow`, token: tokens.editorB })
    expect(forOther.status).toBe(404)
    expect(JSON.stringify(forOther.body)).not.toContain('乙机关不应看到的草稿')
    expect((await rest.request({ path: `/policies/${draft.id}`, token: tokens.editorB })).status).toBe(404)
    // A joint issuer reads the draft, and so its state (with no actions of its own).
    const joint = await world.createDraft('policies', world.policyData(world.agencyA, { title: '联合发文草稿', jointIssuers: [world.agencyB] }))
    expect((await rest.request({ path: `/policies/${joint.id}/workflow`, token: tokens.editorB })).body).toMatchObject({ state: 'draft', actions: [] })
  })

  it('schedules with publishAt from the JSON body', async () => {
    const draft = await world.createDraft('policies', world.policyData(world.agencyA, { title: '经接口定时发布的通知' }))
    await world.approve('policies', draft.id)
    const publishAt = new Date(Date.now() + 3_600_000).toISOString()
    const scheduled = await post('publisher', `/policies/${draft.id}/workflow/schedule`, { publishAt })
    expect(scheduled).toMatchObject({ status: 200, body: { state: 'scheduled' } })
    expect(await world.latest('policies', draft.id)).toMatchObject({ workflow: { scheduledFor: publishAt } })
  })
})

describe('GET /api/policies/disclosure-review/due', () => {
  it('lists the 依申请公开 documents due for review to a signed-in user, and refuses anonymous callers', async () => {
    const draft = await world.createDraft(
      'policies',
      world.policyData(world.agencyA, { title: '待复审的依申请公开文件', disclosure: 'on_request', nonDisclosureReason: 'process_information' }),
    )
    await world.approve('policies', draft.id)
    await world.act('publisher', { collection: 'policies', id: draft.id, action: 'publish' })
    const notYet = await rest.request({ path: '/policies/disclosure-review/due?asOf=2025-06-01', token: tokens.publisher })
    expect(notYet).toMatchObject({ status: 200, body: { totalDocs: 0, docs: [] } })
    const due = await rest.request({ path: '/policies/disclosure-review/due?asOf=2025-08-01', token: tokens.publisher })
    expect(due.status).toBe(200)
    expect(due.body.docs).toEqual([
      expect.objectContaining({ id: draft.id, title: '待复审的依申请公开文件', disclosure: 'on_request', nextDisclosureReviewDate: '2025-07-01T04:00:00.000Z' }),
    ])
    expect((await rest.request({ path: '/policies/disclosure-review/due' })).status).toBe(401)

    // The policies list has a shared preset of the documents under review, readable by everyone, changeable by no one.
    const presets = await rest.request({ path: '/payload-query-presets?where[relatedCollection][equals]=policies', token: tokens.reviewer })
    expect(presets.status).toBe(200)
    const preset = presets.body.docs.find((doc: { title: string }) => doc.title === '公开属性复审：依申请公开、不予公开的文件（按下次复审日期）')
    expect(preset?.where).toEqual({
      or: [
        { and: [{ nextDisclosureReviewDate: { exists: true } }, { disclosure: { not_equals: 'proactive' } }, { workflowState: { equals: 'recorded' } }] },
        { and: [{ nextDisclosureReviewDate: { exists: true } }, { disclosure: { not_equals: 'proactive' } }, { _status: { equals: 'published' } }] },
      ],
    })
    const listed = await rest.request({ path: `/policies?${new URLSearchParams({ 'where[and][0][nextDisclosureReviewDate][exists]': 'true', 'where[and][1][disclosure][not_equals]': 'proactive' })}`, token: tokens.publisher })
    expect(listed.body.docs.map((doc: { id: number }) => doc.id)).toContain(draft.id)
    expect((await rest.request({ method: 'DELETE', path: `/payload-query-presets/${preset.id}`, token: tokens.publisher })).status).toBeGreaterThanOrEqual(400)
    expect((await rest.request({ path: `/payload-query-presets/${preset.id}`, token: tokens.reviewer })).status).toBe(200)
    expect((await rest.request({ path: '/policies/disclosure-review/due?asOf=tomorrow', token: tokens.publisher })).status).toBe(400)
  })
})

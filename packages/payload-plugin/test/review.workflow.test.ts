import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { maskConfidentialityFindings } from '../src/review/reviewActions.js'
import { lexicalText } from './support/fixtures.js'
import { startRestServer } from './support/rest.js'
import type { RestServer } from './support/rest.js'
import { startPayload } from './support/startPayload.js'
import type { StartedPayload } from './support/startPayload.js'
import { createWorkflowWorld, failure } from './support/workflowWorld.js'
import type { WorkflowActor, WorkflowWorld } from './support/workflowWorld.js'

const key = 'gongkai-review-workflow'
const residentId = '11010519491231002X'
const maskedResidentId = '11*************02X'
const authorRefusal = '审核人不得是该版本的撰稿人（四眼原则）'

let started: StartedPayload
let payload: Payload
let world: WorkflowWorld
let rest: RestServer
const tokens: Partial<Record<WorkflowActor, string>> = {}

beforeAll(async () => {
  started = await startPayload({ key })
  payload = started.payload
  world = await createWorkflowWorld(payload)
  rest = await startRestServer({ payload, payloadInstanceCacheKey: key })
  for (const actor of ['editor', 'reviewer', 'editorReviewer', 'publisher', 'editorB', 'reviewerB', 'publisherB'] as const) {
    tokens[actor] = await rest.login({ email: `${actor.toLowerCase()}@example.gov.cn`, password: 'gongkai-test-password' })
  }
})

afterAll(async () => {
  await rest?.close()
  await started?.stop()
})

const post = (actor: WorkflowActor, path: string, body?: unknown) => rest.request({ method: 'POST', path, body: body ?? {}, token: tokens[actor] })
const patch = (actor: WorkflowActor, path: string, body: unknown) => rest.request({ method: 'PATCH', path, body, token: tokens[actor] })

/** A policy of agency A by the editor, with an ID and a mobile number to mask, submitted for review. */
async function submittedPolicyWithPersonalData(title: string) {
  const draft = await world.createDraft(
    'policies',
    world.policyData(world.agencyA, {
      title,
      summary: '联系人手机13812345678',
      body: lexicalText(`申请人张三，身份证号${residentId}，请于五日内补正材料。`),
    }),
  )
  await world.act('editor', { collection: 'policies', id: draft.id, action: 'submit' })
  return draft
}

describe('一键脱敏 is a review action, not authorship (四眼原则)', () => {
  it('lets the reviewer approve after masking through the REST endpoint', async () => {
    const draft = await submittedPolicyWithPersonalData('经接口脱敏后审核的通知')
    const masked = await post('reviewer', `/policies/${draft.id}/confidentiality-review/mask`)
    expect(masked.status).toBe(200)
    expect(await world.latest('policies', draft.id)).toMatchObject({ workflowState: 'pending_review', lastEditedBy: world.users.editor.id, summary: '联系人手机138****5678' })
    expect((await post('reviewer', `/policies/${draft.id}/confidentiality-review`, { conclusion: 'passed', basis: '已脱敏，可以公开' })).status).toBe(200)
    const approved = await post('reviewer', `/policies/${draft.id}/workflow/approve`)
    expect(approved).toMatchObject({ status: 200, body: { state: 'approved' } })
    expect(await world.latest('policies', draft.id)).toMatchObject({ workflowState: 'approved', workflow: { approvedBy: world.users.reviewer.id } })
  })

  it('lets the reviewer approve after masking through the local API', async () => {
    const draft = await submittedPolicyWithPersonalData('本地接口脱敏后审核的通知')
    const result = await maskConfidentialityFindings({ payload, user: world.users.reviewer, collection: 'policies', id: draft.id })
    expect(result.masked.map((item) => item.kind)).toEqual(['mobile', 'resident_id'])
    expect((await world.latest('policies', draft.id)).lastEditedBy).toBe(world.users.editor.id)
    await world.passReview('policies', draft.id)
    expect(await world.act('reviewer', { collection: 'policies', id: draft.id, action: 'approve' })).toMatchObject({ state: 'approved' })
  })

  // Reviewers edit a document only when they hold the 撰稿 role too (editorReviewer).
  it('counts masking by hand, with nothing else changed, as a review action too', async () => {
    const draft = await submittedPolicyWithPersonalData('手工脱敏后审核的通知')
    const saved = await patch('editorReviewer', `/policies/${draft.id}?draft=true`, {
      summary: '联系人手机138****5678',
      body: lexicalText(`申请人张三，身份证号${maskedResidentId}，请于五日内补正材料。`),
    })
    expect(saved.status).toBe(200)
    expect(await world.latest('policies', draft.id)).toMatchObject({ lastEditedBy: world.users.editor.id, summary: '联系人手机138****5678' })
    await world.passReview('policies', draft.id, 'editorReviewer')
    expect(await post('editorReviewer', `/policies/${draft.id}/workflow/approve`)).toMatchObject({ status: 200, body: { state: 'approved' } })
  })

  it('makes the reviewer an author when the save changes one character besides the masking (REST)', async () => {
    const draft = await submittedPolicyWithPersonalData('脱敏并改动一字的通知')
    const saved = await patch('editorReviewer', `/policies/${draft.id}?draft=true`, {
      summary: '联系人手机138****5678',
      // 五日 → 七日, besides masking the ID number.
      body: lexicalText(`申请人张三，身份证号${maskedResidentId}，请于七日内补正材料。`),
    })
    expect(saved.status).toBe(200)
    expect(await world.latest('policies', draft.id)).toMatchObject({ lastEditedBy: world.users.editorReviewer.id })
    await world.passReview('policies', draft.id, 'editorReviewer')
    const refused = await post('editorReviewer', `/policies/${draft.id}/workflow/approve`)
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].message).toContain(authorRefusal)
    expect(await world.latest('policies', draft.id)).toMatchObject({ workflowState: 'pending_review' })
    // Another reviewer may approve the version the reviewer wrote.
    expect(await world.act('reviewer', { collection: 'policies', id: draft.id, action: 'approve' })).toMatchObject({ state: 'approved' })
  })

  it('makes the reviewer an author when they mask and then edit another field (local API)', async () => {
    const draft = await submittedPolicyWithPersonalData('脱敏并改动关键词的通知')
    await maskConfidentialityFindings({ payload, user: world.users.editorReviewer, collection: 'policies', id: draft.id })
    expect((await world.latest('policies', draft.id)).lastEditedBy).toBe(world.users.editor.id)
    await payload.update({ collection: 'policies', id: draft.id, data: { keywords: '补正' }, draft: true, overrideAccess: false, user: world.users.editorReviewer })
    expect((await world.latest('policies', draft.id)).lastEditedBy).toBe(world.users.editorReviewer.id)
    await world.passReview('policies', draft.id, 'editorReviewer')
    const refused = await failure(world.act('editorReviewer', { collection: 'policies', id: draft.id, action: 'approve' }))
    expect(refused.status).toBe(403)
    expect(refused.message).toContain(authorRefusal)
  })

  it('does not count replacing one ID number by another as masking', async () => {
    const draft = await submittedPolicyWithPersonalData('更换身份证号的通知')
    const otherId = '110105194912310038'
    await payload.update({
      collection: 'policies',
      id: draft.id,
      data: { body: lexicalText(`申请人张三，身份证号${otherId}，请于五日内补正材料。`) },
      draft: true,
      overrideAccess: false,
      user: world.users.editorReviewer,
    })
    expect((await world.latest('policies', draft.id)).lastEditedBy).toBe(world.users.editorReviewer.id)
  })
})

/** 保密审查 line of the workflow controls: GET /api/<collection>/:id/workflow as `actor`. */
async function reviewStatus(actor: WorkflowActor, collection: string, id: number | string) {
  const response = await rest.request({ path: `/${collection}/${id}/workflow`, token: tokens[actor] })
  expect(response.status).toBe(200)
  return response.body.confidentialityReview as { isCurrent: boolean; record: { conclusion: string } | null }
}

describe('the content fingerprint of 保密审查', () => {
  it('is not changed by publishing (state, 索引号, publication record); an edit of the 正文 afterwards is', async () => {
    const policy = await world.createDraft(
      'policies',
      world.policyData(world.agencyB, { title: '武清区托育机构管理办法', isNormative: true, publishDate: '2023-05-10T04:00:00.000Z', writtenDate: '2023-05-04T04:00:00.000Z' }),
    )
    expect(policy.needsInterpretation).toBe(true)
    const interpretation = await world.createDraft('interpretations', {
      title: '《武清区托育机构管理办法》政策解读',
      policies: [policy.id],
      form: 'text',
      interpretingAgency: world.agencyB,
      body: lexicalText('一、出台背景。二、主要内容。'),
    })
    const agencyB = { editor: 'editorB', reviewer: 'reviewerB' } as const
    await world.approve('interpretations', interpretation.id, agencyB)
    await world.approve('policies', policy.id, agencyB)
    const published = await post('publisherB', `/policies/${policy.id}/workflow/publish`)
    expect(published.status).toBe(200)
    const stored = await world.latest('policies', policy.id)
    expect(stored).toMatchObject({ workflowState: 'published', _status: 'published' })
    expect(stored.indexNumber).toMatch(new RegExp(`^${world.codeB}/2023-\\d{5}$`))
    expect(await world.latest('interpretations', interpretation.id)).toMatchObject({ workflowState: 'published' })

    expect(await reviewStatus('editorB', 'policies', policy.id)).toMatchObject({ isCurrent: true, record: { conclusion: 'passed' } })
    expect(await reviewStatus('editorB', 'interpretations', interpretation.id)).toMatchObject({ isCurrent: true, record: { conclusion: 'passed' } })

    const edited = await patch('editorB', `/policies/${policy.id}?draft=true`, { body: lexicalText('第一条 为规范托育机构管理，制定本办法。') })
    expect(edited.status).toBe(200)
    expect(await reviewStatus('editorB', 'policies', policy.id)).toMatchObject({ isCurrent: false, record: { conclusion: 'passed' } })
    expect(await reviewStatus('editorB', 'interpretations', interpretation.id)).toMatchObject({ isCurrent: true })
  })
})

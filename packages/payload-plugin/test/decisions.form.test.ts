import { PDFDocument, StandardFonts } from 'pdf-lib'
import type { File, Field, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { day, lexicalText } from './support/fixtures.js'
import { startRestServer } from './support/rest.js'
import type { RestServer } from './support/rest.js'
import { startPayload } from './support/startPayload.js'
import type { StartedPayload } from './support/startPayload.js'
import { validationErrors } from './support/validationErrors.js'
import { createWorkflowWorld, failure } from './support/workflowWorld.js'
import type { WorkflowWorld } from './support/workflowWorld.js'

const key = 'gongkai-decisions-form'
const attachmentsSlug = 'gongkai-attachments'
let started: StartedPayload
let payload: Payload
let world: WorkflowWorld
let server: RestServer
let notice: { id: number | string }

beforeAll(async () => {
  started = await startPayload({ key })
  payload = started.payload
  world = await createWorkflowWorld(payload)
  server = await startRestServer({ payload, payloadInstanceCacheKey: key })
  notice = await world.createDraft('policies', world.policyData(world.agencyA, { title: '关于公开征求《武清区停车设施规划（草案）》意见的公告', documentType: 'announcement' }))
  await world.approve('policies', notice.id)
  await world.act('publisher', { collection: 'policies', id: notice.id, action: 'publish' })
})

afterAll(async () => {
  await server?.close()
  await started?.stop()
})

let nextNumber = 300
/** A decision at 审议决定 with 公众参与 and 合法性审查 done, and neither 专家论证 nor 风险评估. */
function decisionWithoutReviews(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  nextNumber += 1
  return {
    catalogueYear: 2026,
    catalogueNumber: nextNumber,
    title: `武清区停车设施规划（${nextNumber}）`,
    responsibleAgency: world.agencyA,
    stage: 'deciding',
    draftText: lexicalText('第一条 为规范停车设施建设……'),
    draftingExplanation: lexicalText('起草说明……'),
    background: lexicalText('全区机动车保有量……'),
    consultationForm: 'public_solicitation',
    commentPeriodStart: day('2026-03-01'),
    commentPeriodEnd: day('2026-03-31'),
    commentNotice: notice.id,
    legalityReview: lexicalText('经审查，草案合法'),
    legalityReviewDate: day('2026-04-15'),
    legalityReviewConclusion: 'lawful',
    ...overrides,
  }
}

const notApplicableBoth = {
  expertReviewNotApplicable: true,
  expertReviewNotApplicableReason: '事项不涉及专业性、技术性问题',
  riskAssessmentNotApplicable: true,
  riskAssessmentNotApplicableReason: '不涉及社会稳定、公共安全',
}

describe('专家论证 and 风险评估 marked 不适用 (decree 713 arts. 19, 22)', () => {
  it('requires the elements of both steps at 审议决定 when nothing is marked, naming stage and element', async () => {
    const errors = await validationErrors(payload.create({ collection: 'decisions', data: decisionWithoutReviews() }))
    expect(errors.map((error) => error.path).sort()).toEqual(['expertReview', 'expertReviewDate', 'expertReviewDisclosure', 'riskAssessment', 'riskAssessmentDate', 'riskAssessmentDisclosure'])
    expect(errors.find((error) => error.path === 'riskAssessment')?.message).toBe('决策阶段为“审议决定”时须已完成“风险评估”环节：缺少“风险评估结论”')
  })

  it('saves a decision at 审议决定 and later stages without their elements once both are marked 不适用 with a reason', async () => {
    const deciding = await payload.create({ collection: 'decisions', data: decisionWithoutReviews(notApplicableBoth) })
    expect(deciding).toMatchObject({ stage: 'deciding', expertReviewNotApplicable: true, riskAssessmentNotApplicable: true, expertReview: null })
    const decided = await payload.create({
      collection: 'decisions',
      data: decisionWithoutReviews({
        ...notApplicableBoth,
        stage: 'decided',
        meeting: { date: day('2026-04-20'), kind: 'executive_meeting', name: '区政府第36次常务会议' },
        result: lexicalText('会议审议通过'),
      }),
    })
    expect(decided).toMatchObject({ stage: 'decided', meeting: { name: '区政府第36次常务会议' } })
  })

  it('excuses only the step that is marked: 风险评估 stays required when only 专家论证 is not applicable', async () => {
    const errors = await validationErrors(
      payload.create({ collection: 'decisions', data: decisionWithoutReviews({ expertReviewNotApplicable: true, expertReviewNotApplicableReason: '不涉及专业技术问题' }) }),
    )
    expect(errors.map((error) => error.path).sort()).toEqual(['riskAssessment', 'riskAssessmentDate', 'riskAssessmentDisclosure'])
  })

  it('refuses 不适用 without a reason beside the reason field, on save and at 提交审核, and stores nothing', async () => {
    const before = (await payload.count({ collection: 'decisions' })).totalDocs
    const errors = await validationErrors(payload.create({ collection: 'decisions', data: decisionWithoutReviews({ ...notApplicableBoth, riskAssessmentNotApplicableReason: '   ' }) }))
    expect(errors).toEqual([{ path: 'riskAssessmentNotApplicableReason', message: '“风险评估”环节标记为不适用的，须填写“风险评估不适用理由”' }])
    expect((await payload.count({ collection: 'decisions' })).totalDocs).toBe(before)

    const draft = await world.createDraft('decisions', decisionWithoutReviews({ ...notApplicableBoth, expertReviewNotApplicableReason: null }))
    const refused = await failure(world.act('editor', { collection: 'decisions', id: draft.id, action: 'submit' }))
    expect(refused.status).toBe(400)
    expect(refused.errors).toEqual([{ path: 'expertReviewNotApplicableReason', label: '专家论证不适用理由', message: '“专家论证”环节标记为不适用的，须填写“专家论证不适用理由”' }])
    expect((await world.latest('decisions', draft.id)).workflowState).toBe('draft')
  })

  it('takes a 不适用 through 提交审核 and publication', async () => {
    const draft = await world.createDraft('decisions', decisionWithoutReviews(notApplicableBoth))
    await world.approve('decisions', draft.id)
    await world.act('publisher', { collection: 'decisions', id: draft.id, action: 'publish' })
    expect(await world.published('decisions', draft.id)).toMatchObject({ _status: 'published', expertReviewNotApplicable: true, expertReviewNotApplicableReason: '事项不涉及专业性、技术性问题' })
  })

  it('answers a hostile 不适用 value with a 400 naming the field, not a 500', async () => {
    const token = await server.login({ email: String(world.users.editor.email), password: 'gongkai-test-password' })
    const response = await server.request({ method: 'POST', path: '/decisions?draft=true', token, body: decisionWithoutReviews({ expertReviewNotApplicable: { $ne: 1 } }) })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors).toEqual([{ path: 'expertReviewNotApplicable', message: '“本事项不适用专家论证”须为“是”或“否”' }])
  })
})

async function pdf(text: string, name: string): Promise<File> {
  const document = await PDFDocument.create()
  document.addPage().drawText(text, { x: 50, y: 750, size: 12, font: await document.embedFont(StandardFonts.Helvetica) })
  const data = Buffer.from(await document.save())
  return { data, mimetype: 'application/pdf', name, size: data.length }
}

describe('attachments of a draft (决策草案, 起草说明, 决策背景)', () => {
  type Reader = 'anonymous' | 'otherAgency' | 'member'
  const readerList: Reader[] = ['anonymous', 'otherAgency', 'member']
  const tokens = {} as Record<Reader, string | undefined>

  beforeAll(async () => {
    tokens.anonymous = undefined
    tokens.otherAgency = await server.login({ email: String(world.users.editorB.email), password: 'gongkai-test-password' })
    tokens.member = await server.login({ email: String(world.users.reviewer.email), password: 'gongkai-test-password' })
  })

  /** Whether `reader` gets the file through REST, GraphQL, the file URL and the decision's populated field. */
  async function reads(attachment: { id: number; filename: string }, decisionId: number, reader: Reader) {
    const token = tokens[reader]
    const rest = (await server.request({ path: `/${attachmentsSlug}/${attachment.id}`, token })).status === 200
    const graphql = Boolean((await server.graphql({ query: `query { GongkaiAttachment(id: ${attachment.id}) { id filename } }`, token })).body?.data?.GongkaiAttachment)
    const file = await fetch(`${server.origin}/api/${attachmentsSlug}/file/${encodeURIComponent(attachment.filename)}`, { headers: token ? { authorization: `JWT ${token}` } : {} })
    const body = Buffer.from(await file.arrayBuffer())
    if (file.status !== 200) expect([403, 404]).toContain(file.status)
    const fileUrl = file.status === 200 && body.subarray(0, 5).toString('latin1') === '%PDF-'
    const decision = await server.request({ path: `/decisions/${decisionId}?depth=1&draft=true`, token })
    const populated = JSON.stringify(decision.body?.draftTextAttachments ?? null).includes(attachment.filename)
    return { rest, graphql, fileUrl, populated }
  }
  const all = (value: boolean) => ({ rest: value, graphql: value, fileUrl: value, populated: value })

  it('adds upload fields to the draft tab, linked to the plugin’s attachments collection', () => {
    const fields = payload.collections.decisions!.config.flattenedFields
    for (const name of ['draftTextAttachments', 'draftingExplanationAttachments', 'backgroundAttachments']) {
      expect(fields.find((field) => field.name === name)).toMatchObject({ type: 'upload', relationTo: attachmentsSlug, hasMany: true })
    }
    const tabs = payload.collections.decisions!.config.fields.find((field): field is Extract<Field, { type: 'tabs' }> => field.type === 'tabs')
    expect(tabs?.tabs.map((tab) => (tab.label as Record<string, string>).zh)).toEqual(['决策事项', '决策草案', '公众参与', '专家论证', '风险评估', '合法性审查', '集体讨论决定', '决策公布', '执行', '后评估'])
  })

  it('keeps an unreviewed draft attachment to the agency — REST, GraphQL, file URL — until the decision is published', async () => {
    const attachment = (await payload.create({
      collection: attachmentsSlug,
      data: { title: '决策草案（送审稿）' },
      file: await pdf('Draft for comments', '决策草案送审稿.pdf'),
      overrideAccess: false,
      user: world.users.editor,
      depth: 0,
    })) as unknown as { id: number; filename: string }
    const decision = await world.createDraft('decisions', {
      catalogueYear: 2026,
      catalogueNumber: 900,
      title: '武清区停车设施规划（附件）',
      responsibleAgency: world.agencyA,
      stage: 'drafting',
      draftTextAttachments: [attachment.id],
    })
    expect((await world.latest('decisions', decision.id)).draftTextAttachments).toEqual([attachment.id])

    expect(await reads(attachment, decision.id, 'anonymous')).toEqual({ ...all(false), populated: false })
    expect(await reads(attachment, decision.id, 'otherAgency')).toEqual(all(false))
    expect(await reads(attachment, decision.id, 'member')).toEqual(all(true))

    await world.approve('decisions', decision.id)
    await world.act('publisher', { collection: 'decisions', id: decision.id, action: 'publish' })
    for (const reader of readerList) expect(await reads(attachment, decision.id, reader)).toEqual(all(true))
  })
})

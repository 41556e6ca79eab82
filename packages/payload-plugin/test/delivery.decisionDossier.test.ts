import { createPolicyLibraryClient } from '@gongkai/sdk'
import type { DossierDocument, PolicyLibraryClient } from '@gongkai/sdk'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { day, lexicalText } from './support/fixtures.js'
import { createGraphQLClient } from './support/graphql.js'
import type { GraphQLClient } from './support/graphql.js'
import { eventually, libraryAdminToken, startLibrary } from './support/library.js'
import type { RunningLibrary } from './support/library.js'
import { startRestServer } from './support/rest.js'
import type { RestServer } from './support/rest.js'
import { startPayload } from './support/startPayload.js'
import type { StartedPayload } from './support/startPayload.js'
import { createWorkflowWorld } from './support/workflowWorld.js'
import type { WorkflowWorld } from './support/workflowWorld.js'

// 决策专栏 delivered: a published decision reaches the library with its structured dossier, built from core's
// dossier and the plugin's participation records; later stages and participation records re-send it; the
// sections marked 不公开 never leave the CMS, whatever path a reader takes.

const key = 'gongkai-delivery-dossier'
let library: RunningLibrary
let started: StartedPayload
let payload: Payload
let world: WorkflowWorld
let server: RestServer
let query: GraphQLClient
let reader: PolicyLibraryClient
let notice: { id: number }
let decisionId: number
let attendanceId: number

const hidden = ['维稳预案', '满意度调查原始数据']

function decision(): Record<string, unknown> {
  return {
    catalogueYear: 2026,
    catalogueNumber: 3,
    title: '武清区老旧小区改造三年行动方案',
    responsibleAgency: world.agencyA,
    stage: 'decided',
    draftText: lexicalText('第一条 为改善老旧小区居住条件……'),
    draftingExplanation: lexicalText('草案说明：全区2000年前建成的小区共86个……'),
    background: lexicalText('决策背景：群众反映管网老化、无电梯等问题集中……'),
    consultationForm: 'public_solicitation',
    commentPeriodStart: day('2026-03-01'),
    commentPeriodEnd: day('2026-03-31'),
    commentNotice: notice.id,
    publicComments: [
      { summary: '建议同步加装电梯', adoption: 'adopted' },
      { summary: '建议全部拆除重建', adoption: 'not_adopted', adoptionReason: '超出本次改造范围' },
    ],
    expertReview: lexicalText('专家论证意见：改造标准总体可行'),
    expertReviewDate: day('2026-04-08'),
    expertReviewDisclosure: 'public',
    riskAssessment: lexicalText('社会稳定风险评估：涉及两处临时安置点的维稳预案'),
    riskAssessmentDate: day('2026-04-09'),
    riskAssessmentDisclosure: 'not_public',
    riskAssessmentNonDisclosureReason: '含维稳工作预案，公开可能危及社会稳定',
    legalityReview: lexicalText('经审查，草案符合法律法规规定'),
    legalityReviewDate: day('2026-04-15'),
    legalityReviewConclusion: 'lawful',
    meeting: { date: day('2026-04-20'), kind: 'executive_meeting', name: '区政府第35次常务会议' },
    result: lexicalText('会议审议通过《武清区老旧小区改造三年行动方案》'),
    deliveryChannels: [],
  }
}

async function libraryVersion(version: number): Promise<DossierDocument> {
  return eventually(
    `version ${version} of the decision in the library`,
    async () => {
      const read = await reader.getDossier(`decisions-${decisionId}`)
      return read && read.version >= version ? read : undefined
    },
    60_000,
  )
}

async function publishRevision(data: Record<string, unknown>): Promise<void> {
  await payload.update({ collection: 'decisions', id: decisionId, data, draft: true, overrideAccess: true, user: world.users.editor })
  await world.approve('decisions', decisionId)
  await world.act('publisher', { collection: 'decisions', id: decisionId, action: 'publish' })
}

beforeAll(async () => {
  library = await startLibrary('gongkai_plugin_dossier')
  started = await startPayload({
    key,
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
  server = await startRestServer({ payload, payloadInstanceCacheKey: key })
  query = createGraphQLClient(payload)
  reader = createPolicyLibraryClient({ baseUrl: library.url, retry: false })
  notice = await world.createDraft('policies', world.policyData(world.agencyA, { title: '关于公开征求《武清区老旧小区改造三年行动方案（草案）》意见的公告', documentType: 'announcement', deliveryChannels: [] }))
  await world.approve('policies', notice.id)
  await world.act('publisher', { collection: 'policies', id: notice.id, action: 'publish' })
}, 180_000)

afterAll(async () => {
  await server?.close()
  await started?.stop()
  await library?.destroy()
})

describe('a decision delivered with its 决策专栏', () => {
  it('reaches the library with its stages, sections, comment statistics and the 公告, without the 不公开 section', async () => {
    const draft = await world.createDraft('decisions', decision())
    decisionId = draft.id
    await world.approve('decisions', decisionId)
    await world.act('publisher', { collection: 'decisions', id: decisionId, action: 'publish' })
    const { dossier, title } = await libraryVersion(1)
    expect(title).toBe('武清区老旧小区改造三年行动方案')
    expect(dossier).toMatchObject({ stage: 'decided', catalogueYear: 2026, catalogueNumber: '3', legalityConclusion: 'lawful' })
    expect(dossier.steps.map((step) => [step.step, step.status, step.date ?? null])).toEqual([
      ['public_participation', 'complete', '2026-03-01'],
      ['expert_review', 'complete', '2026-04-08'],
      ['risk_assessment', 'withheld', '2026-04-09'],
      ['legality_review', 'complete', '2026-04-15'],
      ['collective_decision', 'complete', '2026-04-20'],
      ['publication', 'complete', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/u)],
      ['implementation', 'incomplete', null],
      ['post_evaluation', 'incomplete', null],
    ])
    expect(dossier.sections.map((section) => section.section)).toEqual(['draftText', 'draftingExplanation', 'background', 'expertReview', 'legalityReview', 'result'])
    expect(dossier.sections.find((section) => section.section === 'expertReview')).toMatchObject({ title: '专家论证意见', text: '专家论证意见：改造标准总体可行' })
    expect(dossier.sections.find((section) => section.section === 'draftText')?.html).toContain('<p')
    expect(dossier.consultation).toEqual({
      consultationForm: 'public_solicitation',
      startDate: '2026-03-01',
      endDate: '2026-03-31',
      noticeContentId: `policies-${notice.id}`,
      noticeTitle: '关于公开征求《武清区老旧小区改造三年行动方案（草案）》意见的公告',
    })
    expect(dossier.comments.adoption).toMatchObject({ total: 2, adopted: 1, notAdopted: 1, summary: '共收到意见 2 条：采纳 1 条，未采纳 1 条。' })
    expect(dossier.comments.entries[1]).toEqual({ summary: '建议全部拆除重建', adoption: 'not_adopted', adoptionReason: '超出本次改造范围' })
    expect(dossier.decisionMeeting).toEqual({ meetingDate: '2026-04-20', meetingKind: 'executive_meeting', meetingName: '区政府第35次常务会议' })
    expect(dossier.participation).toEqual([])
    const stored = JSON.stringify(await reader.get(`decisions-${decisionId}`))
    for (const text of [...hidden, '含维稳工作预案']) expect(stored).not.toContain(text)
  }, 120_000)

  it('re-sends the decision when a 列席 record of its meeting is published: representatives by display name and 界别, opinions and adoption', async () => {
    const record = await world.createDraft('participation', {
      kind: 'meeting_attendance',
      meetingKind: 'executive_meeting',
      meetingName: '区政府第35次常务会议',
      meetingDate: day('2026-04-20'),
      agency: world.agencyA,
      decision: decisionId,
      selectionMethod: 'open_registration',
      selectionDate: day('2026-04-10'),
      selectionNote: '共 9 人报名，按界别随机抽取 2 人',
      participants: [
        { displayName: '居民代表甲', selectionMethod: 'open_registration', sector: 'resident' },
        { displayName: '人大代表乙', selectionMethod: 'invitation', sector: 'deputy' },
      ],
      opinions: [
        { speaker: '居民代表甲', content: '建议优先改造供热管网', adoption: 'adopted' },
        { speaker: '人大代表乙', content: '建议设立居民监督小组', adoption: 'partially_adopted', adoptionReason: '由社区居委会牵头组织' },
      ],
      publicSummary: '2 名公众代表列席会议，发表意见 2 条。',
    })
    attendanceId = record.id
    await world.approve('participation', record.id)
    await world.act('publisher', { collection: 'participation', id: record.id, action: 'publish' })
    const { dossier } = await libraryVersion(2)
    expect(dossier.participation).toEqual([
      {
        participationKind: 'meeting_attendance',
        meetingName: '区政府第35次常务会议',
        meetingDate: '2026-04-20',
        meetingKind: 'executive_meeting',
        selectionMethod: 'open_registration',
        selectionNote: '共 9 人报名，按界别随机抽取 2 人',
        publicSummary: '2 名公众代表列席会议，发表意见 2 条。',
        participants: [
          { displayName: '居民代表甲', sector: 'resident', selectionMethod: 'open_registration' },
          { displayName: '人大代表乙', sector: 'deputy', selectionMethod: 'invitation' },
        ],
        opinions: [
          { speaker: '居民代表甲', content: '建议优先改造供热管网', adoption: 'adopted' },
          { speaker: '人大代表乙', content: '建议设立居民监督小组', adoption: 'partially_adopted', adoptionReason: '由社区居委会牵头组织' },
        ],
        adoption: { total: 2, adopted: 1, partiallyAdopted: 1, notAdopted: 0, pending: 0, summary: '共收到列席人员意见 2 条：采纳 1 条，部分采纳 1 条。' },
      },
    ])
    // Only the library was refreshed: the participation record itself is not a library document.
    const { docs } = await payload.find({ collection: 'deliveries', where: { documentCollection: { equals: 'participation' } }, depth: 0, overrideAccess: true })
    expect(docs).toEqual([])
  }, 120_000)

  it('re-sends it at 执行中 and 已评估, the 不公开 效果评估 marked withheld and its text kept in the CMS', async () => {
    await publishRevision({ stage: 'implementing', implementationRecords: [{ date: day('2026-06-01'), kind: 'progress', content: '首批12个小区开工改造' }] })
    const implementing = await libraryVersion(3)
    expect(implementing.dossier.stage).toBe('implementing')
    expect(implementing.dossier.implementation).toEqual([{ date: '2026-06-01', recordKind: 'progress', content: '首批12个小区开工改造' }])
    expect(implementing.dossier.steps.find((step) => step.step === 'implementation')).toEqual({ step: 'implementation', status: 'complete', date: '2026-06-01' })
    expect(implementing.dossier.participation).toHaveLength(1)

    await publishRevision({
      stage: 'evaluated',
      effectEvaluation: lexicalText('效果评估：满意度调查原始数据及问题台账'),
      effectEvaluationDate: day('2027-06-30'),
      effectEvaluationDisclosure: 'not_public',
      effectEvaluationNonDisclosureReason: '含个人信息的调查原始数据',
    })
    const evaluated = await libraryVersion(4)
    expect(evaluated.dossier.stage).toBe('evaluated')
    expect(evaluated.dossier.steps.find((step) => step.step === 'post_evaluation')).toEqual({ step: 'post_evaluation', status: 'withheld', date: '2027-06-30' })
    expect(evaluated.dossier.sections.map((section) => section.section)).not.toContain('effectEvaluation')
    // The library keeps each stage's dossier with its version.
    expect((await reader.getVersion(`decisions-${decisionId}`, 3))?.dossier?.stage).toBe('implementing')
  }, 180_000)

  it('re-sends it without a 列席 record that is withdrawn', async () => {
    await world.act('publisher', { collection: 'participation', id: attendanceId, action: 'withdraw', reason: '会议记录有误，更正后重新发布' })
    const { dossier } = await libraryVersion(5)
    expect(dossier.participation).toEqual([])
    expect(dossier.stage).toBe('evaluated')
  }, 120_000)

  it('never lets a 不公开 section reach a reader: the library (document, dossier, versions, search, feed) and the CMS’s anonymous REST and GraphQL', async () => {
    const contentId = `decisions-${decisionId}`
    const libraryReads = [
      await fetch(`${library.url}/v1/documents/${contentId}`),
      await fetch(`${library.url}/v1/documents/${contentId}/dossier`),
      ...(await Promise.all([1, 2, 3].map((version) => fetch(`${library.url}/v1/documents/${contentId}/versions/${version}`)))),
      await fetch(`${library.url}/v1/documents?q=${encodeURIComponent('维稳预案')}`),
      await fetch(`${library.url}/v1/agencies/${world.codeA.toLowerCase()}/feed.atom`),
    ]
    for (const response of libraryReads) {
      expect(response.status).toBe(200)
      const body = await response.text()
      for (const text of hidden) expect(body, response.url).not.toContain(text)
    }
    expect((await reader.search({ q: '维稳预案' })).total).toBe(0)

    const rest = await server.request({ path: `/decisions/${decisionId}?depth=1` })
    expect(rest.status).toBe(200)
    expect(rest.body.title).toBe('武清区老旧小区改造三年行动方案')
    const dossier = await server.request({ path: `/decisions/${decisionId}/dossier` })
    expect(dossier.status).toBe(200)
    const graphql = await query({ query: `query { Decision(id: ${decisionId}) { title riskAssessment effectEvaluation } Decisions { docs { riskAssessment effectEvaluation } } }` })
    expect(graphql.data.Decision).toEqual({ title: '武清区老旧小区改造三年行动方案', riskAssessment: null, effectEvaluation: null })
    for (const body of [rest.body, dossier.body, graphql]) {
      for (const text of hidden) expect(JSON.stringify(body)).not.toContain(text)
    }
    // The 承办单位 still reads them in the CMS.
    const owner = await payload.findByID({ collection: 'decisions', id: decisionId, overrideAccess: false, user: world.users.reviewer })
    expect(JSON.stringify(owner)).toContain('维稳预案')
  }, 120_000)
  it('sends a 风险评估 marked 不适用 as a not-applicable step with its reason, complete in the 专栏', async () => {
    const { riskAssessment: _text, riskAssessmentDate: _date, riskAssessmentDisclosure: _disclosure, riskAssessmentNonDisclosureReason: _why, ...data } = decision()
    const reason = '本事项为既有改造标准的延续，不涉及征地拆迁，经评估不存在社会稳定风险点'
    const draft = await world.createDraft('decisions', { ...data, catalogueNumber: 4, title: '武清区老旧小区改造资金管理办法', riskAssessmentNotApplicable: true, riskAssessmentNotApplicableReason: reason })
    await world.approve('decisions', draft.id)
    await world.act('publisher', { collection: 'decisions', id: draft.id, action: 'publish' })
    const read = await eventually(`decisions-${draft.id} in the library`, async () => (await reader.getDossier(`decisions-${draft.id}`)) ?? undefined, 60_000)
    const steps = read.dossier.steps
    expect(steps.find((step) => step.step === 'risk_assessment')).toEqual({ step: 'risk_assessment', status: 'not_applicable', notApplicableReason: reason })
    expect(steps.find((step) => step.step === 'expert_review')).toEqual({ step: 'expert_review', status: 'complete', date: '2026-04-08' })
    expect(steps.filter((step) => 'notApplicableReason' in step)).toHaveLength(1)
    expect(read.dossier.sections.map((section) => section.section)).not.toContain('riskAssessment')
  }, 120_000)
})

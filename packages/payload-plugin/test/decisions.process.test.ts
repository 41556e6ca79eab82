import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { day, lexicalText } from './support/fixtures.js'
import { createGraphQLClient } from './support/graphql.js'
import type { GraphQLClient } from './support/graphql.js'
import { startRestServer } from './support/rest.js'
import type { RestServer } from './support/rest.js'
import { startPayload } from './support/startPayload.js'
import type { StartedPayload } from './support/startPayload.js'
import { validationErrors } from './support/validationErrors.js'
import { createWorkflowWorld, failure } from './support/workflowWorld.js'
import type { WorkflowWorld } from './support/workflowWorld.js'

const key = 'gongkai-decisions-process'
let started: StartedPayload
let payload: Payload
let world: WorkflowWorld
let server: RestServer
let query: GraphQLClient
let notice: { id: number | string }

beforeAll(async () => {
  started = await startPayload({ key, pluginOptions: { commentPeriodMinDays: 30 } })
  payload = started.payload
  world = await createWorkflowWorld(payload)
  server = await startRestServer({ payload, payloadInstanceCacheKey: key })
  query = createGraphQLClient(payload)
  notice = await world.createDraft('policies', world.policyData(world.agencyA, { title: '关于公开征求《武清区养老服务设施布局规划（草案）》意见的公告', documentType: 'announcement' }))
})

afterAll(async () => {
  await server?.close()
  await started?.stop()
})

let nextNumber = 100
/** Every element of every step up to 已决策; the 风险评估 is marked 不公开. */
function decidedDecision(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  nextNumber += 1
  return {
    catalogueYear: 2026,
    catalogueNumber: nextNumber,
    title: `武清区养老服务设施布局规划（${nextNumber}）`,
    responsibleAgency: world.agencyA,
    stage: 'decided',
    draftText: lexicalText('第一条 为完善养老服务设施布局……'),
    draftingExplanation: lexicalText('草案说明……'),
    background: lexicalText('全区60岁以上人口占比……'),
    consultationForm: 'public_solicitation',
    commentPeriodStart: day('2026-03-01'),
    commentPeriodEnd: day('2026-03-31'),
    commentNotice: notice.id,
    publicComments: [
      { summary: '建议每个街道至少建一处日间照料中心', adoption: 'adopted' },
      { summary: '建议全部由政府投资建设', adoption: 'not_adopted', adoptionReason: '采取政府引导、社会参与的方式' },
      { summary: '建议增加护理床位', adoption: 'partially_adopted', adoptionReason: '按规划期分步增加' },
    ],
    expertReview: lexicalText('专家论证意见：布局基本合理'),
    expertReviewDate: day('2026-04-08'),
    expertReviewDisclosure: 'public',
    riskAssessment: lexicalText('社会稳定风险评估：涉及两处拆迁安置点的维稳预案'),
    riskAssessmentDate: day('2026-04-09'),
    riskAssessmentDisclosure: 'not_public',
    riskAssessmentNonDisclosureReason: '含维稳工作预案，公开可能危及社会稳定',
    legalityReview: lexicalText('经审查，草案符合法律法规规定'),
    legalityReviewDate: day('2026-04-15'),
    legalityReviewConclusion: 'lawful',
    meeting: { date: day('2026-04-20'), kind: 'executive_meeting', name: '区政府第35次常务会议' },
    result: lexicalText('会议审议通过《武清区养老服务设施布局规划》'),
    ...overrides,
  }
}

async function countDecisions() {
  return (await payload.count({ collection: 'decisions' })).totalDocs
}

describe('stages build up (decree 713)', () => {
  it('refuses a decision saved as 已决策 with nothing behind it, naming the stage and each missing element beside its field', async () => {
    const before = await countDecisions()
    const errors = await validationErrors(
      payload.create({
        collection: 'decisions',
        data: { catalogueYear: 2026, catalogueNumber: 1, title: '被拒绝的决策', responsibleAgency: world.agencyA, stage: 'decided' },
      }),
    )
    expect(errors.map((error) => error.path)).toEqual([
      'background',
      'commentNotice',
      'commentPeriodEnd',
      'commentPeriodStart',
      'draftText',
      'draftingExplanation',
      'expertReview',
      'expertReviewDate',
      'expertReviewDisclosure',
      'legalityReview',
      'legalityReviewConclusion',
      'legalityReviewDate',
      'meeting.date',
      'meeting.kind',
      'meeting.name',
      'result',
      'riskAssessment',
      'riskAssessmentDate',
      'riskAssessmentDisclosure',
    ])
    expect(errors.find((error) => error.path === 'draftText')?.message).toBe('决策阶段为“已决策”时须已完成“公众参与”环节：缺少“决策草案全文”')
    expect(errors.find((error) => error.path === 'legalityReviewConclusion')?.message).toBe('决策阶段为“已决策”时须已完成“合法性审查”环节：缺少“合法性审查结论”')
    expect(await countDecisions()).toBe(before)
  })

  it('refuses skipping one element of an earlier step, at every later stage', async () => {
    for (const stage of ['deciding', 'decided', 'implementing']) {
      const errors = await validationErrors(payload.create({ collection: 'decisions', data: decidedDecision({ stage, draftingExplanation: null, implementationRecords: [{ date: day('2026-05-01'), content: '印发实施' }] }) }))
      expect(errors).toEqual([{ path: 'draftingExplanation', message: `决策阶段为“${stage === 'deciding' ? '审议决定' : stage === 'decided' ? '已决策' : '执行中'}”时须已完成“公众参与”环节：缺少“草案说明”` }])
    }
  })

  it('saves a decision whose stage is backed by every step before it, and an incomplete one as a draft', async () => {
    const saved = await payload.create({ collection: 'decisions', data: decidedDecision() })
    expect(saved).toMatchObject({ stage: 'decided', legalityReviewConclusion: 'lawful' })
    const draft = await payload.create({ collection: 'decisions', data: { ...decidedDecision(), draftText: null }, draft: true })
    expect(draft).toMatchObject({ stage: 'decided', draftText: null })
  })

  it('requires an implementation record while 执行中 and the evaluation with its disclosure choice once 已评估', async () => {
    const implementing = await validationErrors(payload.create({ collection: 'decisions', data: decidedDecision({ stage: 'implementing' }) }))
    expect(implementing).toEqual([{ path: 'implementationRecords', message: '决策阶段为“执行中”时须已完成“执行”环节：缺少“执行情况记录”' }])
    const evaluated = await validationErrors(
      payload.create({
        collection: 'decisions',
        data: decidedDecision({
          stage: 'evaluated',
          implementationRecords: [{ date: day('2026-05-01'), kind: 'progress', content: '区民政局印发实施方案' }],
          effectEvaluation: lexicalText('实施一年，新增日间照料中心12处'),
          effectEvaluationDate: day('2027-05-01'),
          effectEvaluationDisclosure: 'not_public',
        }),
      }),
    )
    expect(evaluated).toEqual([{ path: 'effectEvaluationNonDisclosureReason', message: '决策阶段为“已评估”时须已完成“后评估”环节：缺少“效果评估不公开理由”' }])
  })

  it('requires every public comment to be answered before 已决策', async () => {
    const errors = await validationErrors(
      payload.create({ collection: 'decisions', data: decidedDecision({ publicComments: [{ summary: '建议延期', adoption: 'pending' }] }) }),
    )
    expect(errors).toEqual([{ path: 'publicComments', message: '决策阶段为“已决策”时每条公众意见须已作出采纳与否的处理：第 1 条意见仍为“待研究”' }])
  })
})

describe('合法性审查 before 集体讨论 (art. 24)', () => {
  it('refuses a legality review dated after the decision meeting', async () => {
    const errors = await validationErrors(payload.create({ collection: 'decisions', data: decidedDecision({ legalityReviewDate: day('2026-04-21') }) }))
    expect(errors).toEqual([
      { path: 'legalityReviewDate', message: '合法性审查日期（2026-04-21）晚于集体讨论决定的会议日期（2026-04-20）：合法性审查须在集体讨论前完成' },
    ])
  })

  it('refuses a meeting date on a draft that has no legality review yet, whatever the stage', async () => {
    const errors = await validationErrors(
      payload.create({
        collection: 'decisions',
        data: { catalogueYear: 2026, catalogueNumber: 2, title: '未经合法性审查的决策', responsibleAgency: world.agencyA, stage: 'drafting', meeting: { date: day('2026-04-20') } },
      }),
    )
    expect(errors).toEqual([
      {
        path: 'legalityReviewDate',
        message: '已填写集体讨论决定的会议日期（2026-04-20），须先完成“合法性审查”：填写合法性审查日期和审查结论（决策草案未经合法性审查的，不得提交集体讨论）',
      },
    ])
  })

  it('refuses to take to the meeting a draft found 不合法', async () => {
    const errors = await validationErrors(payload.create({ collection: 'decisions', data: decidedDecision({ legalityReviewConclusion: 'unlawful' }) }))
    expect(errors).toEqual([{ path: 'legalityReviewConclusion', message: '合法性审查结论为“不合法”的决策草案不得提交集体讨论决定' }])
  })
})

describe('征求意见', () => {
  it('refuses a public comment period shorter than 30 days without a reason, accepts it with one', async () => {
    const short = { commentPeriodEnd: day('2026-03-15'), meeting: { date: day('2026-04-20'), kind: 'executive_meeting', name: '区政府第35次常务会议' } }
    const errors = await validationErrors(payload.create({ collection: 'decisions', data: decidedDecision(short) }))
    expect(errors).toEqual([
      { path: 'commentPeriodEnd', message: '征求意见期限不得少于 30 日：开始日期为 2026-03-01，结束日期不得早于 2026-03-31；因情况紧急等原因缩短期限的，须填写缩短期限的理由' },
    ])
    const saved = await payload.create({ collection: 'decisions', data: decidedDecision({ ...short, shortenedPeriodReason: '冬季供暖保障需要，情况紧急' }) })
    expect(saved.shortenedPeriodReason).toBe('冬季供暖保障需要，情况紧急')
  })

  it('sets no minimum and needs no 公告 for a 座谈会', async () => {
    const saved = await payload.create({ collection: 'decisions', data: decidedDecision({ consultationForm: 'symposium', commentPeriodEnd: day('2026-03-01'), commentNotice: null }) })
    expect(saved).toMatchObject({ consultationForm: 'symposium', commentNotice: null })
  })

  it('takes only a policy of 文种 公告 as the comment notice', async () => {
    const circular = await world.createDraft('policies', world.policyData(world.agencyA))
    const errors = await validationErrors(payload.create({ collection: 'decisions', data: decidedDecision({ commentNotice: circular.id }) }))
    expect(errors.map((error) => error.path)).toEqual(['commentNotice'])
  })

  it('generates the 采纳情况 summary from the comments', async () => {
    const saved = await payload.create({ collection: 'decisions', data: decidedDecision() })
    const read = await payload.findByID({ collection: 'decisions', id: saved.id })
    expect(read.adoptionSummary).toBe('共收到意见 3 条：采纳 1 条，部分采纳 1 条，未采纳 1 条。')
    const rest = await server.request({ path: `/decisions/${String(saved.id)}?draft=false` })
    expect(rest.status).toBe(404)
  })
})

describe('the workflow checks the process again', () => {
  let decisionId: number

  it('refuses 提交审核 of a draft whose stage is not backed, and of one whose 公告 is not yet published', async () => {
    const draft = await world.createDraft('decisions', { ...decidedDecision(), legalityReview: null })
    decisionId = draft.id
    const refused = await failure(world.act('editor', { collection: 'decisions', id: draft.id, action: 'submit' }))
    expect(refused.status).toBe(400)
    expect(refused.message).toBe(
      `重大行政决策“${String(draft.title)}”不能提交审核：决策阶段为“已决策”时须已完成“合法性审查”环节：缺少“合法性审查意见”；征求意见公告“关于公开征求《武清区养老服务设施布局规划（草案）》意见的公告”尚未发布：须先发布公告，公众才能提出意见`,
    )
    expect(refused.errors.map((error) => error.path)).toEqual(['legalityReview', 'commentNotice'])
    expect((await world.latest('decisions', draft.id)).workflowState).toBe('draft')
  })

  it('publishes the decision once the 公告 is published and every step is there', async () => {
    await world.approve('policies', notice.id)
    await world.act('publisher', { collection: 'policies', id: notice.id, action: 'publish' })
    await payload.update({ collection: 'decisions', id: decisionId, data: { legalityReview: lexicalText('经审查，草案合法') }, draft: true, overrideAccess: false, user: world.users.editor })
    await world.approve('decisions', decisionId)
    await world.act('publisher', { collection: 'decisions', id: decisionId, action: 'publish' })
    expect(await world.published('decisions', decisionId)).toMatchObject({ _status: 'published', stage: 'decided' })
  })

  it('never lets a 不公开 section reach an anonymous reader or another agency: REST, GraphQL, local API', async () => {
    const hidden = '维稳预案'
    const shown = '布局基本合理'
    const restAnonymous = await server.request({ path: `/decisions/${decisionId}?depth=0` })
    expect(restAnonymous.status).toBe(200)
    expect(JSON.stringify(restAnonymous.body.expertReview)).toContain(shown)
    expect(restAnonymous.body).not.toHaveProperty('riskAssessment')
    expect(restAnonymous.body.riskAssessmentNonDisclosureReason).toBe('含维稳工作预案，公开可能危及社会稳定')
    const restList = await server.request({ path: `/decisions?where[id][equals]=${decisionId}&depth=0` })
    expect(JSON.stringify(restList.body)).not.toContain(hidden)
    expect(JSON.stringify(restList.body)).toContain(shown)
    const tokenB = await server.login({ email: String(world.users.editorB.email), password: 'gongkai-test-password' })
    const restOtherAgency = await server.request({ path: `/decisions/${decisionId}?depth=0`, token: tokenB })
    expect(JSON.stringify(restOtherAgency.body)).not.toContain(hidden)

    const graphqlQuery = `query ($id: Int!) { Decision(id: $id) { title riskAssessment expertReview } Decisions(where: { id: { equals: $id } }) { docs { riskAssessment } } }`
    const anonymous = await query({ query: graphqlQuery, variables: { id: decisionId } })
    expect(anonymous.data.Decision.title).toMatch(/养老服务设施布局规划/)
    expect(anonymous.data.Decision.riskAssessment).toBeNull()
    expect(JSON.stringify(anonymous.data.Decision.expertReview)).toContain(shown)
    expect(anonymous.data.Decisions.docs).toEqual([{ riskAssessment: null }])
    const otherAgency = await query({ query: graphqlQuery, variables: { id: decisionId }, user: world.users.editorB })
    expect(JSON.stringify(otherAgency.data)).not.toContain(hidden)

    const local = await payload.findByID({ collection: 'decisions', id: decisionId, overrideAccess: false })
    expect(local).not.toHaveProperty('riskAssessment')
    const localOther = await payload.find({ collection: 'decisions', where: { id: { equals: decisionId } }, overrideAccess: false, user: world.users.publisherB })
    expect(JSON.stringify(localOther.docs)).not.toContain(hidden)
  })

  it('shows the 不公开 section to the 承办单位 through REST, GraphQL and the local API', async () => {
    const owner = await payload.findByID({ collection: 'decisions', id: decisionId, overrideAccess: false, user: world.users.reviewer })
    expect(JSON.stringify(owner.riskAssessment)).toContain('维稳预案')
    const tokenA = await server.login({ email: String(world.users.publisher.email), password: 'gongkai-test-password' })
    expect(JSON.stringify((await server.request({ path: `/decisions/${decisionId}?depth=0`, token: tokenA })).body.riskAssessment)).toContain('维稳预案')
    const graphqlOwner = await query({ query: `query { Decision(id: ${decisionId}) { riskAssessment } }`, user: world.users.editor })
    expect(JSON.stringify(graphqlOwner.data.Decision.riskAssessment)).toContain('维稳预案')
  })

  it('serves the decision’s 专栏 as a structured dossier without the 不公开 section, for anyone', async () => {
    const anonymous = await server.request({ path: `/decisions/${decisionId}/dossier` })
    expect(anonymous.status).toBe(200)
    expect(anonymous.body.steps.map((step: { label: string; date: string | null; isComplete: boolean }) => [step.label, step.date, step.isComplete])).toEqual([
      ['公众参与', '2026-03-01', true],
      ['专家论证', '2026-04-08', true],
      ['风险评估', '2026-04-09', true],
      ['合法性审查', '2026-04-15', true],
      ['集体讨论决定', '2026-04-20', true],
      ['决策公布', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), true],
      ['执行', null, false],
      ['后评估', null, false],
    ])
    expect(anonymous.body.comments).toMatchObject({ total: 3, adopted: 1, partiallyAdopted: 1, notAdopted: 1 })
    expect(anonymous.body.commentPeriod.notice).toMatchObject({ title: '关于公开征求《武清区养老服务设施布局规划（草案）》意见的公告' })
    expect(anonymous.body.documents.riskAssessment).toBeNull()
    expect(JSON.stringify(anonymous.body.documents.expertReview)).toContain('布局基本合理')
    const owner = await server.request({ path: `/decisions/${decisionId}/dossier`, token: await server.login({ email: String(world.users.editor.email), password: 'gongkai-test-password' }) })
    expect(JSON.stringify(owner.body)).not.toContain('维稳预案')
    expect(JSON.stringify(anonymous.body)).not.toContain('维稳预案')
  })

  it('answers 404 for a decision an anonymous reader may not see, and for a malformed ID', async () => {
    const draft = await world.createDraft('decisions', { catalogueYear: 2026, catalogueNumber: 99, title: '未发布的决策', responsibleAgency: world.agencyA, stage: 'drafting' })
    for (const id of [String(draft.id), 'abc', '1%00']) {
      const response = await server.request({ path: `/decisions/${id}/dossier` })
      expect(response.status).toBe(404)
      expect(JSON.stringify(response.body)).not.toContain('未发布的决策')
    }
  })

  it('keeps the 不公开 section out of the versions an anonymous reader or another agency can list', async () => {
    const anonymous = await server.request({ path: `/decisions/versions?where[parent][equals]=${decisionId}` })
    expect(anonymous.status).toBe(403)
    const tokenB = await server.login({ email: String(world.users.reviewerB.email), password: 'gongkai-test-password' })
    const otherAgency = await server.request({ path: `/decisions/versions?where[parent][equals]=${decisionId}`, token: tokenB })
    expect(JSON.stringify(otherAgency.body)).not.toContain('维稳预案')
  })
})

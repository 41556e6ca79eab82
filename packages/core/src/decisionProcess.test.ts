import { describe, expect, it } from 'vitest'

import {
  commentPeriodError,
  commentPeriodProblem,
  decisionElements,
  decisionOrderErrors,
  decisionSteps,
  hasContent,
  isSectionPublic,
  isStepNotApplicable,
  missingDecisionElements,
  notApplicableErrors,
  summarizeAdoption,
  withoutNonPublicSections,
} from './decisionProcess.js'
import { decisionStageIndex, decisionStages } from './enumerations.js'

const richText = (text: string) => ({ root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text }] }] } })

/** A decision with every element of every step. */
const complete: Record<string, unknown> = {
  draftText: richText('草案'),
  draftingExplanation: richText('说明'),
  background: richText('背景'),
  consultationForm: 'public_solicitation',
  commentPeriodStart: '2026-03-01',
  commentPeriodEnd: '2026-03-31',
  commentNotice: 7,
  expertReview: richText('专家意见'),
  expertReviewDate: '2026-04-01',
  expertReviewDisclosure: 'public',
  riskAssessment: richText('低风险'),
  riskAssessmentDate: '2026-04-02',
  riskAssessmentDisclosure: 'not_public',
  riskAssessmentNonDisclosureReason: '涉及维稳预案',
  legalityReview: richText('合法'),
  legalityReviewDate: '2026-04-10',
  legalityReviewConclusion: 'lawful',
  meeting: { date: '2026-04-20', kind: 'executive_meeting', name: '区政府第12次常务会议' },
  result: richText('原则通过'),
  implementationRecords: [{ date: '2026-05-01', progress: '已印发实施方案' }],
  effectEvaluation: richText('效果良好'),
  effectEvaluationDate: '2027-05-01',
  effectEvaluationDisclosure: 'public',
  publicComments: [{ adoption: 'adopted' }],
}

describe('decision steps', () => {
  it('follow decree 713 in order and each starts at a known stage, never earlier than the one before', () => {
    expect(decisionSteps.map((step) => step.label.zh)).toEqual(['公众参与', '专家论证', '风险评估', '合法性审查', '集体讨论决定', '决策公布', '执行', '后评估'])
    const indexes = decisionSteps.map((step) => decisionStageIndex(step.requiredFrom))
    expect(indexes.every((index) => index >= 0)).toBe(true)
    expect([...indexes].sort((a, b) => a - b)).toEqual(indexes)
  })

  it('give every step at least one element', () => {
    for (const step of decisionSteps) expect(decisionElements.some((element) => element.step === step.value)).toBe(true)
  })
})

describe('missingDecisionElements', () => {
  it('accepts a complete decision at every stage', () => {
    for (const stage of decisionStages) expect(missingDecisionElements({ ...complete, stage: stage.value })).toEqual([])
  })

  it('requires nothing while a decision is catalogued or drafted', () => {
    expect(missingDecisionElements({ stage: 'catalogued' })).toEqual([])
    expect(missingDecisionElements({ stage: 'drafting' })).toEqual([])
  })

  it('names the stage, the step and the element of what is missing, by Chinese label', () => {
    expect(missingDecisionElements({ ...complete, stage: 'soliciting_comments', draftText: richText('  '), commentNotice: null })).toEqual([
      { path: 'draftText', message: '决策阶段为“征求意见”时须已完成“公众参与”环节：缺少“决策草案全文”', code: 'element_missing', params: { stage: 'soliciting_comments', step: 'public_participation', element: '决策草案全文' } },
      { path: 'commentNotice', message: '决策阶段为“征求意见”时须已完成“公众参与”环节：缺少“征求意见公告”', code: 'element_missing', params: { stage: 'soliciting_comments', step: 'public_participation', element: '征求意见公告' } },
    ])
  })

  it('keeps an earlier step required at every later stage: no skipping 公众参与 to reach 已决策', () => {
    const skipped = { ...complete, draftText: null, stage: 'decided' }
    expect(missingDecisionElements(skipped)).toEqual([{ path: 'draftText', message: '决策阶段为“已决策”时须已完成“公众参与”环节：缺少“决策草案全文”', code: 'element_missing', params: { stage: 'decided', step: 'public_participation', element: '决策草案全文' } }])
    expect(missingDecisionElements({ ...skipped, stage: 'evaluated' })).toHaveLength(1)
  })

  it('requires 专家论证, 风险评估 and 合法性审查 from 审议决定 on, not while they are under way', () => {
    const under = { ...complete, legalityReview: null, legalityReviewDate: null, legalityReviewConclusion: null }
    expect(missingDecisionElements({ ...under, stage: 'reviewing' })).toEqual([])
    expect(missingDecisionElements({ ...under, stage: 'deciding' }).map((error) => error.path)).toEqual(['legalityReview', 'legalityReviewDate', 'legalityReviewConclusion'])
  })

  it('requires a reason for a section marked 不公开, and the 公告 only for a public comment period', () => {
    const errors = missingDecisionElements({ ...complete, stage: 'deciding', riskAssessmentNonDisclosureReason: '', consultationForm: 'symposium', commentNotice: null })
    expect(errors).toEqual([{ path: 'riskAssessmentNonDisclosureReason', message: '决策阶段为“审议决定”时须已完成“风险评估”环节：缺少“风险评估不公开理由”', code: 'element_missing', params: { stage: 'deciding', step: 'risk_assessment', element: '风险评估不公开理由' } }])
  })

  it('requires every public comment to be answered once decided', () => {
    const errors = missingDecisionElements({ ...complete, stage: 'decided', publicComments: [{ adoption: 'adopted' }, { adoption: 'pending' }] })
    expect(errors).toEqual([{ path: 'publicComments.1.adoption', message: '决策阶段为“已决策”时每条公众意见须已作出采纳与否的处理：第 2 条意见仍为“待研究”', code: 'comment_unanswered', params: { stage: 'decided', number: 2 } }])
  })

  it('requires an implementation record while implementing and the evaluation once evaluated', () => {
    expect(missingDecisionElements({ ...complete, stage: 'implementing', implementationRecords: [] }).map((error) => error.path)).toEqual(['implementationRecords'])
    expect(missingDecisionElements({ ...complete, stage: 'implementing', effectEvaluation: null })).toEqual([])
    expect(missingDecisionElements({ ...complete, stage: 'evaluated', effectEvaluation: null }).map((error) => error.path)).toEqual(['effectEvaluation'])
  })
})

describe('专家论证 and 风险评估 marked 不适用', () => {
  const withoutReviews: Record<string, unknown> = { ...complete }
  for (const path of ['expertReview', 'expertReviewDate', 'expertReviewDisclosure', 'riskAssessment', 'riskAssessmentDate', 'riskAssessmentDisclosure', 'riskAssessmentNonDisclosureReason']) {
    delete withoutReviews[path]
  }

  it("requires neither step's elements at any later stage once marked 不适用", () => {
    const marked = { ...withoutReviews, expertReviewNotApplicable: true, expertReviewNotApplicableReason: '事项专业性不强', riskAssessmentNotApplicable: true, riskAssessmentNotApplicableReason: '不涉及社会稳定' }
    for (const stage of decisionStages) expect(missingDecisionElements({ ...marked, stage: stage.value })).toEqual([])
    expect(isStepNotApplicable(marked, 'expert_review')).toBe(true)
    expect(isStepNotApplicable(marked, 'legality_review')).toBe(false)
  })

  it('still requires the other step and every other step: only the marked one is excused', () => {
    const errors = missingDecisionElements({ ...withoutReviews, stage: 'deciding', expertReviewNotApplicable: true, expertReviewNotApplicableReason: '事项专业性不强' })
    expect(errors.map((error) => error.path)).toEqual(['riskAssessment', 'riskAssessmentDate', 'riskAssessmentDisclosure'])
    expect(errors[0]?.message).toBe('决策阶段为“审议决定”时须已完成“风险评估”环节：缺少“风险评估结论”')
    // 不适用 is only for the two steps decree 713 asks for "where the matter calls for it".
    expect(missingDecisionElements({ ...complete, stage: 'deciding', legalityReview: null, legalityReviewNotApplicable: true }).map((error) => error.path)).toEqual(['legalityReview'])
  })

  it('treats anything but true as applicable (a hostile string does not excuse the step)', () => {
    expect(missingDecisionElements({ ...withoutReviews, stage: 'deciding', expertReviewNotApplicable: 'true', riskAssessmentNotApplicable: 1 })).toHaveLength(6)
  })

  it('requires the reason, naming the step, at every stage', () => {
    expect(notApplicableErrors({ stage: 'drafting', riskAssessmentNotApplicable: true, riskAssessmentNotApplicableReason: '  ' })).toEqual([
      { path: 'riskAssessmentNotApplicableReason', message: '“风险评估”环节标记为不适用的，须填写“风险评估不适用理由”', code: 'not_applicable_reason', params: { step: 'risk_assessment' } },
    ])
    expect(notApplicableErrors({ expertReviewNotApplicable: true, expertReviewNotApplicableReason: '不涉及专业技术问题' })).toEqual([])
    expect(notApplicableErrors({ expertReviewNotApplicable: false })).toEqual([])
  })
})

describe('decisionOrderErrors', () => {
  const calendarDay = (value: unknown) => (typeof value === 'string' && value !== '' ? value.slice(0, 10) : undefined)

  it('accepts 合法性审查 on or before the meeting day', () => {
    expect(decisionOrderErrors({ decision: complete, calendarDay })).toEqual([])
    expect(decisionOrderErrors({ decision: { ...complete, legalityReviewDate: '2026-04-20' }, calendarDay })).toEqual([])
  })

  it('refuses a meeting before 合法性审查 is concluded', () => {
    expect(decisionOrderErrors({ decision: { ...complete, legalityReviewDate: '2026-04-21' }, calendarDay })).toEqual([
      { path: 'legalityReviewDate', message: '合法性审查日期（2026-04-21）晚于集体讨论决定的会议日期（2026-04-20）：合法性审查须在集体讨论前完成', code: 'legality_review_after_meeting', params: { legalityDay: '2026-04-21', meetingDay: '2026-04-20' } },
    ])
    expect(decisionOrderErrors({ decision: { ...complete, legalityReviewConclusion: null }, calendarDay }).map((error) => error.path)).toEqual(['legalityReviewDate'])
  })

  it('refuses a meeting on a draft found 不合法, and one before the comment period ended', () => {
    const errors = decisionOrderErrors({ decision: { ...complete, legalityReviewConclusion: 'unlawful', commentPeriodEnd: '2026-04-25' }, calendarDay })
    expect(errors.map((error) => error.path)).toEqual(['legalityReviewConclusion', 'meeting.date'])
  })

  it('checks nothing before a meeting date is set', () => {
    expect(decisionOrderErrors({ decision: { legalityReviewConclusion: 'unlawful' }, calendarDay })).toEqual([])
  })
})

describe('commentPeriodError', () => {
  const period = (start: string, end: string | undefined, extra: Record<string, unknown> = {}) =>
    commentPeriodError({ form: 'public_solicitation', start, end, minDays: 30, shortenedReason: undefined, ...extra })

  it('accepts 30 days and refuses 29 without a reason', () => {
    expect(period('2026-03-01', '2026-03-31')).toBeUndefined()
    expect(period('2026-03-01', '2026-03-30')).toBe('征求意见期限不得少于 30 日：开始日期为 2026-03-01，结束日期不得早于 2026-03-31；因情况紧急等原因缩短期限的，须填写缩短期限的理由')
  })

  it('accepts a shorter public period with a recorded reason, not with a blank one', () => {
    expect(period('2026-03-01', '2026-03-10', { shortenedReason: '汛期防汛需要，情况紧急' })).toBeUndefined()
    expect(period('2026-03-01', '2026-03-10', { shortenedReason: '   ' })).toMatch(/^征求意见期限不得少于 30 日/)
  })

  it('sets no minimum for other forms, but the end never precedes the start', () => {
    expect(period('2026-03-01', '2026-03-02', { form: 'symposium' })).toBeUndefined()
    expect(period('2026-03-05', '2026-03-02', { form: 'symposium' })).toBe('征求意见结束日期（2026-03-02）不得早于开始日期（2026-03-05）')
    expect(period('2026-03-05', undefined)).toBe('已填写征求意见开始日期，须同时填写结束日期')
  })

  it('counts across a leap day', () => {
    expect(period('2028-02-01', '2028-03-02')).toBeUndefined()
    expect(period('2028-02-01', '2028-03-01')).toMatch(/结束日期不得早于 2028-03-02/)
  })
})

describe('summarizeAdoption', () => {
  it('counts each state and writes the sentence that is published', () => {
    expect(summarizeAdoption(['adopted', 'not_adopted', 'adopted', 'pending', 'partially_adopted'])).toEqual({
      total: 5,
      adopted: 2,
      partiallyAdopted: 1,
      notAdopted: 1,
      pending: 1,
      text: '共收到意见 5 条：采纳 2 条，部分采纳 1 条，未采纳 1 条，待研究 1 条。',
    })
    expect(summarizeAdoption([]).text).toBe('未收到意见。')
    expect(summarizeAdoption(['adopted'], '列席人员意见').text).toBe('共收到列席人员意见 1 条：采纳 1 条。')
  })
})

describe('hasContent and isSectionPublic', () => {
  it('sees text in rich text, not in an empty tree or a deeply nested hostile one', () => {
    expect(hasContent(richText('文'))).toBe(true)
    expect(hasContent(richText(' '))).toBe(false)
    expect(hasContent({ root: { children: [] } })).toBe(false)
    let deep: Record<string, unknown> = { text: '藏得很深' }
    for (let index = 0; index < 100_000; index += 1) deep = { children: [deep] }
    expect(hasContent(deep)).toBe(false)
    expect(hasContent(0)).toBe(true)
    expect(hasContent(Number.NaN)).toBe(false)
  })

  it('lets only 公开 through', () => {
    expect(isSectionPublic('public')).toBe(true)
    expect(isSectionPublic('not_public')).toBe(false)
    expect(isSectionPublic(undefined)).toBe(false)
    expect(isSectionPublic('PUBLIC')).toBe(false)
  })
})

describe('withoutNonPublicSections', () => {
  it('removes every section not marked 公开 and keeps the rest', () => {
    const read: Record<string, unknown> = withoutNonPublicSections<Record<string, unknown>>({ ...complete, effectEvaluationDisclosure: undefined })
    expect(read.expertReview).toEqual(richText('专家意见'))
    expect(read.riskAssessment).toBeNull()
    expect(read.effectEvaluation).toBeNull()
    expect(read.riskAssessmentNonDisclosureReason).toBe('涉及维稳预案')
    expect(complete.riskAssessment).not.toBeNull()
  })
})

describe('commentPeriodProblem', () => {
  it('says what commentPeriodError says, with a code and the values for another language', () => {
    const base = { form: 'public_solicitation', minDays: 30, shortenedReason: undefined }
    expect(commentPeriodProblem({ ...base, start: '2026-03-01', end: undefined })).toMatchObject({ code: 'end_missing', params: {} })
    expect(commentPeriodProblem({ ...base, start: '2026-03-10', end: '2026-03-01' })).toMatchObject({ code: 'end_before_start', params: { start: '2026-03-10', end: '2026-03-01' } })
    const short = { ...base, start: '2026-03-01', end: '2026-03-15' }
    expect(commentPeriodProblem(short)).toEqual({ code: 'too_short', params: { minDays: 30, start: '2026-03-01', earliestEnd: '2026-03-31' }, message: commentPeriodError(short) })
    expect(commentPeriodProblem({ ...base, start: '2026-03-01', end: '2026-03-31' })).toBeUndefined()
  })
})

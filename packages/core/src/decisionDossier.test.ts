import { describe, expect, it } from 'vitest'

import { buildDecisionDossier } from './decisionDossier.js'

const richText = (text: string) => ({ root: { children: [{ children: [{ text }] }] } })
const calendarDay = (value: unknown) => (typeof value === 'string' && value !== '' ? value.slice(0, 10) : undefined)

const decision = {
  id: 7,
  title: '武清区养老服务设施布局规划',
  catalogueYear: 2026,
  catalogueNumber: 1,
  stage: 'decided',
  draftText: richText('草案'),
  draftingExplanation: richText('说明'),
  background: richText('背景'),
  consultationForm: 'public_solicitation',
  commentPeriodStart: '2026-03-01T04:00:00.000Z',
  commentPeriodEnd: '2026-03-31T04:00:00.000Z',
  commentNotice: 3,
  publicComments: [
    { summary: '增设日间照料中心', adoption: 'adopted' },
    { summary: '全部政府投资', adoption: 'not_adopted', adoptionReason: '社会参与' },
  ],
  expertReview: richText('专家意见'),
  expertReviewDate: '2026-04-08T04:00:00.000Z',
  expertReviewDisclosure: 'public',
  riskAssessment: richText('维稳预案'),
  riskAssessmentDate: '2026-04-09T04:00:00.000Z',
  riskAssessmentDisclosure: 'not_public',
  riskAssessmentNonDisclosureReason: '危及社会稳定',
  legalityReview: richText('合法'),
  legalityReviewDate: '2026-04-15T04:00:00.000Z',
  legalityReviewConclusion: 'lawful',
  meeting: { date: '2026-04-20T04:00:00.000Z', kind: 'executive_meeting', name: '区政府第35次常务会议' },
  result: richText('通过'),
  workflow: { firstPublishedAt: '2026-04-25T02:00:00.000Z' },
}

describe('buildDecisionDossier', () => {
  const dossier = buildDecisionDossier({
    decision,
    calendarDay,
    participation: [
      {
        id: 11,
        kind: 'meeting_attendance',
        meetingName: '区政府第35次常务会议',
        meetingDate: '2026-04-20T04:00:00.000Z',
        meetingKind: 'executive_meeting',
        selectionMethod: 'open_registration',
        selectionNote: '12 人报名，遴选 2 人',
        participants: [
          { displayName: '居民代表甲', sector: 'resident', selectionMethod: 'open_registration' },
          { displayName: '企业代表乙', sector: 'enterprise', selectionMethod: 'open_registration' },
        ],
        opinions: [{ speaker: '居民代表甲', content: '建议增设养老服务站', adoption: 'adopted' }],
      },
    ],
  })

  it('gives every statutory step its date and whether it is complete', () => {
    expect(dossier.steps.map((step) => [step.label, step.date, step.isComplete])).toEqual([
      ['公众参与', '2026-03-01', true],
      ['专家论证', '2026-04-08', true],
      ['风险评估', '2026-04-09', true],
      ['合法性审查', '2026-04-15', true],
      ['集体讨论决定', '2026-04-20', true],
      ['决策公布', '2026-04-25', true],
      ['执行', null, false],
      ['后评估', null, false],
    ])
    expect(dossier.steps[0]?.endDate).toBe('2026-03-31')
    expect(dossier.stage).toEqual({ value: 'decided', label: '已决策' })
  })

  it('shows a withheld step as complete to a reader whose copy lacks the section', () => {
    const readerCopy = buildDecisionDossier({ decision: { ...decision, riskAssessment: undefined }, participation: [], calendarDay })
    expect(readerCopy.steps.find((step) => step.step === 'risk_assessment')).toMatchObject({ isComplete: true, isWithheld: true })
    expect(readerCopy.steps.find((step) => step.step === 'expert_review')).toMatchObject({ isComplete: true, isWithheld: false })
    const notDone = buildDecisionDossier({ decision: { ...decision, riskAssessment: undefined, riskAssessmentDisclosure: 'public' }, participation: [], calendarDay })
    expect(notDone.steps.find((step) => step.step === 'risk_assessment')?.isComplete).toBe(false)
  })

  it('shows a step marked 不适用 as complete, with its public reason and no document', () => {
    const marked = buildDecisionDossier({
      decision: {
        ...decision,
        riskAssessment: richText('草拟中的评估'),
        riskAssessmentDate: undefined,
        riskAssessmentDisclosure: 'public',
        riskAssessmentNotApplicable: true,
        riskAssessmentNotApplicableReason: ' 本事项为内部管理规范，不涉及社会稳定风险 ',
      },
      participation: [],
      calendarDay,
    })
    expect(marked.steps.find((step) => step.step === 'risk_assessment')).toEqual({
      step: 'risk_assessment',
      label: '风险评估',
      date: null,
      isComplete: true,
      isNotApplicable: true,
      notApplicableReason: '本事项为内部管理规范，不涉及社会稳定风险',
      isWithheld: false,
    })
    expect(marked.documents.riskAssessment).toBeNull()
    expect(JSON.stringify(marked)).not.toContain('草拟中的评估')
    // The other steps are as before; a reason left behind after the mark was cleared is not shown.
    expect(marked.steps.find((step) => step.step === 'expert_review')).toMatchObject({ isComplete: true, isNotApplicable: false, notApplicableReason: null })
    const cleared = buildDecisionDossier({ decision: { ...decision, riskAssessmentNotApplicable: false, riskAssessmentNotApplicableReason: '旧理由' }, participation: [], calendarDay })
    expect(cleared.steps.find((step) => step.step === 'risk_assessment')).toMatchObject({ isNotApplicable: false, notApplicableReason: null, isWithheld: true })
    expect(JSON.stringify(cleared.steps)).not.toContain('旧理由')
    // An incomplete step that is not marked stays incomplete.
    const undone = buildDecisionDossier({ decision: { ...decision, expertReview: undefined }, participation: [], calendarDay })
    expect(undone.steps.find((step) => step.step === 'expert_review')).toMatchObject({ isComplete: false, isNotApplicable: false })
  })

  it('leaves out a section not marked 公开 and keeps the public ones', () => {
    expect(dossier.documents.riskAssessment).toBeNull()
    expect(dossier.documents.expertReview).toEqual(richText('专家意见'))
    expect(JSON.stringify(dossier)).not.toContain('维稳预案')
  })

  it('counts the comments and summarises the participation records without personal data', () => {
    expect(dossier.comments).toMatchObject({ total: 2, adopted: 1, notAdopted: 1, text: '共收到意见 2 条：采纳 1 条，未采纳 1 条。' })
    expect(dossier.participation).toEqual([
      expect.objectContaining({
        meetingDate: '2026-04-20',
        participantCount: 2,
        participants: [
          { displayName: '居民代表甲', sector: 'resident', selectionMethod: 'open_registration' },
          { displayName: '企业代表乙', sector: 'enterprise', selectionMethod: 'open_registration' },
        ],
        opinions: [{ speaker: '居民代表甲', content: '建议增设养老服务站', adoption: 'adopted', adoptionReason: null }],
        adoption: expect.objectContaining({ text: '共收到列席人员意见 1 条：采纳 1 条。' }),
      }),
    ])
  })
})

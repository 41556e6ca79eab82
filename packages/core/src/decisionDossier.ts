import {
  decisionDisclosedSections,
  decisionElements,
  decisionSteps,
  hasContent,
  isStepNotApplicable,
  optionalDecisionSteps,
  summarizeAdoption,
  withoutNonPublicSections,
} from './decisionProcess.js'
import type { AdoptionSummary, DecisionStep } from './decisionProcess.js'
import { decisionStages } from './enumerations.js'
import { labelOf } from './labelledOption.js'

type Doc = Record<string, unknown>

/** One statutory step in a dossier: when it happened and whether its elements are all there. */
export type DossierStep = {
  step: DecisionStep
  label: string
  /** `YYYY-MM-DD` of the step (the comment period's start for 公众参与), when recorded. */
  date: string | null
  /** The comment period's end, for 公众参与. */
  endDate?: string | null
  /** Done, or marked 不适用 (nothing was required of it). */
  isComplete: boolean
  /**
   * 不适用: 专家论证 or 风险评估 marked not needed for this matter (decree 713 arts. 19, 22). Counts as complete;
   * the reason is public, it is what tells a reader why the step was not carried out.
   */
  isNotApplicable: boolean
  /** Why the step was not needed, when `isNotApplicable`; otherwise null. */
  notApplicableReason: string | null
  /** Done, but its section was chosen 不公开 (视情况公开): readers see the step, not the section. */
  isWithheld: boolean
}

/** One participation record in a dossier: no personal data, only what the published record shows. */
export type DossierParticipation = {
  id: unknown
  kind: unknown
  meetingName: unknown
  meetingDate: string | null
  meetingKind: unknown
  selectionMethod: unknown
  selectionNote: unknown
  participantCount: number
  /** The representatives as published: display name (e.g. 居民代表甲) and 界别, never a registrant's personal data. */
  participants: { displayName: unknown; sector: unknown; selectionMethod: unknown }[]
  publicSummary: unknown
  opinions: { speaker: unknown; content: unknown; adoption: unknown; adoptionReason: unknown }[]
  adoption: AdoptionSummary
}

/** A 重大行政决策 as its 专栏 shows it: stages with dates, documents, comment statistics and participation. */
export type DecisionDossier = {
  id: unknown
  title: unknown
  catalogueYear: unknown
  catalogueNumber: unknown
  stage: { value: string; label: string }
  steps: DossierStep[]
  documents: Record<'draftText' | 'draftingExplanation' | 'background' | 'expertReview' | 'riskAssessment' | 'legalityReview' | 'result' | 'effectEvaluation', unknown>
  commentPeriod: { form: unknown; start: string | null; end: string | null; shortenedReason: unknown; notice: unknown }
  comments: AdoptionSummary & { items: { summary: unknown; adoption: unknown; adoptionReason: unknown }[] }
  implementation: { date: string | null; kind: unknown; content: unknown }[]
  participation: DossierParticipation[]
}

const rows = (value: unknown): Doc[] => (Array.isArray(value) ? (value as Doc[]) : [])

/**
 * 决策专栏 (Wuqing 2022 work plan point 18: 草案全文、草案说明、决策背景、公众意见收集和采纳情况、公众代表列席情况、决策结果，
 * 视情况公开风险评估、专家论证、效果评估): the structured dossier of a decision. Sections not marked 公开 are left out
 * here whatever the caller could read, so the dossier can leave the CMS as it is.
 */
export function buildDecisionDossier(args: { decision: Doc; participation: readonly Doc[]; calendarDay: (value: unknown) => string | undefined }): DecisionDossier {
  const decision = withoutNonPublicSections(args.decision)
  const day = (value: unknown) => args.calendarDay(value) ?? null
  const meeting = (decision.meeting ?? {}) as Doc
  const implementation = rows(decision.implementationRecords)
  const stepDates: Record<DecisionStep, string | null> = {
    public_participation: day(decision.commentPeriodStart),
    expert_review: day(decision.expertReviewDate),
    risk_assessment: day(decision.riskAssessmentDate),
    legality_review: day(decision.legalityReviewDate),
    collective_decision: day(meeting.date),
    publication: day((decision.workflow as Doc | undefined)?.firstPublishedAt),
    implementation: implementation.length > 0 ? day(implementation[0]?.date) : null,
    post_evaluation: day(decision.effectEvaluationDate),
  }
  const valueAt = (path: string) => path.split('.').reduce<unknown>((current, part) => (current && typeof current === 'object' ? (current as Doc)[part] : undefined), args.decision)
  // A section marked 不公开 was done but is withheld: a reader (whose copy lacks it) still sees the step complete.
  const isWithheld = (path: string) =>
    path in decisionDisclosedSections && args.decision[decisionDisclosedSections[path as keyof typeof decisionDisclosedSections]] === 'not_public'
  const steps = decisionSteps.map((step): DossierStep => {
    if (isStepNotApplicable(args.decision, step.value)) {
      const reasonField = optionalDecisionSteps.find((optional) => optional.step === step.value)?.reasonField
      const reason = reasonField ? args.decision[reasonField] : undefined
      return {
        step: step.value,
        label: step.label.zh,
        date: null,
        isComplete: true,
        isNotApplicable: true,
        notApplicableReason: typeof reason === 'string' && reason.trim() !== '' ? reason.trim() : null,
        isWithheld: false,
      }
    }
    const elements = decisionElements.filter((element) => element.step === step.value && (!element.when || element.when(args.decision)))
    const isComplete = elements.every((element) => hasContent(valueAt(element.path)) || isWithheld(element.path))
    return {
      step: step.value,
      label: step.label.zh,
      date: stepDates[step.value],
      ...(step.value === 'public_participation' ? { endDate: day(decision.commentPeriodEnd) } : {}),
      isComplete,
      isNotApplicable: false,
      notApplicableReason: null,
      isWithheld: isComplete && elements.some((element) => isWithheld(element.path)),
    }
  })
  const comments = rows(decision.publicComments)
  return {
    id: decision.id,
    title: decision.title,
    catalogueYear: decision.catalogueYear,
    catalogueNumber: decision.catalogueNumber,
    stage: { value: String(decision.stage ?? ''), label: labelOf(decisionStages, String(decision.stage ?? '')) },
    steps,
    documents: {
      draftText: decision.draftText ?? null,
      draftingExplanation: decision.draftingExplanation ?? null,
      background: decision.background ?? null,
      // A step marked 不适用 has no document: whatever was typed before the mark is not part of the record.
      expertReview: isStepNotApplicable(args.decision, 'expert_review') ? null : (decision.expertReview ?? null),
      riskAssessment: isStepNotApplicable(args.decision, 'risk_assessment') ? null : (decision.riskAssessment ?? null),
      legalityReview: decision.legalityReview ?? null,
      result: decision.result ?? null,
      effectEvaluation: decision.effectEvaluation ?? null,
    },
    commentPeriod: {
      form: decision.consultationForm ?? null,
      start: day(decision.commentPeriodStart),
      end: day(decision.commentPeriodEnd),
      shortenedReason: decision.shortenedPeriodReason ?? null,
      notice: decision.commentNotice ?? null,
    },
    comments: {
      ...summarizeAdoption(comments.map((comment) => comment.adoption)),
      items: comments.map((comment) => ({ summary: comment.summary, adoption: comment.adoption, adoptionReason: comment.adoptionReason ?? null })),
    },
    implementation: implementation.map((record) => ({ date: day(record.date), kind: record.kind, content: record.content })),
    participation: args.participation.map((record) => {
      const opinions = rows(record.opinions)
      return {
        id: record.id,
        kind: record.kind,
        meetingName: record.meetingName,
        meetingDate: day(record.meetingDate),
        meetingKind: record.meetingKind ?? null,
        selectionMethod: record.selectionMethod ?? null,
        selectionNote: record.selectionNote ?? null,
        participantCount: rows(record.participants).length,
        participants: rows(record.participants).map((participant) => ({
          displayName: participant.displayName,
          sector: participant.sector ?? null,
          selectionMethod: participant.selectionMethod ?? null,
        })),
        publicSummary: record.publicSummary ?? null,
        opinions: opinions.map((opinion) => ({ speaker: opinion.speaker, content: opinion.content, adoption: opinion.adoption, adoptionReason: opinion.adoptionReason ?? null })),
        adoption: summarizeAdoption(opinions.map((opinion) => opinion.adoption), '列席人员意见'),
      }
    }),
  }
}

import type { AdoptionState, DecisionStage } from './enumerations.js'
import { adoptionStates, decisionStageIndex, decisionStages } from './enumerations.js'
import type { LabelledOption } from './labelledOption.js'
import { isOptionValue, labelOf } from './labelledOption.js'

/**
 * 征求意见方式 — how the public's views on a decision draft were heard (重大行政决策程序暂行条例 art. 14:
 * 座谈会、听证会、实地走访、书面征求意见、向社会公开征求意见…). Only 公开征求意见 has the 30-day rule of art. 15.
 */
export const consultationForms = [
  { value: 'public_solicitation', label: { zh: '向社会公开征求意见', en: 'Public comment period' } },
  { value: 'hearing', label: { zh: '听证会', en: 'Public hearing' } },
  { value: 'symposium', label: { zh: '座谈会', en: 'Symposium' } },
  { value: 'field_visit', label: { zh: '实地走访', en: 'Field visit' } },
  { value: 'written', label: { zh: '书面征求意见', en: 'Written consultation' } },
  { value: 'other', label: { zh: '其他方式', en: 'Other' } },
] as const satisfies readonly LabelledOption[]
/** A 征求意见方式 value. */
export type ConsultationForm = (typeof consultationForms)[number]['value']

/**
 * 视情况公开 — whether one section of a decision (风险评估, 专家论证, 效果评估) is disclosed. The Wuqing 2022
 * work plan (point 18) asks for these "视情况公开": each is chosen, and 不公开 needs a reason.
 */
export const sectionDisclosures = [
  { value: 'public', label: { zh: '公开', en: 'Public' } },
  { value: 'not_public', label: { zh: '不公开', en: 'Not public' } },
] as const satisfies readonly LabelledOption[]
/** A 视情况公开 value. */
export type SectionDisclosure = (typeof sectionDisclosures)[number]['value']

/** 合法性审查结论 (decree 713 arts. 25–28). A draft found 不合法 may not go to the decision meeting. */
export const legalityConclusions = [
  { value: 'lawful', label: { zh: '合法', en: 'Lawful' } },
  { value: 'lawful_after_changes', label: { zh: '修改后合法', en: 'Lawful after changes' } },
  { value: 'unlawful', label: { zh: '不合法', en: 'Unlawful' } },
] as const satisfies readonly LabelledOption[]
/** A 合法性审查结论 value. */
export type LegalityConclusion = (typeof legalityConclusions)[number]['value']

/**
 * 执行情况 — what an implementation record reports (decree 713 ch. 6: 决策执行和调整): progress, an adjustment
 * of the decision, or its suspension.
 */
export const implementationRecordKinds = [
  { value: 'progress', label: { zh: '执行进展', en: 'Progress' } },
  { value: 'adjustment', label: { zh: '决策调整', en: 'Adjustment' } },
  { value: 'suspension', label: { zh: '暂缓或停止执行', en: 'Suspension' } },
] as const satisfies readonly LabelledOption[]
/** An 执行情况 value. */
export type ImplementationRecordKind = (typeof implementationRecordKinds)[number]['value']

/**
 * 决策程序环节 — the statutory steps of decree 713 in order: 公众参与 → 专家论证 → 风险评估 → 合法性审查 →
 * 集体讨论决定 → 决策公布 → 执行 → 后评估. `requiredFrom` is the 决策阶段 (the record's `stage`) from which
 * the step's elements are required; they stay required at every later stage:
 * - 公众参与 from 征求意见: the draft, its explanation, the form and period go out with the comment call.
 * - 专家论证, 风险评估, 合法性审查 from 审议决定: they are concluded before the draft goes to the meeting
 *   (art. 25: a draft not reviewed for legality may not be discussed).
 * - 集体讨论决定 and 决策公布 from 已决策.
 * - 执行 from 执行中, 后评估 from 已评估.
 */
export const decisionSteps = [
  { value: 'public_participation', label: { zh: '公众参与', en: 'Public participation' }, requiredFrom: 'soliciting_comments' },
  { value: 'expert_review', label: { zh: '专家论证', en: 'Expert review' }, requiredFrom: 'deciding' },
  { value: 'risk_assessment', label: { zh: '风险评估', en: 'Risk assessment' }, requiredFrom: 'deciding' },
  { value: 'legality_review', label: { zh: '合法性审查', en: 'Legality review' }, requiredFrom: 'deciding' },
  { value: 'collective_decision', label: { zh: '集体讨论决定', en: 'Collective decision' }, requiredFrom: 'decided' },
  { value: 'publication', label: { zh: '决策公布', en: 'Publication' }, requiredFrom: 'decided' },
  { value: 'implementation', label: { zh: '执行', en: 'Implementation' }, requiredFrom: 'implementing' },
  { value: 'post_evaluation', label: { zh: '后评估', en: 'Post-evaluation' }, requiredFrom: 'evaluated' },
] as const satisfies readonly (LabelledOption & { requiredFrom: DecisionStage })[]
/** A 决策程序环节 value. */
export type DecisionStep = (typeof decisionSteps)[number]['value']

/**
 * 不适用: the steps decree 713 asks for only where the matter calls for them — 专家论证 for 专业性、技术性较强的
 * 决策事项 (art. 19), 风险评估 where the decision may harm 社会稳定、公共安全 (art. 22). A decision may mark them
 * not applicable with a reason; their elements are then not required at any stage. The fields are the decision
 * collection's names: a checkbox and the reason beside it.
 */
export const optionalDecisionSteps = [
  { step: 'expert_review', field: 'expertReviewNotApplicable', reasonField: 'expertReviewNotApplicableReason', label: '专家论证' },
  { step: 'risk_assessment', field: 'riskAssessmentNotApplicable', reasonField: 'riskAssessmentNotApplicableReason', label: '风险评估' },
] as const satisfies readonly { step: DecisionStep; field: string; reasonField: string; label: string }[]

/** Whether the decision marks `step` 不适用 (only 专家论证 and 风险评估 can be). */
export function isStepNotApplicable(decision: Record<string, unknown>, step: DecisionStep): boolean {
  const optional = optionalDecisionSteps.find((candidate) => candidate.step === step)
  return optional !== undefined && decision[optional.field] === true
}

/**
 * A step marked 不适用 needs the reason recorded, whatever the stage: the choice is published with the decision
 * and is what an assessor checks.
 */
export function notApplicableErrors(decision: Record<string, unknown>): DecisionProcessError[] {
  return optionalDecisionSteps
    .filter((optional) => decision[optional.field] === true && !hasContent(decision[optional.reasonField]))
    .map((optional) => ({
      path: optional.reasonField,
      message: `“${optional.label}”环节标记为不适用的，须填写“${optional.label}不适用理由”`,
      code: 'not_applicable_reason' as const,
      params: { step: optional.step },
    }))
}

/** One element a step needs, named by its field path and its Chinese label. */
export type DecisionElement = {
  step: DecisionStep
  /** Field path in the decision, e.g. `meeting.date`. */
  path: string
  label: string
  /** Required only when this holds (e.g. the 公告 only for 公开征求意见). */
  when?: (decision: Record<string, unknown>) => boolean
}

const isPublicSolicitation = (decision: Record<string, unknown>) => decision.consultationForm === 'public_solicitation'
const isNotPublic = (field: string) => (decision: Record<string, unknown>) => decision[field] === 'not_public'

/** Every element of every step, in procedural order. The paths are the decision collection's field names. */
export const decisionElements: readonly DecisionElement[] = [
  { step: 'public_participation', path: 'draftText', label: '决策草案全文' },
  { step: 'public_participation', path: 'draftingExplanation', label: '草案说明' },
  { step: 'public_participation', path: 'background', label: '决策背景' },
  { step: 'public_participation', path: 'consultationForm', label: '征求意见方式' },
  { step: 'public_participation', path: 'commentPeriodStart', label: '征求意见开始日期' },
  { step: 'public_participation', path: 'commentPeriodEnd', label: '征求意见结束日期' },
  { step: 'public_participation', path: 'commentNotice', label: '征求意见公告', when: isPublicSolicitation },
  { step: 'expert_review', path: 'expertReview', label: '专家论证意见' },
  { step: 'expert_review', path: 'expertReviewDate', label: '专家论证日期' },
  { step: 'expert_review', path: 'expertReviewDisclosure', label: '专家论证是否公开' },
  { step: 'expert_review', path: 'expertReviewNonDisclosureReason', label: '专家论证不公开理由', when: isNotPublic('expertReviewDisclosure') },
  { step: 'risk_assessment', path: 'riskAssessment', label: '风险评估结论' },
  { step: 'risk_assessment', path: 'riskAssessmentDate', label: '风险评估日期' },
  { step: 'risk_assessment', path: 'riskAssessmentDisclosure', label: '风险评估是否公开' },
  { step: 'risk_assessment', path: 'riskAssessmentNonDisclosureReason', label: '风险评估不公开理由', when: isNotPublic('riskAssessmentDisclosure') },
  { step: 'legality_review', path: 'legalityReview', label: '合法性审查意见' },
  { step: 'legality_review', path: 'legalityReviewDate', label: '合法性审查日期' },
  { step: 'legality_review', path: 'legalityReviewConclusion', label: '合法性审查结论' },
  { step: 'collective_decision', path: 'meeting.date', label: '会议日期' },
  { step: 'collective_decision', path: 'meeting.kind', label: '会议类型' },
  { step: 'collective_decision', path: 'meeting.name', label: '会议名称' },
  { step: 'publication', path: 'result', label: '决策结果' },
  { step: 'implementation', path: 'implementationRecords', label: '执行情况记录' },
  { step: 'post_evaluation', path: 'effectEvaluation', label: '效果评估' },
  { step: 'post_evaluation', path: 'effectEvaluationDate', label: '效果评估日期' },
  { step: 'post_evaluation', path: 'effectEvaluationDisclosure', label: '效果评估是否公开' },
  { step: 'post_evaluation', path: 'effectEvaluationNonDisclosureReason', label: '效果评估不公开理由', when: isNotPublic('effectEvaluationDisclosure') },
]

/**
 * What a decision-process error says, for an application that words it in another language (`params` holds the values):
 * - `not_applicable_reason` (`step`): a step marked 不适用 without the reason;
 * - `element_missing` (`stage`, `step`, `element`: the missing element's label): the stage needs an earlier step's element;
 * - `comment_unanswered` (`stage`, `number`): a public comment still 待研究 at the decision;
 * - `legality_review_missing` (`meetingDay`), `legality_review_after_meeting` (`legalityDay`, `meetingDay`),
 *   `legality_review_unlawful`, `meeting_before_comment_end` (`meetingDay`, `commentEnd`): the statutory order.
 * `stage` and `step` are values (`decisionStages`, `decisionSteps`); days are `YYYY-MM-DD`.
 */
export type DecisionProcessCode =
  | 'not_applicable_reason'
  | 'element_missing'
  | 'comment_unanswered'
  | 'legality_review_missing'
  | 'legality_review_after_meeting'
  | 'legality_review_unlawful'
  | 'meeting_before_comment_end'

/** A rule the decision breaks, with the field it belongs beside: Chinese `message`, and `code` with `params` to word it otherwise. */
export type DecisionProcessError = { path: string; message: string; code: DecisionProcessCode; params: Record<string, string | number> }

const maxScanDepth = 64

/**
 * Whether a value carries content: a non-blank string, a number, a non-empty array or ID, or a rich-text
 * tree (Lexical JSON or similar) holding at least one non-blank `text`.
 */
export function hasContent(value: unknown): boolean {
  const visit = (node: unknown, depth: number): boolean => {
    if (depth > maxScanDepth) return false
    if (typeof node === 'string') return node.trim() !== ''
    if (Array.isArray(node)) return node.some((child) => visit(child, depth + 1))
    if (!node || typeof node !== 'object') return false
    const record = node as Record<string, unknown>
    if (typeof record.text === 'string' && record.text.trim() !== '') return true
    const children = record.root ?? record.children
    return children !== undefined && visit(children, depth + 1)
  }
  if (value === null || value === undefined) return false
  if (typeof value === 'number') return Number.isFinite(value)
  if (typeof value === 'boolean') return true
  if (Array.isArray(value)) return value.length > 0
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>
    // A related document read with depth ≥ 1.
    if (typeof record.id === 'number' || typeof record.id === 'string') return true
    return visit(value, 0)
  }
  return visit(value, 0)
}

function valueAt(decision: Record<string, unknown>, path: string): unknown {
  let current: unknown = decision
  for (const part of path.split('.')) {
    if (!current || typeof current !== 'object') return undefined
    current = (current as Record<string, unknown>)[part]
  }
  return current
}

/** The 决策阶段's Chinese label, or the value itself when unknown. */
export function decisionStageLabel(stage: unknown): string {
  return labelOf(decisionStages, typeof stage === 'string' ? stage : String(stage ?? ''))
}

/**
 * 阶段要素齐全: the elements missing for the decision's stage — each step's elements are required from its
 * `requiredFrom` stage onwards, so a stage cannot be reached by skipping an earlier one; a step marked 不适用
 * (`optionalDecisionSteps`) requires none of its elements. Also every public
 * comment has been answered (采纳 / 部分采纳 / 未采纳, not 待研究) before the decision meeting.
 *
 * @example missingDecisionElements({ stage: 'deciding', … }) // [{ path: 'legalityReview', message: '决策阶段为“审议决定”时须已完成“合法性审查”：缺少“合法性审查意见”' }, …]
 */
export function missingDecisionElements(decision: Record<string, unknown>): DecisionProcessError[] {
  const stageIndex = decisionStageIndex(String(decision.stage ?? ''))
  if (stageIndex < 0) return []
  const stageLabel = decisionStageLabel(decision.stage)
  const errors: DecisionProcessError[] = []
  for (const step of decisionSteps) {
    if (stageIndex < decisionStageIndex(step.requiredFrom)) continue
    if (isStepNotApplicable(decision, step.value)) continue
    for (const element of decisionElements) {
      if (element.step !== step.value) continue
      if (element.when && !element.when(decision)) continue
      if (hasContent(valueAt(decision, element.path))) continue
      errors.push({
        path: element.path,
        message: `决策阶段为“${stageLabel}”时须已完成“${step.label.zh}”环节：缺少“${element.label}”`,
        code: 'element_missing',
        params: { stage: String(decision.stage), step: step.value, element: element.label },
      })
    }
  }
  if (stageIndex >= decisionStageIndex('decided')) {
    const comments = Array.isArray(decision.publicComments) ? (decision.publicComments as Record<string, unknown>[]) : []
    comments.forEach((comment, index) => {
      if (comment?.adoption === 'pending' || !hasContent(comment?.adoption)) {
        errors.push({
          path: `publicComments.${index}.adoption`,
          message: `决策阶段为“${stageLabel}”时每条公众意见须已作出采纳与否的处理：第 ${index + 1} 条意见仍为“待研究”`,
          code: 'comment_unanswered',
          params: { stage: String(decision.stage), number: index + 1 },
        })
      }
    })
  }
  return errors
}

/**
 * 程序顺序: the dates and conclusions that must come in the statutory order, whatever the stage —
 * - 合法性审查 is concluded before 集体讨论决定 (decree 713 art. 25: a draft not reviewed for legality, or found
 *   不合法, may not be submitted to the decision meeting): a meeting date needs a legality review dated no later;
 * - the public comment period ends before the meeting that decides.
 * `calendarDay` turns a stored date into `YYYY-MM-DD` in the deployment's time zone.
 */
export function decisionOrderErrors(args: {
  decision: Record<string, unknown>
  calendarDay: (value: unknown) => string | undefined
}): DecisionProcessError[] {
  const { decision, calendarDay } = args
  const errors: DecisionProcessError[] = []
  const meetingDay = calendarDay(valueAt(decision, 'meeting.date'))
  if (meetingDay === undefined) return errors
  const legalityDay = calendarDay(decision.legalityReviewDate)
  if (legalityDay === undefined || !hasContent(decision.legalityReviewConclusion)) {
    errors.push({
      path: 'legalityReviewDate',
      message: `已填写集体讨论决定的会议日期（${meetingDay}），须先完成“合法性审查”：填写合法性审查日期和审查结论（决策草案未经合法性审查的，不得提交集体讨论）`,
      code: 'legality_review_missing',
      params: { meetingDay },
    })
  } else if (legalityDay > meetingDay) {
    errors.push({
      path: 'legalityReviewDate',
      message: `合法性审查日期（${legalityDay}）晚于集体讨论决定的会议日期（${meetingDay}）：合法性审查须在集体讨论前完成`,
      code: 'legality_review_after_meeting',
      params: { legalityDay, meetingDay },
    })
  }
  if (decision.legalityReviewConclusion === 'unlawful') {
    errors.push({ path: 'legalityReviewConclusion', message: '合法性审查结论为“不合法”的决策草案不得提交集体讨论决定', code: 'legality_review_unlawful', params: {} })
  }
  const commentEnd = calendarDay(decision.commentPeriodEnd)
  if (commentEnd !== undefined && commentEnd > meetingDay) {
    errors.push({
      path: 'meeting.date',
      message: `集体讨论决定的会议日期（${meetingDay}）早于征求意见结束日期（${commentEnd}）：须在征求意见结束后再作决定`,
      code: 'meeting_before_comment_end',
      params: { meetingDay, commentEnd },
    })
  }
  return errors
}

/** Calendar-day arithmetic on `YYYY-MM-DD` strings (UTC, so no daylight-saving shifts). */
function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/**
 * 征求意见期限 (decree 713 art. 15): a 公开征求意见 lasts at least `minDays` days (generally 30); a shorter
 * period is allowed only with a recorded reason (因情况紧急等原因需要缩短期限的，公开征求意见时应当予以说明).
 * Other forms (座谈会, 听证会…) have no minimum. Dates are `YYYY-MM-DD`.
 *
 * @returns the message for the end-date field, or undefined when the period is fine
 */
export function commentPeriodError(args: CommentPeriodArgs): string | undefined {
  return commentPeriodProblem(args)?.message
}

/** The dates of a comment period and what may shorten it (see {@link commentPeriodError}). */
export type CommentPeriodArgs = {
  form: unknown
  start: string | undefined
  end: string | undefined
  minDays: number
  shortenedReason: unknown
}

/**
 * {@link commentPeriodError} with a code and its values, for an application that words it in another language:
 * `end_missing`, `end_before_start` (`start`, `end`), `too_short` (`minDays`, `start`, `earliestEnd`).
 */
export function commentPeriodProblem(
  args: CommentPeriodArgs,
): { code: 'end_missing' | 'end_before_start' | 'too_short'; params: Record<string, string | number>; message: string } | undefined {
  const { start, end, minDays } = args
  if (start === undefined) return undefined
  if (end === undefined) return { code: 'end_missing', params: {}, message: '已填写征求意见开始日期，须同时填写结束日期' }
  if (end < start) return { code: 'end_before_start', params: { start, end }, message: `征求意见结束日期（${end}）不得早于开始日期（${start}）` }
  const isPublic = args.form === undefined || args.form === null || args.form === 'public_solicitation'
  if (!isPublic) return undefined
  const earliestEnd = addDays(start, minDays)
  if (end >= earliestEnd || hasContent(args.shortenedReason)) return undefined
  return {
    code: 'too_short',
    params: { minDays, start, earliestEnd },
    message: `征求意见期限不得少于 ${minDays} 日：开始日期为 ${start}，结束日期不得早于 ${earliestEnd}；因情况紧急等原因缩短期限的，须填写缩短期限的理由`,
  }
}

/** Counts of 采纳情况 over a list of comments or opinions, and the sentence that publishes them. */
export type AdoptionSummary = {
  total: number
  adopted: number
  partiallyAdopted: number
  notAdopted: number
  pending: number
  /** e.g. 共收到意见 3 条：采纳 1 条，部分采纳 1 条，未采纳 1 条。 */
  text: string
}

/** 采纳情况汇总: generated from the adoption state of each comment (unknown states count as 待研究). */
export function summarizeAdoption(states: readonly unknown[], noun = '意见'): AdoptionSummary {
  const count = (state: AdoptionState) => states.filter((candidate) => candidate === state).length
  const adopted = count('adopted')
  const partiallyAdopted = count('partially_adopted')
  const notAdopted = count('not_adopted')
  const pending = states.length - adopted - partiallyAdopted - notAdopted
  const parts = [
    [adopted, labelOf(adoptionStates, 'adopted')],
    [partiallyAdopted, labelOf(adoptionStates, 'partially_adopted')],
    [notAdopted, labelOf(adoptionStates, 'not_adopted')],
    [pending, labelOf(adoptionStates, 'pending')],
  ]
    .filter(([value]) => (value as number) > 0)
    .map(([value, label]) => `${label} ${value} 条`)
  const text = states.length === 0 ? `未收到${noun}。` : `共收到${noun} ${states.length} 条：${parts.join('，')}。`
  return { total: states.length, adopted, partiallyAdopted, notAdopted, pending, text }
}

/** Whether a 视情况公开 section may reach readers: only when 公开 was chosen. */
export function isSectionPublic(disclosure: unknown): boolean {
  return isOptionValue(sectionDisclosures, disclosure) && disclosure === 'public'
}

/** The 视情况公开 sections of a decision: content field → the field holding its 公开 / 不公开 choice. */
export const decisionDisclosedSections = {
  expertReview: 'expertReviewDisclosure',
  riskAssessment: 'riskAssessmentDisclosure',
  effectEvaluation: 'effectEvaluationDisclosure',
} as const

/**
 * The decision as readers may see it: each 视情况公开 section not marked 公开 is removed (set to null). For
 * anything that sends a decision outside the CMS (the policy library, feeds) from a copy read with full access.
 */
export function withoutNonPublicSections<T extends Record<string, unknown>>(decision: T): T {
  const copy: Record<string, unknown> = { ...decision }
  for (const [section, disclosureField] of Object.entries(decisionDisclosedSections)) {
    if (!isSectionPublic(copy[disclosureField])) copy[section] = null
  }
  return copy as T
}

import { adoptionStates, decisionStages, decisionSteps, labelOf } from '@gongkai/core'
import type { DecisionProcessError, commentPeriodProblem } from '@gongkai/core'
import type { FlattenedField, PayloadRequest } from 'payload'

import { languageOf, message, payloadLabelIn } from '../translations/message.js'

/** The label of the field at a data path (`meeting.date` → 会议日期), in the request's language. */
function labelAt(fields: readonly FlattenedField[], path: string, req: PayloadRequest): string {
  let current: readonly FlattenedField[] = fields
  let label = path
  for (const segment of path.split('.')) {
    const field = current.find((candidate) => candidate.name === segment)
    if (!field) break
    label = payloadLabelIn('label' in field ? field.label : undefined, req, segment)
    current = 'flattenedFields' in field ? field.flattenedFields : []
  }
  return label
}

type CommentPeriodProblem = NonNullable<ReturnType<typeof commentPeriodProblem>>

function optionLabel(options: readonly { value: string; label: { zh: string; en: string } }[], value: unknown, req: PayloadRequest): string {
  const found = options.find((option) => option.value === value)
  return found ? found.label[languageOf(req)] : String(value ?? '')
}

/**
 * A 重大行政决策程序 error of core in the request's language: core states it as a code with its values, the words
 * are the plugin's translations. A missing element is named by core's statutory label in Chinese and by the
 * decision form's own label (`fields`) in other languages.
 */
export function decisionProcessMessage(error: DecisionProcessError, req: PayloadRequest, fields: readonly FlattenedField[]): string {
  const { params } = error
  const stage = optionLabel(decisionStages, params.stage, req)
  const step = optionLabel(decisionSteps, params.step, req)
  switch (error.code) {
    case 'not_applicable_reason':
      return message(req, 'decision_notApplicableReason', { step })
    case 'element_missing': {
      const element = languageOf(req) === 'zh' ? String(params.element) : labelAt(fields, error.path, req)
      return message(req, 'decision_elementMissing', { stage, step, element })
    }
    case 'comment_unanswered':
      return message(req, 'decision_commentUnanswered', { stage, number: params.number ?? '', pending: labelOf(adoptionStates, 'pending', languageOf(req)) })
    case 'legality_review_missing':
      return message(req, 'decision_legalityReviewMissing', { meetingDay: params.meetingDay ?? '' })
    case 'legality_review_after_meeting':
      return message(req, 'decision_legalityReviewAfterMeeting', { legalityDay: params.legalityDay ?? '', meetingDay: params.meetingDay ?? '' })
    case 'legality_review_unlawful':
      return message(req, 'decision_legalityReviewUnlawful')
    case 'meeting_before_comment_end':
      return message(req, 'decision_meetingBeforeCommentEnd', { meetingDay: params.meetingDay ?? '', commentEnd: params.commentEnd ?? '' })
  }
}

/** A 征求意见期限 problem of core (`commentPeriodProblem`) in the request's language. */
export function commentPeriodMessage(problem: CommentPeriodProblem, req: PayloadRequest): string {
  const { params } = problem
  switch (problem.code) {
    case 'end_missing':
      return message(req, 'commentPeriod_endMissing')
    case 'end_before_start':
      return message(req, 'commentPeriod_endBeforeStart', { start: params.start ?? '', end: params.end ?? '' })
    case 'too_short':
      return message(req, 'commentPeriod_tooShort', { minDays: params.minDays ?? '', start: params.start ?? '', earliestEnd: params.earliestEnd ?? '' })
  }
}

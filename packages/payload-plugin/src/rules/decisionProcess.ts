import { decisionOrderErrors, hasContent, missingDecisionElements, notApplicableErrors } from '@gongkai/core'
import type { PayloadRequest } from 'payload'

import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { toCalendarDate } from '../utilities/calendarDate.js'
import { relationId } from '../utilities/relationIds.js'
import { documentLabel } from '../infrastructure/runtime.js'
import { WorkflowError } from '../infrastructure/WorkflowError.js'
import { decisionProcessMessage } from '../validations/decisionProcessMessages.js'
import { message, separatorOf } from '../translations/message.js'
import type { WorkflowFieldError } from '../infrastructure/WorkflowError.js'

type Doc = Record<string, unknown>

/**
 * 重大行政决策程序 (decree 713) as the workflow checks it: the elements of every step the decision's stage has
 * passed, 合法性审查 before 集体讨论, and — for a public comment period — a 征求意见公告 that is itself published
 * (the public must have been able to read the call for comments). Empty when the decision may go on.
 */
export async function decisionProcessErrors(args: { req: PayloadRequest; options: SanitizedGongkaiPluginOptions; doc: Doc }): Promise<WorkflowFieldError[]> {
  const { req, options, doc } = args
  const calendarDay = (value: unknown) => toCalendarDate(value, options.timeZone)
  const fields = req.payload.collections[options.slugs.decisions]?.config.flattenedFields ?? []
  const errors: WorkflowFieldError[] = [...missingDecisionElements(doc), ...notApplicableErrors(doc), ...decisionOrderErrors({ decision: doc, calendarDay })].map((error) => ({
    path: error.path,
    message: decisionProcessMessage(error, req, fields),
  }))
  const noticeId = relationId(doc.commentNotice)
  if (noticeId !== undefined && hasContent(doc.commentNotice) && !errors.some((error) => error.path === 'commentNotice')) {
    const notice = (await req.payload
      .findByID({ collection: options.slugs.policies, id: noticeId, depth: 0, draft: false, overrideAccess: true, disableErrors: true, req })
      .catch(() => null)) as Doc | null
    if (!notice || notice._status !== 'published') {
      errors.push({ path: 'commentNotice', message: notice ? message(req, 'commentNoticeUnpublished', { title: String(notice.title) }) : message(req, 'commentNoticeMissing') })
    }
  }
  return errors
}

/**
 * 提交审核 of a decision: refuses, with every missing element named, a decision whose stage is not backed by
 * the steps before it.
 *
 * @throws WorkflowError (400) listing each missing element with its field
 */
export async function assertDecisionProcess(args: { req: PayloadRequest; options: SanitizedGongkaiPluginOptions; doc: Doc }): Promise<void> {
  const errors = await decisionProcessErrors(args)
  if (errors.length === 0) return
  const { req } = args
  throw new WorkflowError(message(req, 'decisionProcessRefused', { document: documentLabel('decisions', args.doc, req), problems: errors.map((error) => error.message).join(separatorOf(req)) }), 400, errors)
}

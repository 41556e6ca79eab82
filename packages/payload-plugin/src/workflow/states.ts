import { workflowActions, workflowStates } from '@gongkai/core'
import type { WorkflowAction, WorkflowState } from '@gongkai/core'

import type { AgencyRole } from '../access/roles.js'
import { labelIn } from '../translations/message.js'
import type { Translating } from '../translations/message.js'

/*
 * The workflow's vocabulary (its states and actions, with their labels) is core's `workflowStates` and
 * `workflowActions`; this file is its transition table: where each action may start, who may take it, where it leads.
 */
export { workflowActions, workflowStates } from '@gongkai/core'
export type { WorkflowAction, WorkflowState } from '@gongkai/core'

/** States each action may start from. */
export const allowedFrom: Readonly<Record<WorkflowAction, readonly WorkflowState[]>> = {
  submit: ['draft', 'returned', 'withdrawn', 'recorded'],
  return: ['pending_review', 'approved'],
  approve: ['pending_review'],
  publish: ['approved'],
  schedule: ['approved'],
  unschedule: ['scheduled'],
  withdraw: ['published', 'invalidated'],
  invalidate: ['published', 'invalidated'],
  'force-publish': ['draft', 'pending_review', 'returned', 'approved', 'scheduled', 'withdrawn'],
  // 删除: content published in error; the library refuses its content id forever, so nothing starts from 已删除.
  delete: ['published', 'invalidated', 'withdrawn'],
  // 抹除: erases an earlier library version of a document that stays public; the state does not change.
  redact: ['published', 'invalidated'],
}

/** The role in the document's agency each action needs (force-publish: site administrators only). */
export const actionRoles: Readonly<Record<Exclude<WorkflowAction, 'force-publish'>, AgencyRole>> = {
  submit: 'editor',
  return: 'reviewer',
  approve: 'reviewer',
  publish: 'publisher',
  schedule: 'publisher',
  unschedule: 'publisher',
  withdraw: 'publisher',
  invalidate: 'publisher',
  delete: 'publisher',
  redact: 'publisher',
}

/** The state each action leads to. */
export const resultingState: Readonly<Record<WorkflowAction, WorkflowState>> = {
  submit: 'pending_review',
  return: 'returned',
  approve: 'approved',
  publish: 'published',
  schedule: 'scheduled',
  unschedule: 'approved',
  withdraw: 'withdrawn',
  invalidate: 'invalidated',
  'force-publish': 'published',
  delete: 'deleted',
  redact: 'published',
}

/** A workflow state's label in the request's language (Chinese without a request). */
export function stateLabel(state: unknown, req?: Translating): string {
  return labelIn(workflowStates.find((candidate) => candidate.value === (state ?? 'draft'))?.label, req) || String(state)
}

/** A workflow action's label in the request's language (Chinese without a request). */
export function actionLabel(action: WorkflowAction, req?: Translating): string {
  return labelIn(workflowActions.find((candidate) => candidate.value === action)?.label, req) || action
}

export function isWorkflowAction(value: unknown): value is WorkflowAction {
  return workflowActions.some((candidate) => candidate.value === value)
}

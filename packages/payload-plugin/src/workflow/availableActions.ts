import type { Payload, PayloadRequest } from 'payload'

import { loadOwningAgencyIds } from '../access/documentAgencies.js'
import { hasAgencyRoleInAny, isSiteAdmin } from '../access/roles.js'
import type { AgencyRole } from '../access/roles.js'
import { documentLabel, gongkaiOptionsOf, workflowCollectionOf } from './runtime.js'
import { actionLabel, allowedFrom, stateLabel, workflowActions } from './states.js'
import type { WorkflowAction, WorkflowState } from './states.js'
import { WorkflowError } from './WorkflowError.js'

const roleOf: Record<Exclude<WorkflowAction, 'force-publish'>, AgencyRole> = {
  submit: 'editor',
  return: 'reviewer',
  approve: 'reviewer',
  publish: 'publisher',
  schedule: 'publisher',
  unschedule: 'publisher',
  withdraw: 'publisher',
  invalidate: 'publisher',
}

export type AvailableActions = {
  collection: string
  id: number | string
  title: string
  state: WorkflowState
  stateLabel: string
  /** Actions the user's roles allow from this state; the action itself still checks four eyes, 保密审查, 三同步 and 要素齐全. */
  actions: { action: WorkflowAction; label: string; needsReason: boolean }[]
}

/**
 * The workflow actions a user may start on a document now (state and role), for buttons in an admin or a
 * front end. `GET /api/<collection>/:id/workflow` answers the same.
 */
export async function availableActions(args: {
  payload: Payload
  req?: PayloadRequest
  user: Record<string, unknown> | null | undefined
  collection: string
  id: number | string
}): Promise<AvailableActions> {
  const options = gongkaiOptionsOf(args.payload)
  const key = workflowCollectionOf(options, args.collection)
  if (!key) throw new WorkflowError(`集合“${args.collection}”没有审核发布流程`, 404)
  const doc = (await args.payload.findByID({ collection: args.collection, id: args.id, draft: true, depth: 0, overrideAccess: true, disableErrors: true, req: args.req })) as
    | (Record<string, unknown> & { id: number | string })
    | null
  if (!doc) throw new WorkflowError(`找不到ID为“${String(args.id)}”的文件`, 404)
  const state = (doc.workflowState ?? 'draft') as WorkflowState
  const agencies = args.req
    ? await loadOwningAgencyIds({ req: args.req, slugs: options.slugs, collection: key, doc })
    : await loadOwningAgencyIds({ req: { payload: args.payload, context: {} } as unknown as PayloadRequest, slugs: options.slugs, collection: key, doc })
  const actions = workflowActions
    .map((candidate) => candidate.value)
    .filter((action) => allowedFrom[action].includes(state))
    .filter((action) =>
      action === 'force-publish' ? isSiteAdmin(args.user) : isSiteAdmin(args.user) || hasAgencyRoleInAny(args.user, agencies, roleOf[action]),
    )
    .map((action) => ({ action, label: actionLabel(action), needsReason: ['return', 'withdraw', 'force-publish'].includes(action) }))
  return { collection: args.collection, id: doc.id, title: documentLabel(key, doc), state, stateLabel: stateLabel(state), actions }
}

import type { CollectionBeforeOperationHook } from 'payload'

import type { AgencyOwnedCollection } from '../../access/documentAgencies.js'
import type { SanitizedGongkaiPluginOptions } from '../../types.js'
import { isImportContext, isWorkflowContext } from '../../infrastructure/context.js'
import { publishedVersionToRestore } from '../revertToPublished.js'
import { actionLabel } from '../states.js'
import { documentLabel } from '../../infrastructure/runtime.js'
import { WorkflowError } from '../../infrastructure/WorkflowError.js'
import { message } from '../../translations/message.js'

/**
 * A published document changes only through the workflow. A save without `draft: true` writes the public
 * document itself: it would change published content without review, or take the document offline (Payload's
 * "unpublish") without a reason or an audit entry. Such saves are refused; edits are saved as drafts and
 * resubmitted, and taking a document offline is `withdraw`.
 */
export function guardPublishedDocument(options: SanitizedGongkaiPluginOptions, key: AgencyOwnedCollection): CollectionBeforeOperationHook {
  return async ({ args, collection, context, operation, overrideAccess, req }) => {
    if ((operation === 'create' || operation === 'update') && isImportContext(context) && overrideAccess !== true) {
      // An import bypasses review: only trusted server code (local API with overrideAccess) may run one.
      throw new WorkflowError(message(req, 'importNeedsTrustedCall'), 403)
    }
    if (operation !== 'update' || isWorkflowContext(context) || isImportContext(context)) return args
    const { data, draft, id } = args as { data?: Record<string, unknown>; draft?: boolean; id?: number | string }
    if (data?._status === 'published') {
      // “恢复为已发布” is recognised here, once, and remembered on req.context for guardPublication, which refuses
      // any other publishing save.
      await publishedVersionToRestore({ req, collection, id, data })
      return args
    }
    if (draft || id === undefined) return args
    const stored = await req.payload.findByID({
      collection: options.slugs[key],
      id,
      draft: false,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      select: { title: true, meetingName: true, _status: true, workflowState: true },
      req,
    })
    if (stored?.workflowState === 'recorded' && stored._status !== 'published') {
      // 已认定 is a signed-off record (依申请公开 / 不予公开): it changes only as a new revision that is reviewed again.
      throw new WorkflowError(message(req, 'recordedNotEditable', { document: documentLabel(key, stored, req) }), 403, '_status')
    }
    if (stored?._status !== 'published') return args
    throw new WorkflowError(
      message(req, 'publishedNotEditable', { document: documentLabel(key, stored, req), withdraw: actionLabel('withdraw', req), route: `POST /api/${options.slugs[key]}/${String(id)}/workflow/withdraw` }),
      403,
      '_status',
    )
  }
}

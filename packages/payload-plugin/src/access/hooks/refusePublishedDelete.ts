import type { CollectionBeforeDeleteHook } from 'payload'

import { isSiteAdmin } from '../roles.js'
import { WorkflowError } from '../../infrastructure/WorkflowError.js'
import { message } from '../../translations/message.js'

/**
 * Only a site administrator deletes a document that was ever published or recorded (已认定); everyone else withdraws it through the
 * workflow, so what was once public stays on record. Delete access already limits 撰稿 to drafts of their agencies;
 * this catches a draft whose earlier version was published (e.g. after a withdrawal).
 */
export function refusePublishedDelete(): CollectionBeforeDeleteHook {
  return async ({ collection, id, req }) => {
    if (!req.user || isSiteAdmin(req.user)) return
    const { totalDocs } = await req.payload.countVersions({
      collection: collection.slug,
      where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] },
      overrideAccess: true,
      req,
    })
    if (totalDocs > 0) {
      throw new WorkflowError(message(req, 'deletePublishedRefused'), 403)
    }
    const recorded = await req.payload.countVersions({
      collection: collection.slug,
      where: { and: [{ parent: { equals: id } }, { 'version.workflowState': { equals: 'recorded' } }] },
      overrideAccess: true,
      req,
    })
    if (recorded.totalDocs > 0) {
      throw new WorkflowError(message(req, 'deleteRecordedRefused'), 403)
    }
  }
}

import { APIError } from 'payload'
import type { CollectionBeforeDeleteHook } from 'payload'

import { message } from '../../translations/message.js'

import type { SanitizedGongkaiPluginOptions } from '../../types.js'

/**
 * An agency whose documents have audit entries cannot be deleted: the entries name it as their reader and the
 * audit log is append-only. A merged or abolished agency stays as a record (rename it, or set its 上级机关).
 */
export function refuseDeletingAgencyWithHistory(options: SanitizedGongkaiPluginOptions): CollectionBeforeDeleteHook {
  return async ({ id, req }) => {
    const { totalDocs } = await req.payload.count({
      collection: options.slugs.auditLog,
      where: { agencies: { equals: id } },
      overrideAccess: true,
      req,
    })
    if (totalDocs === 0) return
    const agency = await req.payload.findByID({ collection: options.slugs.agencies, id, depth: 0, overrideAccess: true, disableErrors: true, req })
    throw new APIError(
      message(req, 'agencyHasHistory', { agency: String(agency?.name ?? id), count: totalDocs }),
      409,
      undefined,
      true,
    )
  }
}

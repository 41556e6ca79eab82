import { APIError } from 'payload'
import type { CollectionBeforeDeleteHook } from 'payload'

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
      `机构“${String(agency?.name ?? id)}”有 ${totalDocs} 条操作日志，不能删除：操作日志只增不改，须保留其所属机构；机构撤并时请修改名称或上级机关`,
      409,
      undefined,
      true,
    )
  }
}

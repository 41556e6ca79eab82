import type { CollectionBeforeChangeHook } from 'payload'

import { agencyIdsWithRole, isSiteAdmin } from '../../access/roles.js'
import { relationId } from '../../utilities/relationIds.js'
import { RuleError } from '../../infrastructure/RuleError.js'
import { labelIn, message } from '../../translations/message.js'

/**
 * 上传机关: the agency an attachment belongs to until a published 主动公开 document links it (its members read it).
 * Filled on upload with the uploader's agency when they are 撰稿 in one; someone who is 撰稿 in several picks one
 * of them, never another agency.
 */
export function fillUploadingAgency({ field, label }: { field: string; label: { zh: string; en: string } }): CollectionBeforeChangeHook {
  return ({ collection, data, operation, req }) => {
    if (operation !== 'create' || !req.user || isSiteAdmin(req.user)) return data
    const own = agencyIdsWithRole(req.user, 'editor')
    const given = relationId(data[field])
    if (given === undefined) {
      if (own[0] !== undefined) data[field] = own[0]
      return data
    }
    if (!own.some((id) => String(id) === given)) {
      throw new RuleError({ collection: collection.slug, problems: [{ path: field, message: message(req, 'uploadingAgencyForeign', { label: labelIn(label, req) }) }], req })
    }
    return data
  }
}

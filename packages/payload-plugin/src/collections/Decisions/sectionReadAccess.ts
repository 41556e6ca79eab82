import { isSectionPublic } from '@gongkai/core'
import type { FieldAccess } from 'payload'

import { owningAgencyIds } from '../../access/documentAgencies.js'
import { isMemberOfAny, isSiteAdmin } from '../../access/roles.js'
import { isRecord } from '../../utilities/isRecord.js'

/**
 * 视情况公开: a section (风险评估, 专家论证, 效果评估) reaches readers only when its disclosure field says 公开.
 * Otherwise only site administrators and members of the decision's 承办单位 read it — never an anonymous
 * reader, another agency, or a local API call made without a user and without `overrideAccess`. Field access
 * applies to REST, GraphQL and the local API alike, and to the versions of the document.
 */
export function sectionReadAccess(disclosureField: string): FieldAccess {
  return ({ req, doc }) => {
    const decision = isRecord(doc) ? doc : {}
    if (isSectionPublic(decision[disclosureField])) return true
    if (isSiteAdmin(req.user)) return true
    if (!req.user) return false
    return isMemberOfAny(req.user, owningAgencyIds({ collection: 'decisions', doc: decision }))
  }
}

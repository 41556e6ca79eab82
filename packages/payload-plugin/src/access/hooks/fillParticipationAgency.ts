import type { CollectionBeforeChangeHook } from 'payload'

import { relationId } from '../../utilities/relationIds.js'

/** A participation record without its own 承办单位 takes the responsible agency of its decision. */
export function fillParticipationAgency({ decisionsSlug }: { decisionsSlug: string }): CollectionBeforeChangeHook {
  return async ({ data, originalDoc, req }) => {
    const agency = data.agency !== undefined ? data.agency : originalDoc?.agency
    if (relationId(agency) !== undefined) return data
    const decisionId = relationId(data.decision !== undefined ? data.decision : originalDoc?.decision)
    if (decisionId === undefined) return data
    const decision = await req.payload.findByID({
      collection: decisionsSlug,
      id: decisionId,
      depth: 0,
      draft: true,
      overrideAccess: true,
      disableErrors: true,
      req,
    })
    const responsibleAgency = relationId((decision as { responsibleAgency?: unknown } | null)?.responsibleAgency)
    return responsibleAgency === undefined ? data : { ...data, agency: /^\d+$/.test(responsibleAgency) ? Number(responsibleAgency) : responsibleAgency }
  }
}

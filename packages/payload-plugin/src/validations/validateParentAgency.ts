import type { PayloadRequest, Validate } from 'payload'

import { relationId } from '../utilities/relationIds.js'
import { message } from '../translations/message.js'

/** Agencies form a tree: the parent may be neither the agency itself nor one of its subordinates. */
export function validateParentAgency(agenciesSlug: string): Validate {
  const find = async (req: PayloadRequest, id: string) =>
    await req.payload.findByID({ collection: agenciesSlug, id, depth: 0, req, disableErrors: true })

  return async (value, { id, req }) => {
    const parentId = relationId(value)
    if (parentId === undefined) return true
    if (id !== undefined && parentId === String(id)) return message(req, 'parentAgencySelf')
    const parent = await find(req, parentId)
    if (!parent) return message(req, 'parentAgencyMissing')
    if (id === undefined) return true
    // Walk up from the proposed parent; meeting this agency means the parent is one of its subordinates.
    const seen = new Set([parentId])
    let next = relationId(parent.parent)
    while (next !== undefined && !seen.has(next)) {
      if (next === String(id)) {
        return message(req, 'parentAgencyCycle', { agency: String(parent.name) })
      }
      seen.add(next)
      const ancestor = await find(req, next)
      next = ancestor ? relationId(ancestor.parent) : undefined
    }
    return true
  }
}

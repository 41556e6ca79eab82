import { parseDocumentNumber } from '@gongkai/core'
import type { Validate } from 'payload'

/**
 * A 发文字号 identifies one document (GB/T 9704: a joint document carries only the lead agency's number),
 * so no two policies share one. Compared in normalised form, so 〔〕 and look-alike brackets collide.
 */
export function validateUniqueDocumentNumber(policiesSlug: string): Validate {
  return async (value, { id, req }) => {
    if (typeof value !== 'string') return true
    const parsed = parseDocumentNumber(value)
    if (!parsed.ok) return true
    const { docs } = await req.payload.find({
      collection: policiesSlug,
      where: {
        and: [{ documentNumber: { equals: parsed.normalized } }, ...(id === undefined ? [] : [{ id: { not_equals: id } }])],
      },
      depth: 0,
      limit: 1,
      pagination: false,
      req,
    })
    const existing = docs[0]
    if (!existing) return true
    return req.t('gongkai:documentNumberTaken' as never, { value: parsed.normalized, title: String(existing.title ?? existing.id) })
  }
}

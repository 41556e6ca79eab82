import type { Validate } from 'payload'
import { isRecord } from '../utilities/isRecord.js'

import { message } from '../translations/message.js'

/** 目录序号 is unique within its 目录年度. */
export function validateCatalogueNumber(args: { decisionsSlug: string; yearField: string; numberField: string }): Validate {
  return async (value, { id, req, siblingData }) => {
    const year = isRecord(siblingData) ? siblingData[args.yearField] : undefined
    if (typeof value !== 'number' || typeof year !== 'number') return true
    const { docs } = await req.payload.find({
      collection: args.decisionsSlug,
      where: {
        and: [
          { [args.yearField]: { equals: year } },
          { [args.numberField]: { equals: value } },
          ...(id === undefined ? [] : [{ id: { not_equals: id } }]),
        ],
      },
      depth: 0,
      limit: 1,
      pagination: false,
      req,
    })
    const existing = docs[0]
    if (!existing) return true
    return message(req, 'catalogueNumberTaken', { year, number: value, title: String(existing.title ?? existing.id) })
  }
}

import type { CollectionBeforeChangeHook } from 'payload'

import { normalizeOrganizationCode, organizationCodeKind } from '../validations/validateOrganizationCode.js'

/** Stores the organisation code without spaces or hyphens, upper-cased, and records which kind it is. */
export function recordOrganizationCodeKind(args: { field: string; kindField: string }): CollectionBeforeChangeHook {
  return ({ data }) => {
    const value: unknown = data[args.field]
    if (!(args.field in data)) return data
    if (typeof value !== 'string' || value.trim() === '') {
      data[args.field] = null
      data[args.kindField] = null
      return data
    }
    data[args.field] = normalizeOrganizationCode(value)
    data[args.kindField] = organizationCodeKind(value) ?? null
    return data
  }
}

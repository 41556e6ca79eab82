import type { CollectionBeforeChangeHook } from 'payload'

/**
 * A document switched to 主动公开 keeps no 不予公开理由: the admin hides those fields then, and a stale reason
 * would travel to the 公文备案 interfaces with a proactively disclosed document.
 */
export function clearNonDisclosureReason(args: {
  disclosureField: string
  reasonFields: readonly string[]
}): CollectionBeforeChangeHook {
  return ({ data }) => {
    if (data[args.disclosureField] !== 'proactive') return data
    for (const field of args.reasonFields) data[field] = null
    return data
  }
}

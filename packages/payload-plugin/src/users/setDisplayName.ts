import type { CollectionBeforeChangeHook } from 'payload'

import { personName } from '../utilities/personName.js'

/** `displayName` = 姓名, else the e-mail: the users' title in pickers, lists and the workflow. */
export const setDisplayName: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const merged: Record<string, unknown> = { ...originalDoc, ...data }
  return { ...data, displayName: personName(merged) }
}

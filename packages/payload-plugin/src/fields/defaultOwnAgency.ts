import type { DefaultValue } from 'payload'

import { agencyIdsWithRole } from '../access/roles.js'

/**
 * Default of 发文机关 / 承办单位: the agency of an editor who is 撰稿 in exactly one agency, so they need not pick
 * it; nothing for site administrators or editors of several agencies, who choose.
 */
export const defaultOwnAgency: DefaultValue = ({ user }) => {
  const agencies = agencyIdsWithRole(user, 'editor')
  return agencies.length === 1 ? agencies[0] : undefined
}

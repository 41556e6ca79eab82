/**
 * Roles of a Gongkai user, read from the fields the plugin adds to the auth collection (`isSiteAdmin`,
 * `agencyRoles`). Pure functions over whatever `req.user` holds: null-safe, and they accept agencies as IDs
 * or as populated documents (depth ≥ 1), so they work on a JWT user, a local API user or a fetched document.
 */

/** 撰稿 (editor: drafts documents), 审核 (reviewer: checks them, 保密审查), 签发 (publisher: approves release). */
export type AgencyRole = 'editor' | 'reviewer' | 'publisher'

export const agencyRoles: readonly AgencyRole[] = ['editor', 'reviewer', 'publisher']

/** Chinese names of the roles, as editors see them. */
export const agencyRoleLabels: Readonly<Record<AgencyRole, { zh: string; en: string }>> = {
  editor: { zh: '撰稿', en: 'Editor' },
  reviewer: { zh: '审核', en: 'Reviewer' },
  publisher: { zh: '签发', en: 'Publisher' },
}

/** One membership as stored in `agencyRoles`. */
export type AgencyMembership = {
  id?: string | null
  agency: number | string | { id: number | string } | null
  roles?: AgencyRole[] | null
}

/** The fields the plugin adds to a user; everything else on the user is ignored. */
export type GongkaiUser = {
  id?: number | string
  collection?: string
  /** 站点管理员 */
  isSiteAdmin?: boolean | null
  agencyRoles?: AgencyMembership[] | null
}

type MaybeUser = GongkaiUser | Record<string, unknown> | null | undefined

function membershipsOf(user: MaybeUser): AgencyMembership[] {
  const memberships = (user as GongkaiUser | null | undefined)?.agencyRoles
  return Array.isArray(memberships) ? memberships : []
}

function agencyIdOf(agency: AgencyMembership['agency']): number | string | undefined {
  if (typeof agency === 'number' || typeof agency === 'string') return agency
  if (agency && typeof agency === 'object' && (typeof agency.id === 'number' || typeof agency.id === 'string')) return agency.id
  return undefined
}

function sameId(a: number | string, b: number | string): boolean {
  return String(a) === String(b)
}

function uniqueIds(ids: (number | string)[]): (number | string)[] {
  const seen = new Set<string>()
  return ids.filter((id) => {
    const key = String(id)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** 站点管理员: sees and changes everything, manages users, agencies and topics. */
export function isSiteAdmin(user: MaybeUser): boolean {
  return (user as GongkaiUser | null | undefined)?.isSiteAdmin === true
}

/** Every agency the user has at least one role in (without duplicates). */
export function agencyIdsOf(user: MaybeUser): (number | string)[] {
  return uniqueIds(
    membershipsOf(user)
      .filter((membership) => (membership.roles ?? []).length > 0)
      .map((membership) => agencyIdOf(membership.agency))
      .filter((id): id is number | string => id !== undefined),
  )
}

/** True when the user has `role` in the agency (IDs compare as strings, so `7` and `'7'` match). */
export function hasAgencyRole(user: MaybeUser, agencyId: number | string | null | undefined, role: AgencyRole): boolean {
  if (agencyId === null || agencyId === undefined) return false
  return membershipsOf(user).some((membership) => {
    const id = agencyIdOf(membership.agency)
    return id !== undefined && sameId(id, agencyId) && (membership.roles ?? []).includes(role)
  })
}

/** The agencies in which the user has `role`. */
export function agencyIdsWithRole(user: MaybeUser, role: AgencyRole): (number | string)[] {
  return uniqueIds(
    membershipsOf(user)
      .filter((membership) => (membership.roles ?? []).includes(role))
      .map((membership) => agencyIdOf(membership.agency))
      .filter((id): id is number | string => id !== undefined),
  )
}

/** True when the user has `role` in at least one of the agencies. */
export function hasAgencyRoleInAny(
  user: MaybeUser,
  agencyIds: readonly (number | string)[],
  role: AgencyRole,
): boolean {
  return agencyIds.some((agencyId) => hasAgencyRole(user, agencyId, role))
}

/** True when the user has any role in at least one of the agencies. */
export function isMemberOfAny(user: MaybeUser, agencyIds: readonly (number | string)[]): boolean {
  const memberOf = agencyIdsOf(user)
  return agencyIds.some((agencyId) => memberOf.some((id) => sameId(id, agencyId)))
}

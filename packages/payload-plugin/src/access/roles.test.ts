import { describe, expect, it } from 'vitest'

import { agencyIdsOf, agencyIdsWithRole, hasAgencyRole, hasAgencyRoleInAny, isSiteAdmin } from './roles.js'

const editorAndReviewer = {
  id: 3,
  agencyRoles: [
    { agency: 1, roles: ['editor' as const, 'reviewer' as const] },
    { agency: { id: 2, name: '区发展改革委' }, roles: ['publisher' as const] },
    { agency: 4, roles: [] },
  ],
}

describe('isSiteAdmin', () => {
  it('is true only for isSiteAdmin === true', () => {
    expect(isSiteAdmin({ isSiteAdmin: true })).toBe(true)
    expect(isSiteAdmin({ isSiteAdmin: false })).toBe(false)
    expect(isSiteAdmin({ isSiteAdmin: 'true' })).toBe(false)
    expect(isSiteAdmin(editorAndReviewer)).toBe(false)
  })

  it('is false for no user', () => {
    expect(isSiteAdmin(null)).toBe(false)
    expect(isSiteAdmin(undefined)).toBe(false)
  })
})

describe('agencyIdsOf', () => {
  it('lists agencies given as IDs or populated documents, skipping memberships without roles', () => {
    expect(agencyIdsOf(editorAndReviewer)).toEqual([1, 2])
  })

  it('lists each agency once', () => {
    expect(agencyIdsOf({ agencyRoles: [{ agency: 1, roles: ['editor'] }, { agency: '1', roles: ['reviewer'] }] })).toEqual([1])
  })

  it('is empty for no user, no memberships or a malformed value', () => {
    expect(agencyIdsOf(null)).toEqual([])
    expect(agencyIdsOf({})).toEqual([])
    expect(agencyIdsOf({ agencyRoles: 'editor' })).toEqual([])
    expect(agencyIdsOf({ agencyRoles: [{ agency: null, roles: ['editor'] }] })).toEqual([])
  })

  it('does not count a site administrator as a member of any agency', () => {
    expect(agencyIdsOf({ isSiteAdmin: true })).toEqual([])
  })
})

describe('hasAgencyRole', () => {
  it('finds a role in the agency it was given in', () => {
    expect(hasAgencyRole(editorAndReviewer, 1, 'editor')).toBe(true)
    expect(hasAgencyRole(editorAndReviewer, 1, 'reviewer')).toBe(true)
    expect(hasAgencyRole(editorAndReviewer, 2, 'publisher')).toBe(true)
  })

  it('does not carry a role over to another agency', () => {
    expect(hasAgencyRole(editorAndReviewer, 1, 'publisher')).toBe(false)
    expect(hasAgencyRole(editorAndReviewer, 2, 'editor')).toBe(false)
    expect(hasAgencyRole(editorAndReviewer, 9, 'editor')).toBe(false)
  })

  it('matches numeric and string IDs', () => {
    expect(hasAgencyRole(editorAndReviewer, '1', 'editor')).toBe(true)
    expect(hasAgencyRole({ agencyRoles: [{ agency: '5', roles: ['editor'] }] }, 5, 'editor')).toBe(true)
  })

  it('is false without an agency or a user', () => {
    expect(hasAgencyRole(editorAndReviewer, null, 'editor')).toBe(false)
    expect(hasAgencyRole(editorAndReviewer, undefined, 'editor')).toBe(false)
    expect(hasAgencyRole(null, 1, 'editor')).toBe(false)
  })

  it('does not make a site administrator an agency member (callers check isSiteAdmin first)', () => {
    expect(hasAgencyRole({ isSiteAdmin: true }, 1, 'editor')).toBe(false)
  })
})

describe('agencyIdsWithRole', () => {
  it('lists the agencies where the user has the role', () => {
    expect(agencyIdsWithRole(editorAndReviewer, 'editor')).toEqual([1])
    expect(agencyIdsWithRole(editorAndReviewer, 'publisher')).toEqual([2])
    expect(agencyIdsWithRole(editorAndReviewer, 'reviewer')).toEqual([1])
  })

  it('is empty for no user', () => {
    expect(agencyIdsWithRole(undefined, 'editor')).toEqual([])
  })
})

describe('hasAgencyRoleInAny', () => {
  it('is true when any listed agency grants the role', () => {
    expect(hasAgencyRoleInAny(editorAndReviewer, [9, 2], 'publisher')).toBe(true)
    expect(hasAgencyRoleInAny(editorAndReviewer, [9, 2], 'editor')).toBe(false)
    expect(hasAgencyRoleInAny(editorAndReviewer, [], 'editor')).toBe(false)
  })
})

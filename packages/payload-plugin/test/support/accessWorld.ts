import type { Payload } from 'payload'

import type { AgencyOwnedCollection } from '../../src/access/documentAgencies.js'
import { creditCode, day } from './fixtures.js'

export type Actor = 'admin' | 'editorA' | 'reviewerA' | 'publisherA' | 'memberless' | 'anonymous'
export const actors: readonly Actor[] = ['admin', 'editorA', 'reviewerA', 'publisherA', 'memberless', 'anonymous']
export const password = 'gongkai-test-password'

export type AccessWorld = {
  payload: Payload
  agencyA: number
  agencyB: number
  topic: number
  /** Users by actor (anonymous has none), as the local API takes them. */
  users: Partial<Record<Actor, Record<string, unknown>>>
  emails: Partial<Record<Actor, string>>
  /** Valid data of a document owned by `agency`; each call gives a unique title. */
  dataFor: (collection: AgencyOwnedCollection, agency: number) => Promise<Record<string, unknown>>
  /** Creates a document through the trusted local API, as a draft or published (as an import would). */
  seed: (collection: AgencyOwnedCollection, agency: number, status: 'draft' | 'published') => Promise<{ id: number; title: string }>
}

let serial = 0

/**
 * Two agencies (A: 武清区发展改革委, B: 武清区教育局) and a user per actor: the first user becomes site admin;
 * editorA / reviewerA / publisherA hold one role in A; memberless is signed in without agency roles.
 */
export async function createAccessWorld(payload: Payload): Promise<AccessWorld> {
  const usersSlug = payload.config.admin.user
  const emails: AccessWorld['emails'] = {}
  const users: AccessWorld['users'] = {}
  const createUser = async (actor: Actor, data: Record<string, unknown> = {}) => {
    const email = `${actor.toLowerCase()}@example.gov.cn`
    const user = await payload.create({ collection: usersSlug, data: { email, password, ...data } })
    emails[actor] = email
    users[actor] = { ...user, collection: usersSlug }
  }
  await createUser('admin')
  const agencyA = (await payload.create({ collection: 'agencies', data: { name: '天津市武清区发展和改革委员会', organizationCode: creditCode('11120114MB1841520') } })).id as number
  const agencyB = (await payload.create({ collection: 'agencies', data: { name: '天津市武清区教育局', organizationCode: creditCode('11120114MB1841600') } })).id as number
  await createUser('editorA', { agencyRoles: [{ agency: agencyA, roles: ['editor'] }] })
  await createUser('reviewerA', { agencyRoles: [{ agency: agencyA, roles: ['reviewer'] }] })
  await createUser('publisherA', { agencyRoles: [{ agency: agencyA, roles: ['publisher'] }] })
  await createUser('memberless')
  const topic = (await payload.find({ collection: 'topics', where: { code: { equals: '02.01' } } })).docs[0]?.id as number

  const policyFor = async (agency: number) =>
    (await payload.create({
      collection: 'policies',
      data: { title: `解读所依据的政策 ${++serial}`, issuingAgency: agency, writtenDate: day('2024-06-30'), documentType: 'notice', topic },
      draft: true,
    })).id as number

  const dataFor: AccessWorld['dataFor'] = async (collection, agency) => {
    serial += 1
    switch (collection) {
      case 'policies':
        return { title: `武清区政策文件 ${serial}`, issuingAgency: agency, writtenDate: day('2024-06-30'), documentType: 'notice', topic }
      case 'interpretations':
        return { title: `政策解读 ${serial}`, policies: [await policyFor(agency)], form: 'text', interpretingAgency: agency }
      case 'decisions':
        return { title: `重大行政决策 ${serial}`, catalogueYear: 2024, catalogueNumber: serial, responsibleAgency: agency }
      case 'participation':
        return { meetingName: `座谈会 ${serial}`, kind: 'symposium', meetingDate: day('2024-05-10'), agency }
      case 'catalogues':
        return { title: `重大行政决策事项目录 ${serial}`, year: 2026, agency }
    }
  }
  const seed: AccessWorld['seed'] = async (collection, agency, status) => {
    const data = await dataFor(collection, agency)
    const doc = await payload.create({
      collection,
      data: { ...data, _status: status },
      draft: status === 'draft',
      context: { gongkaiImport: true },
    })
    return { id: doc.id as number, title: titleOf(doc) }
  }
  return { payload, agencyA, agencyB, topic, users, emails, dataFor, seed }
}

/** The human title of a document of any of the four collections. */
export function titleOf(doc: Record<string, unknown>): string {
  return String(doc.title ?? doc.meetingName)
}

import type { Payload } from 'payload'

import type { RestServer } from './rest.js'

/** Who reads: nobody signed in, a member of another agency, a member of the owning agency, a site administrator. */
export type Reader = 'anonymous' | 'otherAgency' | 'member' | 'admin'

export const readers: readonly Reader[] = ['anonymous', 'otherAgency', 'member', 'admin']

/** The collections whose documents a read path is tried on. */
export type ReadCollection = 'policies' | 'interpretations'

/** What came back: whether the document (its title) was there, and the raw answer for messages. */
export type ReadOutcome = { title?: string; status?: number; raw?: unknown }

export type ReadContext = {
  payload: Payload
  server: RestServer
  collection: ReadCollection
  id: number
  /** The reader's JWT (none for anonymous) and local API user. */
  token?: string
  user?: Record<string, unknown>
}

/**
 * One way of reading a document. Adding a path here tries it on every subject for every reader. `isMembersOnly`:
 * the path never serves the public, not even for public documents (version history).
 */
export type ReadPath = { name: string; isMembersOnly?: boolean; read: (context: ReadContext) => Promise<ReadOutcome> }

const graphQLNames: Record<ReadCollection, { one: string; many: string; version: string; versions: string }> = {
  policies: { one: 'Policy', many: 'Policies', version: 'versionPolicy', versions: 'versionsPolicies' },
  interpretations: { one: 'Interpretation', many: 'Interpretations', version: 'versionInterpretation', versions: 'versionsInterpretations' },
}

// Answers are whatever Payload's JSON says; the paths read them field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any

function titleIn(docs: Json, id: number): string | undefined {
  return Array.isArray(docs) ? docs.find((doc: Json) => doc?.id === id)?.title : undefined
}

function versionTitleIn(docs: Json, id: number): string | undefined {
  if (!Array.isArray(docs)) return undefined
  const version = docs.find((doc: Json) => (typeof doc?.parent === 'object' ? doc.parent?.id : doc?.parent) === id)
  return version?.version?.title
}

async function local<T>(run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run()
  } catch {
    // NotFound or Forbidden: the reader gets nothing.
    return undefined
  }
}

export const readPaths: readonly ReadPath[] = [
  {
    name: 'REST by id',
    read: async ({ server, collection, id, token }) => {
      const response = await server.request({ path: `/${collection}/${id}?depth=0`, token })
      return { status: response.status, title: response.status === 200 ? response.body?.title : undefined, raw: response.body }
    },
  },
  {
    name: 'REST by id, draft=true',
    read: async ({ server, collection, id, token }) => {
      const response = await server.request({ path: `/${collection}/${id}?depth=0&draft=true`, token })
      return { status: response.status, title: response.status === 200 ? response.body?.title : undefined, raw: response.body }
    },
  },
  {
    name: 'REST list',
    read: async ({ server, collection, id, token }) => {
      const response = await server.request({ path: `/${collection}?depth=0&where[id][equals]=${id}`, token })
      return { status: response.status, title: titleIn(response.body?.docs, id), raw: response.body }
    },
  },
  {
    name: 'REST list, draft=true',
    read: async ({ server, collection, id, token }) => {
      const response = await server.request({ path: `/${collection}?depth=0&draft=true&where[id][equals]=${id}`, token })
      return { status: response.status, title: titleIn(response.body?.docs, id), raw: response.body }
    },
  },
  {
    name: 'REST versions',
    isMembersOnly: true,
    read: async ({ server, collection, id, token }) => {
      const response = await server.request({ path: `/${collection}/versions?depth=0&where[parent][equals]=${id}`, token })
      return { status: response.status, title: versionTitleIn(response.body?.docs, id), raw: response.body }
    },
  },
  {
    name: 'REST version by id',
    isMembersOnly: true,
    read: async ({ payload, server, collection, id, token }) => {
      const { docs } = await payload.findVersions({ collection, where: { parent: { equals: id } }, sort: '-updatedAt', limit: 1, depth: 0 })
      const response = await server.request({ path: `/${collection}/versions/${String(docs[0]?.id)}?depth=0`, token })
      return { status: response.status, title: response.status === 200 ? response.body?.version?.title : undefined, raw: response.body }
    },
  },
  {
    name: 'GraphQL by id',
    read: async ({ server, collection, id, token }) => {
      const name = graphQLNames[collection].one
      const response = await server.graphql({ query: `query { ${name}(id: ${id}) { id title } }`, token })
      return { status: response.status, title: response.body?.data?.[name]?.title, raw: response.body }
    },
  },
  {
    name: 'GraphQL by id, draft: true',
    read: async ({ server, collection, id, token }) => {
      const name = graphQLNames[collection].one
      const response = await server.graphql({ query: `query { ${name}(id: ${id}, draft: true) { id title } }`, token })
      return { status: response.status, title: response.body?.data?.[name]?.title, raw: response.body }
    },
  },
  {
    name: 'GraphQL list',
    read: async ({ server, collection, id, token }) => {
      const name = graphQLNames[collection].many
      const response = await server.graphql({ query: `query { ${name}(where: { id: { equals: ${id} } }) { docs { id title } } }`, token })
      return { status: response.status, title: titleIn(response.body?.data?.[name]?.docs, id), raw: response.body }
    },
  },
  {
    name: 'GraphQL versions',
    isMembersOnly: true,
    read: async ({ server, collection, id, token }) => {
      const name = graphQLNames[collection].versions
      const response = await server.graphql({ query: `query { ${name}(where: { parent: { equals: ${id} } }) { docs { id version { title } } } }`, token })
      const docs = response.body?.data?.[name]?.docs
      return { status: response.status, title: Array.isArray(docs) ? docs[0]?.version?.title : undefined, raw: response.body }
    },
  },
  {
    name: 'GraphQL version by id',
    isMembersOnly: true,
    read: async ({ payload, server, collection, id, token }) => {
      const { docs } = await payload.findVersions({ collection, where: { parent: { equals: id } }, sort: '-updatedAt', limit: 1, depth: 0 })
      const name = graphQLNames[collection].version
      const response = await server.graphql({ query: `query { ${name}(id: ${String(docs[0]?.id)}) { id version { title } } }`, token })
      return { status: response.status, title: response.body?.data?.[name]?.version?.title, raw: response.body }
    },
  },
  {
    name: 'local API findByID (overrideAccess: false)',
    read: async ({ payload, collection, id, user }) => {
      const doc = await local(() => payload.findByID({ collection, id, depth: 0, overrideAccess: false, user }))
      return { title: doc?.title as string | undefined }
    },
  },
  {
    // What the admin's edit view loads for the signed-in user (Payload's document view reads the latest version).
    name: 'admin document view (local API findByID, draft: true, overrideAccess: false)',
    read: async ({ payload, collection, id, user }) => {
      const doc = await local(() => payload.findByID({ collection, id, depth: 0, draft: true, overrideAccess: false, user }))
      return { title: doc?.title as string | undefined }
    },
  },
  {
    name: 'local API find, draft: true (overrideAccess: false)',
    read: async ({ payload, collection, id, user }) => {
      const result = await local(() => payload.find({ collection, where: { id: { equals: id } }, draft: true, depth: 0, overrideAccess: false, user }))
      return { title: titleIn(result?.docs, id) }
    },
  },
  {
    name: 'local API findVersions (overrideAccess: false)',
    isMembersOnly: true,
    read: async ({ payload, collection, id, user }) => {
      const result = await local(() => payload.findVersions({ collection, where: { parent: { equals: id } }, depth: 0, overrideAccess: false, user }))
      return { title: versionTitleIn(result?.docs, id) }
    },
  },
]

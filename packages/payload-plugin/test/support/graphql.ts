import { createRequire } from 'node:module'

import { configToSchema } from '@payloadcms/graphql'
import type * as GraphQL from 'graphql'
import { createLocalReq } from 'payload'
import type { Payload } from 'payload'

// @payloadcms/graphql is loaded by Node and builds its schema with graphql's CommonJS build; vitest would resolve
// an `import` of graphql to its ES build, a second copy that rejects the schema. Load the one Payload uses.
const { graphql } = createRequire(import.meta.url)('graphql') as typeof GraphQL

export type GraphQLClient = (args: { query: string; variables?: Record<string, unknown>; user?: Record<string, unknown> | null }) => Promise<{
  // GraphQL results are whatever the schema says; tests read them field by field.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data: any
  errors: { message: string }[]
}>

/**
 * Runs queries against Payload's GraphQL schema — the one `@payloadcms/next`'s `/api/graphql` route serves,
 * built by `configToSchema` — with the request context that route gives its resolvers (`{ req, headers }`).
 * No `user` is an anonymous reader.
 */
export function createGraphQLClient(payload: Payload): GraphQLClient {
  const { schema } = configToSchema(payload.config)
  return async ({ query, variables, user }) => {
    const req = await createLocalReq({ user: (user ?? undefined) as never }, payload)
    const result = await graphql({ schema, source: query, variableValues: variables, contextValue: { req, headers: {} } })
    return { data: result.data, errors: (result.errors ?? []).map((error) => ({ message: error.message })) }
  }
}

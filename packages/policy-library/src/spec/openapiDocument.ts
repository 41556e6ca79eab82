import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'

/** The OpenAPI 3.1 document: the source of truth for requests, answers and the SDK's types. */
export type OpenApiDocument = {
  openapi: string
  info: { title: string; version: string }
  paths: Record<string, Record<string, unknown>>
  components: { schemas: Record<string, unknown>; parameters: Record<string, unknown> }
}

/**
 * `openapi/openapi.json` of this package, found through the package's own `exports` (Node's
 * self-reference), so it resolves the same from `src/spec/` under test and from the bundled `dist/`.
 */
export const openApiDocumentUrl = pathToFileURL(createRequire(import.meta.url).resolve('@gongkai/policy-library/openapi.json'))

let cached: OpenApiDocument | undefined

export function loadOpenApiDocument(): OpenApiDocument {
  cached ??= JSON.parse(readFileSync(openApiDocumentUrl, 'utf8')) as OpenApiDocument
  return cached
}

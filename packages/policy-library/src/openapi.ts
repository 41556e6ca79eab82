import { readFileSync } from 'node:fs'

/** The OpenAPI 3.1 document: the source of truth for requests, answers and the SDK's types. */
export type OpenApiDocument = {
  openapi: string
  info: { title: string; version: string }
  paths: Record<string, Record<string, unknown>>
  components: { schemas: Record<string, unknown>; parameters: Record<string, unknown> }
}

/** Path of `openapi/openapi.json`, beside `src/` and `dist/` in the package. */
export const openApiDocumentUrl = new URL('../openapi/openapi.json', import.meta.url)

let cached: OpenApiDocument | undefined

export function loadOpenApiDocument(): OpenApiDocument {
  cached ??= JSON.parse(readFileSync(openApiDocumentUrl, 'utf8')) as OpenApiDocument
  return cached
}

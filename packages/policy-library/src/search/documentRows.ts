import { parseVector } from './vector.js'
import type { IndexedDocument } from './types.js'

/** A row of `documents` as the in-memory index reads it (`rowColumns`). */
export type DocumentRow = {
  content_id: string
  version: number
  status: string
  kind: string
  document_type: string | null
  validity: string
  issuers: string[]
  topics: string[]
  published_at: string
  document_length: number
  search_vector: string
}

export const rowColumns = `content_id, version, status, kind, document_type, validity, issuers, topics, published_at::text AS published_at,
  document_length, search_vector::text AS search_vector`

export function toIndexed(row: DocumentRow): IndexedDocument {
  return {
    contentId: row.content_id,
    version: row.version,
    status: row.status,
    kind: row.kind,
    documentType: row.document_type,
    validity: row.validity,
    issuers: row.issuers,
    topics: row.topics,
    publishedAt: row.published_at,
    length: row.document_length,
    frequencies: parseVector(row.search_vector),
  }
}

import type pg from 'pg'
import type { DeletedDocument, RedactedVersion, StoredDocument } from '../domain/types.js'

/** The current record of a document: published, withdrawn or a deletion tombstone. */
export type CurrentDocument = StoredDocument | DeletedDocument

export async function findDocument(pool: pg.Pool, contentId: string): Promise<CurrentDocument | undefined> {
  const { rows } = await pool.query<{ document: CurrentDocument }>('SELECT document FROM documents WHERE content_id = $1', [contentId])
  return rows[0]?.document
}

export async function findDocumentByIndexNumber(pool: pg.Pool, indexNumber: string): Promise<CurrentDocument | undefined> {
  const { rows } = await pool.query<{ document: CurrentDocument }>('SELECT document FROM documents WHERE index_number = $1', [indexNumber])
  return rows[0]?.document
}

/** The current record and, from `document_versions`, one superseded version (if it was kept). */
export async function findDocumentVersion(
  pool: pg.Pool,
  contentId: string,
  version: number,
): Promise<{ document: CurrentDocument; version_document: StoredDocument | RedactedVersion | null } | undefined> {
  const { rows } = await pool.query<{ document: CurrentDocument; version_document: StoredDocument | RedactedVersion | null }>(
    `SELECT document, (SELECT v.document FROM document_versions AS v WHERE v.content_id = d.content_id AND v.version = $2) AS version_document
     FROM documents AS d WHERE content_id = $1`,
    [contentId, version],
  )
  return rows[0]
}

/**
 * The documents of a result page, without what a list does not show (HTML, attachments, links) and
 * with the text cut to its first 50,000 characters: snippets come from it, and a page of 100 long
 * documents stays small.
 */
export async function findListedDocuments(pool: pg.Pool, contentIds: string[]): Promise<StoredDocument[]> {
  if (contentIds.length === 0) return []
  const { rows } = await pool.query<{ document: StoredDocument }>(
    `SELECT (document - 'bodyHtml' - 'attachments' - 'links')
       || jsonb_build_object('bodyText', left(document->>'bodyText', 50000)) AS document
     FROM documents WHERE content_id = ANY ($1)`,
    [contentIds],
  )
  return rows.map((row) => row.document)
}

/** The newest published documents of an agency (as any issuer), for its feed. */
export async function newestOfAgency(pool: pg.Pool, agencyId: string, limit: number): Promise<StoredDocument[]> {
  const { rows } = await pool.query<{ document: StoredDocument }>(
    `SELECT document FROM documents WHERE status = 'published' AND $1 = ANY (issuers) ORDER BY published_at DESC, content_id LIMIT $2`,
    [agencyId, limit],
  )
  return rows.map((row) => row.document)
}

/** The newest published documents of a topic or its children (`02` also matches `02.01`), for its feed. */
export async function newestOfTopic(pool: pg.Pool, topicCode: string, limit: number): Promise<StoredDocument[]> {
  const { rows } = await pool.query<{ document: StoredDocument }>(
    `SELECT document FROM documents WHERE status = 'published'
       AND EXISTS (SELECT 1 FROM unnest(topics) AS topic WHERE topic = $1 OR topic LIKE $1 || '.%')
     ORDER BY published_at DESC, content_id LIMIT $2`,
    [topicCode, limit],
  )
  return rows.map((row) => row.document)
}

/** Which published documents a sitemap lists: all, or only those with their own `url`. */
export type SitemapScope = { isWithoutUrlListed: boolean }

const sitemapWhere = ({ isWithoutUrlListed }: SitemapScope): string => `status = 'published'${isWithoutUrlListed ? '' : ` AND document ? 'url'`}`

export async function countSitemapDocuments(pool: pg.Pool, scope: SitemapScope): Promise<number> {
  const { rows } = await pool.query<{ count: string }>(`SELECT count(*)::text AS count FROM documents WHERE ${sitemapWhere(scope)}`)
  return Number(rows[0]?.count ?? 0)
}

export async function sitemapDocuments(
  pool: pg.Pool,
  scope: SitemapScope,
  { offset, limit }: { offset: number; limit: number },
): Promise<{ contentId: string; url: string | undefined; updatedAt: string }[]> {
  const { rows } = await pool.query<{ content_id: string; url: string | null; updated_at: Date }>(
    `SELECT content_id, document->>'url' AS url, updated_at FROM documents WHERE ${sitemapWhere(scope)}
     ORDER BY content_id OFFSET $1 LIMIT $2`,
    [offset, limit],
  )
  return rows.map((row) => ({ contentId: row.content_id, url: row.url ?? undefined, updatedAt: row.updated_at.toISOString() }))
}

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

/** What a result list shows of a document, and the text its snippet comes from. */
export type ListedDocument = Pick<
  StoredDocument,
  'contentId' | 'version' | 'status' | 'kind' | 'title' | 'summary' | 'indexNumber' | 'documentNumber' | 'documentType' | 'issuers' | 'topics' | 'publishedAt' | 'validity' | 'url'
> & {
  /** The first 50,000 characters of the text (empty unless published): snippets come from it, and a page of 100 long documents stays small. */
  bodyText: string
  /** A withdrawn document's notice, which it is listed by. */
  withdrawalNotice?: string
}

type ListedRow = {
  content_id: string
  version: number
  status: StoredDocument['status']
  kind: StoredDocument['kind']
  title: string
  document_type: StoredDocument['documentType'] | null
  validity: StoredDocument['validity']
  index_number: string | null
  topics: string[]
  published_at: string
  issuers: StoredDocument['issuers']
  summary: string | null
  document_number: string | null
  url: string | null
  withdrawal_notice: string | null
  body_text: string | null
}

/**
 * The documents of a result page, as a list shows them. The jsonb document is read once per row
 * (`jsonb_to_record`) for the fields that have no column, and only they reach Node.js: rebuilding
 * the document without its HTML and attachments, as this did, cost PostgreSQL more than the lookup.
 */
export async function findListedDocuments(pool: pg.Pool, contentIds: string[]): Promise<ListedDocument[]> {
  if (contentIds.length === 0) return []
  const { rows } = await pool.query<ListedRow>(
    `SELECT d.content_id, d.version, d.status, d.kind, d.title, d.document_type, d.validity, d.index_number, d.topics,
       r."publishedAt" AS published_at, r.issuers, r.summary, r."documentNumber" AS document_number, r.url,
       r.withdrawal->>'notice' AS withdrawal_notice,
       -- A withdrawn document is listed by its notice: its text does not leave the database.
       CASE WHEN d.status = 'published' THEN left(r."bodyText", 50000) END AS body_text
     FROM documents AS d,
       jsonb_to_record(d.document) AS r("publishedAt" text, issuers jsonb, summary text, "documentNumber" text, url text, withdrawal jsonb, "bodyText" text)
     WHERE d.content_id = ANY ($1)`,
    [contentIds],
  )
  return rows.map((row) => ({
    contentId: row.content_id,
    version: row.version,
    status: row.status,
    kind: row.kind,
    title: row.title,
    validity: row.validity,
    topics: row.topics,
    publishedAt: row.published_at,
    issuers: row.issuers,
    bodyText: row.body_text ?? '',
    ...(row.summary === null ? {} : { summary: row.summary }),
    ...(row.document_type === null ? {} : { documentType: row.document_type }),
    ...(row.index_number === null ? {} : { indexNumber: row.index_number }),
    ...(row.document_number === null ? {} : { documentNumber: row.document_number }),
    ...(row.url === null ? {} : { url: row.url }),
    ...(row.withdrawal_notice === null ? {} : { withdrawalNotice: row.withdrawal_notice }),
  }))
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

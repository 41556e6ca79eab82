import type pg from 'pg'
import { searchableBody } from '../domain/documents.js'
import type { AgencyRef, DeletedDocument, StoredDocument } from '../domain/types.js'
import { indexText } from '../search/segment.js'
import type { IndexedDocument, IndexUpdate } from '../search/types.js'

/** What a push needs to judge its items, read (and the documents locked) in the write's transaction. */
export type PushState = {
  agencies: Map<string, AgencyRef>
  existing: Map<string, ExistingRow>
  /** 索引号 → the content id holding it. */
  indexOwners: Map<string, string>
}

export type ExistingRow = { content_id: string; version: number; issuers: string[]; created_at: string; document: StoredDocument | DeletedDocument }

/** Reads the agencies, locks the stored documents and finds the holders of the 索引号 a push names. */
export async function loadPushState(
  client: pg.PoolClient,
  { contentIds, agencyIds, indexNumbers }: { contentIds: string[]; agencyIds: string[]; indexNumbers: string[] },
): Promise<PushState> {
  const [agencyRows, existingRows] = await Promise.all([
    client.query<AgencyRef>('SELECT id, name FROM agencies WHERE id = ANY ($1)', [agencyIds]),
    client.query<ExistingRow>(
      `SELECT content_id, version, issuers, created_at, document FROM documents WHERE content_id = ANY ($1) ORDER BY content_id FOR UPDATE`,
      [contentIds],
    ),
  ])
  const indexOwners = new Map<string, string>()
  if (indexNumbers.length > 0) {
    const owners = await client.query<{ content_id: string; index_number: string }>(
      'SELECT content_id, index_number FROM documents WHERE index_number = ANY ($1)',
      [indexNumbers],
    )
    for (const row of owners.rows) indexOwners.set(row.index_number, row.content_id)
  }
  return {
    agencies: new Map(agencyRows.rows.map((row) => [row.id, row])),
    existing: new Map(existingRows.rows.map((row) => [row.content_id, row])),
    indexOwners,
  }
}

type DocumentRecord = {
  content_id: string
  version: number
  status: string
  kind: string
  document_type: string | null
  validity: string
  issuers: string[]
  topics: string[]
  index_number: string | null
  published_at: string
  title: string
  search_vector: string
  document_length: number
  document: StoredDocument
  created_at: string
  updated_at: string
}

function recordOf(document: StoredDocument): { record: DocumentRecord; indexed: IndexedDocument } {
  // A withdrawn document is found by its title and 发文字号 only: its text is no longer served, so it
  // must not be searchable either (status=withdrawn lists would otherwise confirm words of it).
  const body = document.status === 'withdrawn' ? (document.documentNumber ?? '') : searchableBody(document)
  const indexed = indexText({ title: document.title, body })
  const record: DocumentRecord = {
    content_id: document.contentId,
    version: document.version,
    status: document.status,
    kind: document.kind,
    document_type: document.documentType ?? null,
    validity: document.validity,
    issuers: document.issuers.map((issuer) => issuer.id),
    topics: document.topics,
    index_number: document.indexNumber ?? null,
    published_at: document.publishedAt,
    title: document.title,
    search_vector: indexed.vector,
    document_length: indexed.length,
    document,
    created_at: document.createdAt,
    updated_at: document.updatedAt,
  }
  return {
    record,
    indexed: {
      contentId: document.contentId,
      version: document.version,
      status: document.status,
      kind: document.kind,
      documentType: record.document_type,
      validity: document.validity,
      issuers: record.issuers,
      topics: document.topics,
      publishedAt: document.publishedAt,
      length: indexed.length,
      frequencies: indexed.frequencies,
    },
  }
}

const recordType = `r(content_id text, version integer, status text, kind text, document_type text, validity text,
  issuers text[], topics text[], index_number text, published_at date, title text, search_vector text,
  document_length integer, document jsonb, created_at timestamptz, updated_at timestamptz)`

/** Inserts new documents (returning the ids actually inserted) or updates existing ones. */
export async function writeDocuments(
  client: pg.PoolClient,
  documents: StoredDocument[],
  mode: 'insert' | 'update',
): Promise<{ written: Set<string>; indexed: Map<string, IndexedDocument> }> {
  if (documents.length === 0) return { written: new Set(), indexed: new Map() }
  const built = documents.map(recordOf)
  const indexed = new Map(built.map((entry) => [entry.indexed.contentId, entry.indexed]))
  const records = JSON.stringify(built.map((entry) => entry.record))
  if (mode === 'insert') {
    const { rows } = await client.query<{ content_id: string }>(
      `INSERT INTO documents (content_id, version, status, kind, document_type, validity, issuers, topics, index_number,
         published_at, title, search_vector, document_length, document, created_at, updated_at)
       SELECT content_id, version, status, kind, document_type, validity, issuers, topics, index_number, published_at, title,
         search_vector::tsvector, document_length, document, created_at, updated_at
       FROM jsonb_to_recordset($1::jsonb) AS ${recordType}
       ORDER BY content_id COLLATE "C"
       ON CONFLICT (content_id) DO NOTHING RETURNING content_id`,
      // Inserted in one order whatever the request's: two batches creating the same new ids in
      // opposite orders then wait for each other instead of deadlocking (40P01).
      [records],
    )
    return { written: new Set(rows.map((row) => row.content_id)), indexed }
  }
  await client.query(
    `UPDATE documents AS d SET version = r.version, status = r.status, kind = r.kind, document_type = r.document_type,
       validity = r.validity, issuers = r.issuers, topics = r.topics, index_number = r.index_number,
       published_at = r.published_at, title = r.title, search_vector = r.search_vector::tsvector,
       document_length = r.document_length, document = r.document, updated_at = r.updated_at
     FROM jsonb_to_recordset($1::jsonb) AS ${recordType}
     WHERE d.content_id = r.content_id`,
    [records],
  )
  return { written: new Set(documents.map((document) => document.contentId)), indexed }
}

export async function recordVersions(client: pg.PoolClient, documents: StoredDocument[]): Promise<void> {
  if (documents.length === 0) return
  await client.query(
    `INSERT INTO document_versions (content_id, version, document)
     SELECT content_id, version, document FROM jsonb_to_recordset($1::jsonb) AS r(content_id text, version integer, document jsonb)`,
    [JSON.stringify(documents.map((document) => ({ content_id: document.contentId, version: document.version, document })))],
  )
}

export type EventInput = { contentId: string; version: number; type: string; agencyId: string; details: Record<string, unknown> }

/** Records the events; each written document goes to `indexUpdates` with its event's sequence. */
export async function recordEvents(
  { client, indexUpdates }: { client: pg.PoolClient; indexUpdates: IndexUpdate[] },
  indexed: Map<string, IndexedDocument>,
  events: EventInput[],
): Promise<void> {
  if (events.length === 0) return
  const { rows } = await client.query<{ sequence: string; content_id: string }>(
    `INSERT INTO events (content_id, version, type, agency_id, details)
     SELECT * FROM unnest($1::text[], $2::integer[], $3::text[], $4::text[], $5::jsonb[])
     RETURNING sequence::text AS sequence, content_id`,
    [
      events.map((event) => event.contentId),
      events.map((event) => event.version),
      events.map((event) => event.type),
      events.map((event) => event.agencyId),
      events.map((event) => JSON.stringify(event.details)),
    ],
  )
  for (const row of rows) {
    const document = indexed.get(row.content_id)
    if (document) indexUpdates.push({ sequence: Number(row.sequence), document })
  }
}

/** Locks one stored document for a change (withdrawal, validity, 删除, 抹除); undefined when there is none. */
export async function lockDocument(
  client: pg.PoolClient,
  contentId: string,
): Promise<{ version: number; issuers: string[]; document: StoredDocument | DeletedDocument } | undefined> {
  const { rows } = await client.query<{ version: number; issuers: string[]; document: StoredDocument | DeletedDocument }>(
    'SELECT version, issuers, document FROM documents WHERE content_id = $1 FOR UPDATE',
    [contentId],
  )
  return rows[0]
}

/** Stores a change of one document: the previous version kept, the new one written, its event recorded. */
export async function storeChange(
  context: { client: pg.PoolClient; indexUpdates: IndexUpdate[] },
  previous: StoredDocument,
  document: StoredDocument,
  event: EventInput,
): Promise<void> {
  await recordVersions(context.client, [previous])
  const { indexed } = await writeDocuments(context.client, [document], 'update')
  await recordEvents(context, indexed, [event])
}

import type pg from 'pg'
import type { DeletedDocument, Deletion, GoneProblem, RedactedVersion, StoredDocument } from '../domain/types.js'

/** The versions kept in `document_versions` (every one before the current). */
export async function storedVersionsOf(client: pg.PoolClient, contentId: string): Promise<number[]> {
  const { rows } = await client.query<{ version: number }>('SELECT version FROM document_versions WHERE content_id = $1 ORDER BY version', [contentId])
  return rows.map((row) => row.version)
}

/**
 * Erases a document's text in the tables themselves — the current row and every version — and the
 * stored answers of writes that carried it (Idempotency-Key replays answer `gone` from then on),
 * leaving the tombstone.
 */
export async function eraseDocument(
  client: pg.PoolClient,
  { tombstone, deletion, gone }: { tombstone: DeletedDocument; deletion: Deletion; gone: GoneProblem },
): Promise<void> {
  const { contentId } = tombstone
  await client.query(
    `UPDATE documents SET version = $2, status = 'deleted', title = '', search_vector = ''::tsvector, document_length = 0,
       document = $3, updated_at = $4 WHERE content_id = $1`,
    [contentId, tombstone.version, JSON.stringify(tombstone), tombstone.updatedAt],
  )
  await client.query(
    `UPDATE document_versions SET document = jsonb_build_object('contentId', content_id, 'version', version, 'status', 'deleted', 'deletion', $2::jsonb)
     WHERE content_id = $1`,
    [contentId, JSON.stringify(deletion)],
  )
  await client.query(`UPDATE idempotency_keys SET status = 410, body = $2 WHERE body->>'contentId' = $1`, [contentId, JSON.stringify(gone)])
}

/** Locks one superseded version; undefined when the document never had it. */
export async function lockVersion(client: pg.PoolClient, contentId: string, version: number): Promise<StoredDocument | RedactedVersion | undefined> {
  const { rows } = await client.query<{ document: StoredDocument | RedactedVersion }>(
    'SELECT document FROM document_versions WHERE content_id = $1 AND version = $2 FOR UPDATE',
    [contentId, version],
  )
  return rows[0]?.document
}

/** Replaces one version's text with its redaction record, and the stored answers of writes that carried it. */
export async function eraseVersion(client: pg.PoolClient, { record, gone }: { record: RedactedVersion; gone: GoneProblem }): Promise<void> {
  const { contentId, version } = record
  await client.query('UPDATE document_versions SET document = $3 WHERE content_id = $1 AND version = $2', [contentId, version, JSON.stringify(record)])
  await client.query(
    `UPDATE idempotency_keys SET status = 410, body = $3 WHERE body->>'contentId' = $1 AND body->'version' = to_jsonb($2::integer)`,
    [contentId, version, JSON.stringify(gone)],
  )
}

/** Records a 删除 or 抹除 event; returns its sequence. */
export async function recordRemovalEvent(
  client: pg.PoolClient,
  event: { contentId: string; version: number; type: 'deleted' | 'redacted'; agencyId: string; details: Record<string, unknown> },
): Promise<number> {
  const { rows } = await client.query<{ sequence: string }>(
    `INSERT INTO events (content_id, version, type, agency_id, details) VALUES ($1, $2, $3, $4, $5)
     RETURNING sequence::text AS sequence`,
    [event.contentId, event.version, event.type, event.agencyId, JSON.stringify(event.details)],
  )
  return Number(rows[0]?.sequence)
}

import type pg from 'pg'
import type { StoredDocument } from '../documents.js'
import { problem, type Problem } from '../http/problem.js'
import {
  documentGoneProblem,
  versionGoneProblem,
  type DeletedDocument,
  type Deletion,
  type RedactedVersion,
  type Redaction,
} from '../removal.js'
import type { IndexUpdate } from '../search/types.js'
import type { WriteAnswer } from './idempotency.js'

/** Who erases: an agency that issued the document, or the library's admin. */
export type RemovalActor = { kind: 'admin' } | { kind: 'agency'; agencyId: string }

export type RemovalContext = {
  client: pg.PoolClient
  actor: RemovalActor
  /** Filled with the deletion, for the search index once the transaction commits. */
  indexUpdates: IndexUpdate[]
}

type LockedRow = { status: string; version: number; issuers: string[]; document: StoredDocument | DeletedDocument }

async function lockDocument(context: RemovalContext, contentId: string): Promise<LockedRow | { problem: Problem }> {
  const { rows } = await context.client.query<LockedRow>(
    'SELECT status, version, issuers, document FROM documents WHERE content_id = $1 FOR UPDATE',
    [contentId],
  )
  const row = rows[0]
  if (!row) return { problem: problem('notFound', `文件 ${contentId} 不存在`) }
  const { actor } = context
  // The lead agency decides, as for every other write (docs/decisions: a co-issuer cannot lock the lead out).
  if (actor.kind === 'agency' && row.issuers[0] !== actor.agencyId) {
    return { problem: problem('forbidden', `文件 ${contentId} 的牵头机关是 ${row.issuers[0] ?? '其他机关'}，${actor.agencyId} 不能删除或抹除`) }
  }
  return row
}

const actorName = (actor: RemovalActor): string => (actor.kind === 'admin' ? 'admin' : actor.agencyId)

async function recordEvent(
  context: RemovalContext,
  event: { contentId: string; version: number; type: 'deleted' | 'redacted'; agencyId: string; details: Record<string, unknown> },
): Promise<number> {
  const { rows } = await context.client.query<{ sequence: string }>(
    `INSERT INTO events (content_id, version, type, agency_id, details) VALUES ($1, $2, $3, $4, $5)
     RETURNING sequence::text AS sequence`,
    [event.contentId, event.version, event.type, event.agencyId, JSON.stringify(event.details)],
  )
  return Number(rows[0]?.sequence)
}

/**
 * 删除 (content published in error): erases the text of the document and of every version — title,
 * body, summary, attachments, 主题词, URL and the search vector — in the tables themselves, and the
 * stored answers of writes that carried them (Idempotency-Key replays answer 410 from then on). What
 * stays is a metadata tombstone for audit. Deleting again answers the same tombstone.
 */
export async function deleteDocument(context: RemovalContext, contentId: string, request: { reason: string }): Promise<WriteAnswer> {
  const locked = await lockDocument(context, contentId)
  if ('problem' in locked) return { status: locked.problem.status, body: locked.problem }
  if (locked.document.status === 'deleted') return { status: 200, body: locked.document }
  const current = locked.document
  const { client, actor } = context
  const { rows } = await client.query<{ version: number }>('SELECT version FROM document_versions WHERE content_id = $1 ORDER BY version', [contentId])
  const now = new Date().toISOString()
  const deletion: Deletion = { reason: request.reason, deletedAt: now, deletedBy: actorName(actor) }
  const tombstone: DeletedDocument = {
    contentId,
    status: 'deleted',
    version: current.version + 1,
    kind: current.kind,
    ...(current.indexNumber ? { indexNumber: current.indexNumber } : {}),
    ...(current.documentNumber ? { documentNumber: current.documentNumber } : {}),
    issuers: current.issuers,
    publishedAt: current.publishedAt,
    versions: [...rows.map((row) => row.version), current.version],
    deletion,
    createdAt: current.createdAt,
    updatedAt: now,
  }
  await client.query(
    `UPDATE documents SET version = $2, status = 'deleted', title = '', search_vector = ''::tsvector, document_length = 0,
       document = $3, updated_at = $4 WHERE content_id = $1`,
    [contentId, tombstone.version, JSON.stringify(tombstone), now],
  )
  await client.query(
    `UPDATE document_versions SET document = jsonb_build_object('contentId', content_id, 'version', version, 'status', 'deleted', 'deletion', $2::jsonb)
     WHERE content_id = $1`,
    [contentId, JSON.stringify(deletion)],
  )
  await client.query(`UPDATE idempotency_keys SET status = 410, body = $2 WHERE body->>'contentId' = $1`, [
    contentId,
    JSON.stringify(documentGoneProblem(tombstone)),
  ])
  const sequence = await recordEvent(context, {
    contentId,
    version: tombstone.version,
    type: 'deleted',
    agencyId: actor.kind === 'agency' ? actor.agencyId : (locked.issuers[0] as string),
    details: { reason: request.reason, actor: actor.kind },
  })
  context.indexUpdates.push({
    sequence,
    document: {
      contentId,
      version: tombstone.version,
      status: 'deleted',
      kind: current.kind,
      documentType: null,
      validity: '',
      issuers: locked.issuers,
      topics: [],
      publishedAt: current.publishedAt,
      length: 0,
      frequencies: new Map(),
    },
  })
  return { status: 200, body: tombstone }
}

/**
 * 抹除: erases one superseded version's text, keeping who redacted it, when and why. The current
 * version cannot be redacted — the library would have nothing to show — so the publisher first pushes
 * a corrected version, then redacts the one before it. Redacting again answers the same record.
 */
export async function redactVersion(
  context: RemovalContext,
  contentId: string,
  version: number,
  request: { reason: string },
): Promise<WriteAnswer> {
  const locked = await lockDocument(context, contentId)
  if ('problem' in locked) return { status: locked.problem.status, body: locked.problem }
  const current = locked.document
  if (current.status === 'deleted') {
    const gone = documentGoneProblem(current)
    return { status: gone.status, body: gone }
  }
  if (version === current.version) {
    const refused = problem('conflict', `版本 ${version} 是文件 ${contentId} 的当前版本，不能抹除；请先推送更正后的新版本，再抹除此版本`, {
      errors: [{ pointer: 'path/version', detail: '当前版本不能抹除', rule: 'notCurrentVersion' }],
      currentVersion: current.version,
    })
    return { status: refused.status, body: refused }
  }
  const { client, actor } = context
  const { rows } = await client.query<{ document: StoredDocument | RedactedVersion }>(
    'SELECT document FROM document_versions WHERE content_id = $1 AND version = $2 FOR UPDATE',
    [contentId, version],
  )
  const stored = rows[0]?.document
  if (!stored) {
    const missing = problem('notFound', `文件 ${contentId} 没有版本 ${version}`)
    return { status: missing.status, body: missing }
  }
  if (stored.status === 'redacted') return { status: 200, body: stored }
  const redaction: Redaction = { version, reason: request.reason, redactedAt: new Date().toISOString(), redactedBy: actorName(actor) }
  const record: RedactedVersion = { contentId, version, status: 'redacted', redaction }
  await client.query('UPDATE document_versions SET document = $3 WHERE content_id = $1 AND version = $2', [contentId, version, JSON.stringify(record)])
  await client.query(
    `UPDATE idempotency_keys SET status = 410, body = $3 WHERE body->>'contentId' = $1 AND body->'version' = to_jsonb($2::integer)`,
    [contentId, version, JSON.stringify(versionGoneProblem(current, redaction))],
  )
  await recordEvent(context, {
    contentId,
    version,
    type: 'redacted',
    agencyId: actor.kind === 'agency' ? actor.agencyId : (locked.issuers[0] as string),
    details: { reason: request.reason, actor: actor.kind },
  })
  return { status: 200, body: record }
}

import type pg from 'pg'
import { Conflict, Forbidden, NotFound } from '../domain/errors.js'
import { documentGone, goneProblemOf, versionGone } from '../domain/removal.js'
import type { DeletedDocument, Deletion, RedactedVersion, Redaction, StoredDocument } from '../domain/types.js'
import type { IndexUpdate } from '../search/types.js'
import { eraseDocument, eraseVersion, lockVersion, recordRemovalEvent, storedVersionsOf } from '../store/removals.js'
import { lockDocument } from '../store/writes.js'

/** Who erases: an agency that issued the document, or the library's admin. */
export type RemovalActor = { kind: 'admin' } | { kind: 'agency'; agencyId: string }

export type RemovalContext = {
  client: pg.PoolClient
  actor: RemovalActor
  /** Filled with the deletion, for the search index once the transaction commits. */
  indexUpdates: IndexUpdate[]
}

async function lockForRemoval(context: RemovalContext, contentId: string) {
  const row = await lockDocument(context.client, contentId)
  if (!row) throw new NotFound(`文件 ${contentId} 不存在`)
  const { actor } = context
  // The lead agency decides, as for every other write (docs/decisions: a co-issuer cannot lock the lead out).
  if (actor.kind === 'agency' && row.issuers[0] !== actor.agencyId) {
    throw new Forbidden(`文件 ${contentId} 的牵头机关是 ${row.issuers[0] ?? '其他机关'}，${actor.agencyId} 不能删除或抹除`)
  }
  return row
}

const actorName = (actor: RemovalActor): string => (actor.kind === 'admin' ? 'admin' : actor.agencyId)

/** The agency an event of the actor names: the actor's, or for the admin the lead issuer. */
const eventAgencyOf = (actor: RemovalActor, issuers: string[]): string => (actor.kind === 'agency' ? actor.agencyId : (issuers[0] as string))

/**
 * 删除 (content published in error): erases the text of the document and of every version — title,
 * body, summary, attachments, 主题词, URL and the search vector — in the tables themselves, and the
 * stored answers of writes that carried them. What stays is a metadata tombstone for audit. Deleting
 * again answers the same tombstone.
 */
export async function deleteDocument(context: RemovalContext, contentId: string, request: { reason: string }): Promise<DeletedDocument> {
  const locked = await lockForRemoval(context, contentId)
  if (locked.document.status === 'deleted') return locked.document
  const current = locked.document
  const { client, actor } = context
  const versions = await storedVersionsOf(client, contentId)
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
    versions: [...versions, current.version],
    deletion,
    createdAt: current.createdAt,
    updatedAt: now,
  }
  await eraseDocument(client, { tombstone, deletion, gone: goneProblemOf(documentGone(tombstone)) })
  const sequence = await recordRemovalEvent(client, {
    contentId,
    version: tombstone.version,
    type: 'deleted',
    agencyId: eventAgencyOf(actor, locked.issuers),
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
  return tombstone
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
): Promise<RedactedVersion> {
  const locked = await lockForRemoval(context, contentId)
  const current: StoredDocument | DeletedDocument = locked.document
  if (current.status === 'deleted') throw documentGone(current)
  if (version === current.version) {
    throw new Conflict(`版本 ${version} 是文件 ${contentId} 的当前版本，不能抹除；请先推送更正后的新版本，再抹除此版本`, {
      errors: [{ pointer: 'path/version', detail: '当前版本不能抹除', rule: 'notCurrentVersion' }],
      currentVersion: current.version,
    })
  }
  const { client, actor } = context
  const stored = await lockVersion(client, contentId, version)
  if (!stored) throw new NotFound(`文件 ${contentId} 没有版本 ${version}`)
  if (stored.status === 'redacted') return stored
  const redaction: Redaction = { version, reason: request.reason, redactedAt: new Date().toISOString(), redactedBy: actorName(actor) }
  const record: RedactedVersion = { contentId, version, status: 'redacted', redaction }
  await eraseVersion(client, { record, gone: goneProblemOf(versionGone(current, redaction)) })
  await recordRemovalEvent(client, {
    contentId,
    version,
    type: 'redacted',
    agencyId: eventAgencyOf(actor, locked.issuers),
    details: { reason: request.reason, actor: actor.kind },
  })
  return record
}

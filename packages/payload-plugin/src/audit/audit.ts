import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

import { agencyFieldsSelect, loadReadingAgencyIds } from '../access/documentAgencies.js'
import { personName } from '../utilities/personName.js'
import { auditLogTable } from './auditLogTable.js'
import type { StoredDocument } from '../infrastructure/documents.js'
import { gongkaiOptionsOf, workflowCollectionOf } from '../infrastructure/runtime.js'
import type { AuditAction } from './auditActions.js'

export type RecordAuditArgs = {
  payload: Payload
  /** The request whose transaction the entry joins (an entry for a rolled-back action is rolled back with it). */
  req?: PayloadRequest
  action: AuditAction
  /** Collection slug of the document. */
  collection: string
  documentId: number | string
  documentTitle?: string | null
  versionId?: number | string | null
  user?: { id?: number | string; email?: unknown; collection?: string } | null
  fromState?: string | null
  toState?: string | null
  reason?: string | null
  details?: Record<string, unknown>
  /** Agencies whose members may read the entry; by default those that may read the document's drafts. */
  agencies?: (number | string)[]
}

/** The slug of the plugin's audit log collection in this Payload instance (it may be renamed with `slugs.auditLog`). */
export function auditLogSlugOf(payload: Payload): string {
  const collection = Object.values(payload.collections).find((candidate) => candidate.config.custom?.gongkai === 'auditLog')
  if (!collection) throw new Error('gongkaiPlugin: the audit log collection is missing from the config')
  return collection.config.slug
}

/**
 * The agencies whose members may read a document before publication (owners, a policy's joint issuers): the
 * readers of its audit entries. Empty when the document no longer exists.
 */
export async function auditAgenciesOf(args: { payload: Payload; req?: PayloadRequest; collection: string; documentId: number | string }): Promise<(number | string)[]> {
  const options = gongkaiOptionsOf(args.payload)
  const key = workflowCollectionOf(options, args.collection)
  if (!key) return []
  const req = args.req ?? ({ payload: args.payload, context: {} } as unknown as PayloadRequest)
  const doc: StoredDocument | null = await args.payload.findByID({
    collection: args.collection,
    id: args.documentId,
    draft: true,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    // Only the fields that name the agencies: a migration runs this against an older schema than the config's.
    select: agencyFieldsSelect(key),
    req: args.req,
  })
  return doc ? await loadReadingAgencyIds({ req, slugs: options.slugs, collection: key, doc }) : []
}

/**
 * Appends one entry to the audit log (`gongkai-audit-log`). The only way entries are written: the collection's
 * create access is closed, so this goes through the trusted local API.
 */
export async function recordAudit(args: RecordAuditArgs): Promise<{ id: number | string }> {
  const { payload, req, user } = args
  const summary = [args.documentTitle ?? `${args.collection}#${args.documentId}`, args.fromState && args.toState ? `${args.fromState} → ${args.toState}` : undefined]
    .filter(Boolean)
    .join('：')
  const agencies = args.agencies ?? (await auditAgenciesOf({ payload, req, collection: args.collection, documentId: args.documentId }))
  const entry = await payload.create({
    collection: auditLogSlugOf(payload),
    data: {
      action: args.action,
      summary,
      collectionSlug: args.collection,
      documentId: String(args.documentId),
      documentTitle: args.documentTitle ?? null,
      versionId: args.versionId === undefined || args.versionId === null ? null : String(args.versionId),
      agencies,
      user: user?.id ?? null,
      userLabel: user ? personName(user) : '系统',
      fromState: args.fromState ?? null,
      toState: args.toState ?? null,
      reason: args.reason ?? null,
      details: args.details ?? null,
    },
    depth: 0,
    overrideAccess: true,
    req,
  })
  return { id: entry.id }
}

/** ID of the newest version of a document (the one an action just saved), for the audit entry. */
export async function latestVersionId(req: PayloadRequest, collection: string, id: number | string): Promise<number | string | null> {
  const { docs } = await req.payload.findVersions({
    collection,
    where: { parent: { equals: id } },
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: {},
    req,
  })
  return docs[0]?.id ?? null
}

/**
 * Fills `agencies` of audit entries written before entries carried it (the migration that adds the field calls
 * this), so members of an agency see the history of their documents from before the upgrade too. Rows are only
 * added: the entries themselves stay untouched, as the append-only guard requires. Returns how many entries got
 * agencies.
 */
export async function backfillAuditLogAgencies({
  payload,
  req,
  db,
}: {
  payload: Payload
  req?: PayloadRequest
  /** The Drizzle instance to write with: a migration passes its own `db` (its transaction). */
  db?: unknown
}): Promise<number> {
  const slug = auditLogSlugOf(payload)
  const audit = auditLogTable(payload, slug)
  if (!audit) return 0
  const { docs } = await payload.find({
    collection: slug,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { collectionSlug: true, documentId: true, agencies: true },
    req,
  })
  const rels = audit.qualify(`${audit.table}_rels`)
  const agenciesByDocument = new Map<string, (number | string)[]>()
  let filled = 0
  for (const entry of docs as { id: number | string; collectionSlug?: string; documentId?: string; agencies?: unknown[] | null }[]) {
    if ((entry.agencies ?? []).length > 0 || !entry.collectionSlug || !entry.documentId) continue
    const documentKey = `${entry.collectionSlug}#${entry.documentId}`
    let agencies = agenciesByDocument.get(documentKey)
    if (!agencies) {
      agencies = await auditAgenciesOf({ payload, req, collection: entry.collectionSlug, documentId: entry.documentId })
      agenciesByDocument.set(documentKey, agencies)
    }
    if (agencies.length === 0) continue
    for (const [order, agencyId] of agencies.entries()) {
      await audit.execute(sql`INSERT INTO ${rels} ("order", "parent_id", "path", "agencies_id") VALUES (${order + 1}, ${entry.id}, 'agencies', ${agencyId})`, db)
    }
    filled += 1
  }
  return filled
}

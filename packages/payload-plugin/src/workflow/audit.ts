import type { Payload, PayloadRequest } from 'payload'

import type { AuditAction } from './states.js'

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
}

/** The slug of the plugin's audit log collection in this Payload instance (it may be renamed with `slugs.auditLog`). */
export function auditLogSlugOf(payload: Payload): string {
  const collection = Object.values(payload.collections).find((candidate) => candidate.config.custom?.gongkai === 'auditLog')
  if (!collection) throw new Error('gongkaiPlugin: the audit log collection is missing from the config')
  return collection.config.slug
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
  const entry = await payload.create({
    collection: auditLogSlugOf(payload),
    data: {
      action: args.action,
      summary,
      collectionSlug: args.collection,
      documentId: String(args.documentId),
      documentTitle: args.documentTitle ?? null,
      versionId: args.versionId === undefined || args.versionId === null ? null : String(args.versionId),
      user: user?.id ?? null,
      userLabel: user ? String(user.email ?? user.id ?? '') : '系统',
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

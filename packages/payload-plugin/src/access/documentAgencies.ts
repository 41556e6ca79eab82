import type { PayloadRequest } from 'payload'

import type { AgencyOwnedCollection, GongkaiSlugs } from '../types.js'
import { relationId, relationIds } from '../utilities/relationIds.js'
import { isRecord } from '../utilities/isRecord.js'

/** The collections whose documents belong to agencies. */
export type { AgencyOwnedCollection }

export const agencyOwnedCollections: readonly AgencyOwnedCollection[] = ['policies', 'interpretations', 'decisions', 'participation', 'catalogues']

/**
 * The field naming each collection's owning agency — the agency whose editors write the document and whose
 * reviewers and publishers release it:
 * - policies: `issuingAgency` 发文机关 (the lead agency; joint issuers may read, not edit)
 * - interpretations: `interpretingAgency` 解读机构; when empty, the issuing agencies of the policies it interprets
 * - decisions: `responsibleAgency` 承办单位
 * - participation: `agency` 承办单位, filled from the related decision's `responsibleAgency` when left empty
 */
export const owningAgencyField: Readonly<Record<AgencyOwnedCollection, string>> = {
  policies: 'issuingAgency',
  interpretations: 'interpretingAgency',
  decisions: 'responsibleAgency',
  participation: 'agency',
  catalogues: 'agency',
}

type Doc = Record<string, unknown> | null | undefined

/** The fields `loadReadingAgencyIds` needs of a document, as a `select` (fewer columns, and none added since). */
export function agencyFieldsSelect(collection: AgencyOwnedCollection): Record<string, true> {
  const extra: Record<AgencyOwnedCollection, string[]> = { policies: ['jointIssuers'], interpretations: ['policies'], decisions: [], participation: ['decision'], catalogues: [] }
  return Object.fromEntries([owningAgencyField[collection], ...extra[collection]].map((name) => [name, true]))
}

function asDoc(value: unknown): Doc {
  return isRecord(value) ? value : undefined
}

function toIds(ids: string[]): (number | string)[] {
  // Payload's PostgreSQL adapter uses numeric IDs; keep them numbers so they compare and query as stored.
  return ids.map((id) => (/^\d+$/.test(id) ? Number(id) : id))
}

/**
 * The agencies that own a document (its editors may edit it; its reviewers and publishers release it).
 * Works on a document at any depth; for an interpretation without `interpretingAgency` at depth 0 the policies'
 * agencies are unknown — use `loadOwningAgencyIds` there.
 */
export function owningAgencyIds({ collection, doc }: { collection: AgencyOwnedCollection; doc: Doc }): (number | string)[] {
  if (!doc) return []
  const own = relationId(doc[owningAgencyField[collection]])
  if (own !== undefined) return toIds([own])
  if (collection === 'interpretations') {
    const policies = Array.isArray(doc.policies) ? doc.policies : []
    return toIds([...new Set(policies.map((policy) => relationId(asDoc(policy)?.issuingAgency)).filter((id): id is string => id !== undefined))])
  }
  if (collection === 'participation') {
    const id = relationId(asDoc(doc.decision)?.responsibleAgency)
    return id === undefined ? [] : toIds([id])
  }
  return []
}

/** The agencies whose members may read the document while it is not public: the owners plus a policy's joint issuers. */
export function readingAgencyIds({ collection, doc }: { collection: AgencyOwnedCollection; doc: Doc }): (number | string)[] {
  const owners = owningAgencyIds({ collection, doc })
  if (collection !== 'policies' || !doc) return owners
  const all = [...owners.map(String), ...relationIds(doc.jointIssuers)]
  return toIds([...new Set(all)])
}

/**
 * `owningAgencyIds` for a document read at depth 0: fetches what it needs (an interpretation's policies, a
 * participation record's decision) in the request's transaction.
 */
export async function loadOwningAgencyIds({
  req,
  slugs,
  collection,
  doc,
}: {
  req: PayloadRequest
  slugs: Pick<GongkaiSlugs, 'policies' | 'decisions'>
  collection: AgencyOwnedCollection
  doc: Doc
}): Promise<(number | string)[]> {
  const direct = owningAgencyIds({ collection, doc })
  if (direct.length > 0 || !doc) return direct
  if (collection === 'interpretations') {
    const ids = relationIds(doc.policies)
    if (ids.length === 0) return []
    const { docs } = await req.payload.find({
      collection: slugs.policies,
      where: { id: { in: ids } },
      depth: 0,
      draft: true,
      pagination: false,
      overrideAccess: true,
      select: { issuingAgency: true },
      req,
    })
    return owningAgencyIds({ collection, doc: { policies: docs } })
  }
  if (collection === 'participation') {
    const decisionId = relationId(doc.decision)
    if (decisionId === undefined) return []
    const decision = await req.payload
      .findByID({ collection: slugs.decisions, id: decisionId, depth: 0, draft: true, overrideAccess: true, disableErrors: true, select: { responsibleAgency: true }, req })
      .catch(() => null)
    return owningAgencyIds({ collection, doc: { decision } })
  }
  return []
}

/**
 * `readingAgencyIds` for a document read at depth 0: its owners (loaded as `loadOwningAgencyIds` does) plus a
 * policy's joint issuers — the agencies whose members may read its drafts, findings and audit entries.
 */
export async function loadReadingAgencyIds(args: {
  req: PayloadRequest
  slugs: Pick<GongkaiSlugs, 'policies' | 'decisions'>
  collection: AgencyOwnedCollection
  doc: Doc
}): Promise<(number | string)[]> {
  const owners = await loadOwningAgencyIds(args)
  const jointIssuers = args.collection === 'policies' && args.doc ? relationIds(args.doc.jointIssuers) : []
  return toIds([...new Set([...owners.map(String), ...jointIssuers])])
}

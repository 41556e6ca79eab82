import type { FindOptions, PayloadRequest, Where } from 'payload'

import type {
  Agency,
  Decision,
  DecisionCatalogue,
  Delivery,
  GongkaiAttachment,
  GongkaiAuditLog,
  GongkaiIndexCounter,
  Interpretation,
  Participation,
  ParticipationRegistration,
  Policy,
  Topic,
} from '../generated/payload-types.js'
import type { AgencyOwnedCollection, GongkaiCollectionKey } from '../types.js'
import { gongkaiOptionsOf } from './runtime.js'

/*
 * Typed reads of the plugin's own collections. Payload types a local API result by the app's generated types,
 * which a plugin cannot see, and the plugin's slugs are options: so the document type is looked up here by the
 * collection's role (`policies`, `decisions` …) in the types generated from the collections
 * (src/generated/payload-types.ts). This is the one place that asserts it; everything else reads typed documents.
 */

/** The document type of each collection the plugin adds, by role. */
export type GongkaiDocuments = {
  agencies: Agency
  topics: Topic
  policies: Policy
  interpretations: Interpretation
  decisions: Decision
  participation: Participation
  registrations: ParticipationRegistration
  catalogues: DecisionCatalogue
  attachments: GongkaiAttachment
  auditLog: GongkaiAuditLog
  indexCounters: GongkaiIndexCounter
}

/** A document of a collection that goes through the workflow (policies, interpretations, decisions, participation, catalogues). */
export type WorkflowDocument = GongkaiDocuments[AgencyOwnedCollection]

/** Who did what and when in the workflow (the `workflow` group, the same on every workflow collection). */
export type WorkflowRecord = NonNullable<WorkflowDocument['workflow']>

/**
 * A document of a workflow collection read by its configured slug, as the workflow, the rules and the delivery
 * read any of the five: the fields the workflow adds are typed (from the generated types, the same on every
 * workflow collection), the collection's own fields are read by name.
 */
export type StoredDocument = StoredFields & { id: number | string }

/** The fields of a `StoredDocument` without its ID (what the workflow saves back). */
export type StoredFields = Record<string, unknown> &
  Partial<Pick<Policy, 'workflowState' | 'workflow' | 'lastEditedBy' | 'contentChangedAt' | 'confidentialityReview' | 'validityHistory' | '_status'>>

/** A delivery of the outbox (`gongkai-deliveries`). */
export type DeliveryDocument = Delivery

type ReadOptions = Pick<FindOptions<string, never>, 'depth' | 'draft' | 'overrideAccess' | 'user' | 'select'>

/** `payload.findByID` of a plugin collection by role, typed; null when the document does not exist. */
export async function findDocumentByID<K extends GongkaiCollectionKey>(
  args: { req: PayloadRequest; collection: K; id: number | string } & ReadOptions,
): Promise<GongkaiDocuments[K] | null> {
  const { req, collection, ...options } = args
  const slug = gongkaiOptionsOf(req.payload).slugs[collection]
  const doc = await req.payload.findByID({ depth: 0, overrideAccess: true, ...options, collection: slug, disableErrors: true, req })
  return (doc ?? null) as GongkaiDocuments[K] | null
}

/** A delivery of the outbox by ID, typed; null when there is none. */
export async function findDeliveryByID(args: { req: PayloadRequest; id: number | string }): Promise<DeliveryDocument | null> {
  const { req, id } = args
  const doc = await req.payload.findByID({ collection: gongkaiOptionsOf(req.payload).delivery.deliveriesSlug, id, depth: 0, overrideAccess: true, disableErrors: true, req })
  return (doc ?? null) as DeliveryDocument | null
}

/** `payload.find` of a plugin collection by role, typed. */
export async function findDocuments<K extends GongkaiCollectionKey>(
  args: { req: PayloadRequest; collection: K; where?: Where; limit?: number; pagination?: boolean; sort?: string } & ReadOptions,
): Promise<{ docs: GongkaiDocuments[K][]; totalDocs: number }> {
  const { req, collection, ...options } = args
  const slug = gongkaiOptionsOf(req.payload).slugs[collection]
  const result = await req.payload.find({ depth: 0, overrideAccess: true, ...options, collection: slug, req })
  return { docs: result.docs as GongkaiDocuments[K][], totalDocs: result.totalDocs }
}

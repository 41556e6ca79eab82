import type { components, operations } from '../generated/policy-library.js'

type Schemas = components['schemas']

/** A document as the library stores and serves it. */
export type PolicyDocument = Schemas['Document']
/** What a publisher pushes (`PUT /v1/documents/{contentId}`). */
export type DocumentInput = Schemas['DocumentInput']
/** One search hit, with `<mark>`-highlighted title and snippet. */
export type DocumentSummary = Schemas['DocumentSummary']
export type SearchResponse = Schemas['SearchResponse']
export type Facets = Schemas['Facets']
export type FacetBucket = Schemas['FacetBucket']
/** Filters, sort and paging of `GET /v1/documents`. */
export type SearchParams = NonNullable<operations['searchDocuments']['parameters']['query']>
export type BatchItem = Schemas['BatchItem']
export type BatchResponse = Schemas['BatchResponse']
export type BatchResult = Schemas['BatchResult']
export type WithdrawalRequest = Schemas['WithdrawalRequest']
export type ValidityChangeRequest = Schemas['ValidityChangeRequest']
export type DocumentEvent = Schemas['Event']
/** Body of `deleteDocument`: why a document published in error is deleted (删除). */
export type DeletionRequest = Schemas['DeletionRequest']
/** Body of `redactVersion`: why one superseded version's text is erased (抹除). */
export type RedactionRequest = Schemas['RedactionRequest']
/** What the library keeps of a deleted document: metadata for audit, no text and no title. */
export type DeletedDocument = Schemas['DeletedDocument']
/** What the library keeps of a redacted version. */
export type RedactedVersion = Schemas['RedactedVersion']
export type Deletion = Schemas['Deletion']
export type Redaction = Schemas['Redaction']
/** How to cite a withdrawn or deleted document, or the document of a redacted version. */
export type GoneDocument = Schemas['GoneDocument']
/** The library's 410 answer: `removal` says why, with the withdrawal notice, deletion or redaction record. */
export type GoneProblem = Schemas['GoneProblem']
/** RFC 9457 problem details, with `errors` naming every invalid field. */
export type Problem = Schemas['Problem']
export type DocumentKind = Schemas['DocumentKind']
export type Validity = Schemas['Validity']

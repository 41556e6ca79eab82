import type { components } from '../generated/openapi.js'

/**
 * The library's request and response types, generated from `openapi/openapi.json` (as the SDK's are):
 * written once, in the document requests are validated against.
 */
type Schemas = components['schemas']

/** What a publisher pushes (`DocumentInput`). */
export type DocumentInput = Schemas['DocumentInput']
/** A document as the API answers it (`Document`). */
export type StoredDocument = Schemas['Document']
export type AgencyRef = Schemas['AgencyRef']
export type Agency = Schemas['Agency']
export type AgencyInput = Schemas['AgencyInput']
export type Token = Schemas['Token']
export type CreatedToken = Schemas['CreatedToken']
export type DocumentEvent = Schemas['Event']
export type EventList = Schemas['EventList']
export type WithdrawalRequest = Schemas['WithdrawalRequest']
export type ValidityChangeRequest = Schemas['ValidityChangeRequest']
export type BatchRequest = Schemas['BatchRequest']
export type BatchResponse = Schemas['BatchResponse']
export type BatchResult = Schemas['BatchResult']
export type SearchResponse = Schemas['SearchResponse']
export type DocumentSummary = Schemas['DocumentSummary']
export type FacetBucket = Schemas['FacetBucket']
/** 删除: why and when a document published in error was erased, and by whom (an agency id or `admin`). */
export type Deletion = Schemas['Deletion']
/** 删除 leaves this in place of the document: identifying metadata for audit, no text and no title. */
export type DeletedDocument = Schemas['DeletedDocument']
export type DeletionRequest = Schemas['DeletionRequest']
/** 抹除: one superseded version's text erased (e.g. personal data masked in a later correction). */
export type Redaction = Schemas['Redaction']
/** What a redacted version keeps in `document_versions`. */
export type RedactedVersion = Schemas['RedactedVersion']
export type RedactionRequest = Schemas['RedactionRequest']
/** What the library still tells about a document that is gone: who issued it and how to cite it. */
export type GoneDocument = Schemas['GoneDocument']
/** The 410 answer for a withdrawn or deleted document, or a redacted version. */
export type GoneProblem = Schemas['GoneProblem']
/** RFC 9457 problem details. */
export type Problem = Schemas['Problem']
/** One invalid field of a request (RFC 9457 `errors` extension member). */
export type FieldError = Schemas['ProblemFieldError']

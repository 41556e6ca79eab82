import type { components, operations } from '../generated/policy-library'

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
/** RFC 9457 problem details, with `errors` naming every invalid field. */
export type Problem = Schemas['Problem']
export type DocumentKind = Schemas['DocumentKind']
export type Validity = Schemas['Validity']

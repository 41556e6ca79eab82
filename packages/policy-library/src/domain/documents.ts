import type { AgencyRef, DocumentInput, StoredDocument } from './types.js'

const optionalFields = [
  'indexNumber',
  'documentNumber',
  'documentType',
  'isNormative',
  'interpretationForm',
  'writtenAt',
  'expiresAt',
  'summary',
  'bodyHtml',
  'url',
] as const

/** Builds the stored form of a pushed document. */
export function buildDocument({
  contentId,
  input,
  issuers,
  defaultValidity,
  createdAt,
  updatedAt,
}: {
  contentId: string
  input: DocumentInput
  issuers: AgencyRef[]
  defaultValidity: string
  createdAt: string
  updatedAt: string
}): StoredDocument {
  const document: StoredDocument = {
    contentId,
    version: input.version,
    status: 'published',
    kind: input.kind,
    title: input.title,
    issuers,
    topics: input.topics ?? [],
    subjectWords: input.subjectWords ?? [],
    publishedAt: input.publishedAt,
    validity: input.validity ?? defaultValidity,
    bodyText: input.bodyText,
    attachments: input.attachments ?? [],
    links: input.links ?? {},
    withdrawal: null,
    createdAt,
    updatedAt,
  }
  for (const field of optionalFields) {
    const value = input[field]
    if (value !== undefined) Object.assign(document, { [field]: value })
  }
  return document
}

/** The text a document is found by, besides its title. */
export function searchableBody(document: StoredDocument): string {
  return [document.documentNumber, document.subjectWords.join(' '), document.summary, document.bodyText]
    .filter((part) => part)
    .join('\n')
}

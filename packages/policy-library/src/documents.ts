/** What a publisher pushes (`DocumentInput` in the OpenAPI document). */
export type DocumentInput = {
  version: number
  previousVersion?: number | null
  kind: 'policy' | 'interpretation' | 'decision'
  title: string
  indexNumber?: string
  /** 发文字号, e.g. 津武政办发〔2022〕12号 */
  documentNumber?: string
  /** 文种 */
  documentType?: string
  /** 规范性文件 */
  isNormative?: boolean
  /** 解读形式, for interpretations */
  interpretationForm?: string
  /** 发文机关: agency ids, lead first. */
  issuers: string[]
  /** 主题分类 codes */
  topics?: string[]
  /** 主题词 */
  subjectWords?: string[]
  /** 成文日期 */
  writtenAt?: string
  /** 发布日期 */
  publishedAt: string
  /** 有效性 */
  validity?: string
  /** 失效日期 */
  expiresAt?: string
  summary?: string
  bodyHtml?: string
  bodyText: string
  attachments?: { title: string; url: string; mediaType?: string; byteSize?: number }[]
  links?: Partial<Record<'interprets' | 'interpretations' | 'decisions' | 'resultingPolicies' | 'supersedes' | 'supersededBy', string[]>>
  url?: string
}

export type AgencyRef = { id: string; name: string }

/** A document as the API answers it (`Document` in the OpenAPI document). */
export type StoredDocument = Omit<DocumentInput, 'previousVersion' | 'issuers'> & {
  contentId: string
  status: 'published' | 'withdrawn'
  issuers: AgencyRef[]
  topics: string[]
  subjectWords: string[]
  validity: string
  validityChangedAt?: string
  attachments: NonNullable<DocumentInput['attachments']>
  links: NonNullable<DocumentInput['links']>
  withdrawal: { notice: string; withdrawnAt: string } | null
  createdAt: string
  updatedAt: string
}

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

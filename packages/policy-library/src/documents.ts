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
  /** 决策专栏, for a decision only (`DecisionDossier` in the OpenAPI document). */
  dossier?: DecisionDossier
}

type AdoptionCounts = { total: number; adopted: number; partiallyAdopted: number; notAdopted: number; pending: number; summary: string }

/**
 * 决策专栏 of a 重大行政决策 (`DecisionDossier` in the OpenAPI document): steps with dates, the published
 * sections, comment statistics, implementation and public participation records. Stored as pushed, inside
 * the document, so versions, withdrawal, deletion and redaction treat it like the rest of the document.
 */
export type DecisionDossier = {
  stage: string
  catalogueYear?: number
  catalogueNumber?: string
  steps: { step: string; status: 'complete' | 'incomplete' | 'withheld'; date?: string; endDate?: string }[]
  sections: { section: string; title: string; html?: string; text: string }[]
  consultation?: { consultationForm: string; startDate?: string; endDate?: string; shortenedReason?: string; noticeContentId?: string; noticeTitle?: string }
  comments: { adoption: AdoptionCounts; entries: { summary: string; adoption: string; adoptionReason?: string }[] }
  legalityConclusion?: string
  decisionMeeting?: { meetingDate?: string; meetingKind?: string; meetingName?: string }
  implementation: { date: string; recordKind: string; content: string }[]
  participation: {
    participationKind: string
    meetingName: string
    meetingDate: string
    meetingKind?: string
    selectionMethod?: string
    selectionNote?: string
    publicSummary?: string
    participants: { displayName: string; sector?: string; selectionMethod?: string }[]
    opinions: { speaker: string; content: string; adoption: string; adoptionReason?: string }[]
    adoption: AdoptionCounts
  }[]
}

/** The 视情况公开 sections and the step each belongs to. */
const disclosedSectionSteps: Record<string, string> = { expertReview: 'expert_review', riskAssessment: 'risk_assessment', effectEvaluation: 'post_evaluation' }

/**
 * What the schema cannot say about a dossier: it belongs to a decision, each section and step appears
 * once, and a section whose step is `withheld` (chosen 不公开) is not sent at all.
 */
export function dossierErrors(input: DocumentInput): { pointer: string; detail: string; rule: string }[] {
  const dossier = input.dossier
  if (!dossier) return []
  if (input.kind !== 'decision') return [{ pointer: '/dossier', detail: '决策专栏（/dossier）只能随重大决策（kind 为 decision）推送', rule: 'dossierKind' }]
  const errors: { pointer: string; detail: string; rule: string }[] = []
  const withheld = new Set(dossier.steps.filter((step) => step.status === 'withheld').map((step) => step.step))
  const steps = new Set<string>()
  dossier.steps.forEach((step, index) => {
    if (steps.has(step.step)) errors.push({ pointer: `/dossier/steps/${index}/step`, detail: `决策程序环节（/dossier/steps/${index}/step）${step.step} 重复出现`, rule: 'unique' })
    steps.add(step.step)
  })
  const sections = new Set<string>()
  dossier.sections.forEach((section, index) => {
    const pointer = `/dossier/sections/${index}/section`
    if (sections.has(section.section)) errors.push({ pointer, detail: `专栏文件（${pointer}）${section.section} 重复出现`, rule: 'unique' })
    sections.add(section.section)
    const step = disclosedSectionSteps[section.section]
    if (step && withheld.has(step)) errors.push({ pointer, detail: `专栏文件（${pointer}）${section.section} 所属环节标为不公开（withheld），不得推送其内容`, rule: 'withheldSection' })
  })
  return errors
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
  'dossier',
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

import type { AgencyRef, DocumentInput, FieldError, StoredDocument } from './types.js'

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

/** The 视情况公开 sections of a 决策专栏 and the step each belongs to. */
const disclosedSectionSteps: Record<string, string> = { expertReview: 'expert_review', riskAssessment: 'risk_assessment', effectEvaluation: 'post_evaluation' }

/** The steps a decision may mark 不适用 (专家论证, 风险评估) and the section each would have had. */
const notApplicableSteps: Record<string, string> = { expert_review: 'expertReview', risk_assessment: 'riskAssessment' }

/**
 * What the schema cannot say about a 决策专栏 (`dossier`): it belongs to a decision, each section and step
 * appears once, a section whose step is `withheld` (chosen 不公开) or `not_applicable` (不适用) is not sent at
 * all, and only 专家论证 and 风险评估 can be not applicable — with their reason, which no other step carries.
 */
export function dossierErrors(input: DocumentInput): FieldError[] {
  const dossier = input.dossier
  if (!dossier) return []
  if (input.kind !== 'decision') return [{ pointer: '/dossier', detail: '决策专栏（/dossier）只能随重大决策（kind 为 decision）推送', rule: 'dossierKind' }]
  const errors: FieldError[] = []
  const withheld = new Set<string>(dossier.steps.filter((step) => step.status === 'withheld').map((step) => step.step))
  const steps = new Set<string>()
  dossier.steps.forEach((step, index) => {
    const pointer = `/dossier/steps/${index}/step`
    if (steps.has(step.step)) errors.push({ pointer, detail: `决策程序环节（${pointer}）${step.step} 重复出现`, rule: 'unique' })
    steps.add(step.step)
    const reasonPointer = `/dossier/steps/${index}/notApplicableReason`
    if (step.status === 'not_applicable' && !(step.step in notApplicableSteps))
      errors.push({ pointer: `/dossier/steps/${index}/status`, detail: `决策程序环节（/dossier/steps/${index}/status）${step.step} 不能标为不适用，只有专家论证、风险评估可以`, rule: 'notApplicableStep' })
    else if (step.status === 'not_applicable' && step.notApplicableReason === undefined)
      errors.push({ pointer: reasonPointer, detail: `不适用理由（${reasonPointer}）在环节标为不适用时必须填写`, rule: 'required' })
    if (step.status !== 'not_applicable' && step.notApplicableReason !== undefined)
      errors.push({ pointer: reasonPointer, detail: `不适用理由（${reasonPointer}）只能随标为不适用（not_applicable）的环节推送`, rule: 'notApplicableReason' })
  })
  const notApplicable = new Set<string>(dossier.steps.filter((step) => step.status === 'not_applicable').map((step) => notApplicableSteps[step.step]).filter((section) => section !== undefined))
  const sections = new Set<string>()
  dossier.sections.forEach((section, index) => {
    const pointer = `/dossier/sections/${index}/section`
    if (sections.has(section.section)) errors.push({ pointer, detail: `专栏文件（${pointer}）${section.section} 重复出现`, rule: 'unique' })
    sections.add(section.section)
    const step = disclosedSectionSteps[section.section]
    if (step && withheld.has(step)) errors.push({ pointer, detail: `专栏文件（${pointer}）${section.section} 所属环节标为不公开（withheld），不得推送其内容`, rule: 'withheldSection' })
    if (notApplicable.has(section.section))
      errors.push({ pointer, detail: `专栏文件（${pointer}）${section.section} 所属环节标为不适用（not_applicable），不得推送其内容`, rule: 'notApplicableSection' })
  })
  return errors
}

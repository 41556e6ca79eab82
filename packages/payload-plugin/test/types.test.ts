import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import type { SanitizedConfig } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { defaultSlugs, gongkaiPlugin } from '../src/index.js'
import type {
  Agency,
  Attachment,
  Decision,
  GongkaiCollectionKey,
  ImplementationRecord,
  Interpretation,
  Opinion,
  Participant,
  Participation,
  Policy,
  PublicComment,
  Registration,
  Topic,
} from '../src/types.js'

// Every key of a document type, listed once. `satisfies Record<keyof …>` makes the type checker fail when a
// key is missing or extra, and the tests below fail when the collection's fields differ: types.ts, the
// collections and this list cannot drift apart.
type Own<T> = Exclude<keyof T, 'id' | 'createdAt' | 'updatedAt' | '_status'>
const keysOf = <T>(keys: Record<Own<T>, true>) => Object.keys(keys).sort()

// Added by the editorial workflow and 保密审查 to the four document collections.
const workflowKeys = { workflowState: true, workflow: true, lastEditedBy: true, contentChangedAt: true, confidentialityReview: true, ruleWarnings: true } as const
// 推送渠道, on the collections that are delivered (not participation records).
const deliveryKeys = { deliveryChannels: true } as const

const documentKeys: Partial<Record<GongkaiCollectionKey, string[]>> = {
  agencies: keysOf<Agency>({ name: true, shortName: true, agencyCode: true, organizationCode: true, organizationCodeKind: true, parent: true }),
  topics: keysOf<Topic>({ name: true, code: true, fullName: true, parent: true }),
  policies: keysOf<Policy>({
    title: true, documentNumber: true, documentNumberCorrections: true, indexNumber: true, issuingAgency: true, jointIssuers: true,
    writtenDate: true, publishDate: true, documentType: true, topic: true, keywords: true, validity: true, expiryDate: true,
    supersededBy: true, supersedes: true, disclosure: true, nonDisclosureReason: true, nonDisclosureExplanation: true,
    classification: true, isNormative: true, needsInterpretation: true, summary: true, body: true, attachments: true, interpretations: true,
    ...workflowKeys, ...deliveryKeys, nextDisclosureReviewDate: true, validityHistory: true,
  }),
  interpretations: keysOf<Interpretation>({
    title: true, policies: true, form: true, interpretingAgency: true, interpreterName: true, summary: true, body: true, media: true, videoUrl: true,
    ...workflowKeys, ...deliveryKeys, policyValidity: true,
  }),
  decisions: keysOf<Decision>({
    catalogueYear: true, catalogueNumber: true, title: true, responsibleAgency: true, stage: true, draftText: true,
    draftingExplanation: true, background: true, draftTextAttachments: true, draftingExplanationAttachments: true,
    backgroundAttachments: true, expertReviewNotApplicable: true, expertReviewNotApplicableReason: true,
    riskAssessmentNotApplicable: true, riskAssessmentNotApplicableReason: true, consultationForm: true, commentPeriodStart: true, commentPeriodEnd: true,
    shortenedPeriodReason: true, commentNotice: true, publicComments: true, adoptionSummary: true,
    expertReview: true, expertReviewDate: true, expertReviewDisclosure: true, expertReviewNonDisclosureReason: true,
    riskAssessment: true, riskAssessmentDate: true, riskAssessmentDisclosure: true, riskAssessmentNonDisclosureReason: true,
    legalityReview: true, legalityReviewDate: true, legalityReviewConclusion: true, meeting: true, result: true,
    implementationRecords: true, effectEvaluation: true, effectEvaluationDate: true, effectEvaluationDisclosure: true,
    effectEvaluationNonDisclosureReason: true, participationRecords: true, resultingPolicies: true,
    ...workflowKeys, ...deliveryKeys,
  }),
  participation: keysOf<Participation>({
    kind: true, meetingName: true, meetingDate: true, decision: true, meetingKind: true, selectionMethod: true, selectionDate: true,
    selectionNote: true, agency: true, participants: true, opinions: true, opinionAdoptionSummary: true, publicSummary: true,
    ...workflowKeys,
  }),
  registrations: keysOf<Registration>({
    participation: true, agency: true, name: true, phone: true, idNumber: true, sector: true, statement: true, registeredAt: true,
    status: true, displayName: true, selectionReason: true,
  }),
}

let config: SanitizedConfig

beforeAll(async () => {
  // Building the config does not connect to the database.
  config = await buildConfig({
    secret: 'types-test',
    telemetry: false,
    editor: lexicalEditor(),
    db: postgresAdapter({ pool: { connectionString: 'postgres://unused@127.0.0.1:1/unused' } }),
    plugins: [gongkaiPlugin()],
  })
})

function fieldNames(slug: string, path: string[] = []): string[] {
  const collection = config.collections.find((candidate) => candidate.slug === slug)
  if (!collection) throw new Error(`no collection ${slug}`)
  let fields = collection.flattenedFields
  for (const name of path) {
    const field = fields.find((candidate) => candidate.name === name)
    if (!field || !('flattenedFields' in field)) throw new Error(`no nested fields at ${name}`)
    fields = field.flattenedFields
  }
  const builtIn = new Set(['id', 'createdAt', 'updatedAt', '_status', 'url', 'thumbnailURL', 'filename', 'mimeType', 'filesize', 'width', 'height', 'focalX', 'focalY'])
  return fields.map((field) => field.name).filter((name) => !builtIn.has(name)).sort()
}

describe('exported document types', () => {
  it.each(Object.entries(documentKeys))('match the fields of %s', (key, keys) => {
    expect(fieldNames(defaultSlugs[key as GongkaiCollectionKey])).toEqual(keys)
  })

  it('match the fields of array rows and the attachments collection', () => {
    expect(fieldNames(defaultSlugs.decisions, ['publicComments'])).toEqual(
      keysOf<PublicComment>({ summary: true, receivedDate: true, adoption: true, adoptionReason: true }),
    )
    expect(fieldNames(defaultSlugs.decisions, ['implementationRecords'])).toEqual(
      keysOf<ImplementationRecord>({ date: true, kind: true, content: true }),
    )
    expect(fieldNames(defaultSlugs.participation, ['participants'])).toEqual(
      keysOf<Participant>({ displayName: true, selectionMethod: true, sector: true }),
    )
    expect(fieldNames(defaultSlugs.participation, ['opinions'])).toEqual(
      keysOf<Opinion>({ speaker: true, content: true, adoption: true, adoptionReason: true }),
    )
    expect(fieldNames(defaultSlugs.attachments)).toEqual(
      keysOf<Omit<Attachment, 'url' | 'filename' | 'mimeType' | 'filesize'>>({ title: true, uploadingAgency: true, textExtraction: true, manualReview: true }),
    )
  })
})

import { createTestDatabase, type TestDatabase } from '@gongkai/dev-postgres'
import { createPolicyLibrary, type PolicyLibrary } from '@gongkai/policy-library'
import { type PostgresAdapter } from '@payloadcms/db-postgres'
import { getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { sampleDecisionTitle, sampleNoticeTitle } from '../src/seed/seedSampleDecision'
import { samplePolicyTitle } from '../src/seed/seedSampleContent'

const adminToken = 'cms-delivery-test-admin-token-0123456789'

type DossierDocument = {
  title: string
  dossier: {
    steps: { step: string; status: string; date?: string }[]
    sections: { section: string }[]
    participation: { participants: { displayName: string; sector?: string }[]; adoption: { summary: string } }[]
    comments: { adoption: { summary: string } }
  } & Record<string, unknown>
}

describe('first start with the policy library', () => {
  let database: TestDatabase
  let libraryDatabase: TestDatabase
  let library: PolicyLibrary
  let libraryUrl: string
  let payload: Payload

  beforeAll(async () => {
    database = await createTestDatabase('cms_delivery')
    libraryDatabase = await createTestDatabase('cms_delivery_library')
    library = createPolicyLibrary({ databaseUrl: libraryDatabase.url, adminToken, logger: { level: 'silent' }, rateLimit: false, syncIntervalMs: 50 })
    libraryUrl = (await library.listen({ port: 0, host: '127.0.0.1' })).url
    // What scripts/start.mjs hands the CMS.
    process.env.DATABASE_URL = database.url
    process.env.PAYLOAD_SECRET = 'cms-delivery-test'
    process.env.GONGKAI_LIBRARY_URL = libraryUrl
    process.env.GONGKAI_LIBRARY_ADMIN_TOKEN = adminToken
    process.env.GONGKAI_SEED_SAMPLE = 'true'
    const { default: config } = await import('../src/payload.config')
    payload = await getPayload({ config, disableOnInit: true, key: 'cms-delivery' } as Parameters<typeof getPayload>[0])
    const { migrations } = await import('../src/migrations')
    await payload.db.migrate({ migrations: migrations as never })
    // The server's start: migrations first, then onInit (topics, the sample notice, the delivery worker).
    await payload.config.onInit?.(payload)
  }, 240_000)

  afterAll(async () => {
    const pool = (payload?.db as unknown as PostgresAdapter | undefined)?.pool
    await payload?.destroy()
    pool?.on('error', () => {})
    void pool?.end()
    await library?.close()
    await database?.drop()
    await libraryDatabase?.drop()
  })

  it('registers the sample agency in the library and delivers the seeded policy, searchable', async () => {
    const { docs } = await payload.find({ collection: 'policies', where: { title: { equals: samplePolicyTitle } }, limit: 1, overrideAccess: true })
    const policy = docs[0]!
    const read = async (path: string) => {
      const response = await fetch(`${libraryUrl}${path}`)
      return response.ok ? ((await response.json()) as Record<string, unknown>) : undefined
    }
    const deadline = Date.now() + 60_000
    let stored = await read(`/v1/documents/policies-${policy.id}`)
    while (!stored && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      stored = await read(`/v1/documents/policies-${policy.id}`)
    }
    expect(stored).toMatchObject({ version: 1, kind: 'policy', title: policy.title })
    expect((stored?.issuers as { id: string }[]).map((issuer) => issuer.id)).toEqual(['11120114mb1234562n'])
    const search = await read(`/v1/documents?q=${encodeURIComponent('政务公开工作要点')}`)
    expect((search?.items as { contentId: string }[]).map((item) => item.contentId)).toContain(`policies-${policy.id}`)
    // The worker records the outcome after the library has answered: wait for the record, not only the library.
    const states = async () =>
      (await payload.find({ collection: 'deliveries', sort: 'id', overrideAccess: true })).docs.map((delivery) => [delivery.documentCollection, delivery.target, delivery.state])
    await expect.poll(states, { timeout: 60_000 }).toEqual([
      ['policies', 'library', 'delivered'],
      ['policies', 'library', 'delivered'],
      ['decisions', 'library', 'delivered'],
    ])
  })

  it('delivers the seeded decision with its 决策专栏: steps, 公告, comments and the 列席 record, without the 不公开 风险评估', async () => {
    const { docs } = await payload.find({ collection: 'decisions', where: { title: { equals: sampleDecisionTitle } }, limit: 1, overrideAccess: true })
    const decision = docs[0]!
    const { docs: notices } = await payload.find({ collection: 'policies', where: { title: { equals: sampleNoticeTitle } }, limit: 1, overrideAccess: true })
    // The library's dossier read, as the SDK's getDossier and the department site make it.
    const dossierUrl = `${libraryUrl}/v1/documents/decisions-${decision.id}/dossier`
    await expect.poll(async () => (await fetch(dossierUrl)).status, { timeout: 60_000 }).toBe(200)
    const stored = (await (await fetch(dossierUrl)).json()) as DossierDocument
    expect(stored).toMatchObject({ title: sampleDecisionTitle, issuers: [{ id: '11120114mb1234570h', name: '武清区教育局' }] })
    const { dossier } = stored
    expect(dossier).toMatchObject({ stage: 'implementing', catalogueYear: 2022, catalogueNumber: '2', legalityConclusion: 'lawful' })
    expect(dossier.steps.map((step) => [step.step, step.status, step.date ?? null])).toEqual([
      ['public_participation', 'complete', '2022-07-15'],
      ['expert_review', 'complete', '2022-08-25'],
      ['risk_assessment', 'withheld', '2022-08-30'],
      ['legality_review', 'complete', '2022-09-05'],
      ['collective_decision', 'complete', '2022-09-15'],
      ['publication', 'complete', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/u)],
      ['implementation', 'complete', '2022-12-01'],
      ['post_evaluation', 'incomplete', null],
    ])
    expect(dossier.consultation).toMatchObject({ consultationForm: 'public_solicitation', noticeContentId: `policies-${notices[0]!.id}`, noticeTitle: sampleNoticeTitle })
    expect(dossier.comments.adoption.summary).toBe('共收到意见 3 条：采纳 1 条，部分采纳 1 条，未采纳 1 条。')
    expect(dossier.participation).toHaveLength(1)
    expect(dossier.participation[0]).toMatchObject({ meetingName: '区政府第12次常务会议', meetingDate: '2022-09-15', selectionMethod: 'open_registration' })
    expect(dossier.participation[0]?.participants.map((participant) => [participant.displayName, participant.sector])).toEqual([
      ['家长代表甲', 'resident'],
      ['人大代表乙', 'deputy'],
      ['教育界代表丙', 'expert'],
    ])
    expect(dossier.participation[0]?.adoption.summary).toBe('共收到列席人员意见 3 条：采纳 2 条，部分采纳 1 条。')
    expect(dossier.sections.map((section) => section.section)).not.toContain('riskAssessment')
    expect(await (await fetch(`${libraryUrl}/v1/documents/decisions-${decision.id}`)).text()).not.toContain('分流安置预案')
  })
})

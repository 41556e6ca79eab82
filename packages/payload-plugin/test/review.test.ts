/* eslint-disable @typescript-eslint/no-explicit-any -- the admin test walks Payload's sanitized field configs */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { hasBlockingFindings, scanDocument } from '../src/review/checkConfidentiality.js'
import {
  getConfidentialityFindings,
  isConfidentialityReviewCurrent,
  maskConfidentialityFindings,
  recordConfidentialityReview,
} from '../src/review/reviewActions.js'
import type { AccessWorld } from './support/accessWorld.js'
import { createAccessWorld, password } from './support/accessWorld.js'
import { day, lexicalText } from './support/fixtures.js'
import { startRestServer } from './support/rest.js'
import type { RestServer } from './support/rest.js'
import { startPayload } from './support/startPayload.js'
import type { StartedPayload } from './support/startPayload.js'

const residentId = '11010519491231002X'
const key = 'gongkai-review'
let started: StartedPayload
let world: AccessWorld
let server: RestServer

beforeAll(async () => {
  started = await startPayload({ key })
  world = await createAccessWorld(started.payload)
  server = await startRestServer({ payload: started.payload, payloadInstanceCacheKey: key })
})

afterAll(async () => {
  await server?.close()
  await started?.stop()
})

const configOf = (slug: string) => world.payload.collections[slug]!.config

/** A policy draft of agency A with a valid ID number in the body and a mobile number in the summary. */
async function policyWithPersonalData(extra: Record<string, unknown> = {}) {
  const data = await world.dataFor('policies', world.agencyA)
  return world.payload.create({
    collection: 'policies',
    data: {
      ...data,
      summary: '联系人手机13812345678',
      body: lexicalText(`申请人张三，身份证号${residentId}，邮箱zhangsan@example.com`),
      ...extra,
    },
    draft: true,
    depth: 0,
  })
}

async function auditEntries(documentId: number | string) {
  return (await world.payload.find({ collection: 'gongkai-audit-log', where: { documentId: { equals: String(documentId) } }, depth: 0 })).docs
}

async function versionCount(collection: string, id: number | string) {
  return (await world.payload.countVersions({ collection, where: { parent: { equals: id } } })).totalDocs
}

describe('scanDocument', () => {
  it('reports each finding with the path of the field it is in: rich text, textarea, arrays and groups', async () => {
    const decision = await world.payload.create({
      collection: 'decisions',
      data: {
        ...(await world.dataFor('decisions', world.agencyA)),
        draftText: lexicalText(`第一条 申请人身份证号${residentId}`),
        publicComments: [
          { summary: '同意', adoption: 'adopted' },
          { summary: '请回电13912345678', adoption: 'adopted' },
        ],
        meeting: { name: '机密★10年 区政府常务会议' },
      },
      draft: true,
      depth: 0,
    })
    const findings = scanDocument({ collectionConfig: configOf('decisions'), doc: decision })
    expect(findings.map((finding) => [finding.fieldPath, finding.kind, finding.severity, finding.masked])).toEqual([
      ['draftText', 'resident_id', 'blocking', '11*************02X'],
      ['publicComments.1.summary', 'mobile', 'blocking', '139****5678'],
      ['meeting.name', 'classification_mark', 'blocking', '机密★10年'],
    ])
    expect(hasBlockingFindings(findings)).toBe(true)
  })

  it('finds personal data in participation opinions and reports a 密级 other than 非密', async () => {
    const record = {
      meetingName: '听证会',
      opinions: [{ speaker: '居民代表甲', content: '我的邮箱是 lisi@example.com', adoption: 'adopted' }],
    }
    expect(scanDocument({ collectionConfig: configOf('participation'), doc: record }).map((finding) => [finding.fieldPath, finding.kind])).toEqual([
      ['opinions.0.content', 'email'],
    ])
    const classified = scanDocument({ collectionConfig: configOf('policies'), doc: { title: '通知', classification: 'confidential' } })
    expect(classified).toMatchObject([{ fieldPath: 'classification', severity: 'blocking', message: expect.stringContaining('密级为“机密”') }])
    expect(hasBlockingFindings(scanDocument({ collectionConfig: configOf('policies'), doc: { title: '通知', classification: 'unclassified' } }))).toBe(false)
  })
})

describe('recording a 保密审查', () => {
  it('refuses “passed” while blocking findings remain, naming each field and finding, and writes nothing', async () => {
    const policy = await policyWithPersonalData({ classification: 'secret' })
    const versionsBefore = await versionCount('policies', policy.id)
    const error = await recordConfidentialityReview({
      payload: world.payload,
      user: world.users.reviewerA,
      collection: 'policies',
      id: policy.id,
      conclusion: 'passed',
      basis: '依据《保守国家秘密法》审查',
    }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ status: 400 })
    const errors = (error as { data: { errors: { path: string; message: string }[] } }).data.errors
    expect(errors.map((item) => item.path)).toEqual(['classification', 'summary', 'body'])
    expect(errors[0]?.message).toContain('保密审查不能通过：“密级”中密级为“秘密”')
    expect(errors[1]?.message).toContain('保密审查不能通过：“摘要”中发现手机号码')
    expect(errors[2]?.message).toContain('保密审查不能通过：“正文”中发现居民身份证号')
    const stored = await world.payload.findByID({ collection: 'policies', id: policy.id, draft: true, depth: 0 })
    expect(stored.confidentialityReview?.conclusion ?? null).toBeNull()
    expect(await versionCount('policies', policy.id)).toBe(versionsBefore)
  })

  it('records reviewer, time, conclusion, basis and the reviewed version; a later text change makes it stale', async () => {
    const data = await world.dataFor('policies', world.agencyA)
    const policy = await world.payload.create({ collection: 'policies', data: { ...data, summary: '咨询电话022-12345678' }, draft: true, depth: 0 })
    const { review } = await recordConfidentialityReview({
      payload: world.payload,
      user: world.users.reviewerA,
      collection: 'policies',
      id: policy.id,
      conclusion: 'passed',
      basis: '经审查不涉及国家秘密、商业秘密和个人隐私',
    })
    const stored = await world.payload.findByID({ collection: 'policies', id: policy.id, draft: true, depth: 0 })
    expect(stored.confidentialityReview).toMatchObject({
      reviewer: world.users.reviewerA?.id,
      conclusion: 'passed',
      basis: '经审查不涉及国家秘密、商业秘密和个人隐私',
      reviewedVersionUpdatedAt: policy.updatedAt,
    })
    expect(new Date(stored.confidentialityReview!.reviewedAt!).toISOString()).toBe(review.reviewedAt)
    expect(isConfidentialityReviewCurrent({ collectionConfig: configOf('policies'), doc: stored })).toBe(true)

    const changed = await world.payload.update({ collection: 'policies', id: policy.id, data: { summary: '咨询电话022-87654321' }, draft: true, depth: 0 })
    expect(isConfidentialityReviewCurrent({ collectionConfig: configOf('policies'), doc: changed })).toBe(false)
  })

  it('accepts “failed” with blocking findings, and requires a basis and a valid conclusion', async () => {
    const policy = await policyWithPersonalData()
    await recordConfidentialityReview({ payload: world.payload, user: world.users.reviewerA, collection: 'policies', id: policy.id, conclusion: 'failed', basis: '正文含身份证号' })
    expect((await world.payload.findByID({ collection: 'policies', id: policy.id, draft: true, depth: 0 })).confidentialityReview?.conclusion).toBe('failed')
    const error = await recordConfidentialityReview({
      payload: world.payload,
      user: world.users.reviewerA,
      collection: 'policies',
      id: policy.id,
      conclusion: 'approved' as never,
      basis: ' ',
    }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({
      status: 400,
      data: { errors: [{ path: 'conclusion', message: expect.stringContaining('审查结论须为') }, { path: 'basis', message: expect.stringContaining('须填写审查依据') }] },
    })
  })

  it.each([
    ['editorA', '撰稿 of the agency'],
    ['publisherA', '签发 of the agency'],
    ['memberless', 'a user without roles'],
  ] as const)('refuses %s (%s) and writes nothing', async (actor, _role) => {
    const data = await world.dataFor('policies', world.agencyA)
    const policy = await world.payload.create({ collection: 'policies', data, draft: true, depth: 0 })
    const error = await recordConfidentialityReview({ payload: world.payload, user: world.users[actor], collection: 'policies', id: policy.id, conclusion: 'passed', basis: '审查' }).catch(
      (caught: unknown) => caught,
    )
    expect(error).toMatchObject({ status: 403, message: '只有文件所属机关的审核人员或站点管理员可以进行保密审查' })
    expect((await world.payload.findByID({ collection: 'policies', id: policy.id, draft: true, depth: 0 })).confidentialityReview?.conclusion ?? null).toBeNull()
  })

  it('refuses a reviewer of another agency and accepts a site administrator', async () => {
    const reviewerB = await world.payload.create({
      collection: 'users',
      data: { email: 'reviewer-b@example.gov.cn', password, agencyRoles: [{ agency: world.agencyB, roles: ['reviewer'] }] },
    })
    const data = await world.dataFor('decisions', world.agencyA)
    const decision = await world.payload.create({ collection: 'decisions', data, draft: true, depth: 0 })
    await expect(
      recordConfidentialityReview({ payload: world.payload, user: { ...reviewerB, collection: 'users' }, collection: 'decisions', id: decision.id, conclusion: 'passed', basis: '审查' }),
    ).rejects.toMatchObject({ status: 403 })
    const { review } = await recordConfidentialityReview({ payload: world.payload, user: world.users.admin, collection: 'decisions', id: decision.id, conclusion: 'passed', basis: '站点管理员审查' })
    expect(review.conclusion).toBe('passed')
  })

  it('cannot be written by saving the document', async () => {
    const data = await world.dataFor('policies', world.agencyA)
    const policy = await world.payload.create({ collection: 'policies', data, draft: true, depth: 0, overrideAccess: false, user: world.users.editorA as never })
    await world.payload.update({
      collection: 'policies',
      id: policy.id,
      data: { confidentialityReview: { conclusion: 'passed', basis: '自己审自己', reviewedContentHash: 'x' } },
      draft: true,
      overrideAccess: false,
      user: world.users.editorA as never,
    })
    expect((await world.payload.findByID({ collection: 'policies', id: policy.id, draft: true, depth: 0 })).confidentialityReview?.conclusion ?? null).toBeNull()
  })
})

describe('一键脱敏 (mask all findings)', () => {
  it('masks every ID, mobile and e-mail in one new version and writes a mask audit entry without the originals', async () => {
    const policy = await policyWithPersonalData()
    const versionsBefore = await versionCount('policies', policy.id)
    const result = await maskConfidentialityFindings({ payload: world.payload, user: world.users.reviewerA, collection: 'policies', id: policy.id })
    expect(result.masked.map((item) => [item.fieldPath, item.kind, item.masked])).toEqual([
      ['summary', 'mobile', '138****5678'],
      ['body', 'resident_id', '11*************02X'],
      ['body', 'email', 'z***@example.com'],
    ])
    expect(result.remaining).toEqual([])
    const stored = await world.payload.findByID({ collection: 'policies', id: policy.id, draft: true, depth: 0 })
    expect(stored.summary).toBe('联系人手机138****5678')
    expect(JSON.stringify(stored.body)).toContain('申请人张三，身份证号11*************02X，邮箱z***@example.com')
    expect(await versionCount('policies', policy.id)).toBe(versionsBefore + 1)
    const entries = await auditEntries(policy.id)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ action: 'mask', collectionSlug: 'policies', versionId: String(result.versionId), user: world.users.reviewerA?.id })
    expect(JSON.stringify(entries[0]?.details)).not.toContain(residentId)
    expect(JSON.stringify(entries[0]?.details)).not.toContain('13812345678')
  })

  it('masks inside arrays of a decision and leaves 密级 marks for the reviewer to resolve', async () => {
    const decision = await world.payload.create({
      collection: 'decisions',
      data: {
        ...(await world.dataFor('decisions', world.agencyA)),
        publicComments: [{ summary: `身份证${residentId}，内部资料`, adoption: 'adopted' }],
      },
      draft: true,
      depth: 0,
    })
    const result = await maskConfidentialityFindings({ payload: world.payload, user: world.users.reviewerA, collection: 'decisions', id: decision.id })
    expect(result.masked).toEqual([{ fieldPath: 'publicComments.0.summary', kind: 'resident_id', masked: '11*************02X' }])
    expect(result.remaining.map((finding) => finding.kind)).toEqual(['internal_mark'])
    const stored = await world.payload.findByID({ collection: 'decisions', id: decision.id, draft: true, depth: 0 })
    expect(stored.publicComments?.[0]?.summary).toBe('身份证11*************02X，内部资料')
  })

  it('refuses an editor and writes no version and no audit entry', async () => {
    const policy = await policyWithPersonalData()
    const versionsBefore = await versionCount('policies', policy.id)
    await expect(maskConfidentialityFindings({ payload: world.payload, user: world.users.editorA, collection: 'policies', id: policy.id })).rejects.toMatchObject({ status: 403 })
    expect(await versionCount('policies', policy.id)).toBe(versionsBefore)
    expect(await auditEntries(policy.id)).toEqual([])
    expect((await world.payload.findByID({ collection: 'policies', id: policy.id, draft: true, depth: 0 })).summary).toBe('联系人手机13812345678')
  })

  it('lets the review pass after masking', async () => {
    const policy = await policyWithPersonalData()
    await maskConfidentialityFindings({ payload: world.payload, user: world.users.reviewerA, collection: 'policies', id: policy.id })
    const { review } = await recordConfidentialityReview({ payload: world.payload, user: world.users.reviewerA, collection: 'policies', id: policy.id, conclusion: 'passed', basis: '已脱敏' })
    expect(review.conclusion).toBe('passed')
    const stored = await world.payload.findByID({ collection: 'policies', id: policy.id, draft: true, depth: 0 })
    expect(isConfidentialityReviewCurrent({ collectionConfig: configOf('policies'), doc: stored })).toBe(true)
  })
})

describe('保密审查 over REST', () => {
  const tokens: Record<string, string> = {}
  beforeAll(async () => {
    for (const actor of ['reviewerA', 'editorA', 'memberless'] as const) {
      tokens[actor] = await server.login({ email: world.emails[actor]!, password })
    }
  })

  it('lists findings per field for those who may read the draft, and hides the draft from others', async () => {
    const policy = await policyWithPersonalData()
    const response = await server.request({ path: `/policies/${policy.id}/confidentiality-review/findings`, token: tokens.editorA })
    expect(response.status).toBe(200)
    expect(response.body.hasBlockingFindings).toBe(true)
    expect(response.body.findings.map((finding: { fieldPath: string; kind: string; fieldLabel: string }) => [finding.fieldPath, finding.kind, finding.fieldLabel])).toEqual([
      ['summary', 'mobile', '摘要'],
      ['body', 'resident_id', '正文'],
      ['body', 'email', '正文'],
    ])
    expect(JSON.stringify(response.body)).toContain('11*************02X')
    expect((await server.request({ path: `/policies/${policy.id}/confidentiality-review/findings`, token: tokens.memberless })).status).toBe(404)
    expect((await server.request({ path: `/policies/${policy.id}/confidentiality-review/findings` })).status).toBe(404)
  })

  it('does not show the public the findings of a newer draft of a published document', async () => {
    const published = await world.seed('policies', world.agencyA, 'published')
    await world.payload.update({ collection: 'policies', id: published.id, data: { summary: `更正：身份证号${residentId}` }, draft: true, depth: 0 })
    const anonymous = await server.request({ path: `/policies/${published.id}/confidentiality-review/findings` })
    expect(anonymous.status).toBe(404)
    expect(JSON.stringify(anonymous.body)).not.toContain(residentId)
    const member = await server.request({ path: `/policies/${published.id}/confidentiality-review/findings`, token: tokens.editorA })
    expect(member.status).toBe(200)
    expect(member.body.findings).toMatchObject([{ fieldPath: 'summary', kind: 'resident_id', match: residentId }])
  })

  it('records a review and masks through the endpoints, refusing others with 403 and the rule in Chinese', async () => {
    const policy = await policyWithPersonalData()
    const refused = await server.request({ method: 'POST', path: `/policies/${policy.id}/confidentiality-review/mask`, token: tokens.editorA })
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].message).toBe('只有文件所属机关的审核人员或站点管理员可以进行保密审查')
    expect(await auditEntries(policy.id)).toEqual([])

    const blocked = await server.request({
      method: 'POST',
      path: `/policies/${policy.id}/confidentiality-review`,
      token: tokens.reviewerA,
      body: { conclusion: 'passed', basis: '审查' },
    })
    expect(blocked.status).toBe(400)
    expect(blocked.body.errors[0].data.errors).toMatchObject([
      { path: 'summary', message: expect.stringContaining('“摘要”中发现手机号码') },
      { path: 'body', message: expect.stringContaining('“正文”中发现居民身份证号') },
    ])

    const masked = await server.request({ method: 'POST', path: `/policies/${policy.id}/confidentiality-review/mask`, token: tokens.reviewerA })
    expect(masked.status).toBe(200)
    expect(masked.body.message).toBe('已脱敏 3 处')
    const passed = await server.request({
      method: 'POST',
      path: `/policies/${policy.id}/confidentiality-review`,
      token: tokens.reviewerA,
      body: { conclusion: 'passed', basis: '已脱敏，经审查可以公开' },
    })
    expect(passed.status).toBe(200)
    const findings = await getConfidentialityFindings({ payload: world.payload, collection: 'policies', id: policy.id })
    expect(findings).toMatchObject({ findings: [], hasBlockingFindings: false, isReviewCurrent: true, review: { conclusion: 'passed', basis: '已脱敏，经审查可以公开' } })
  })
})

describe('admin', () => {
  const afterInputOf = (fields: readonly Record<string, any>[], path: string[]): unknown[] | undefined => {
    const [name, ...rest] = path
    const field = fields.find((candidate) => candidate.name === name)
    if (!field) return undefined
    if (rest.length > 0) return afterInputOf(field.flattenedFields ?? field.fields ?? [], rest)
    return field.admin?.components?.afterInput
  }
  const componentPath = '@gongkai/payload-plugin/client#ConfidentialityFindings'

  it('shows the findings component after the input of every scanned field, nested ones included', () => {
    const policies = configOf('policies').flattenedFields as unknown as Record<string, any>[]
    for (const name of ['title', 'summary', 'body', 'keywords']) expect(afterInputOf(policies, [name])).toContain(componentPath)
    const decisions = configOf('decisions').flattenedFields as unknown as Record<string, any>[]
    expect(afterInputOf(decisions, ['publicComments', 'summary'])).toContain(componentPath)
    expect(afterInputOf(decisions, ['meeting', 'name'])).toContain(componentPath)
    const participation = configOf('participation').flattenedFields as unknown as Record<string, any>[]
    expect(afterInputOf(participation, ['opinions', 'content'])).toContain(componentPath)
  })

  it('does not add it to read-only fields or to the review record itself', () => {
    const policies = configOf('policies').flattenedFields as unknown as Record<string, any>[]
    expect(afterInputOf(policies, ['indexNumber'])).toBeUndefined()
    expect(afterInputOf(policies, ['confidentialityReview', 'basis'])).toBeUndefined()
  })
})

describe('participation records', () => {
  it('are reviewed by the reviewers of the agency taken from their decision', async () => {
    const decision = await world.seed('decisions', world.agencyA, 'draft')
    const record = await world.payload.create({
      collection: 'participation',
      data: { meetingName: '座谈会（审查）', kind: 'symposium', meetingDate: day('2024-05-10'), decision: decision.id, publicSummary: '与会代表提出意见' },
      draft: true,
      depth: 0,
    })
    const { review } = await recordConfidentialityReview({ payload: world.payload, user: world.users.reviewerA, collection: 'participation', id: record.id, conclusion: 'passed', basis: '无个人信息' })
    expect(review.conclusion).toBe('passed')
  })
})

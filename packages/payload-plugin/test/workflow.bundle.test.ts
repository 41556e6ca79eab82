import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lexicalText } from './support/fixtures.js'
import { startPayload } from './support/startPayload.js'
import type { StartedPayload } from './support/startPayload.js'
import { createWorkflowWorld, failure } from './support/workflowWorld.js'
import type { WorkflowWorld } from './support/workflowWorld.js'

let started: StartedPayload
let payload: Payload
let world: WorkflowWorld

type Queryable = { query: (sql: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> }

beforeAll(async () => {
  started = await startPayload({ key: 'gongkai-bundle' })
  payload = started.payload
  world = await createWorkflowWorld(payload)
})

afterAll(async () => {
  await started?.stop()
})

async function counter(prefix: string, period: string): Promise<number | null> {
  const pool = (payload.db as unknown as { pool: Queryable }).pool
  const { rows } = await pool.query('SELECT last FROM gongkai_index_counters WHERE prefix = $1 AND period = $2', [prefix, period])
  return rows[0] ? Number(rows[0].last) : null
}

/** A normative policy (needs an interpretation) of agency B and year 2023, and an interpretation of it. */
async function normativePolicyWithInterpretation(title: string, interpretation: Record<string, unknown> = {}) {
  const policy = await world.createDraft(
    'policies',
    world.policyData(world.agencyB, { title, isNormative: true, publishDate: '2023-05-10T04:00:00.000Z', writtenDate: '2023-05-04T04:00:00.000Z' }),
  )
  expect(policy.needsInterpretation).toBe(true)
  const explained = await world.createDraft('interpretations', {
    title: `《${title}》政策解读`,
    policies: [policy.id],
    form: 'text',
    interpretingAgency: world.agencyB,
    body: lexicalText('一、出台背景。二、主要内容。'),
    ...interpretation,
  })
  return { policy, interpretation: explained }
}

const agencyB = { editor: 'editorB', reviewer: 'reviewerB' } as const

describe('三同步: a policy and its interpretations go out together', () => {
  it('refuses to approve a policy that needs an interpretation until one is approved', async () => {
    const { policy, interpretation } = await normativePolicyWithInterpretation('武清区学前教育资助管理办法')
    await world.act('editorB', { collection: 'policies', id: policy.id, action: 'submit' })
    await world.passReview('policies', policy.id, 'reviewerB')
    const refused = await failure(world.act('reviewerB', { collection: 'policies', id: policy.id, action: 'approve' }))
    expect(refused).toMatchObject({
      status: 409,
      message: '政策文件“武清区学前教育资助管理办法”需要政策解读，不能审核通过：三同步要求至少一篇关联的政策解读已审核通过（当前关联的解读均未审核通过）',
    })
    await world.approve('interpretations', interpretation.id, agencyB)
    expect((await world.act('reviewerB', { collection: 'policies', id: policy.id, action: 'approve' })).state).toBe('approved')
  })

  it('publishes the policy with its approved interpretations in one action; an interpretation cannot go out before its policy', async () => {
    const { policy, interpretation } = await normativePolicyWithInterpretation('武清区中小学校服管理办法')
    await world.approve('interpretations', interpretation.id, agencyB)
    const alone = await failure(world.act('publisherB', { collection: 'interpretations', id: interpretation.id, action: 'publish' }))
    expect(alone).toMatchObject({
      status: 409,
      message: '政策解读“《武清区中小学校服管理办法》政策解读”不能单独发布：其解读的政策文件“武清区中小学校服管理办法”尚未发布，解读须在签发该文件时一并发布（三同步）',
    })
    await world.approve('policies', policy.id, agencyB)
    const result = await world.act('publisherB', { collection: 'policies', id: policy.id, action: 'publish' })
    expect(result.published.map((doc) => [doc.collection, doc.id])).toEqual([
      ['policies', policy.id],
      ['interpretations', interpretation.id],
    ])
    expect(await world.published('interpretations', interpretation.id)).toMatchObject({ _status: 'published', workflowState: 'published', workflow: { publishedBy: world.users.publisherB.id } })
    expect((await world.published('policies', policy.id)).indexNumber).toMatch(new RegExp(`^${world.codeB}/2023-\\d{5}$`))
  })

  it('publishes nothing when one document of the bundle fails validation, and consumes no 索引号', async () => {
    const before = await counter(world.codeB, '2023')
    // A short video needs media or a video URL. 提交审核 checks it; an interpretation approved before that rule
    // existed (its video URL cleared by a trusted import since) reaches 签发 with it broken.
    const { policy, interpretation } = await normativePolicyWithInterpretation('武清区校外培训机构管理办法', { form: 'short_video', videoUrl: 'https://video.example.gov.cn/old.mp4' })
    await world.approve('interpretations', interpretation.id, agencyB)
    await payload.update({ collection: 'interpretations', id: interpretation.id, data: { videoUrl: null }, draft: true, overrideAccess: true, context: { gongkaiWorkflow: true } })
    await world.approve('policies', policy.id, agencyB)
    const refused = await failure(world.act('publisherB', { collection: 'policies', id: policy.id, action: 'publish' }))
    expect(refused.status).toBe(400)
    // The field by its label (视频地址), never its key (videoUrl).
    expect(refused.message).toBe(
      '政策解读“《武清区校外培训机构管理办法》政策解读”未能发布，同批2份文件均未发布：解读形式为“短视频”时须上传视频文件或填写视频地址',
    )
    expect(refused.errors).toEqual([{ path: 'videoUrl', message: '解读形式为“短视频”时须上传视频文件或填写视频地址' }])
    expect(await world.published('policies', policy.id)).toMatchObject({ _status: 'draft' })
    expect((await world.published('policies', policy.id)).indexNumber ?? null).toBeNull()
    expect(await world.latest('policies', policy.id)).toMatchObject({ workflowState: 'approved' })
    expect(await world.published('interpretations', interpretation.id)).toMatchObject({ _status: 'draft' })
    expect(await counter(world.codeB, '2023')).toBe(before)
    const { totalDocs } = await payload.count({ collection: 'gongkai-audit-log', where: { action: { equals: 'publish' }, documentId: { equals: String(policy.id) } }, overrideAccess: true })
    expect(totalDocs).toBe(0)

    // Fixed, the same bundle goes out and takes the very next serial: no gap.
    await payload.update({ collection: 'interpretations', id: interpretation.id, data: { videoUrl: 'https://video.example.gov.cn/jiedu.mp4' }, draft: true, overrideAccess: false, user: world.users.editorB })
    await world.approve('interpretations', interpretation.id, agencyB)
    await world.act('publisherB', { collection: 'policies', id: policy.id, action: 'publish' })
    expect((await world.published('policies', policy.id)).indexNumber).toBe(`${world.codeB}/2023-${String((before ?? 0) + 1).padStart(5, '0')}`)
    expect((await world.published('interpretations', interpretation.id))._status).toBe('published')
  })
})

describe('withdrawing a policy (三同步 both ways)', () => {
  it('withdraws the interpretations that explain no other published policy, with the policy', async () => {
    const { policy, interpretation } = await normativePolicyWithInterpretation('武清区学生资助资金管理办法')
    const other = await world.createDraft('policies', world.policyData(world.agencyB, { title: '另一份仍有效的文件', publishDate: '2023-05-10T04:00:00.000Z', writtenDate: '2023-05-04T04:00:00.000Z' }))
    await world.approve('policies', other.id, agencyB)
    await world.act('publisherB', { collection: 'policies', id: other.id, action: 'publish' })
    const shared = await world.createDraft('interpretations', {
      title: '两份文件的联合解读',
      policies: [policy.id, other.id],
      form: 'text',
      interpretingAgency: world.agencyB,
      body: lexicalText('联合解读正文'),
    })
    await world.approve('interpretations', interpretation.id, agencyB)
    await world.approve('interpretations', shared.id, agencyB)
    await world.approve('policies', policy.id, agencyB)
    const result = await world.act('publisherB', { collection: 'policies', id: policy.id, action: 'publish' })
    expect(result.published).toHaveLength(3)

    await world.act('publisherB', { collection: 'policies', id: policy.id, action: 'withdraw', reason: '政策调整，暂停执行' })
    expect(await world.published('policies', policy.id)).toMatchObject({ _status: 'draft', workflowState: 'withdrawn' })
    expect(await world.published('interpretations', interpretation.id)).toMatchObject({
      _status: 'draft',
      workflowState: 'withdrawn',
      workflow: { withdrawReason: '所解读的政策文件“武清区学生资助资金管理办法”已撤回：政策调整，暂停执行' },
    })
    // It still explains a published policy, so it stays.
    expect(await world.published('interpretations', shared.id)).toMatchObject({ _status: 'published' })
  })
})

describe('scheduled publication (定时发布) through the jobs queue', () => {
  it('publishes the bundle when the job runs after the scheduled time, not before', async () => {
    const { policy, interpretation } = await normativePolicyWithInterpretation('武清区教师培训经费管理办法')
    await world.approve('interpretations', interpretation.id, agencyB)
    await world.approve('policies', policy.id, agencyB)
    const past = await failure(world.act('publisherB', { collection: 'policies', id: policy.id, action: 'schedule', publishAt: '2020-01-01T00:00:00.000Z' }))
    expect(past).toMatchObject({ status: 400, message: '定时发布政策文件“武清区教师培训经费管理办法”的时间（2020-01-01T00:00:00.000Z）须晚于当前时间' })

    const publishAt = new Date(Date.now() + 1500)
    const scheduled = await world.act('publisherB', { collection: 'policies', id: policy.id, action: 'schedule', publishAt })
    expect(scheduled.state).toBe('scheduled')
    expect(await world.latest('policies', policy.id)).toMatchObject({ workflowState: 'scheduled', workflow: { scheduledFor: publishAt.toISOString(), scheduledJobId: String(scheduled.jobId) } })

    await payload.jobs.run({ queue: 'gongkai' })
    expect((await world.published('policies', policy.id))._status).toBe('draft')

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, publishAt.getTime() - Date.now()) + 200))
    await payload.jobs.run({ queue: 'gongkai' })
    const published = await world.published('policies', policy.id)
    expect(published).toMatchObject({ _status: 'published', workflowState: 'published', workflow: { publishedBy: world.users.publisherB.id } })
    expect(published.indexNumber).toMatch(new RegExp(`^${world.codeB}/2023-\\d{5}$`))
    expect((await world.published('interpretations', interpretation.id))._status).toBe('published')
    const entries = await payload.find({ collection: 'gongkai-audit-log', where: { documentId: { equals: String(policy.id) }, collectionSlug: { equals: 'policies' } }, sort: 'createdAt', overrideAccess: true, pagination: false })
    expect(entries.docs.map((entry) => entry.action).slice(-2)).toEqual(['schedule', 'publish'])
    expect(entries.docs.at(-1)?.details).toMatchObject({ scheduled: true })
  })

  it('gives a scheduled document back as 已审核, with the reason in the audit log, when publication is refused at run time', async () => {
    const doc = await world.createDraft('policies', world.policyData(world.agencyB, { title: '定时发布时要素不全的文件' }))
    await world.approve('policies', doc.id, agencyB)
    const publishAt = new Date(Date.now() + 800)
    await world.act('publisherB', { collection: 'policies', id: doc.id, action: 'schedule', publishAt })
    // Meanwhile the agency loses its organisation code: the 索引号 prefix is missing when the job runs.
    await payload.update({ collection: 'agencies', id: world.agencyB, data: { organizationCode: null }, overrideAccess: true })
    try {
      await new Promise((resolve) => setTimeout(resolve, 1000))
      await payload.jobs.run({ queue: 'gongkai' })
    } finally {
      await payload.update({ collection: 'agencies', id: world.agencyB, data: { organizationCode: world.codeB }, overrideAccess: true })
    }
    expect((await world.published('policies', doc.id))._status).toBe('draft')
    expect(await world.latest('policies', doc.id)).toMatchObject({ workflowState: 'approved', workflow: { scheduledFor: null } })
    const { docs } = await payload.find({ collection: 'gongkai-audit-log', where: { documentId: { equals: String(doc.id) }, collectionSlug: { equals: 'policies' } }, sort: 'createdAt', overrideAccess: true, pagination: false })
    expect(docs.at(-1)).toMatchObject({
      action: 'scheduled_publish_failed',
      toState: 'approved',
      reason: '要素不齐全，不能发布。政策文件“定时发布时要素不全的文件”：发文机关“天津市武清区教育局”未填写组织机构代码或统一社会信用代码，无法生成索引号前段码',
    })
  })

  it('cancels the job when unscheduled: the document stays approved', async () => {
    const doc = await world.createDraft('policies', world.policyData(world.agencyB, { title: '取消定时发布的文件' }))
    await world.approve('policies', doc.id, agencyB)
    const publishAt = new Date(Date.now() + 800)
    const scheduled = await world.act('publisherB', { collection: 'policies', id: doc.id, action: 'schedule', publishAt })
    await world.act('publisherB', { collection: 'policies', id: doc.id, action: 'unschedule' })
    expect(await world.latest('policies', doc.id)).toMatchObject({ workflowState: 'approved', workflow: { scheduledFor: null } })
    expect((await payload.find({ collection: 'payload-jobs', where: { id: { equals: scheduled.jobId } }, overrideAccess: true })).totalDocs).toBe(0)
    await new Promise((resolve) => setTimeout(resolve, 1000))
    await payload.jobs.run({ queue: 'gongkai' })
    expect((await world.published('policies', doc.id))._status).toBe('draft')
  })
})

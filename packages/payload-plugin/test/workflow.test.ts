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

beforeAll(async () => {
  started = await startPayload()
  payload = started.payload
  world = await createWorkflowWorld(payload)
})

afterAll(async () => {
  await started?.stop()
})

async function auditOf(id: number | string) {
  const { docs } = await payload.find({
    collection: 'gongkai-audit-log',
    where: { documentId: { equals: String(id) }, collectionSlug: { equals: 'policies' } },
    sort: 'createdAt',
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return docs as unknown as Record<string, unknown>[]
}

const indexPattern = (code: string, year = 2024) => new RegExp(`^${code}/${year}-\\d{5}$`)

describe('the editorial workflow (草稿 → 待审核 → 已审核 → 已发布)', () => {
  it('publishes a policy after submit, 保密审查, approval and 签发; assigns the 索引号 and records who did what', async () => {
    const draft = await world.createDraft('policies', world.policyData(world.agencyA))
    expect(draft).toMatchObject({ workflowState: 'draft', _status: 'draft', lastEditedBy: world.users.editor.id })

    const submitted = await world.act('editor', { collection: 'policies', id: draft.id, action: 'submit' })
    expect(submitted).toMatchObject({ fromState: 'draft', state: 'pending_review' })
    await world.passReview('policies', draft.id)
    await world.act('reviewer', { collection: 'policies', id: draft.id, action: 'approve' })
    expect(await world.latest('policies', draft.id)).toMatchObject({ workflowState: 'approved', _status: 'draft' })
    // Approved is not public yet.
    expect((await world.published('policies', draft.id))._status).toBe('draft')

    const result = await world.act('publisher', { collection: 'policies', id: draft.id, action: 'publish' })
    expect(result.published).toHaveLength(1)
    const policy = await world.published('policies', draft.id)
    expect(policy).toMatchObject({ _status: 'published', workflowState: 'published' })
    expect(policy.indexNumber).toMatch(indexPattern(world.codeA))
    expect(policy.workflow).toMatchObject({
      submittedBy: world.users.editor.id,
      approvedBy: world.users.reviewer.id,
      publishedBy: world.users.publisher.id,
    })
    const entries = await auditOf(draft.id)
    expect(entries.map((entry) => [entry.action, entry.user, entry.fromState, entry.toState])).toEqual([
      ['submit', world.users.editor.id, 'draft', 'pending_review'],
      ...(entries.some((entry) => entry.action === 'review') ? [expect.anything()] : []),
      ['approve', world.users.reviewer.id, 'pending_review', 'approved'],
      ['publish', world.users.publisher.id, 'approved', 'published'],
    ])
    expect(entries.at(-1)?.details).toMatchObject({ indexNumber: policy.indexNumber })
    // Each entry names the version the action saved: the publish entry names the published version.
    const versions = await payload.findVersions({ collection: 'policies', where: { parent: { equals: draft.id } }, sort: '-updatedAt', limit: 1, overrideAccess: true })
    expect(versions.docs[0]?.version._status).toBe('published')
    expect(entries.at(-1)?.versionId).toBe(String(versions.docs[0]?.id))
    expect(new Set(entries.map((entry) => entry.versionId)).size).toBe(entries.length)
  })

  it('refuses a transition from the wrong state, naming the document, its state and the rule (409)', async () => {
    const draft = await world.createDraft('policies', world.policyData(world.agencyA, { title: '尚未审核的通知' }))
    const refused = await failure(world.act('publisher', { collection: 'policies', id: draft.id, action: 'publish' }))
    expect(refused).toMatchObject({
      status: 409,
      message: '政策文件“尚未审核的通知”当前状态为“草稿”，不能签发发布：只有已审核的文件可以签发发布',
    })
    expect(await world.latest('policies', draft.id)).toMatchObject({ workflowState: 'draft' })
  })

  it('checks the role in the document’s agency: editors submit, reviewers approve, publishers publish', async () => {
    const draft = await world.createDraft('policies', world.policyData(world.agencyA, { title: '角色检查的通知' }))
    const notEditor = await failure(world.act('reviewerB', { collection: 'policies', id: draft.id, action: 'submit' }))
    expect(notEditor).toMatchObject({ status: 403, message: '你在政策文件“角色检查的通知”所属机构没有“撰稿”角色，不能提交审核' })
    await world.act('editor', { collection: 'policies', id: draft.id, action: 'submit' })
    await world.passReview('policies', draft.id)
    const otherAgency = await failure(world.act('reviewerB', { collection: 'policies', id: draft.id, action: 'approve' }))
    expect(otherAgency).toMatchObject({ status: 403, message: '你在政策文件“角色检查的通知”所属机构没有“审核”角色，不能审核通过' })
    await world.act('reviewer', { collection: 'policies', id: draft.id, action: 'approve' })
    const reviewerPublishing = await failure(world.act('reviewer', { collection: 'policies', id: draft.id, action: 'publish' }))
    expect(reviewerPublishing).toMatchObject({ status: 403, message: '你在政策文件“角色检查的通知”所属机构没有“签发”角色，不能签发发布' })
    expect(await world.latest('policies', draft.id)).toMatchObject({ workflowState: 'approved' })
  })

  it('returns a document with a reason; the editor revises and submits it again', async () => {
    const draft = await world.createDraft('policies', world.policyData(world.agencyA, { title: '需要修改的通知' }))
    await world.act('editor', { collection: 'policies', id: draft.id, action: 'submit' })
    const withoutReason = await failure(world.act('reviewer', { collection: 'policies', id: draft.id, action: 'return' }))
    expect(withoutReason).toMatchObject({ status: 400, message: '退回政策文件“需要修改的通知”须写明退回理由' })
    await world.act('reviewer', { collection: 'policies', id: draft.id, action: 'return', reason: '发文字号与正文落款不一致' })
    expect(await world.latest('policies', draft.id)).toMatchObject({ workflowState: 'returned', workflow: { returnReason: '发文字号与正文落款不一致' } })
    await payload.update({ collection: 'policies', id: draft.id, data: { summary: '已按审核意见修改' }, draft: true, overrideAccess: false, user: world.users.editor })
    const resubmitted = await world.act('editor', { collection: 'policies', id: draft.id, action: 'submit' })
    expect(resubmitted).toMatchObject({ fromState: 'returned', state: 'pending_review' })
    expect((await auditOf(draft.id)).find((entry) => entry.action === 'return')).toMatchObject({ reason: '发文字号与正文落款不一致' })
  })
})

describe('four eyes (四眼原则)', () => {
  it('refuses approval by the author of the version, even when they hold the reviewer role', async () => {
    const draft = await world.createDraft('policies', world.policyData(world.agencyA, { title: '自己写的通知' }), 'editorReviewer')
    await world.act('editor', { collection: 'policies', id: draft.id, action: 'submit' })
    await world.passReview('policies', draft.id)
    const refused = await failure(world.act('editorReviewer', { collection: 'policies', id: draft.id, action: 'approve' }))
    expect(refused).toMatchObject({
      status: 403,
      message: '政策文件“自己写的通知”的当前版本由你撰写或修改，不能由你审核通过：审核人不得是该版本的撰稿人（四眼原则）',
    })
    expect(await world.latest('policies', draft.id)).toMatchObject({ workflowState: 'pending_review' })
  })

  it('refuses approval by the submitter', async () => {
    const draft = await world.createDraft('policies', world.policyData(world.agencyA, { title: '自己提交的通知' }))
    await world.act('editorReviewer', { collection: 'policies', id: draft.id, action: 'submit' })
    await world.passReview('policies', draft.id)
    const refused = await failure(world.act('editorReviewer', { collection: 'policies', id: draft.id, action: 'approve' }))
    expect(refused.message).toBe('政策文件“自己提交的通知”由你提交审核，不能由你审核通过：审核人不得是提交人（四眼原则）')
  })

  it('makes a reviewer who changes the content during review an author: a second reviewer must approve', async () => {
    const draft = await world.createDraft('policies', world.policyData(world.agencyA, { title: '审核中修改的通知' }))
    await world.act('editor', { collection: 'policies', id: draft.id, action: 'submit' })
    await payload.update({ collection: 'policies', id: draft.id, data: { summary: '审核人补充的摘要' }, draft: true, overrideAccess: true, user: world.users.reviewer })
    expect(await world.latest('policies', draft.id)).toMatchObject({ workflowState: 'pending_review', lastEditedBy: world.users.reviewer.id })
    await world.passReview('policies', draft.id, 'secondReviewer')
    expect((await failure(world.act('reviewer', { collection: 'policies', id: draft.id, action: 'approve' }))).status).toBe(403)
    const approved = await world.act('secondReviewer', { collection: 'policies', id: draft.id, action: 'approve' })
    expect(approved.state).toBe('approved')
  })

  it('turns an approved document back into a draft when its content changes, so the change is reviewed', async () => {
    const draft = await world.createDraft('policies', world.policyData(world.agencyA, { title: '审核后又修改的通知' }))
    await world.approve('policies', draft.id)
    await payload.update({ collection: 'policies', id: draft.id, data: { keywords: '新增主题词' }, draft: true, overrideAccess: false, user: world.users.editor })
    expect(await world.latest('policies', draft.id)).toMatchObject({ workflowState: 'draft' })
    expect((await failure(world.act('publisher', { collection: 'policies', id: draft.id, action: 'publish' }))).status).toBe(409)
  })
})

describe('保密审查 gate', () => {
  it('refuses approval while a text field holds a valid ID number, naming the field', async () => {
    const draft = await world.createDraft(
      'policies',
      world.policyData(world.agencyA, { title: '含身份证号的通知', summary: '联系人身份证号 11010519491231002X，请核对。' }),
    )
    await world.act('editor', { collection: 'policies', id: draft.id, action: 'submit' })
    const refused = await failure(world.act('reviewer', { collection: 'policies', id: draft.id, action: 'approve' }))
    expect(refused.status).toBe(409)
    // The field by its label (摘要), never its key (issue 12).
    expect(refused.message).toMatch(/^政策文件“含身份证号的通知”未通过保密审查，不能审核通过：摘要：发现居民身份证号/)
    expect(refused.message).not.toContain('summary')
    expect(refused.errors.map((error) => error.path)).toContain('summary')
    expect(await world.latest('policies', draft.id)).toMatchObject({ workflowState: 'pending_review' })
  })
})

describe('publishing only through the workflow', () => {
  it('refuses _status: published outside the workflow, even through the trusted local API', async () => {
    const before = await payload.count({ collection: 'policies' })
    const refused = await failure(
      payload.create({ collection: 'policies', data: { ...world.policyData(world.agencyA, { title: '绕过流程的通知' }), _status: 'published' }, overrideAccess: true }),
    )
    expect(refused).toMatchObject({ status: 403 })
    expect(refused.message).toContain('政策文件“绕过流程的通知”不能直接发布：发布须经过“提交审核 → 审核通过 → 签发发布”流程')
    expect((await payload.count({ collection: 'policies' })).totalDocs).toBe(before.totalDocs)

    const draft = await world.createDraft('policies', world.policyData(world.agencyA, { title: '绕过流程的草稿' }))
    const update = await failure(payload.update({ collection: 'policies', id: draft.id, data: { _status: 'published' }, overrideAccess: true }))
    expect(update.message).toContain(`（POST /api/policies/${draft.id}/workflow/publish）`)
    expect((await world.published('policies', draft.id))._status).toBe('draft')
  })

  it('refuses to change or unpublish a published document outside the workflow; a draft revision is fine', async () => {
    const draft = await world.createDraft('policies', world.policyData(world.agencyA, { title: '不得直接修改的已发布文件', summary: '原摘要' }))
    await world.approve('policies', draft.id)
    await world.act('publisher', { collection: 'policies', id: draft.id, action: 'publish' })
    const changed = await failure(payload.update({ collection: 'policies', id: draft.id, data: { summary: '直接改动' }, overrideAccess: true }))
    expect(changed).toMatchObject({
      status: 403,
      message: `政策文件“不得直接修改的已发布文件”已发布，不能直接修改或撤下：修改请保存为草稿（draft）后重新提交审核；撤下请使用“撤回”（POST /api/policies/${draft.id}/workflow/withdraw）`,
    })
    expect((await failure(payload.update({ collection: 'policies', id: draft.id, data: { _status: 'draft' }, overrideAccess: true }))).status).toBe(403)
    expect(await world.published('policies', draft.id)).toMatchObject({ _status: 'published', summary: '原摘要' })
    await payload.update({ collection: 'policies', id: draft.id, data: { summary: '修订稿' }, draft: true, overrideAccess: true, user: world.users.editor })
    expect(await world.published('policies', draft.id)).toMatchObject({ _status: 'published', summary: '原摘要' })
  })

  it('imports a historical document with context.gongkaiImport: it gets the next 索引号 (or keeps its own) and an audit entry', async () => {
    const imported = await payload.create({
      collection: 'policies',
      data: { ...world.policyData(world.agencyB, { title: '历史文件（导入）', publishDate: '2019-03-01T04:00:00.000Z', writtenDate: '2019-02-27T04:00:00.000Z' }), _status: 'published' },
      overrideAccess: true,
      context: { gongkaiImport: true },
    })
    expect(imported).toMatchObject({ _status: 'published', workflowState: 'published', indexNumber: `${world.codeB}/2019-00001` })
    expect((await auditOf(imported.id)).map((entry) => [entry.action, entry.toState])).toEqual([['import', 'published']])

    const withOwn = await payload.create({
      collection: 'policies',
      data: { ...world.policyData(world.agencyB, { title: '自带索引号的历史文件', publishDate: '2019-05-01T04:00:00.000Z', writtenDate: '2019-04-27T04:00:00.000Z', indexNumber: `${world.codeB}/2019-00040` }), _status: 'published' },
      overrideAccess: true,
      context: { gongkaiImport: true },
    })
    expect(withOwn.indexNumber).toBe(`${world.codeB}/2019-00040`)
    // The counter moved past the imported serial: the next publication of that year gets 00041.
    const next = await payload.create({
      collection: 'policies',
      data: { ...world.policyData(world.agencyB, { title: '其后导入的历史文件', publishDate: '2019-06-01T04:00:00.000Z', writtenDate: '2019-05-27T04:00:00.000Z' }), _status: 'published' },
      overrideAccess: true,
      context: { gongkaiImport: true },
    })
    expect(next.indexNumber).toBe(`${world.codeB}/2019-00041`)

    // Only trusted server code imports: with access control on, the flag is refused.
    const asEditor = await failure(
      payload.create({
        collection: 'policies',
        data: { ...world.policyData(world.agencyB, { title: '编辑冒充的导入' }), _status: 'published' },
        overrideAccess: false,
        user: world.users.editorB,
        context: { gongkaiImport: true },
      }),
    )
    expect(asEditor).toMatchObject({ status: 403, message: '导入历史文件须通过受信任的本地 API（overrideAccess: true）进行' })
  })

  it('never changes an assigned 索引号', async () => {
    const draft = await world.createDraft('policies', world.policyData(world.agencyA, { title: '索引号不变的通知' }))
    await world.approve('policies', draft.id)
    await world.act('publisher', { collection: 'policies', id: draft.id, action: 'publish' })
    const { indexNumber } = await world.published('policies', draft.id)
    const refused = await failure(payload.update({ collection: 'policies', id: draft.id, data: { indexNumber: `${world.codeA}/2024-09999` }, draft: true, overrideAccess: true }))
    expect(refused.message).toBe(`政策文件“索引号不变的通知”的索引号“${String(indexNumber)}”已分配，不能更改`)
  })
})

describe('要素齐全 (required elements at publication)', () => {
  it('lists every missing element at once, writes nothing and consumes no 索引号', async () => {
    const noCode = (await payload.create({ collection: 'agencies', data: { name: '天津市武清区某临时机构' } })).id as number
    await payload.update({
      collection: payload.config.admin.user,
      id: world.users.admin.id,
      data: { agencyRoles: [{ agency: noCode, roles: ['editor', 'publisher'] }] },
      overrideAccess: true,
    })
    const draft = await world.createDraft(
      'policies',
      { title: '要素不全的通知', issuingAgency: noCode, writtenDate: '2024-06-28T04:00:00.000Z', publishDate: '2024-06-01T04:00:00.000Z', documentType: 'notice', topic: world.topic, disclosure: 'proactive', classification: 'secret' },
      'editor',
    ).catch(() => null)
    // The editor of agency A may not write for another agency; the site admin drafts it instead.
    const doc =
      draft ??
      (await payload.create({
        collection: 'policies',
        data: { title: '要素不全的通知', issuingAgency: noCode, writtenDate: '2024-06-28T04:00:00.000Z', publishDate: '2024-06-01T04:00:00.000Z', documentType: 'notice', topic: world.topic, disclosure: 'proactive', classification: 'secret' },
        draft: true,
        overrideAccess: true,
      }))
    const admin = { ...world.users.admin, agencyRoles: [{ agency: noCode, roles: ['editor', 'publisher'] }] }
    const refused = await failure(
      (await import('../src/workflow/transition.js')).transition({ payload, user: admin, collection: 'policies', id: doc.id, action: 'force-publish', reason: '紧急发布，审核人不在岗' }),
    )
    expect(refused.status).toBe(400)
    expect(refused.message).toBe(
      '要素不齐全，不能发布。政策文件“要素不全的通知”：发布日期（2024-06-01）不得早于成文日期（2024-06-28）；密级为“秘密”的文件不得公开发布，密级须为“非密”；缺少正文或附件（至少一项）；发文机关“天津市武清区某临时机构”未填写组织机构代码或统一社会信用代码，无法生成索引号前段码',
    )
    expect(refused.errors.map((error) => error.path).sort()).toEqual(['body', 'classification', 'issuingAgency', 'publishDate'])
    expect((await world.published('policies', doc.id))._status).toBe('draft')
    expect(await auditOf(doc.id)).toEqual([])
  })
})

describe('withdraw, re-publish and invalidate', () => {
  it('keeps the 索引号 when a document is withdrawn and published again', async () => {
    const draft = await world.createDraft('policies', world.policyData(world.agencyA, { title: '撤回后重新发布的通知' }))
    await world.approve('policies', draft.id)
    await world.act('publisher', { collection: 'policies', id: draft.id, action: 'publish' })
    const first = await world.published('policies', draft.id)

    expect((await failure(world.act('publisher', { collection: 'policies', id: draft.id, action: 'withdraw' }))).message).toBe(
      '撤回政策文件“撤回后重新发布的通知”须写明撤回理由',
    )
    await world.act('publisher', { collection: 'policies', id: draft.id, action: 'withdraw', reason: '附件有误，更正后重新发布' })
    const withdrawn = await world.published('policies', draft.id)
    expect(withdrawn).toMatchObject({ _status: 'draft', workflowState: 'withdrawn', indexNumber: first.indexNumber })

    await payload.update({ collection: 'policies', id: draft.id, data: { summary: '更正附件' }, draft: true, overrideAccess: false, user: world.users.editor })
    await world.approve('policies', draft.id)
    await world.act('publisher', { collection: 'policies', id: draft.id, action: 'publish' })
    expect(await world.published('policies', draft.id)).toMatchObject({ _status: 'published', indexNumber: first.indexNumber, summary: '更正附件' })
  })

  it('lets the editor discard a revision with “恢复为已发布” (the published version saved again), and audits it', async () => {
    const draft = await world.createDraft('policies', world.policyData(world.agencyA, { title: '放弃修订稿的已发布文件', summary: '原摘要' }))
    await world.approve('policies', draft.id)
    await world.act('publisher', { collection: 'policies', id: draft.id, action: 'publish' })
    const published = await world.published('policies', draft.id)
    await payload.update({ collection: 'policies', id: draft.id, data: { summary: '不要的修订稿' }, draft: true, overrideAccess: false, user: world.users.editor })
    expect(await world.latest('policies', draft.id)).toMatchObject({ summary: '不要的修订稿', workflowState: 'draft', _status: 'draft' })

    // A revert that changes content is an attempt to publish outside the workflow.
    const sneaky = await failure(
      payload.update({ collection: 'policies', id: draft.id, data: { ...published, summary: '借恢复之名发布' }, overrideAccess: false, user: world.users.editor }),
    )
    expect(sneaky.status).toBe(403)
    // Reviewers and publishers do not edit documents.
    expect((await failure(payload.update({ collection: 'policies', id: draft.id, data: published, overrideAccess: false, user: world.users.reviewer }))).status).toBe(403)
    expect(await world.published('policies', draft.id)).toMatchObject({ summary: '原摘要' })

    // What the admin's “恢复为已发布” sends: the published document, as read, with _status published.
    await payload.update({ collection: 'policies', id: draft.id, data: published, overrideAccess: false, user: world.users.editor })
    const latest = await world.latest('policies', draft.id)
    expect(latest).toMatchObject({
      _status: 'published',
      workflowState: 'published',
      summary: '原摘要',
      indexNumber: published.indexNumber,
      lastEditedBy: published.lastEditedBy,
      workflow: { approvedBy: world.users.reviewer.id, publishedBy: world.users.publisher.id },
    })
    expect(await world.published('policies', draft.id)).toMatchObject({ summary: '原摘要', indexNumber: published.indexNumber })
    const entries = await auditOf(draft.id)
    expect(entries.at(-1)).toMatchObject({ action: 'revert', user: world.users.editor.id, fromState: 'draft', toState: 'published' })

    // With no revision left there is nothing to restore: the same save is refused.
    expect((await failure(payload.update({ collection: 'policies', id: draft.id, data: published, overrideAccess: false, user: world.users.editor }))).status).toBe(403)
  })

  it('keeps the published version public while a new draft of it goes through review', async () => {
    const draft = await world.createDraft('policies', world.policyData(world.agencyA, { title: '修订中的已发布文件', summary: '原摘要' }))
    await world.approve('policies', draft.id)
    await world.act('publisher', { collection: 'policies', id: draft.id, action: 'publish' })
    // A revision of a published document (agency access decides who may start one; here the trusted local API as the editor).
    await payload.update({ collection: 'policies', id: draft.id, data: { summary: '修订稿摘要' }, draft: true, overrideAccess: true, user: world.users.editor })
    expect(await world.latest('policies', draft.id)).toMatchObject({ workflowState: 'draft', summary: '修订稿摘要' })
    expect(await world.published('policies', draft.id)).toMatchObject({ _status: 'published', workflowState: 'published', summary: '原摘要' })
  })

  it('records a 有效性 change with its date and replacing document, and links the replacement back', async () => {
    const old = await world.createDraft('policies', world.policyData(world.agencyA, { title: '被修订的旧文件' }))
    await world.approve('policies', old.id)
    await world.act('publisher', { collection: 'policies', id: old.id, action: 'publish' })
    const replacement = await world.createDraft('policies', world.policyData(world.agencyA, { title: '修订后的新文件' }))
    await world.approve('policies', replacement.id)
    await world.act('publisher', { collection: 'policies', id: replacement.id, action: 'publish' })

    const noReplacement = await failure(world.act('publisher', { collection: 'policies', id: old.id, action: 'invalidate', validity: 'amended' }))
    expect(noReplacement).toMatchObject({ status: 400, message: '政策文件“被修订的旧文件”的有效性改为“已修订”时须关联替代它的新文件' })

    await world.act('publisher', {
      collection: 'policies',
      id: old.id,
      action: 'invalidate',
      validity: 'amended',
      expiryDate: '2024-09-01T04:00:00.000Z',
      supersededBy: replacement.id,
    })
    const invalidated = await world.published('policies', old.id)
    expect(invalidated).toMatchObject({ _status: 'published', workflowState: 'invalidated', validity: 'amended', supersededBy: replacement.id })
    expect((invalidated.validityHistory as Record<string, unknown>[]).map((entry) => [entry.validity, entry.effectiveDate, entry.supersededBy ?? null])).toEqual([
      ['effective', '2024-07-01T04:00:00.000Z', null],
      ['amended', '2024-09-01T04:00:00.000Z', replacement.id],
    ])
    expect((await world.published('policies', replacement.id)).supersedes).toEqual([old.id])
    // Carried to the display of every interpretation of the old document.
    const interpretation = await payload.create({
      collection: 'interpretations',
      data: { title: '旧文件的解读', policies: [old.id], form: 'text', interpretingAgency: world.agencyA },
      draft: true,
      overrideAccess: true,
    })
    expect((await world.latest('interpretations', interpretation.id)).policyValidity).toBe(
      '《被修订的旧文件》：已修订（2024-09-01 起；替代文件：《修订后的新文件》）',
    )
    expect((await auditOf(old.id)).at(-1)).toMatchObject({ action: 'invalidate', toState: 'invalidated', details: { validity: 'amended' } })
    // An invalidated document can still be taken offline.
    await world.act('publisher', { collection: 'policies', id: old.id, action: 'withdraw', reason: '已被新文件完全替代，不再展示' })
    expect(await world.published('policies', old.id)).toMatchObject({ _status: 'draft', workflowState: 'withdrawn', validity: 'amended' })
  })
})

describe('force-publish by a site administrator', () => {
  it('needs the site administrator role and a written reason, and records the override', async () => {
    const draft = await world.createDraft('policies', world.policyData(world.agencyA, { title: '紧急发布的通知' }))
    expect((await failure(world.act('publisher', { collection: 'policies', id: draft.id, action: 'force-publish', reason: '紧急' }))).message).toBe(
      '只有站点管理员可以强制发布政策文件“紧急发布的通知”',
    )
    expect((await failure(world.act('admin', { collection: 'policies', id: draft.id, action: 'force-publish' }))).message).toBe(
      '强制发布政策文件“紧急发布的通知”须写明理由，理由将记入操作日志',
    )
    await world.act('admin', { collection: 'policies', id: draft.id, action: 'force-publish', reason: '防汛紧急通知，审核人员在抢险一线' })
    const policy = await world.published('policies', draft.id)
    expect(policy).toMatchObject({ _status: 'published', workflow: { forcePublishReason: '防汛紧急通知，审核人员在抢险一线', publishedBy: world.users.admin.id } })
    expect(policy.indexNumber).toMatch(indexPattern(world.codeA))
    expect((await auditOf(draft.id)).at(-1)).toMatchObject({ action: 'force-publish', user: world.users.admin.id, reason: '防汛紧急通知，审核人员在抢险一线' })
  })
})

describe('公开属性 review', () => {
  it('records 依申请公开 documents (已认定) with a review date, lists them when due, and clears it once published 主动公开', async () => {
    const draft = await world.createDraft(
      'policies',
      world.policyData(world.agencyA, { title: '依申请公开的文件', disclosure: 'on_request', nonDisclosureReason: 'process_information' }),
    )
    await world.approve('policies', draft.id)
    const signedOff = await world.act('publisher', { collection: 'policies', id: draft.id, action: 'publish' })
    expect(signedOff).toMatchObject({ state: 'recorded', published: [], recorded: [{ id: draft.id, state: 'recorded' }] })
    // 已认定: signed off and recorded with its review date, but not published.
    expect(await world.published('policies', draft.id)).toMatchObject({ _status: 'draft', workflowState: 'recorded' })
    expect((await world.published('policies', draft.id)).nextDisclosureReviewDate).toBe('2025-07-01T04:00:00.000Z')

    const { dueDisclosureReviews } = await import('../src/rules/disclosureReview.js')
    expect((await dueDisclosureReviews({ payload, asOf: new Date('2025-06-30T00:00:00Z') })).map((doc) => doc.title)).not.toContain('依申请公开的文件')
    expect((await dueDisclosureReviews({ payload, asOf: new Date('2025-07-02T00:00:00Z') })).map((doc) => doc.title)).toContain('依申请公开的文件')

    await payload.update({ collection: 'policies', id: draft.id, data: { disclosure: 'proactive' }, draft: true, overrideAccess: true, user: world.users.editor })
    // Still 依申请公开 (recorded, not public) until the change is approved and published.
    expect((await world.published('policies', draft.id)).disclosure).toBe('on_request')
    await world.approve('policies', draft.id)
    await world.act('publisher', { collection: 'policies', id: draft.id, action: 'publish' })
    const converted = await world.published('policies', draft.id)
    expect(converted).toMatchObject({ _status: 'published', workflowState: 'published', disclosure: 'proactive', nextDisclosureReviewDate: null })
    expect((await dueDisclosureReviews({ payload, asOf: new Date('2030-01-01T00:00:00Z') })).map((doc) => doc.title)).not.toContain('依申请公开的文件')
  })
})

describe('the other collections', () => {
  it('publishes a later interpretation of a published policy on its own, once it has text or media', async () => {
    const policy = await payload.create({
      collection: 'policies',
      data: { ...world.policyData(world.agencyA, { title: '已发布的旧政策' }), _status: 'published' },
      overrideAccess: true,
      context: { gongkaiImport: true },
    })
    const interpretation = await world.createDraft('interpretations', { title: '旧政策的补充解读', policies: [policy.id], form: 'text', interpretingAgency: world.agencyA })
    // 要素齐全 is known on the draft: 提交审核 refuses it, not the 签发 after review.
    const refused = await failure(world.act('editor', { collection: 'interpretations', id: interpretation.id, action: 'submit' }))
    expect(refused).toMatchObject({
      status: 400,
      message: '政策解读“旧政策的补充解读”不能提交审核：缺少解读正文、图解音视频文件或视频地址（至少一项）',
      errors: [{ path: 'body', message: '缺少解读正文、图解音视频文件或视频地址（至少一项）' }],
    })
    await payload.update({ collection: 'interpretations', id: interpretation.id, data: { videoUrl: 'https://video.example.gov.cn/a.mp4' }, draft: true, overrideAccess: false, user: world.users.editor })
    await world.approve('interpretations', interpretation.id)
    await world.act('publisher', { collection: 'interpretations', id: interpretation.id, action: 'publish' })
    expect((await world.published('interpretations', interpretation.id))._status).toBe('published')
  })

  it('publishes a participation record only with its participants and public summary', async () => {
    const record = await world.createDraft('participation', { kind: 'symposium', meetingName: '老旧小区改造居民座谈会', meetingDate: '2024-05-10T04:00:00.000Z', agency: world.agencyA })
    const refused = await failure(world.act('editor', { collection: 'participation', id: record.id, action: 'submit' }))
    expect(refused.message).toBe('公众参与记录“老旧小区改造居民座谈会”不能提交审核：缺少参与人；缺少公开摘要')
    expect(refused.errors.map((error) => error.path)).toEqual(['participants', 'publicSummary'])
    expect((await world.published('participation', record.id))._status).toBe('draft')
  })

  it('publishes a decision once its statutory parts for the stage are there', async () => {
    const decision = await world.createDraft('decisions', {
      title: '武清区老旧小区改造实施方案',
      catalogueYear: 2024,
      catalogueNumber: 7,
      responsibleAgency: world.agencyA,
      stage: 'soliciting_comments',
      draftText: lexicalText('实施方案（征求意见稿）全文'),
    })
    // 重大行政决策程序: checked at 提交审核 already, every missing element of the stage named.
    const refused = await failure(world.act('editor', { collection: 'decisions', id: decision.id, action: 'submit' }))
    expect(refused.message).toBe(
      '重大行政决策“武清区老旧小区改造实施方案”不能提交审核：' +
        ['草案说明', '决策背景', '征求意见开始日期', '征求意见结束日期', '征求意见公告'].map((element) => `决策阶段为“征求意见”时须已完成“公众参与”环节：缺少“${element}”`).join('；'),
    )
    expect(refused.errors.map((error) => error.path)).toEqual(['draftingExplanation', 'background', 'commentPeriodStart', 'commentPeriodEnd', 'commentNotice'])
    expect((await world.latest('decisions', decision.id)).workflowState).toBe('draft')
    await payload.update({
      collection: 'decisions',
      id: decision.id,
      data: {
        draftingExplanation: lexicalText('起草说明'),
        background: lexicalText('决策背景'),
        consultationForm: 'symposium',
        commentPeriodStart: '2024-03-01T04:00:00.000Z',
        commentPeriodEnd: '2024-04-01T04:00:00.000Z',
      },
      draft: true,
      overrideAccess: false,
      user: world.users.editor,
    })
    await world.approve('decisions', decision.id)
    await world.act('publisher', { collection: 'decisions', id: decision.id, action: 'publish' })
    expect(await world.published('decisions', decision.id)).toMatchObject({ _status: 'published', workflowState: 'published' })
  })
})

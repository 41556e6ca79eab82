import type { Payload } from 'payload'
import { ValidationError } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { day, lexicalText } from './support/fixtures.js'
import { startRestServer } from './support/rest.js'
import type { RestServer } from './support/rest.js'
import { startPayload } from './support/startPayload.js'
import type { StartedPayload } from './support/startPayload.js'
import { createWorkflowWorld, failure } from './support/workflowWorld.js'
import type { WorkflowWorld } from './support/workflowWorld.js'

let started: StartedPayload
let payload: Payload
let world: WorkflowWorld
let rest: RestServer
let editorToken: string

beforeAll(async () => {
  started = await startPayload({ key: 'gongkai-rules' })
  payload = started.payload
  world = await createWorkflowWorld(payload)
  rest = await startRestServer({ payload, payloadInstanceCacheKey: 'gongkai-rules' })
  editorToken = await rest.login({ email: 'editor@example.gov.cn', password: 'gongkai-test-password' })
})

afterAll(async () => {
  await rest?.close()
  await started?.stop()
})

/** A REST call as the editor, in the admin's language (`Accept-Language`). */
async function restAs(language: 'zh' | 'en', method: string, route: string, body?: unknown) {
  const response = await fetch(`${rest.origin}/api${route}`, {
    method,
    headers: { 'content-type': 'application/json', 'accept-language': language, authorization: `JWT ${editorToken}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  // Response bodies are whatever Payload's JSON says; tests read them field by field.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, body: (await response.json()) as Record<string, any> }
}

type Problem = { path: string; label: string; message: string }

/** A field's key in a message: an ASCII word such as `body`, `documentNumber`, `commentPeriodEnd`. */
const fieldKey = /[a-z][A-Za-z]+/
/** URL schemes a rule may quote (视频地址须以 http:// 或 https:// 开头) are not keys. */
const withoutSchemes = (text: string) => text.replace(/\b(?:https?|ftp):(?:\/\/)?/g, '')

let serial = 100
function decisionData(overrides: Record<string, unknown> = {}) {
  serial += 1
  return { catalogueYear: 2025, catalogueNumber: serial, title: `武清区养老服务设施布局规划（${serial}）`, responsibleAgency: world.agencyA, stage: 'drafting', ...overrides }
}
function participationData(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'symposium',
    meetingName: '养老服务设施布局规划居民座谈会',
    meetingDate: day('2025-03-15'),
    agency: world.agencyA,
    participants: [{ displayName: '居民代表甲', selectionMethod: 'invitation', sector: 'resident' }],
    publicSummary: '共 1 名居民代表参加座谈。',
    ...overrides,
  }
}

/** Saves a draft as the agency's editor and returns it as the edit view reads it (with `ruleWarnings`). */
async function saveDraft(collection: string, data: Record<string, unknown>) {
  const created = await world.createDraft(collection, data)
  const read = (await payload.findByID({ collection, id: created.id, draft: true, depth: 0, overrideAccess: false, user: world.users.editor })) as Record<string, unknown>
  return { id: created.id, created, warnings: (read.ruleWarnings ?? []) as Problem[] }
}

/** 提交审核 as the editor: the refusal (a ValidationError) with its field problems. */
async function submitRefusal(collection: string, id: number | string) {
  let caught: unknown
  await world.act('editor', { collection, id, action: 'submit' }).catch((error: unknown) => {
    caught = error
  })
  expect(caught).toBeInstanceOf(ValidationError)
  const error = caught as ValidationError
  return { status: error.status, message: error.message, problems: error.data.errors as unknown as Problem[] }
}

/** What 签发 finds: a site administrator's 强制发布 runs every check of a publication (要素齐全, field validation). */
async function signOffRefusal(collection: string, id: number | string) {
  return failure(world.act('admin', { collection, id, action: 'force-publish', reason: '检查签发时的规则' }))
}

const bad = {
  '发文字号 without 号': () => ({ collection: 'policies', data: world.policyData(world.agencyA, { documentNumber: '津武政规〔2022〕3' }), path: 'documentNumber', message: '发文字号“津武政规〔2022〕3”有误：缺少“号”字', label: '发文字号' }),
  '发文字号 without brackets': () => ({
    collection: 'policies',
    data: world.policyData(world.agencyA, { documentNumber: '津武政规2022第3号' }),
    path: 'documentNumber',
    message: '发文字号“津武政规2022第3号”有误：缺少年份括号，年份应写在六角括号“〔〕”内，如“国办发〔2018〕123号”',
    label: '发文字号',
  }),
  'a 14-day comment period without a reason': () => ({
    collection: 'decisions',
    data: decisionData({ commentPeriodStart: day('2025-03-01'), commentPeriodEnd: day('2025-03-15') }),
    path: 'commentPeriodEnd',
    message: '征求意见期限不得少于 30 日：开始日期为 2025-03-01，结束日期不得早于 2025-03-31；因情况紧急等原因缩短期限的，须填写缩短期限的理由',
    label: '征求意见结束日期',
  }),
  'a 未采纳 opinion without a reason': () => ({
    collection: 'participation',
    data: participationData({ opinions: [{ speaker: '居民代表甲', content: '建议增设社区食堂', adoption: 'not_adopted' }] }),
    path: 'opinions.0.adoptionReason',
    message: '采纳情况为“未采纳”时须说明理由',
    label: '发表的意见第1条 › 理由',
  }),
  'a participant without 遴选方式': () => ({
    collection: 'participation',
    data: participationData({ participants: [{ displayName: '居民代表甲', sector: 'resident' }] }),
    path: 'participants.0.selectionMethod',
    message: '该字段为必填项目。',
    label: '参与人第1条 › 遴选方式',
  }),
  'a participant without 界别': () => ({
    collection: 'participation',
    data: participationData({ participants: [{ displayName: '居民代表甲', selectionMethod: 'invitation' }] }),
    path: 'participants.0.sector',
    message: '该字段为必填项目。',
    label: '参与人第1条 › 界别',
  }),
  'a policy without 正文 or 附件': () => ({ collection: 'policies', data: world.policyData(world.agencyA, { body: null }), path: 'body', message: '缺少正文或附件（至少一项）', label: '正文' }),
  'an interpretation of a video form without a video': () => ({
    collection: 'interpretations',
    data: { title: '养老服务政策图解', policies: [], form: 'short_video', interpretingAgency: world.agencyA, body: lexicalText('解读') },
    path: 'videoUrl',
    message: '解读形式为“短视频”时须上传视频文件或填写视频地址',
    label: '视频地址',
  }),
} as const

describe('rules where they are made: a warning on the draft, a refusal at 提交审核, nothing new at 签发', () => {
  for (const [name, make] of Object.entries(bad)) {
    it(`${name}: the draft saves with the warning beside the field; 提交审核 refuses it by the field's label; 签发 would find nothing more`, async () => {
      const { collection, data, path, message, label } = make()
      const { id, created, warnings } = await saveDraft(collection, data)
      expect(created.workflowState).toBe('draft')
      // The response to the save carries the same warnings the edit view reads.
      expect(created.ruleWarnings).toEqual(warnings)
      expect(warnings).toContainEqual({ path, label, message })

      const refusal = await submitRefusal(collection, id)
      expect(refusal.status).toBe(400)
      expect(refusal.problems).toEqual(warnings)
      expect(refusal.message).toContain(message.includes(label.split(' › ').pop() ?? label) ? message : `${label}：${message}`)
      expect(refusal.message).toMatch(/不能提交审核：/)
      expect((await world.latest(collection, id)).workflowState).toBe('draft')

      // Every problem the sign-off's own checks find was already named at 提交审核.
      const signOff = await signOffRefusal(collection, id)
      expect(signOff.status).toBeGreaterThanOrEqual(400)
      expect(signOff.errors.length).toBeGreaterThan(0)
      for (const error of signOff.errors) expect(refusal.problems.map(({ path: p, message: m }) => ({ path: p, message: m }))).toContainEqual({ path: error.path, message: error.message })
    })
  }

  it('says each problem once: a 发布日期 before the 成文日期 is one problem, not the field rule and 要素齐全 both', async () => {
    const { id, warnings } = await saveDraft('policies', world.policyData(world.agencyA, { publishDate: day('2024-06-01') }))
    expect(warnings).toEqual([{ path: 'publishDate', label: '发布日期', message: '发布日期（2024-06-01）不得早于成文日期（2024-06-28）' }])
    // The field's own rule says it too, in other words; said once.
    const refusal = await submitRefusal('policies', id)
    expect(refusal.message.match(/不得早于成文日期/g)).toHaveLength(1)
  })

  it('a draft that breaks no rule has no warnings and is submitted', async () => {
    const { id, warnings, created } = await saveDraft('policies', world.policyData(world.agencyA))
    expect(warnings).toEqual([])
    expect(created.ruleWarnings ?? null).toBeNull()
    expect((await world.act('editor', { collection: 'policies', id, action: 'submit' })).state).toBe('pending_review')
  })

  it('reads no warnings into lists', async () => {
    await saveDraft('policies', world.policyData(world.agencyA, { documentNumber: '津武政规〔2022〕8' }))
    const { docs } = await payload.find({ collection: 'policies', draft: true, depth: 0, overrideAccess: false, user: world.users.editor, limit: 5 })
    expect(docs.every((doc) => (doc as Record<string, unknown>).ruleWarnings === undefined || (doc as Record<string, unknown>).ruleWarnings === null)).toBe(true)
  })
})

describe('messages name fields by their labels, never their keys', () => {
  const deliberatelyBad: Record<string, () => Record<string, unknown>> = {
    policies: () =>
      world.policyData(world.agencyA, {
        documentNumber: '津武政规2022第3号',
        publishDate: day('2024-06-01'),
        validity: 'expired',
        disclosure: 'on_request',
        classification: 'secret',
        body: null,
        summary: null,
      }),
    interpretations: () => ({ title: '养老服务政策图解', policies: [], form: 'short_video', interpretingAgency: world.agencyA, videoUrl: 'ftp://example.gov.cn/a' }),
    decisions: () =>
      decisionData({
        stage: 'soliciting_comments',
        commentPeriodStart: day('2025-03-01'),
        commentPeriodEnd: day('2025-03-15'),
        publicComments: [{ summary: '建议增设社区食堂', adoption: 'not_adopted' }, { adoption: 'partially_adopted' }],
      }),
    participation: () =>
      participationData({
        participants: [{ displayName: '' }, { displayName: '张三 13812345678' }],
        opinions: [{ speaker: '', content: '', adoption: 'not_adopted' }],
        publicSummary: null,
      }),
  }

  for (const [collection, make] of Object.entries(deliberatelyBad)) {
    it(`${collection}: no key in any warning, label or refusal`, async () => {
      const { id, warnings } = await saveDraft(collection, make())
      expect(warnings.length).toBeGreaterThan(1)
      const refusal = await submitRefusal(collection, id)
      const signOff = await signOffRefusal(collection, id)
      const texts = [
        ...warnings.flatMap((problem) => [problem.label, problem.message]),
        refusal.message,
        ...refusal.problems.flatMap((problem) => [problem.label, problem.message]),
        signOff.message,
        ...signOff.errors.map((error) => error.message),
      ]
      for (const text of texts) expect(withoutSchemes(text), text).not.toMatch(fieldKey)
      // Each problem once.
      const keys = refusal.problems.map((problem) => `${problem.path} ${problem.message}`)
      expect(new Set(keys).size).toBe(keys.length)
    })
  }
})

describe('over REST, in the admin’s language', () => {
  it('answers a refused 提交审核 as Payload answers a failed save (400, field paths and labels), in Chinese', async () => {
    const { id } = await saveDraft('policies', world.policyData(world.agencyA, { documentNumber: '津武政规〔2022〕5' }))
    const saved = await restAs('zh', 'PATCH', `/policies/${id}?draft=true&depth=0`, { summary: '修改摘要' })
    expect(saved.status).toBe(200)
    expect(saved.body.doc.ruleWarnings).toEqual([{ path: 'documentNumber', label: '发文字号', message: '发文字号“津武政规〔2022〕5”有误：缺少“号”字' }])
    const refused = await restAs('zh', 'POST', `/policies/${id}/workflow/submit`, {})
    expect(refused.status).toBe(400)
    expect(refused.body.errors).toEqual([
      {
        name: 'ValidationError',
        message: `政策文件“${String(saved.body.doc.title)}”不能提交审核：发文字号“津武政规〔2022〕5”有误：缺少“号”字`,
        data: { collection: 'policies', errors: [{ path: 'documentNumber', label: '发文字号', message: '发文字号“津武政规〔2022〕5”有误：缺少“号”字' }] },
      },
    ])
  })

  it('gives the English admin English messages and labels, not Chinese-only ones', async () => {
    const { id } = await saveDraft('policies', world.policyData(world.agencyA, { documentNumber: '津武政规2022第3号', title: 'Notice on administrative normative documents' }))
    const read = await restAs('en', 'GET', `/policies/${id}?draft=true&depth=0`)
    expect(read.body.ruleWarnings).toEqual([
      { path: 'documentNumber', label: 'Document number', message: 'The document number “津武政规2022第3号” is malformed: the year must be in one pair of 〔〕 brackets, e.g. “国办发〔2018〕123号”' },
    ])
    const refused = await restAs('en', 'POST', `/policies/${id}/workflow/submit`, {})
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].message).toBe(
      'Policy document "Notice on administrative normative documents" cannot be sent on (submit for review): Document number: The document number “津武政规2022第3号” is malformed: the year must be in one pair of 〔〕 brackets, e.g. “国办发〔2018〕123号”',
    )
  })
})

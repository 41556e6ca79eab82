import { createLocalReq, getLocalI18n } from 'payload'
import type { Payload, PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { recordConfidentialityReview } from '../src/review/reviewActions.js'
import { retryDelivery } from '../src/delivery/retryDelivery.js'
import { day, lexicalText } from './support/fixtures.js'
import { chineseIn, englishIn } from './support/messageLanguage.js'
import { startRestServer } from './support/rest.js'
import type { RestServer } from './support/rest.js'
import { startPayload } from './support/startPayload.js'
import type { StartedPayload } from './support/startPayload.js'
import { createWorkflowWorld, failure } from './support/workflowWorld.js'
import type { WorkflowActor, WorkflowWorld } from './support/workflowWorld.js'

// Every refusal of the plugin, asked for in Chinese and in English (issues 11 and 12): the Chinese admin reads no
// English, the English admin no Chinese-only message. What counts as a word of the other language is defined in
// support/messageLanguage.ts (quoted user values and statutory terms in parentheses aside).

let started: StartedPayload
let payload: Payload
let world: WorkflowWorld
let rest: RestServer

beforeAll(async () => {
  started = await startPayload({ key: 'gongkai-message-language' })
  payload = started.payload
  world = await createWorkflowWorld(payload)
  rest = await startRestServer({ payload, payloadInstanceCacheKey: 'gongkai-message-language' })
})

afterAll(async () => {
  await rest?.close()
  await started?.stop()
})

type Language = 'zh' | 'en'
type Refusal = { status: number; message: string; errors: { path: string; message: string }[] }

/** A request of `actor` whose admin language is `language`, as Payload builds one for the local API. */
async function reqIn(language: Language, actor?: WorkflowActor): Promise<PayloadRequest> {
  const i18n = await getLocalI18n({ config: payload.config, language })
  return createLocalReq({ user: actor ? (world.users[actor] as never) : undefined, req: { i18n } as never }, payload)
}

function act(language: Language, actor: WorkflowActor, args: { collection: string; id: number | string; action: string } & Record<string, unknown>) {
  return async () => world.act(actor, { ...args, req: await reqIn(language, actor) } as never)
}

/** The refusal in both languages, after checking each reads in its own language and both say the same thing. */
async function refusedInBoth(refuse: (language: Language) => Promise<unknown>): Promise<Record<Language, Refusal>> {
  const zh = await failure(refuse('zh'))
  const en = await failure(refuse('en'))
  expect(en.status, `${zh.message} | ${en.message}`).toBe(zh.status)
  expect(zh.status, zh.message).toBeLessThan(500)
  for (const text of [zh.message, ...zh.errors.map((error) => error.message)]) expect(englishIn(text), `zh: ${text}`).toEqual([])
  for (const text of [en.message, ...en.errors.map((error) => error.message)]) expect(chineseIn(text), `en: ${text}`).toEqual([])
  expect(en.message).not.toBe(zh.message)
  expect(en.errors.map((error) => error.path)).toEqual(zh.errors.map((error) => error.path))
  return { zh, en }
}

async function draftPolicy(overrides: Record<string, unknown> = {}) {
  return world.createDraft('policies', world.policyData(world.agencyA, overrides))
}

async function publishedPolicy(overrides: Record<string, unknown> = {}) {
  const draft = await draftPolicy(overrides)
  await world.approve('policies', draft.id)
  await world.act('publisher', { collection: 'policies', id: draft.id, action: 'publish' })
  return draft
}

describe('refusals of the workflow', () => {
  it('提交审核 of a draft that breaks a rule checkable before publication (发文字号)', async () => {
    const draft = await draftPolicy({ documentNumber: '津武政规〔2022〕5', title: 'Notice on administrative normative documents' })
    const { zh, en } = await refusedInBoth((language) => act(language, 'editor', { collection: 'policies', id: draft.id, action: 'submit' })())
    expect(zh.message).toContain('发文字号“津武政规〔2022〕5”有误：缺少“号”字')
    expect(en.message).toContain('Document number: The document number “津武政规〔2022〕5” is malformed')
  })

  it('提交审核 of a decision whose stage skips the steps before it (重大行政决策程序)', async () => {
    const decision = await world.createDraft('decisions', { catalogueYear: 2025, catalogueNumber: 901, title: '养老服务设施布局规划', responsibleAgency: world.agencyA, stage: 'deciding' })
    const { zh, en } = await refusedInBoth((language) => act(language, 'editor', { collection: 'decisions', id: decision.id, action: 'submit' })())
    expect(zh.message).toContain('决策阶段为“审议决定”时须已完成')
    expect(en.message).toContain('At the stage “Deliberation” the step “Public participation” must be done: “Draft full text” is missing')
  })

  it('审核通过 by the version’s author, and by the one who submitted it (four eyes)', async () => {
    const draft = await draftPolicy()
    await world.act('editorReviewer', { collection: 'policies', id: draft.id, action: 'submit' })
    await refusedInBoth((language) => act(language, 'editorReviewer', { collection: 'policies', id: draft.id, action: 'approve' })())
    const authored = await world.createDraft('policies', world.policyData(world.agencyA), 'editorReviewer')
    await world.act('editorReviewer', { collection: 'policies', id: authored.id, action: 'submit' })
    const { en } = await refusedInBoth((language) => act(language, 'editorReviewer', { collection: 'policies', id: authored.id, action: 'approve' })())
    expect(en.message).toContain('(four eyes, 四眼原则)')
  })

  it('审核通过 without a passed 保密审查, and with an ID number in a text field', async () => {
    const draft = await draftPolicy({ summary: '联系人身份证号 11010519491231002X，请核对。' })
    await world.act('editor', { collection: 'policies', id: draft.id, action: 'submit' })
    const { zh, en } = await refusedInBoth((language) => act(language, 'reviewer', { collection: 'policies', id: draft.id, action: 'approve' })())
    expect(zh.message).toContain('摘要：发现居民身份证号')
    expect(en.message).toContain('Summary: Found an ID card number')
  })

  it('审核通过 of a policy that needs an interpretation without one (三同步)', async () => {
    const draft = await draftPolicy({ needsInterpretation: true })
    await world.act('editor', { collection: 'policies', id: draft.id, action: 'submit' })
    await world.passReview('policies', draft.id)
    await refusedInBoth((language) => act(language, 'reviewer', { collection: 'policies', id: draft.id, action: 'approve' })())
  })

  it('an action from the wrong state, without the role, and an unknown document or action', async () => {
    const draft = await draftPolicy()
    const wrongState = await refusedInBoth((language) => act(language, 'reviewer', { collection: 'policies', id: draft.id, action: 'approve' })())
    expect(wrongState.en.message).toContain('is “Draft”')
    await refusedInBoth((language) => act(language, 'editorB', { collection: 'policies', id: draft.id, action: 'submit' })())
    await refusedInBoth((language) => act(language, 'editor', { collection: 'policies', id: 987654, action: 'submit' })())
    await refusedInBoth((language) => act(language, 'editor', { collection: 'policies', id: draft.id, action: 'explode' })())
    await refusedInBoth((language) => act(language, 'editor', { collection: 'policies', id: draft.id, action: 'force-publish', reason: '急' })())
  })

  it('退回 without a reason and 定时发布 in the past', async () => {
    const draft = await draftPolicy()
    await world.approve('policies', draft.id)
    await refusedInBoth((language) => act(language, 'reviewer', { collection: 'policies', id: draft.id, action: 'return' })())
    await refusedInBoth((language) => act(language, 'publisher', { collection: 'policies', id: draft.id, action: 'schedule', publishAt: '2020-01-01T00:00:00.000Z' })())
    await refusedInBoth((language) => act(language, 'publisher', { collection: 'policies', id: draft.id, action: 'schedule' })())
  })

  it('撤回, 宣布失效 and 抹除 of a published document without what they need', async () => {
    const policy = await publishedPolicy()
    await refusedInBoth((language) => act(language, 'publisher', { collection: 'policies', id: policy.id, action: 'withdraw' })())
    await refusedInBoth((language) => act(language, 'publisher', { collection: 'policies', id: policy.id, action: 'invalidate', validity: 'in_force' })())
    await refusedInBoth((language) => act(language, 'publisher', { collection: 'policies', id: policy.id, action: 'redact', reason: '抹除个人信息' })())
    await refusedInBoth((language) => act(language, 'publisher', { collection: 'policies', id: policy.id, action: 'redact', libraryVersion: 'one', reason: '抹除个人信息' })())
  })
})

describe('refusals of saves', () => {
  it('a direct change or deletion of a published document, and publishing outside the workflow', async () => {
    const policy = await publishedPolicy()
    const { zh } = await refusedInBoth(async (language) =>
      payload.update({ collection: 'policies', id: policy.id, data: { summary: '直接修改' }, overrideAccess: false, req: await reqIn(language, 'editor') }),
    )
    expect(zh.message).toContain('（POST /api/policies/')
    await refusedInBoth(async (language) => payload.delete({ collection: 'policies', id: policy.id, overrideAccess: false, req: await reqIn(language, 'editor') }))
    await refusedInBoth(async (language) =>
      payload.create({ collection: 'policies', data: { ...world.policyData(world.agencyA), _status: 'published' }, overrideAccess: true, req: await reqIn(language) }),
    )
    await refusedInBoth(async (language) =>
      payload.update({ collection: 'policies', id: policy.id, data: { indexNumber: '000000000/2024-00001' }, draft: true, overrideAccess: true, req: await reqIn(language) }),
    )
  })

  it('a document for an agency where the editor is not 撰稿', async () => {
    const { en } = await refusedInBoth(async (language) =>
      payload.create({ collection: 'policies', data: world.policyData(world.agencyB), draft: true, overrideAccess: false, req: await reqIn(language, 'editor') }),
    )
    expect(en.errors[0]?.message).toMatch(/^Issuing agency “天津市武清区教育局” is not an agency where you are an editor/)
  })

  it('a field rule on a save that publishes, and on a draft’s 提交审核 (dates, validity, topics)', async () => {
    const draft = await draftPolicy({ publishDate: day('2024-06-01'), writtenDate: day('2024-06-28'), validity: 'repealed' })
    const { zh, en } = await refusedInBoth((language) => act(language, 'editor', { collection: 'policies', id: draft.id, action: 'submit' })())
    expect(zh.message).toContain('发布日期（2024-06-01）不得早于成文日期（2024-06-28）')
    expect(en.message).toContain('The publication date (2024-06-01) must not be before the date written (2024-06-28)')
  })

  it('a 保密审查 recorded as passed while a finding blocks it', async () => {
    const draft = await draftPolicy({ body: lexicalText('请联系 13812345678。') })
    await world.act('editor', { collection: 'policies', id: draft.id, action: 'submit' })
    await refusedInBoth(async (language) =>
      recordConfidentialityReview({ payload, req: await reqIn(language, 'reviewer'), user: world.users.reviewer, collection: 'policies', id: draft.id, conclusion: 'passed', basis: '' }),
    )
  })

  it('a retry of a delivery that does not exist', async () => {
    await refusedInBoth(async (language) => retryDelivery({ payload, req: await reqIn(language, 'publisher'), user: world.users.publisher, id: 424242 }))
  })
})

describe('refusals over REST, in the admin’s language (Accept-Language)', () => {
  it('answers the endpoints’ bad parameters and missing logins in the asked language', async () => {
    const ask = async (language: Language, path: string, method = 'GET') => {
      const response = await fetch(`${rest.origin}/api${path}`, { method, headers: { 'accept-language': language, 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' })
      const body = (await response.json()) as { errors?: { message: string }[] }
      return { status: response.status, message: body.errors?.[0]?.message ?? '' }
    }
    for (const [path, method] of [
      ['/gongkai/participation-compliance?year=20x5&agency=1', 'GET'],
      ['/policies/1/workflow/submit', 'POST'],
      ['/policies/1/workflow', 'GET'],
      ['/decisions/abc/dossier', 'GET'],
    ] as const) {
      const zh = await ask('zh', path, method)
      const en = await ask('en', path, method)
      expect(en.status, path).toBe(zh.status)
      expect(zh.status, path).toBeGreaterThanOrEqual(400)
      expect(englishIn(zh.message), `zh ${path}: ${zh.message}`).toEqual([])
      expect(chineseIn(en.message), `en ${path}: ${en.message}`).toEqual([])
      expect(en.message, path).not.toBe(zh.message)
    }
  })
})

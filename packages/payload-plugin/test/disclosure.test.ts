import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { availableActions } from '../src/workflow/availableActions.js'
import { lexicalText } from './support/fixtures.js'
import type { ReadCollection, Reader } from './support/readPaths.js'
import { readPaths, readers } from './support/readPaths.js'
import { startRestServer } from './support/rest.js'
import type { RestServer } from './support/rest.js'
import { startPayload } from './support/startPayload.js'
import type { StartedPayload } from './support/startPayload.js'
import { createWorkflowWorld, failure } from './support/workflowWorld.js'
import type { WorkflowActor, WorkflowWorld } from './support/workflowWorld.js'

const key = 'gongkai-disclosure'
let started: StartedPayload
let payload: Payload
let world: WorkflowWorld
let server: RestServer
const tokens: Partial<Record<Reader, string>> = {}
const users: Partial<Record<Reader, Record<string, unknown>>> = {}
const readerActor: Record<Exclude<Reader, 'anonymous'>, WorkflowActor> = { otherAgency: 'publisherB', member: 'editor', admin: 'admin' }

type Disclosure = 'proactive' | 'on_request' | 'not_disclosed'
const disclosures: readonly Disclosure[] = ['proactive', 'on_request', 'not_disclosed']

/** A document to read, and whether the public may read it. */
type Subject = { name: string; collection: ReadCollection; id: number; title: string; isPublic: boolean }
const subjects: Subject[] = []

const nonPublic = (disclosure: Disclosure) => (disclosure === 'proactive' ? {} : { nonDisclosureReason: 'process_information', nonDisclosureExplanation: '《政府信息公开条例》第十六条' })

/** A policy of agency A with one interpretation, both signed off through the workflow. */
async function signOffWithInterpretation(title: string, disclosure: Disclosure) {
  const policy = await world.createDraft('policies', world.policyData(world.agencyA, { title, disclosure, ...nonPublic(disclosure) }))
  const interpretation = await world.createDraft('interpretations', {
    title: `《${title}》政策解读`,
    policies: [policy.id],
    form: 'text',
    interpretingAgency: world.agencyA,
    body: lexicalText('一、出台背景。二、主要内容。'),
  })
  await world.approve('interpretations', interpretation.id)
  await world.approve('policies', policy.id)
  const result = await world.act('publisher', { collection: 'policies', id: policy.id, action: 'publish' })
  return { policy, interpretation, result }
}

beforeAll(async () => {
  started = await startPayload({ key })
  payload = started.payload
  world = await createWorkflowWorld(payload)
  server = await startRestServer({ payload, payloadInstanceCacheKey: key })
  for (const [reader, actor] of Object.entries(readerActor) as [Exclude<Reader, 'anonymous'>, WorkflowActor][]) {
    tokens[reader] = await server.login({ email: `${actor.toLowerCase()}@example.gov.cn`, password: 'gongkai-test-password' })
    users[reader] = world.users[actor]
  }
  const labels: Record<Disclosure, string> = { proactive: '主动公开', on_request: '依申请公开', not_disclosed: '不予公开' }
  for (const disclosure of disclosures) {
    const { policy, interpretation } = await signOffWithInterpretation(`${labels[disclosure]}的区政府文件`, disclosure)
    const isPublic = disclosure === 'proactive'
    subjects.push({ name: `${labels[disclosure]} policy`, collection: 'policies', id: policy.id, title: String(policy.title), isPublic })
    subjects.push({ name: `interpretation of a ${labels[disclosure]} policy`, collection: 'interpretations', id: interpretation.id, title: String(interpretation.title), isPublic })
  }
  // Published 主动公开, then a revision made it 不予公开 and was signed off: the public version goes offline.
  const { policy, interpretation } = await signOffWithInterpretation('先主动公开后改为不予公开的文件', 'proactive')
  await payload.update({ collection: 'policies', id: policy.id, data: { disclosure: 'not_disclosed', ...nonPublic('not_disclosed') }, draft: true, overrideAccess: false, user: world.users.editor })
  await world.approve('policies', policy.id)
  await world.act('publisher', { collection: 'policies', id: policy.id, action: 'publish' })
  subjects.push({ name: 'policy revised from 主动公开 to 不予公开', collection: 'policies', id: policy.id, title: String(policy.title), isPublic: false })
  subjects.push({ name: 'interpretation of a policy revised to 不予公开', collection: 'interpretations', id: interpretation.id, title: String(interpretation.title), isPublic: false })
  // Published before the rule existed (imported as published with a 公开属性 that is not 主动公开).
  const legacy = await payload.create({
    collection: 'policies',
    data: { ...world.policyData(world.agencyA, { title: '规则生效前发布的依申请公开文件', disclosure: 'on_request', ...nonPublic('on_request') }), _status: 'published' },
    context: { gongkaiImport: true },
  })
  subjects.push({ name: '依申请公开 policy published before the rule', collection: 'policies', id: legacy.id as number, title: String(legacy.title), isPublic: false })
})

afterAll(async () => {
  await server?.close()
  await started?.stop()
})

const mayRead = (subject: Pick<Subject, 'isPublic'>, reader: Reader) => subject.isPublic || reader === 'member' || reader === 'admin'

describe('every read path, for each 公开属性', () => {
  describe.each(readPaths.map((path) => [path.name, path] as const))('%s', (_, path) => {
    it.each(readers)('as %s: only 主动公开 documents are public; the owning agency and site admins read the rest', async (reader) => {
      const seen = []
      for (const subject of subjects) {
        const outcome = await path.read({ payload, server, collection: subject.collection, id: subject.id, token: tokens[reader], user: users[reader] })
        seen.push({ subject: subject.name, reads: outcome.title === subject.title })
      }
      expect(seen).toEqual(subjects.map((subject) => ({ subject: subject.name, reads: mayRead({ isPublic: subject.isPublic && !path.isMembersOnly }, reader) })))
    })
  })
})

describe('population through relations (depth)', () => {
  it('does not leak a policy that is not public through a published interpretation that links it', async () => {
    const recorded = subjects.find((subject) => subject.name === '依申请公开 policy')
    expect(recorded).toBeDefined()
    // Linked from a published document (as data imported from before the rule could be).
    const linking = await payload.create({
      collection: 'interpretations',
      data: { title: '链接依申请公开文件的公开解读', policies: [recorded?.id], form: 'text', interpretingAgency: world.agencyA, body: lexicalText('解读正文。'), _status: 'published' },
      context: { gongkaiImport: true },
    })
    for (const reader of readers) {
      const rest = await server.request({ path: `/interpretations/${String(linking.id)}?depth=1`, token: tokens[reader] })
      expect(rest.status).toBe(200)
      const graph = await server.graphql({ query: `query { Interpretation(id: ${String(linking.id)}) { id policies { id title body } } }`, token: tokens[reader] })
      const local = await payload.findByID({ collection: 'interpretations', id: linking.id, depth: 1, overrideAccess: false, user: users[reader] })
      const populated = [rest.body.policies?.[0], graph.body.data?.Interpretation?.policies?.[0], (local.policies as unknown[] | undefined)?.[0]]
      const titles = populated.map((policy) => (policy && typeof policy === 'object' ? (policy as { title?: string }).title : undefined))
      expect({ reader, titles }).toEqual({ reader, titles: mayRead({ isPublic: false }, reader) ? [recorded?.title, recorded?.title, recorded?.title] : [undefined, undefined, undefined] })
    }
  })
})

describe('已认定: the sign-off of a document that is not public', () => {
  it('records a 依申请公开 policy and its interpretation without publishing them, with 索引号 and review date', async () => {
    const { policy, interpretation, result } = await signOffWithInterpretation('签发认定的依申请公开文件', 'on_request')
    expect(result).toMatchObject({ state: 'recorded', published: [] })
    expect(result.recorded.map((doc) => [doc.collection, doc.id, doc.state])).toEqual([
      ['policies', policy.id, 'recorded'],
      ['interpretations', interpretation.id, 'recorded'],
    ])
    const stored = await world.published('policies', policy.id)
    expect(stored).toMatchObject({ _status: 'draft', workflowState: 'recorded', nextDisclosureReviewDate: '2025-07-01T04:00:00.000Z', workflow: { recordedBy: world.users.publisher.id } })
    expect(stored.indexNumber).toMatch(new RegExp(`^${world.codeA}/2024-\\d{5}$`))
    expect(stored.workflow).toMatchObject({ publishedAt: null })
    expect(await world.published('interpretations', interpretation.id)).toMatchObject({ _status: 'draft', workflowState: 'recorded' })
    const { docs: audit } = await payload.find({ collection: 'gongkai-audit-log', where: { documentId: { equals: String(policy.id) }, collectionSlug: { equals: 'policies' } }, sort: '-createdAt', limit: 1, overrideAccess: true })
    expect(audit[0]).toMatchObject({ action: 'publish', toState: 'recorded', details: { notPublic: '公开属性为“依申请公开”' } })
  })

  it('labels the sign-off 签发认定 and offers no scheduled publication; refuses to schedule one', async () => {
    const policy = await world.createDraft('policies', world.policyData(world.agencyA, { title: '待签发认定的不予公开文件', disclosure: 'not_disclosed', ...nonPublic('not_disclosed') }))
    await world.approve('policies', policy.id)
    const actions = await availableActions({ payload, user: world.users.publisher, collection: 'policies', id: policy.id })
    expect(actions.actions.map((action) => [action.action, action.label])).toEqual([['publish', '签发认定']])
    const proactive = await world.createDraft('policies', world.policyData(world.agencyA, { title: '待签发发布的主动公开文件' }))
    await world.approve('policies', proactive.id)
    const publicActions = await availableActions({ payload, user: world.users.publisher, collection: 'policies', id: proactive.id })
    expect(publicActions.actions.map((action) => [action.action, action.label])).toEqual([
      ['publish', '签发发布'],
      ['schedule', '定时发布'],
    ])
    const refused = await failure(world.act('publisher', { collection: 'policies', id: policy.id, action: 'schedule', publishAt: new Date(Date.now() + 86_400_000).toISOString() }))
    expect(refused).toMatchObject({
      status: 409,
      message: '政策文件“待签发认定的不予公开文件”的公开属性为“不予公开”，签发后只认定、不公开，不能定时发布：请直接“签发认定”',
    })
    expect((await world.latest('policies', policy.id)).workflowState).toBe('approved')
  })

  it('records an interpretation of a recorded policy on its own instead of refusing or publishing it', async () => {
    const { policy } = await signOffWithInterpretation('已认定文件的后续解读所依据的文件', 'on_request')
    const later = await world.createDraft('interpretations', {
      title: '已认定文件的后续解读',
      policies: [policy.id],
      form: 'text',
      interpretingAgency: world.agencyA,
      body: lexicalText('后续解读。'),
    })
    await world.approve('interpretations', later.id)
    const actions = await availableActions({ payload, user: world.users.publisher, collection: 'interpretations', id: later.id })
    expect(actions.actions.find((action) => action.action === 'publish')?.label).toBe('签发认定')
    const result = await world.act('publisher', { collection: 'interpretations', id: later.id, action: 'publish' })
    expect(result).toMatchObject({ state: 'recorded', published: [] })
    expect((await server.request({ path: `/interpretations/${later.id}` })).status).toBe(404)
  })

  it('takes the published version offline when a revision making it 不予公开 is signed off, and its interpretation with it', async () => {
    const revised = subjects.find((subject) => subject.name === 'policy revised from 主动公开 to 不予公开')
    const interpretation = subjects.find((subject) => subject.name === 'interpretation of a policy revised to 不予公开')
    expect(await world.published('policies', revised!.id)).toMatchObject({ _status: 'draft', workflowState: 'recorded', disclosure: 'not_disclosed' })
    expect(await world.published('interpretations', interpretation!.id)).toMatchObject({
      _status: 'draft',
      workflowState: 'withdrawn',
      workflow: { withdrawReason: '所解读的政策文件“先主动公开后改为不予公开的文件”已撤回：公开属性改为“不予公开”，文件不再公开' },
    })
  })

  it('publishes a recorded document through the workflow once its 公开属性 is changed to 主动公开', async () => {
    const { policy } = await signOffWithInterpretation('转为主动公开的依申请公开文件', 'on_request')
    expect((await server.request({ path: `/policies/${policy.id}` })).status).toBe(404)
    await payload.update({ collection: 'policies', id: policy.id, data: { disclosure: 'proactive' }, draft: true, overrideAccess: false, user: world.users.editor })
    expect((await world.latest('policies', policy.id)).workflowState).toBe('draft')
    // The recorded version stays the stored one (and not public) while the change is in review.
    expect(await world.published('policies', policy.id)).toMatchObject({ workflowState: 'recorded', disclosure: 'on_request' })
    await world.approve('policies', policy.id)
    const actions = await availableActions({ payload, user: world.users.publisher, collection: 'policies', id: policy.id })
    expect(actions.actions.find((action) => action.action === 'publish')?.label).toBe('签发发布')
    const result = await world.act('publisher', { collection: 'policies', id: policy.id, action: 'publish' })
    expect(result).toMatchObject({ state: 'published', recorded: [] })
    const read = await server.request({ path: `/policies/${policy.id}` })
    expect(read).toMatchObject({ status: 200, body: { _status: 'published', workflowState: 'published', disclosure: 'proactive', nextDisclosureReviewDate: null } })
  })

  it('signs a recorded document off again after an unchanged 公开属性 review, counting the next review from then', async () => {
    const { policy } = await signOffWithInterpretation('复审后维持依申请公开的文件', 'on_request')
    const before = await world.published('policies', policy.id)
    await world.approve('policies', policy.id)
    const result = await world.act('publisher', { collection: 'policies', id: policy.id, action: 'publish' })
    expect(result.state).toBe('recorded')
    const after = await world.published('policies', policy.id)
    expect(after.indexNumber).toBe(before.indexNumber)
    const expected = new Date()
    expected.setUTCMonth(expected.getUTCMonth() + 12)
    expect(String(after.nextDisclosureReviewDate).slice(0, 7)).toBe(expected.toISOString().slice(0, 7))
  })

  it('refuses to change a recorded document without a draft, or to let its editor delete it', async () => {
    const { policy } = await signOffWithInterpretation('不能直接修改的已认定文件', 'not_disclosed')
    const direct = await failure(payload.update({ collection: 'policies', id: policy.id, data: { title: '直接改标题' }, overrideAccess: false, user: world.users.editor }))
    expect(direct).toMatchObject({
      status: 403,
      message: '政策文件“不能直接修改的已认定文件”已认定（签发认定，不公开），不能直接修改：修改请保存为草稿（draft）后重新提交审核',
    })
    const deleted = await failure(payload.delete({ collection: 'policies', id: policy.id, overrideAccess: false, user: world.users.editor }))
    expect(deleted.status).toBe(403)
    expect(deleted.message).toBe('已认定（签发认定）过的文件是公开属性的备案记录，不能删除：只有站点管理员可以删除')
    expect((await world.published('policies', policy.id)).title).toBe('不能直接修改的已认定文件')
  })
})

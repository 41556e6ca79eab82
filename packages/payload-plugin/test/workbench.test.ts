import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { localizeQueryPresets } from '../src/index.js'
import { startRestServer } from './support/rest.js'
import type { RestServer } from './support/rest.js'
import { startPayload } from './support/startPayload.js'
import type { StartedPayload } from './support/startPayload.js'
import { createWorkflowWorld } from './support/workflowWorld.js'
import type { WorkflowActor, WorkflowWorld } from './support/workflowWorld.js'

let started: StartedPayload
let payload: Payload
let world: WorkflowWorld
let rest: RestServer
const tokens: Partial<Record<WorkflowActor, string>> = {}
const ids: Record<string, number> = {}

type Line = {
  key: string
  audience: string
  count: number
  href: string
  target?: number
  agency?: { id: number; name: string }
  entries: { collection: string; count: number; href: string }[]
  items: { title: string; by: string | null; reason: string | null; since: string | null }[]
}

beforeAll(async () => {
  started = await startPayload({ key: 'gongkai-workbench', pluginOptions: { participationTarget: 4 } })
  payload = started.payload
  world = await createWorkflowWorld(payload)
  rest = await startRestServer({ payload, payloadInstanceCacheKey: 'gongkai-workbench' })
  await payload.update({ collection: 'users', id: world.users.reviewer.id, data: { name: '李审核' }, overrideAccess: true })
  for (const actor of ['admin', 'editor', 'reviewer', 'publisher', 'editorB', 'reviewerB'] as const) {
    tokens[actor] = await rest.login({ email: `${actor.toLowerCase()}@example.gov.cn`, password: 'gongkai-test-password' })
  }
  const draft = async (agency: number, title: string, overrides: Record<string, unknown> = {}) =>
    (await world.createDraft('policies', world.policyData(agency, { title, ...overrides }))).id
  ids.draft = await draft(world.agencyA, '甲机构的草稿', { needsInterpretation: true })
  ids.returned = await draft(world.agencyA, '甲机构被退回的通知')
  await world.act('editor', { collection: 'policies', id: ids.returned, action: 'submit' })
  await world.act('reviewer', { collection: 'policies', id: ids.returned, action: 'return', reason: '请补充成文日期依据' })
  ids.pending = await draft(world.agencyA, '甲机构待审核的通知')
  await world.act('editor', { collection: 'policies', id: ids.pending, action: 'submit' })
  ids.approved = await draft(world.agencyA, '甲机构已审核的通知')
  await world.approve('policies', ids.approved)
  ids.pendingB = await draft(world.agencyB, '乙机构待审核的通知')
  await world.act('editorB', { collection: 'policies', id: ids.pendingB, action: 'submit' })
  ids.draftB = await draft(world.agencyB, '乙机构的草稿', { needsInterpretation: true })
})

afterAll(async () => {
  await rest?.close()
  await started?.stop()
})

const workbenchOf = async (actor: WorkflowActor) => {
  const response = await rest.request({ path: '/gongkai/workbench', token: tokens[actor] })
  expect(response.status).toBe(200)
  return response.body as { isSiteAdmin: boolean; agencies: { name: string; roles: string[] }[]; lines: Line[] }
}
const line = (lines: Line[], key: string) => lines.find((candidate) => candidate.key === key)
const agencyLineKeys = ['needsInterpretation', 'disclosureReviewDue', 'publicAttendance']

describe('GET /api/gongkai/workbench', () => {
  it('answers 401 with a Chinese message to an anonymous request', async () => {
    const response = await rest.request({ path: '/gongkai/workbench' })
    expect(response).toMatchObject({ status: 401, body: { errors: [{ message: '须登录后才能查看工作台' }] } })
  })

  it('gives a 撰稿 their drafts and the returned documents with reason and who returned them', async () => {
    const workbench = await workbenchOf('editor')
    expect(workbench.lines.map((candidate) => candidate.key)).toEqual(['myDrafts', 'returned', ...agencyLineKeys])
    expect(workbench.agencies).toEqual([{ id: world.agencyA, name: '天津市武清区发展和改革委员会', roles: ['editor'] }])
    const drafts = line(workbench.lines, 'myDrafts')
    // The returned and pending documents were also last edited by the editor; only the draft is a draft.
    expect(drafts?.count).toBe(1)
    const returned = line(workbench.lines, 'returned')
    expect(returned?.count).toBe(1)
    expect(returned?.items).toEqual([expect.objectContaining({ title: '甲机构被退回的通知', by: '李审核', reason: '请补充成文日期依据' })])
  })

  it('gives a 审核 what waits for review in their agency only, oldest first, with when it was submitted', async () => {
    const workbench = await workbenchOf('reviewer')
    expect(workbench.lines.map((candidate) => candidate.key)).toEqual(['pendingReview', ...agencyLineKeys])
    const pending = line(workbench.lines, 'pendingReview')
    expect(pending?.count).toBe(1)
    expect(pending?.items.map((item) => item.title)).toEqual(['甲机构待审核的通知'])
    expect(pending?.items[0]?.since).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    const other = line((await workbenchOf('reviewerB')).lines, 'pendingReview')
    expect(other?.items.map((item) => item.title)).toEqual(['乙机构待审核的通知'])
  })

  it('gives a 签发 what is approved and what is scheduled', async () => {
    const workbench = await workbenchOf('publisher')
    expect(workbench.lines.map((candidate) => candidate.key)).toEqual(['approved', 'scheduled', ...agencyLineKeys])
    expect(line(workbench.lines, 'approved')?.items.map((item) => item.title)).toEqual(['甲机构已审核的通知'])
    expect(line(workbench.lines, 'scheduled')?.count).toBe(0)
  })

  it('counts policies needing an interpretation and 列席会议 against the configured target, per agency', async () => {
    const workbench = await workbenchOf('editor')
    expect(line(workbench.lines, 'needsInterpretation')?.count).toBe(1)
    const attendance = workbench.lines.filter((candidate) => candidate.key === 'publicAttendance')
    expect(attendance).toEqual([expect.objectContaining({ count: 0, target: 4, agency: { id: world.agencyA, name: '天津市武清区发展和改革委员会' } })])
  })

  it('never shows another agency’s documents to a member, and shows every agency to the site admin', async () => {
    const editor = JSON.stringify(await workbenchOf('editor'))
    for (const title of ['乙机构待审核的通知', '乙机构的草稿']) expect(editor).not.toContain(title)
    const admin = await workbenchOf('admin')
    expect(admin.isSiteAdmin).toBe(true)
    expect(admin.lines.map((candidate) => candidate.key)).toEqual([
      'myDrafts',
      'returned',
      'pendingReview',
      'approved',
      'scheduled',
      'needsInterpretation',
      'disclosureReviewDue',
      'publicAttendance',
      'publicAttendance',
    ])
    expect(line(admin.lines, 'pendingReview')?.items.map((item) => item.title).sort()).toEqual(['乙机构待审核的通知', '甲机构待审核的通知'].sort())
    expect(line(admin.lines, 'needsInterpretation')?.count).toBe(2)
  })

  it('links each line to the list filtered as it counts (the REST list with the same where answers the same count)', async () => {
    const workbench = await workbenchOf('reviewer')
    const pending = line(workbench.lines, 'pendingReview')
    const href = pending?.entries.find((entry) => entry.collection === 'policies')?.href ?? ''
    expect(href).toMatch(/^\/admin\/collections\/policies\?where/)
    const query = href.slice(href.indexOf('?') + 1)
    const listed = await rest.request({ path: `/policies?${query}&draft=true&depth=0`, token: tokens.reviewer })
    expect(listed.status).toBe(200)
    expect(listed.body.docs.map((doc: { title: string }) => doc.title)).toEqual(['甲机构待审核的通知'])
  })
})

describe('policies list', () => {
  it('finds a 发文字号 searched with look-alike brackets, as the admin search box and REST send it', async () => {
    const stored = (await payload.findByID({ collection: 'policies', id: ids.pending as number, draft: true, depth: 0, overrideAccess: true })) as unknown as { documentNumber: string }
    expect(stored.documentNumber).toMatch(/〔2024〕\d+号$/)
    const typed = stored.documentNumber.replace('〔', '[').replace('〕', ']')
    const query = new URLSearchParams({ 'where[or][0][title][like]': typed, 'where[or][1][documentNumber][like]': typed, draft: 'true', depth: '0' })
    const found = await rest.request({ path: `/policies?${query.toString()}`, token: tokens.reviewer })
    expect(found.status).toBe(200)
    expect(found.body.docs.map((doc: { id: number }) => doc.id)).toEqual([ids.pending])
    const partial = new URLSearchParams({ 'where[documentNumber][like]': '津武发改（２０２４）', draft: 'true', depth: '0', limit: '100' })
    const partialFound = await rest.request({ path: `/policies?${partial.toString()}`, token: tokens.admin })
    expect(partialFound.body.docs.map((doc: { id: number }) => doc.id)).toContain(ids.pending)
  })

  it('pre-fills 发文机关 and 承办单位 in a new document for an editor of exactly one agency, not for a site admin or a reviewer', async () => {
    const defaultOf = (collection: string, name: string) => {
      const field = payload.collections[collection]!.config.flattenedFields.find((candidate) => candidate.name === name) as { defaultValue?: unknown }
      return field.defaultValue as (args: { user: unknown }) => unknown
    }
    for (const [collection, name] of [['policies', 'issuingAgency'], ['decisions', 'responsibleAgency']] as const) {
      expect(defaultOf(collection, name)({ user: world.users.editor })).toBe(world.agencyA)
      expect(defaultOf(collection, name)({ user: world.users.editorB })).toBe(world.agencyB)
      expect(defaultOf(collection, name)({ user: world.users.admin })).toBeUndefined()
      expect(defaultOf(collection, name)({ user: world.users.reviewer })).toBeUndefined()
    }
  })

  it('shows 索引号, 标题, 发文字号, 发文机关, 发布日期 and 工作流状态 by default and keeps internal fields out of the column and filter pickers', () => {
    const config = payload.collections.policies!.config
    expect(config.admin.defaultColumns).toEqual(['indexNumber', 'title', 'documentNumber', 'issuingAgency', 'publishDate', 'workflowState'])
    const find = (fields: readonly unknown[], name: string): Record<string, unknown> | undefined => {
      for (const field of fields as Record<string, unknown>[]) {
        if (field.name === name) return field
        const nested = Array.isArray(field.fields) ? find(field.fields, name) : undefined
        if (nested) return nested
      }
      return undefined
    }
    for (const name of ['reviewedContentHash', 'reviewedVersionUpdatedAt', 'scheduledJobId', 'documentNumberCorrections']) {
      expect(find(config.fields, name)?.admin).toMatchObject({ disableListColumn: true, disableListFilter: true })
    }
  })
})

describe('list presets in Chinese', () => {
  it('labels Payload’s presets collection, its sharing settings and constraints in Chinese and English, with translated cells', async () => {
    expect(await localizeQueryPresets(payload.config)).toBe(payload.config)
    const presets = payload.collections['payload-query-presets']!.config
    expect(presets.labels).toEqual({ singular: { zh: '筛选方案', en: 'Preset' }, plural: { zh: '筛选方案', en: 'Presets' } })
    const byName = (name: string) => presets.fields.find((field) => 'name' in field && field.name === name) as Record<string, unknown> & { fields?: Record<string, unknown>[] }
    expect(byName('title').label).toEqual({ zh: '名称', en: 'Title' })
    expect(byName('isShared').label).toEqual({ zh: '共享', en: 'Shared' })
    expect(byName('access').label).toEqual({ zh: '共享设置', en: 'Sharing settings' })
    expect((byName('access').admin as { components: { Cell: string } }).components.Cell).toBe('@gongkai/payload-plugin/client#QueryPresetAccessCell')
    const read = byName('access').fields?.[0] as { label: unknown; fields: { fields: { name: string; label: unknown; options?: { value: string; label: unknown }[] }[] }[] }
    expect(read.label).toEqual({ zh: '查看', en: 'Read' })
    const constraint = read.fields[0]!.fields.find((field) => field.name === 'constraint')!
    expect(constraint.options?.find((option) => option.value === 'everyone')?.label).toEqual({ zh: '所有人', en: 'Everyone' })
  })
})

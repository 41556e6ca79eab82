import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { day } from './support/fixtures.js'
import { startRestServer } from './support/rest.js'
import type { RestServer } from './support/rest.js'
import { startPayload } from './support/startPayload.js'
import type { StartedPayload } from './support/startPayload.js'
import { validationErrors } from './support/validationErrors.js'
import { createWorkflowWorld, failure } from './support/workflowWorld.js'
import type { WorkflowWorld } from './support/workflowWorld.js'

const key = 'gongkai-catalogues'
let started: StartedPayload
let payload: Payload
let world: WorkflowWorld
let server: RestServer
const decisions: number[] = []

beforeAll(async () => {
  started = await startPayload({ key })
  payload = started.payload
  world = await createWorkflowWorld(payload)
  server = await startRestServer({ payload, payloadInstanceCacheKey: key })
  for (const [number, title] of [[1, '武清区养老服务设施布局规划'], [2, '武清区城市更新实施方案'], [3, '武清区公交线网优化方案']] as const) {
    decisions.push((await payload.create({ collection: 'decisions', data: { catalogueYear: 2026, catalogueNumber: number, title, responsibleAgency: world.agencyA, stage: 'drafting' } })).id as number)
  }
  decisions.push((await payload.create({ collection: 'decisions', data: { catalogueYear: 2025, catalogueNumber: 1, title: '上一年度的决策', responsibleAgency: world.agencyA, stage: 'drafting' } })).id as number)
})

afterAll(async () => {
  await server?.close()
  await started?.stop()
})

describe('年度目录 (decision catalogue)', () => {
  let catalogueId: number

  it('refuses a decision of another year and a decision listed twice', async () => {
    const errors = await validationErrors(
      payload.create({ collection: 'decision-catalogues', data: { year: 2026, agency: world.agencyA, items: [{ decision: decisions[0] }, { decision: decisions[0] }, { decision: decisions[3] }] } }),
    )
    expect(errors).toEqual([
      { path: 'items.1.decision', message: '该决策事项已列在第 1 项，同一目录中不得重复' },
      { path: 'items.2.decision', message: '“上一年度的决策”属于 2025 年度，不能列入 2026 年度目录' },
    ])
  })

  it('is published through the workflow, each item linked to its decision and showing its stage', async () => {
    const empty = await world.createDraft('decision-catalogues', { year: 2026, agency: world.agencyA })
    // 要素齐全 is known on the draft: 提交审核 refuses an empty catalogue, not the 签发 after review.
    const refused = await failure(world.act('editor', { collection: 'decision-catalogues', id: empty.id, action: 'submit' }))
    expect(refused.errors.map((error) => error.path)).toEqual(['items'])
    await payload.delete({ collection: 'decision-catalogues', id: empty.id })

    const catalogue = await world.createDraft('decision-catalogues', { year: 2026, agency: world.agencyA, items: [{ decision: decisions[0], plannedCompletion: '2026年第二季度' }, { decision: decisions[1] }] })
    catalogueId = catalogue.id
    expect(catalogue.title).toBe('天津市武清区发展和改革委员会2026年度重大行政决策事项目录')
    await world.approve('decision-catalogues', catalogue.id)
    await world.act('publisher', { collection: 'decision-catalogues', id: catalogue.id, action: 'publish' })
    const response = await server.request({ path: `/decision-catalogues/${catalogue.id}?depth=0` })
    expect(response.status).toBe(200)
    expect(response.body.items.map((item: { decision: number; stage: string; plannedCompletion: string | null }) => [item.decision, item.stage, item.plannedCompletion])).toEqual([
      [decisions[0], 'drafting', '2026年第二季度'],
      [decisions[1], 'drafting', null],
    ])
  })

  it('once published, takes an item in or out only with a recorded adjustment, and never changes a recorded one', async () => {
    const update = (data: Record<string, unknown>) =>
      payload.update({ collection: 'decision-catalogues', id: catalogueId, data, draft: true, overrideAccess: false, user: world.users.editor })
    const added = await validationErrors(update({ items: [{ decision: decisions[0] }, { decision: decisions[1] }, { decision: decisions[2] }] }))
    expect(added).toEqual([{ path: 'adjustments', message: `目录已发布，调入决策事项（ID ${decisions[2]}）须同时新增一条“调入”调整记录，写明理由和日期` }])
    const removed = await validationErrors(update({ items: [{ decision: decisions[0] }] }))
    expect(removed).toEqual([{ path: 'adjustments', message: `目录已发布，调出决策事项（ID ${decisions[1]}）须同时新增一条“调出”调整记录，写明理由和日期` }])
    const missingReason = await validationErrors(update({ items: [{ decision: decisions[0] }], adjustments: [{ kind: 'remove', decision: decisions[1], date: day('2026-06-01') }] }))
    expect(missingReason).toEqual([{ path: 'adjustments.0.reason', message: '目录调整须写明调整理由' }])

    await update({
      items: [{ decision: decisions[0] }, { decision: decisions[2] }],
      adjustments: [
        { kind: 'remove', decision: decisions[1], date: day('2026-06-01'), reason: '经区政府研究，该事项不再作为重大行政决策' },
        { kind: 'add', decision: decisions[2], date: day('2026-06-01'), reason: '根据区委部署新增' },
      ],
    })
    await world.approve('decision-catalogues', catalogueId)
    await world.act('publisher', { collection: 'decision-catalogues', id: catalogueId, action: 'publish' })
    const response = await server.request({ path: `/decision-catalogues/${catalogueId}?depth=0` })
    expect(response.body.adjustments.map((row: { kind: string; reason: string }) => [row.kind, row.reason])).toEqual([
      ['remove', '经区政府研究，该事项不再作为重大行政决策'],
      ['add', '根据区委部署新增'],
    ])

    const rewritten = await validationErrors(update({ adjustments: [{ kind: 'add', decision: decisions[2], date: day('2026-06-01'), reason: '根据区委部署新增' }] }))
    expect(rewritten).toEqual([
      { path: 'adjustments.0', message: '已发布的第 1 项目录调整记录不得修改或删除' },
      { path: 'adjustments.1', message: '已发布的第 2 项目录调整记录不得修改或删除' },
    ])
  })

  it('is read by anyone only once published, written only by its agency, and one per government and year', async () => {
    const draft = await world.createDraft('decision-catalogues', { year: 2027, agency: world.agencyA, items: [] })
    expect((await server.request({ path: `/decision-catalogues/${draft.id}` })).status).toBe(404)
    await expect(payload.findByID({ collection: 'decision-catalogues', id: draft.id, draft: true, overrideAccess: false, user: world.users.editorB })).rejects.toThrow()
    const otherEdit = await server.request({
      method: 'PATCH',
      path: `/decision-catalogues/${draft.id}?draft=true`,
      body: { title: '被其他单位修改' },
      token: await server.login({ email: String(world.users.editorB.email), password: 'gongkai-test-password' }),
    })
    expect(otherEdit.status).toBeGreaterThanOrEqual(400)
    expect((await payload.findByID({ collection: 'decision-catalogues', id: draft.id, draft: true })).title).not.toBe('被其他单位修改')
    const otherCreate = await validationErrors(
      payload.create({ collection: 'decision-catalogues', data: { year: 2028, agency: world.agencyA }, draft: true, overrideAccess: false, user: world.users.editorB }),
    )
    expect(otherCreate.map((error) => error.path)).toEqual(['agency'])
    await expect(payload.create({ collection: 'decision-catalogues', data: { year: 2026, agency: world.agencyA } })).rejects.toThrow()
  })
})

import { parseIndexNumber } from '@gongkai/core'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

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

function serialsOf(indexNumbers: unknown[]): Map<string, number[]> {
  const byPrefixAndYear = new Map<string, number[]>()
  for (const indexNumber of indexNumbers) {
    const parsed = parseIndexNumber(String(indexNumber))
    if (!parsed.ok) throw new Error(`not a 索引号: ${String(indexNumber)}`)
    const key = `${parsed.value.prefix}/${parsed.value.year}`
    byPrefixAndYear.set(key, [...(byPrefixAndYear.get(key) ?? []), parsed.value.serial].sort((a, b) => a - b))
  }
  return byPrefixAndYear
}

describe('索引号 under concurrent publishing', () => {
  it('gives 40 documents of two agencies, published at the same time, consecutive serials without duplicates or gaps', async () => {
    const agencies = [world.agencyA, world.agencyB]
    const ids: number[] = []
    for (let index = 0; index < 40; index += 1) {
      const agency = agencies[index % 2] as number
      const doc = await world.createDraft('policies', world.policyData(agency, { title: `并发发布的文件 ${index + 1}`, publishDate: '2025-03-01T04:00:00.000Z', writtenDate: '2025-02-27T04:00:00.000Z' }))
      await world.approve('policies', doc.id, agency === world.agencyA ? {} : { editor: 'editorB', reviewer: 'reviewerB' })
      ids.push(doc.id)
    }
    // All 40 publications run at once, each in its own transaction.
    const results = await Promise.allSettled(
      ids.map((id, index) => world.act(index % 2 === 0 ? 'publisher' : 'publisherB', { collection: 'policies', id, action: 'publish' })),
    )
    expect(results.filter((result) => result.status === 'rejected')).toEqual([])
    const { docs } = await payload.find({ collection: 'policies', where: { id: { in: ids } }, depth: 0, pagination: false, overrideAccess: true })
    expect(docs).toHaveLength(40)
    expect(docs.every((doc) => doc._status === 'published')).toBe(true)
    const indexNumbers = docs.map((doc) => doc.indexNumber)
    expect(new Set(indexNumbers).size).toBe(40)
    const consecutive = Array.from({ length: 20 }, (_, index) => index + 1)
    expect(Object.fromEntries(serialsOf(indexNumbers))).toEqual({ [`${world.codeA}/2025`]: consecutive, [`${world.codeB}/2025`]: consecutive })
  })

  it('takes the year of the 发布日期 in Beijing time: 2025-12-31T17:00Z is 2026-01-01 there', async () => {
    const doc = await world.createDraft('policies', world.policyData(world.agencyA, { title: '元旦发布的文件', publishDate: '2025-12-31T17:00:00.000Z', writtenDate: '2025-12-30T04:00:00.000Z' }))
    await world.approve('policies', doc.id)
    await world.act('publisher', { collection: 'policies', id: doc.id, action: 'publish' })
    expect((await world.published('policies', doc.id)).indexNumber).toBe(`${world.codeA}/2026-00001`)
  })

  it('fills an empty 发布日期 with the day of publication', async () => {
    const doc = await world.createDraft('policies', world.policyData(world.agencyA, { title: '未填发布日期的文件', publishDate: null }))
    await world.approve('policies', doc.id)
    const before = new Date()
    await world.act('publisher', { collection: 'policies', id: doc.id, action: 'publish' })
    const policy = await world.published('policies', doc.id)
    expect(new Date(String(policy.publishDate)).getTime()).toBeGreaterThanOrEqual(before.getTime())
    expect(policy.indexNumber).toMatch(new RegExp(`^${world.codeA}/${before.getUTCFullYear()}-\\d{5}$|^${world.codeA}/${before.getUTCFullYear() + 1}-\\d{5}$`))
  })

  it('refuses to move a serial outside a transaction (no gap can be left behind)', async () => {
    const { reserveIndexSerial } = await import('../src/rules/indexNumber.js')
    const { createLocalReq } = await import('payload')
    const req = await createLocalReq({}, payload)
    const refused = await failure(reserveIndexSerial({ req, countersSlug: 'gongkai-index-counters', prefix: world.codeA, period: '2030' }))
    expect(refused.message).toBe('gongkaiPlugin: index number serials are reserved only inside the publishing transaction')
  })
})

describe('索引号 YYYYMM variant', () => {
  let monthly: StartedPayload
  let monthlyWorld: WorkflowWorld

  beforeAll(async () => {
    monthly = await startPayload({ pluginOptions: { indexNumberFormat: 'year_month' }, key: 'gongkai-index-monthly' })
    monthlyWorld = await createWorkflowWorld(monthly.payload)
  })

  afterAll(async () => {
    await monthly?.stop()
  })

  it('numbers per agency and month as 前段码/YYYYMM-NNNNN', async () => {
    const published: unknown[] = []
    for (const publishDate of ['2021-10-08T04:00:00.000Z', '2021-10-20T04:00:00.000Z', '2021-11-02T04:00:00.000Z']) {
      const doc = await monthlyWorld.createDraft('policies', monthlyWorld.policyData(monthlyWorld.agencyA, { publishDate, writtenDate: '2021-10-01T04:00:00.000Z' }))
      await monthlyWorld.approve('policies', doc.id)
      await monthlyWorld.act('publisher', { collection: 'policies', id: doc.id, action: 'publish' })
      published.push((await monthlyWorld.published('policies', doc.id)).indexNumber)
    }
    const code = monthlyWorld.codeA
    expect(published).toEqual([`${code}/202110-00001`, `${code}/202110-00002`, `${code}/202111-00001`])
  })
})

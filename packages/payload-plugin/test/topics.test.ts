import { topicTaxonomy } from '@gongkai/core'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startPayload } from './support/startPayload.js'
import type { StartedPayload } from './support/startPayload.js'
import { validationErrors } from './support/validationErrors.js'

const expectedCount = topicTaxonomy.reduce((count, branch) => count + 1 + branch.children.length, 0)

let first: StartedPayload
let second: StartedPayload
let payload: Payload

beforeAll(async () => {
  first = await startPayload()
})

afterAll(async () => {
  await second?.close()
  await first?.stop()
})

async function findByCode(code: string) {
  const { docs } = await payload.find({ collection: 'topics', where: { code: { equals: code } }, depth: 1 })
  const topic = docs[0]
  if (!topic) throw new Error(`no topic ${code}`)
  return topic
}

describe('topics (主题分类)', () => {
  it('seeds the whole State Council taxonomy on first start, children under their branch', async () => {
    payload = first.payload
    expect((await payload.count({ collection: 'topics' })).totalDocs).toBe(expectedCount)
    const disclosure = await findByCode('02.01')
    expect(disclosure).toMatchObject({ name: '政务公开', fullName: '综合政务\\政务公开' })
    expect(disclosure.parent).toMatchObject({ code: '02', name: '综合政务', fullName: '综合政务' })
    const topLevel = await payload.count({ collection: 'topics', where: { parent: { exists: false } } })
    expect(topLevel.totalDocs).toBe(topicTaxonomy.length)
  })

  it('keeps editors’ changes and seeds nothing when started again on the same database', async () => {
    const renamed = await findByCode('02')
    await payload.update({ collection: 'topics', id: renamed.id, data: { name: '综合政务类' } })
    const other = await findByCode('02.09')
    await payload.delete({ collection: 'topics', id: other.id })
    const idsBefore = (await payload.find({ collection: 'topics', pagination: false, depth: 0 })).docs.map((topic) => topic.id)
    await first.close()

    second = await startPayload({ database: first.database, key: 'topics-second-start' })
    payload = second.payload
    const idsAfter = (await payload.find({ collection: 'topics', pagination: false, depth: 0 })).docs.map((topic) => topic.id)
    expect(idsAfter.sort()).toEqual(idsBefore.sort())
    expect(idsAfter).toHaveLength(expectedCount - 1)
    expect((await findByCode('02')).name).toBe('综合政务类')
    // Renaming a branch renamed its children’s full names.
    expect((await findByCode('02.01')).fullName).toBe('综合政务类\\政务公开')
    expect((await payload.find({ collection: 'topics', where: { code: { equals: '02.09' } } })).totalDocs).toBe(0)
  })

  it('rejects a second-level topic as a parent (only two levels) and writes nothing', async () => {
    const child = await findByCode('02.01')
    const before = await payload.count({ collection: 'topics' })
    const errors = await validationErrors(
      payload.create({ collection: 'topics', data: { name: '三级分类', code: '02.01.01', parent: child.id } }),
    )
    expect(errors).toEqual([{ path: 'parent', message: '主题分类只有两级：上级分类须为一级分类，“政务公开”已是二级分类' }])
    expect((await payload.count({ collection: 'topics' })).totalDocs).toBe(before.totalDocs)
  })

  it('rejects a parent for a topic that has children', async () => {
    const branch = await findByCode('03')
    const otherBranch = await findByCode('04')
    const errors = await validationErrors(payload.update({ collection: 'topics', id: branch.id, data: { parent: otherBranch.id } }))
    expect(errors).toEqual([{ path: 'parent', message: '主题分类只有两级：本分类下已有 7 个二级分类，不能再设上级分类' }])
    expect((await findByCode('03')).parent ?? null).toBeNull()
  })

  it('rejects a topic as its own parent', async () => {
    const leaf = await findByCode('22')
    const errors = await validationErrors(payload.update({ collection: 'topics', id: leaf.id, data: { parent: leaf.id } }))
    expect(errors).toEqual([{ path: 'parent', message: '上级分类不能是本分类' }])
  })

  it('rejects a duplicate code', async () => {
    const errors = await validationErrors(payload.create({ collection: 'topics', data: { name: '重复', code: '02' } }))
    expect(errors.map((error) => error.path)).toEqual(['code'])
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { AccessWorld } from './support/accessWorld.js'
import { createAccessWorld } from './support/accessWorld.js'
import { day } from './support/fixtures.js'
import { pdfFile } from './support/files.js'
import { startPayload } from './support/startPayload.js'
import type { StartedPayload } from './support/startPayload.js'

let started: StartedPayload
let world: AccessWorld

beforeAll(async () => {
  started = await startPayload()
  world = await createAccessWorld(started.payload)
})

afterAll(async () => {
  await started?.stop()
})

const as = (actor: 'editorA' | 'reviewerA' | 'publisherA' | 'memberless') => ({ overrideAccess: false, user: world.users[actor] as never })

describe('owning agencies beyond the lead field', () => {
  it('lets members of a joint issuer read a policy draft, but not edit it', async () => {
    const { payload, agencyA, agencyB } = world
    const data = await world.dataFor('policies', agencyB)
    const draft = await payload.create({ collection: 'policies', data: { ...data, jointIssuers: [agencyA] }, draft: true })
    const read = await payload.findByID({ collection: 'policies', id: draft.id, draft: true, ...as('reviewerA') })
    expect(read.title).toBe(data.title)
    await expect(payload.update({ collection: 'policies', id: draft.id, data: { title: '改' }, draft: true, ...as('editorA') })).rejects.toMatchObject({ status: 403 })
    expect((await payload.findByID({ collection: 'policies', id: draft.id, draft: true })).title).toBe(data.title)
  })

  it('gives an interpretation without 解读机构 to the agency of the policies it interprets', async () => {
    const { payload, agencyA, agencyB } = world
    const ownData = await world.dataFor('interpretations', agencyA)
    const created = await payload.create({
      collection: 'interpretations',
      data: { ...ownData, interpretingAgency: undefined, interpreterName: '区发展改革委主任' },
      draft: true,
      ...as('editorA'),
    })
    expect(created.interpretingAgency ?? null).toBeNull()
    const read = await payload.findByID({ collection: 'interpretations', id: created.id, draft: true, ...as('publisherA') })
    expect(read.title).toBe(ownData.title)
    const updated = await payload.update({ collection: 'interpretations', id: created.id, data: { summary: '要点' }, draft: true, ...as('editorA') })
    expect(updated.summary).toBe('要点')

    const otherData = await world.dataFor('interpretations', agencyB)
    const error = await payload
      .create({ collection: 'interpretations', data: { ...otherData, interpretingAgency: undefined, interpreterName: '区教育局局长' }, draft: true, ...as('editorA') })
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({ status: 400, data: { errors: [{ path: 'policies', message: expect.stringContaining('解读机构“天津市武清区教育局”不是您担任撰稿的机关') }] } })
    expect((await payload.count({ collection: 'interpretations', where: { title: { equals: otherData.title } } })).totalDocs).toBe(0)
  })

  it('fills a participation record’s 承办单位 from its decision', async () => {
    const { payload, agencyA } = world
    const decision = await world.seed('decisions', agencyA, 'draft')
    const record = await payload.create({
      collection: 'participation',
      data: { meetingName: '听证会（承办单位取自决策）', kind: 'hearing', meetingDate: day('2024-05-10'), decision: decision.id },
      draft: true,
      depth: 0,
      ...as('editorA'),
    })
    expect(record.agency).toBe(agencyA)
  })

  // An editor of one agency gets it as the default (access.defaultAgency.test.ts); one of several must choose.
  it('refuses a new document without an owning agency from an editor of several agencies, naming the field', async () => {
    const usersSlug = world.payload.config.admin.user
    const editorOfBoth = await world.payload.create({
      collection: usersSlug,
      data: { email: 'editor-of-both@example.gov.cn', password: 'gongkai-test-password', agencyRoles: [{ agency: world.agencyA, roles: ['editor'] }, { agency: world.agencyB, roles: ['editor'] }] },
    })
    const error = await world.payload
      .create({ collection: 'decisions', data: { title: '无承办单位的决策', catalogueYear: 2024, catalogueNumber: 9001 }, draft: true, overrideAccess: false, user: { ...editorOfBoth, collection: usersSlug } as never })
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({ status: 400, data: { errors: [{ path: 'responsibleAgency', message: '须填写承办单位：文件必须属于您担任撰稿的机关' }] } })
    expect((await world.payload.count({ collection: 'decisions', where: { title: { equals: '无承办单位的决策' } } })).totalDocs).toBe(0)
  })

  it('refuses moving a draft to an agency where the editor is not 撰稿', async () => {
    const { payload, agencyA, agencyB } = world
    const draft = await world.seed('decisions', agencyA, 'draft')
    const error = await payload
      .update({ collection: 'decisions', id: draft.id, data: { responsibleAgency: agencyB }, draft: true, ...as('editorA') })
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({ status: 400, data: { errors: [{ path: 'responsibleAgency' }] } })
    expect((await payload.findByID({ collection: 'decisions', id: draft.id, draft: true, depth: 0 })).responsibleAgency).toBe(agencyA)
  })
})

describe('versions', () => {
  it('are listed for members of the owning agency only', async () => {
    const { payload, agencyA, agencyB } = world
    const own = await world.seed('interpretations', agencyA, 'draft')
    const other = await world.seed('interpretations', agencyB, 'draft')
    const ownVersions = await payload.findVersions({ collection: 'interpretations', where: { parent: { in: [own.id, other.id] } }, depth: 0, ...as('reviewerA') })
    expect(ownVersions.docs.map((version) => version.parent)).toEqual([own.id])
    await expect(payload.findVersions({ collection: 'interpretations', overrideAccess: false, depth: 0 })).rejects.toMatchObject({ status: 403 })
  })
})

describe('deleting what was once published', () => {
  it('refuses an editor deleting a draft whose earlier version was published', async () => {
    const { payload, agencyA } = world
    const published = await world.seed('policies', agencyA, 'published')
    // As a withdrawal leaves it: the current state is a draft, an earlier version was public.
    await payload.update({ collection: 'policies', id: published.id, data: { _status: 'draft' }, context: { gongkaiImport: true } })
    expect((await payload.findByID({ collection: 'policies', id: published.id, depth: 0 }))._status).toBe('draft')
    await expect(payload.delete({ collection: 'policies', id: published.id, ...as('editorA') })).rejects.toMatchObject({
      status: 403,
      message: '已发布过的文件不能删除：请通过工作流撤回；只有站点管理员可以删除',
    })
    expect((await payload.count({ collection: 'policies', where: { id: { equals: published.id } } })).totalDocs).toBe(1)
  })
})

describe('attachments', () => {
  it('are read by the uploading agency until published, uploaded by 撰稿, changed only by site administrators', async () => {
    const { payload } = world
    const file = pdfFile()
    await expect(payload.create({ collection: 'gongkai-attachments', data: {}, file, ...as('reviewerA') })).rejects.toMatchObject({ status: 403 })
    const uploaded = await payload.create({ collection: 'gongkai-attachments', data: { title: '附件1' }, file, ...as('editorA') })
    expect(uploaded.uploadingAgency).toMatchObject({ id: world.agencyA })
    // Not linked from a published 主动公开 document: the public does not read it, the uploading agency does.
    await expect(payload.findByID({ collection: 'gongkai-attachments', id: uploaded.id, overrideAccess: false })).rejects.toMatchObject({ status: 404 })
    const read = await payload.findByID({ collection: 'gongkai-attachments', id: uploaded.id, ...as('reviewerA') })
    expect(read.title).toBe('附件1')
    await expect(payload.update({ collection: 'gongkai-attachments', id: uploaded.id, data: { title: '改' }, ...as('editorA') })).rejects.toMatchObject({ status: 403 })
    await expect(payload.delete({ collection: 'gongkai-attachments', id: uploaded.id, ...as('editorA') })).rejects.toMatchObject({ status: 403 })
    expect((await payload.findByID({ collection: 'gongkai-attachments', id: uploaded.id })).title).toBe('附件1')
  })
})

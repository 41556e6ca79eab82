import { describe, expect, it } from 'vitest'

import type { AgencyOwnedCollection } from '../../src/access/documentAgencies.js'
import type { AccessWorld, Actor } from './accessWorld.js'
import { actors, titleOf } from './accessWorld.js'

/** What an API call returned: the HTTP status (or the status of the error the local API threw) and the body. */
export type Outcome = { status: number; doc?: Record<string, unknown>; docs?: Record<string, unknown>[]; errors?: { path?: string; message: string }[]; message?: string }

/** One way of calling Payload as an actor: the local API with `overrideAccess: false`, or the REST API. */
export type AccessClient = {
  findByID: (args: { collection: string; id: number; actor: Actor; draft?: boolean }) => Promise<Outcome>
  find: (args: { collection: string; ids: number[]; actor: Actor }) => Promise<Outcome>
  create: (args: { collection: string; data: Record<string, unknown>; actor: Actor; draft?: boolean }) => Promise<Outcome>
  update: (args: { collection: string; id: number; data: Record<string, unknown>; actor: Actor; draft?: boolean }) => Promise<Outcome>
  delete: (args: { collection: string; id: number; actor: Actor }) => Promise<Outcome>
}

// The decision catalogue has the same access functions (documentAccess by key); catalogues.test.ts covers its own cases.
const collections: readonly AgencyOwnedCollection[] = ['policies', 'interpretations', 'decisions', 'participation']
const owningField: Record<AgencyOwnedCollection, string> = {
  policies: 'issuingAgency',
  interpretations: 'interpretingAgency',
  decisions: 'responsibleAgency',
  participation: 'agency',
  catalogues: 'agency',
}
const owningLabel: Record<AgencyOwnedCollection, string> = {
  policies: '发文机关',
  interpretations: '解读机构',
  decisions: '承办单位',
  participation: '承办单位',
  catalogues: '决策机关',
}

type Target = 'own' | 'other'
const targets: readonly Target[] = ['own', 'other']

const isMemberOfA = (actor: Actor) => actor === 'editorA' || actor === 'reviewerA' || actor === 'publisherA'
const canReadDraft = (actor: Actor, target: Target) => actor === 'admin' || (target === 'own' && isMemberOfA(actor))
const canWriteDraft = (actor: Actor, target: Target) => actor === 'admin' || (target === 'own' && actor === 'editorA')

function titleField(collection: AgencyOwnedCollection): string {
  return collection === 'participation' ? 'meetingName' : 'title'
}

/**
 * The full matrix — role × own/other agency × create/read/update/delete/publish — for the four agency-owned
 * collections, run through one client. "own" is agency A (where editorA, reviewerA and publisherA hold their
 * role); "other" is agency B. Every refusal is checked against the database: nothing was written.
 */
export function describeAccessMatrix({ world, client }: { world: () => AccessWorld; client: () => AccessClient }): void {
  const agencyOf = (target: Target) => (target === 'own' ? world().agencyA : world().agencyB)
  const stored = async (collection: AgencyOwnedCollection, id: number) =>
    (await world().payload.find({ collection, where: { id: { equals: id } }, draft: true, depth: 0 })).docs[0] as Record<string, unknown> | undefined

  describe.each(collections)('%s', (collection) => {
    describe.each(actors)('as %s', (actor) => {
      it.each(targets)('reads published documents of the %s agency', async (target) => {
        const published = await world().seed(collection, agencyOf(target), 'published')
        const outcome = await client().findByID({ collection, id: published.id, actor })
        expect(outcome.status).toBe(200)
        expect(outcome.doc && titleOf(outcome.doc)).toBe(published.title)
      })

      it.each(targets)('reads drafts of the %s agency only when a member or site admin', async (target) => {
        const draft = await world().seed(collection, agencyOf(target), 'draft')
        const outcome = await client().findByID({ collection, id: draft.id, actor, draft: true })
        if (canReadDraft(actor, target)) {
          expect(outcome.status).toBe(200)
          expect(outcome.doc && titleOf(outcome.doc)).toBe(draft.title)
        } else {
          expect(outcome.status).toBe(404)
          expect(outcome.doc).toBeUndefined()
        }
      })

      it('lists published documents and only the drafts it may read', async () => {
        const seeded = {
          ownDraft: await world().seed(collection, world().agencyA, 'draft'),
          otherDraft: await world().seed(collection, world().agencyB, 'draft'),
          ownPublished: await world().seed(collection, world().agencyA, 'published'),
          otherPublished: await world().seed(collection, world().agencyB, 'published'),
        }
        const outcome = await client().find({ collection, ids: Object.values(seeded).map((doc) => doc.id), actor })
        expect(outcome.status).toBe(200)
        const expected = [
          seeded.ownPublished.id,
          seeded.otherPublished.id,
          ...(canReadDraft(actor, 'own') ? [seeded.ownDraft.id] : []),
          ...(canReadDraft(actor, 'other') ? [seeded.otherDraft.id] : []),
        ].sort((a, b) => a - b)
        expect((outcome.docs ?? []).map((doc) => doc.id).sort((a, b) => Number(a) - Number(b))).toEqual(expected)
      })

      it.each(targets)('creates documents of the %s agency only as its 撰稿 or site admin', async (target) => {
        const data = await world().dataFor(collection, agencyOf(target))
        const title = String(data[titleField(collection)])
        const outcome = await client().create({ collection, data, actor, draft: true })
        const written = await world().payload.count({ collection, where: { [titleField(collection)]: { equals: title } } })
        if (canWriteDraft(actor, target)) {
          expect(outcome.status).toBe(201)
          expect(written.totalDocs).toBe(1)
          return
        }
        expect(written.totalDocs).toBe(0)
        if (actor === 'editorA') {
          // 撰稿 elsewhere: a field error naming the owning agency, in Chinese.
          expect(outcome.status).toBe(400)
          expect(outcome.errors?.[0]?.path).toBe(owningField[collection])
          expect(outcome.errors?.[0]?.message).toContain(`${owningLabel[collection]}“天津市武清区教育局”不是您担任撰稿的机关`)
        } else {
          expect(outcome.status).toBe(403)
        }
      })

      it.each(targets)('updates drafts of the %s agency only as its 撰稿 or site admin', async (target) => {
        const draft = await world().seed(collection, agencyOf(target), 'draft')
        const field = titleField(collection)
        const outcome = await client().update({ collection, id: draft.id, data: { [field]: `${draft.title}（修改）` }, actor, draft: true })
        const after = await stored(collection, draft.id)
        if (canWriteDraft(actor, target)) {
          expect(outcome.status).toBe(200)
          expect(after?.[field]).toBe(`${draft.title}（修改）`)
        } else {
          expect(outcome.status).toBe(403)
          expect(after?.[field]).toBe(draft.title)
        }
      })

      it.each(targets)('saves a draft revision of published documents of the %s agency only as its 撰稿 or site admin; the published version stays', async (target) => {
        const published = await world().seed(collection, agencyOf(target), 'published')
        const field = titleField(collection)
        const outcome = await client().update({ collection, id: published.id, data: { [field]: `${published.title}（修订稿）` }, actor, draft: true })
        const versions = await world().payload.countVersions({ collection, where: { parent: { equals: published.id } } })
        const live = await world().payload.findByID({ collection, id: published.id, depth: 0, draft: false })
        // Whoever saved: the public document is the published version, unchanged.
        expect(live).toMatchObject({ _status: 'published', [field]: published.title })
        if (canWriteDraft(actor, target)) {
          expect(outcome.status).toBe(200)
          expect(versions.totalDocs).toBe(2)
          expect((await stored(collection, published.id))?.[field]).toBe(`${published.title}（修订稿）`)
          expect((await stored(collection, published.id))?.workflowState).toBe('draft')
        } else {
          expect(outcome.status).toBe(403)
          expect(versions.totalDocs).toBe(1)
          expect((await stored(collection, published.id))?.[field]).toBe(published.title)
        }
      })

      it.each(targets)('cannot change a published document of the %s agency without saving a draft', async (target) => {
        const published = await world().seed(collection, agencyOf(target), 'published')
        const field = titleField(collection)
        const outcome = await client().update({ collection, id: published.id, data: { [field]: `${published.title}（直接修改）` }, actor })
        expect(outcome.status).toBe(403)
        if (canWriteDraft(actor, target)) {
          // The refusal tells the editor what to do instead.
          expect(outcome.errors?.[0]?.message ?? outcome.message).toContain('已发布，不能直接修改或撤下：修改请保存为草稿（draft）后重新提交审核')
        }
        expect(await world().payload.countVersions({ collection, where: { parent: { equals: published.id } } })).toMatchObject({ totalDocs: 1 })
        expect((await stored(collection, published.id))?.[field]).toBe(published.title)
      })

      // Site administrators publish through the workflow (force-publish with a reason), tested with the workflow.
      if (actor !== 'admin') it.each(targets)('cannot publish a draft of the %s agency by saving _status published', async (target) => {
        const draft = await world().seed(collection, agencyOf(target), 'draft')
        const outcome = await client().update({ collection, id: draft.id, data: { _status: 'published' }, actor })
        expect(outcome.status).toBe(403)
        const after = await world().payload.findByID({ collection, id: draft.id, depth: 0 })
        expect(after._status).toBe('draft')
      })

      it.each(targets)('deletes drafts of the %s agency only as its 撰稿 or site admin', async (target) => {
        const draft = await world().seed(collection, agencyOf(target), 'draft')
        const outcome = await client().delete({ collection, id: draft.id, actor })
        const remaining = await world().payload.count({ collection, where: { id: { equals: draft.id } } })
        if (canWriteDraft(actor, target)) {
          expect(outcome.status).toBe(200)
          expect(remaining.totalDocs).toBe(0)
        } else {
          expect(outcome.status).toBe(403)
          expect(remaining.totalDocs).toBe(1)
        }
      })

      it.each(targets)('deletes published documents of the %s agency only as site admin', async (target) => {
        const published = await world().seed(collection, agencyOf(target), 'published')
        const outcome = await client().delete({ collection, id: published.id, actor })
        const remaining = await world().payload.count({ collection, where: { id: { equals: published.id } } })
        if (actor === 'admin') {
          expect(outcome.status).toBe(200)
          expect(remaining.totalDocs).toBe(0)
        } else {
          expect(outcome.status).toBe(403)
          expect(remaining.totalDocs).toBe(1)
        }
      })
    })
  })
}

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { backfillAuditLogAgencies, recordAudit } from '../src/audit/audit.js'
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
let entryId: number | string

type Queryable = { query: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> }

beforeAll(async () => {
  started = await startPayload({ key: 'gongkai-audit' })
  payload = started.payload
  world = await createWorkflowWorld(payload)
  rest = await startRestServer({ payload, payloadInstanceCacheKey: 'gongkai-audit' })
  entryId = (
    await recordAudit({
      payload,
      action: 'mask',
      collection: 'policies',
      documentId: 42,
      documentTitle: '测试文件',
      versionId: 7,
      user: world.users.reviewer as never,
      details: { masked: [{ fieldPath: 'summary', kind: 'resident_id' }] },
    })
  ).id
})

afterAll(async () => {
  await rest?.close()
  await started?.stop()
})

describe('audit log (gongkai-audit-log)', () => {
  it('records who did what to which document version and when', async () => {
    const entry = await payload.findByID({ collection: 'gongkai-audit-log', id: entryId, depth: 0, overrideAccess: true })
    expect(entry).toMatchObject({
      action: 'mask',
      collectionSlug: 'policies',
      documentId: '42',
      documentTitle: '测试文件',
      versionId: '7',
      user: world.users.reviewer.id,
      userLabel: 'reviewer@example.gov.cn',
      details: { masked: [{ fieldPath: 'summary', kind: 'resident_id' }] },
    })
    expect(Date.parse(String(entry.createdAt))).not.toBeNaN()
  })

  it('is append-only for everyone, site administrators included, through the local API', async () => {
    const admin = world.users.admin
    expect((await failure(payload.create({ collection: 'gongkai-audit-log', data: { action: 'publish', collectionSlug: 'policies', documentId: '1' }, overrideAccess: false, user: admin }))).status).toBe(403)
    expect((await failure(payload.update({ collection: 'gongkai-audit-log', id: entryId, data: { reason: '改写' }, overrideAccess: false, user: admin }))).status).toBe(403)
    expect((await failure(payload.delete({ collection: 'gongkai-audit-log', id: entryId, overrideAccess: false, user: admin }))).status).toBe(403)
    expect((await payload.findByID({ collection: 'gongkai-audit-log', id: entryId, overrideAccess: true })).reason ?? null).toBeNull()
  })

  it('is readable by site administrators and by members of the agencies that own the document, through the REST API', async () => {
    const ownPolicy = await world.createDraft('policies', world.policyData(world.agencyA, { title: '甲机关的审计测试文件' }))
    await world.act('editor', { collection: 'policies', id: ownPolicy.id, action: 'submit' })
    const jointPolicy = await world.createDraft('policies', world.policyData(world.agencyA, { title: '甲乙联合发文的审计测试文件', jointIssuers: [world.agencyB] }))
    await world.act('editor', { collection: 'policies', id: jointPolicy.id, action: 'submit' })
    const otherPolicy = await world.createDraft('policies', world.policyData(world.agencyB, { title: '乙机关的审计测试文件' }))
    await world.act('editorB', { collection: 'policies', id: otherPolicy.id, action: 'submit' })
    const entryOf = async (id: number) =>
      (await payload.find({ collection: 'gongkai-audit-log', where: { documentId: { equals: String(id) } }, depth: 0, overrideAccess: true })).docs[0] as Record<string, unknown>
    expect((await entryOf(ownPolicy.id)).agencies).toEqual([world.agencyA])
    expect((await entryOf(jointPolicy.id)).agencies).toEqual([world.agencyA, world.agencyB])
    expect((await entryOf(otherPolicy.id)).agencies).toEqual([world.agencyB])

    const listedFor = async (email: string) => {
      const token = await rest.login({ email, password: 'gongkai-test-password' })
      const listed = await rest.request({ path: '/gongkai-audit-log?limit=100&depth=0', token })
      expect(listed.status).toBe(200)
      return (listed.body.docs as { documentId: string }[]).map((doc) => doc.documentId).sort()
    }
    const ids = (...docs: { id: number }[]) => docs.map((doc) => String(doc.id)).sort()
    // The entry of a document that does not exist (documentId 42) belongs to no agency: site admins only.
    expect(await listedFor('admin@example.gov.cn')).toEqual(['42', ...ids(ownPolicy, jointPolicy, otherPolicy)].sort())
    // Any role in agency A reads A's entries, and those of the policy A issues jointly; not B's own.
    expect(await listedFor('editor@example.gov.cn')).toEqual(ids(ownPolicy, jointPolicy))
    expect(await listedFor('reviewer@example.gov.cn')).toEqual(ids(ownPolicy, jointPolicy))
    // Agency B reads its own policy's entry and the joint one's.
    expect(await listedFor('reviewerb@example.gov.cn')).toEqual(ids(jointPolicy, otherPolicy))
    const editorToken = await rest.login({ email: 'editorb@example.gov.cn', password: 'gongkai-test-password' })
    const ownEntryId = (await entryOf(ownPolicy.id)).id
    expect((await rest.request({ path: `/gongkai-audit-log/${String(ownEntryId)}`, token: editorToken })).status).toBe(404)
    // Signed out: nothing.
    expect((await rest.request({ path: '/gongkai-audit-log' })).status).toBe(403)
  })

  it('is append-only through the REST API, for site administrators too', async () => {
    const adminToken = await rest.login({ email: 'admin@example.gov.cn', password: 'gongkai-test-password' })
    expect((await rest.request({ method: 'PATCH', path: `/gongkai-audit-log/${entryId}`, body: { reason: '改写' }, token: adminToken })).status).toBe(403)
    expect((await rest.request({ method: 'DELETE', path: `/gongkai-audit-log/${entryId}`, token: adminToken })).status).toBe(403)
    expect((await rest.request({ method: 'POST', path: '/gongkai-audit-log', body: { action: 'publish', collectionSlug: 'x', documentId: '1' }, token: adminToken })).status).toBe(403)
  })

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    const pool = (payload.db as unknown as { pool: Queryable }).pool
    await expect(pool.query(`UPDATE gongkai_audit_log SET reason = '改写' WHERE id = ${Number(entryId)}`)).rejects.toThrow('操作日志只能追加，不能修改或删除（UPDATE）')
    await expect(pool.query(`DELETE FROM gongkai_audit_log WHERE id = ${Number(entryId)}`)).rejects.toThrow('操作日志只能追加，不能修改或删除（DELETE）')
    await expect(pool.query('TRUNCATE gongkai_audit_log CASCADE')).rejects.toThrow('操作日志只能追加，不能修改或删除（TRUNCATE）')
    const { rows } = await pool.query(`SELECT reason FROM gongkai_audit_log WHERE id = ${Number(entryId)}`)
    expect(rows).toEqual([{ reason: null }])
    // The rows naming the agencies that may read an entry are as fixed as the entry.
    const { rows: rels } = await pool.query('SELECT id, parent_id FROM gongkai_audit_log_rels ORDER BY id LIMIT 1')
    expect(rels).toHaveLength(1)
    await expect(pool.query(`DELETE FROM gongkai_audit_log_rels WHERE id = ${Number(rels[0]?.id)}`)).rejects.toThrow('操作日志只能追加，不能修改或删除（DELETE）')
    await expect(pool.query(`UPDATE gongkai_audit_log_rels SET agencies_id = NULL WHERE id = ${Number(rels[0]?.id)}`)).rejects.toThrow('（UPDATE）')
    await expect(pool.query('TRUNCATE gongkai_audit_log_rels')).rejects.toThrow('（TRUNCATE）')
  })

  it('fills the agencies of entries written before entries carried them, adding rows only', async () => {
    const policy = await world.createDraft('policies', world.policyData(world.agencyA, { title: '升级前已有操作日志的文件' }))
    const old = await recordAudit({ payload, action: 'submit', collection: 'policies', documentId: policy.id, user: world.users.editor as never, agencies: [] })
    const before = await payload.findByID({ collection: 'gongkai-audit-log', id: old.id, depth: 0, overrideAccess: true })
    expect(before.agencies).toEqual([])
    expect(await backfillAuditLogAgencies({ payload })).toBe(1)
    const after = await payload.findByID({ collection: 'gongkai-audit-log', id: old.id, depth: 0, overrideAccess: true })
    expect(after.agencies).toEqual([world.agencyA])
    expect(after.updatedAt).toBe(before.updatedAt)
    // Idempotent: a second run finds nothing to fill.
    expect(await backfillAuditLogAgencies({ payload })).toBe(0)
  })

  it('refuses to delete an agency that audit entries name, in Chinese, and deletes nothing', async () => {
    const agency = await payload.create({ collection: 'agencies', data: { name: '天津市武清区待撤并局' } })
    await recordAudit({ payload, action: 'import', collection: 'policies', documentId: 9_999_999, agencies: [agency.id] })
    const refused = await failure(payload.delete({ collection: 'agencies', id: agency.id, overrideAccess: true }))
    expect(refused).toMatchObject({ status: 409 })
    expect(refused.message).toBe('机构“天津市武清区待撤并局”有 1 条操作日志，不能删除：操作日志只增不改，须保留其所属机构；机构撤并时请修改名称或上级机关')
    expect((await payload.count({ collection: 'agencies', where: { id: { equals: agency.id } } })).totalDocs).toBe(1)
    const unused = await payload.create({ collection: 'agencies', data: { name: '天津市武清区误建机构' } })
    await payload.delete({ collection: 'agencies', id: unused.id, overrideAccess: true })
    expect((await payload.count({ collection: 'agencies', where: { id: { equals: unused.id } } })).totalDocs).toBe(0)
  })
})

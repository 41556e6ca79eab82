import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { recordAudit } from '../src/workflow/audit.js'
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

  it('is readable by site administrators only, and append-only through the REST API', async () => {
    const adminToken = await rest.login({ email: 'admin@example.gov.cn', password: 'gongkai-test-password' })
    const editorToken = await rest.login({ email: 'editor@example.gov.cn', password: 'gongkai-test-password' })
    const listed = await rest.request({ path: '/gongkai-audit-log', token: adminToken })
    expect(listed.status).toBe(200)
    expect(listed.body.docs.map((doc: { id: unknown }) => doc.id)).toContain(entryId)
    expect((await rest.request({ path: '/gongkai-audit-log', token: editorToken })).status).toBe(403)
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
  })
})

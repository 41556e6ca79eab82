import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { AccessWorld } from './support/accessWorld.js'
import { createAccessWorld, password } from './support/accessWorld.js'
import { startRestServer } from './support/rest.js'
import type { RestServer } from './support/rest.js'
import { startPayload } from './support/startPayload.js'
import type { StartedPayload } from './support/startPayload.js'

const key = 'gongkai-default-agency'
let started: StartedPayload
let world: AccessWorld
let server: RestServer
let editorOfBoth: Record<string, unknown>
const tokens: Record<string, string> = {}

beforeAll(async () => {
  started = await startPayload({ key })
  world = await createAccessWorld(started.payload)
  server = await startRestServer({ payload: started.payload, payloadInstanceCacheKey: key })
  const usersSlug = world.payload.config.admin.user
  editorOfBoth = {
    ...(await world.payload.create({
      collection: usersSlug,
      data: { email: 'editorab@example.gov.cn', password, agencyRoles: [{ agency: world.agencyA, roles: ['editor'] }, { agency: world.agencyB, roles: ['editor'] }] },
    })),
    collection: usersSlug,
  }
  tokens.editorA = await server.login({ email: world.emails.editorA!, password })
  tokens.editorOfBoth = await server.login({ email: 'editorab@example.gov.cn', password })
})

afterAll(async () => {
  await server?.close()
  await started?.stop()
})

/** Policy data without 发文机关. */
async function policyWithoutAgency(title: string): Promise<Record<string, unknown>> {
  const { issuingAgency: _omitted, ...data } = await world.dataFor('policies', world.agencyA)
  return { ...data, title }
}

const countTitled = async (collection: string, title: string) => (await world.payload.count({ collection, where: { title: { equals: title } } })).totalDocs

describe('发文机关 / 承办单位 default for an editor of one agency, on every write path', () => {
  it('fills 发文机关 on a REST create without it', async () => {
    const created = await server.request({ method: 'POST', path: '/policies?draft=true', token: tokens.editorA, body: await policyWithoutAgency('接口创建未填发文机关的通知') })
    expect(created.status).toBe(201)
    expect(created.body.doc.issuingAgency).toMatchObject({ id: world.agencyA })
    expect((await world.payload.findByID({ collection: 'policies', id: created.body.doc.id, draft: true, depth: 0 })).issuingAgency).toBe(world.agencyA)
  })

  it('fills 发文机关 on a GraphQL create without it', async () => {
    const data = await policyWithoutAgency('GraphQL创建未填发文机关的通知')
    const response = await server.graphql({
      query: 'mutation ($data: mutationPolicyInput!) { createPolicy(data: $data, draft: true) { id issuingAgency { id } } }',
      variables: { data: { title: data.title, writtenDate: data.writtenDate, documentType: data.documentType, topic: data.topic, validity: 'effective', disclosure: 'proactive', classification: 'unclassified' } },
      token: tokens.editorA,
    })
    expect(response.status).toBe(200)
    expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined()
    expect(response.body.data.createPolicy.issuingAgency).toEqual({ id: world.agencyA })
  })

  it('fills 承办单位 on a local API create with the user and access control', async () => {
    const { responsibleAgency: _omitted, ...data } = await world.dataFor('decisions', world.agencyA)
    const created = await world.payload.create({ collection: 'decisions', data, draft: true, depth: 0, overrideAccess: false, user: world.users.editorA as never })
    expect(created.responsibleAgency).toBe(world.agencyA)
  })

  it('still refuses an editor of several agencies who names none, naming the field, and writes nothing', async () => {
    const title = '多机关撰稿人未填发文机关的通知'
    const refused = await server.request({ method: 'POST', path: '/policies?draft=true', token: tokens.editorOfBoth, body: await policyWithoutAgency(title) })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'issuingAgency', message: '须填写发文机关：文件必须属于您担任撰稿的机关' })])
    expect(await countTitled('policies', title)).toBe(0)

    const { responsibleAgency: _omitted, ...decision } = await world.dataFor('decisions', world.agencyA)
    const error = await world.payload.create({ collection: 'decisions', data: decision, draft: true, overrideAccess: false, user: editorOfBoth as never }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ status: 400, data: { errors: [{ path: 'responsibleAgency', message: '须填写承办单位：文件必须属于您担任撰稿的机关' }] } })
    expect(await countTitled('decisions', decision.title as string)).toBe(0)
  })

  it('still refuses anyone naming an agency they do not write for', async () => {
    const title = '为他机关创建的通知'
    const refused = await server.request({ method: 'POST', path: '/policies?draft=true', token: tokens.editorA, body: { ...(await policyWithoutAgency(title)), issuingAgency: world.agencyB } })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].data.errors).toEqual([
      expect.objectContaining({ path: 'issuingAgency', message: '发文机关“天津市武清区教育局”不是您担任撰稿的机关：只能为本机关创建或修改文件' }),
    ])
    expect(await countTitled('policies', title)).toBe(0)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { AccessClient, Outcome } from './support/accessMatrix.js'
import { describeAccessMatrix } from './support/accessMatrix.js'
import type { AccessWorld, Actor } from './support/accessWorld.js'
import { actors, createAccessWorld, password } from './support/accessWorld.js'
import { startRestServer } from './support/rest.js'
import type { RestResponse, RestServer } from './support/rest.js'
import { startPayload } from './support/startPayload.js'
import type { StartedPayload } from './support/startPayload.js'

const key = 'gongkai-access-rest'
let started: StartedPayload
let world: AccessWorld
let server: RestServer
const tokens: Partial<Record<Actor, string>> = {}

beforeAll(async () => {
  started = await startPayload({ key })
  world = await createAccessWorld(started.payload)
  server = await startRestServer({ payload: started.payload, payloadInstanceCacheKey: key })
  for (const actor of actors) {
    const email = world.emails[actor]
    if (email) tokens[actor] = await server.login({ email, password })
  }
})

afterAll(async () => {
  await server?.close()
  await started?.stop()
})

function outcomeOf(response: RestResponse): Outcome {
  const body = response.body ?? {}
  if (response.status >= 400) {
    const error = body.errors?.[0]
    return { status: response.status, message: error?.message, errors: error?.data?.errors }
  }
  if (Array.isArray(body.docs)) return { status: response.status, docs: body.docs }
  return { status: response.status, doc: body.doc ?? body }
}

/** Payload's REST API over HTTP, logged in as each actor with `Authorization: JWT <token>`. */
const restClient = (): AccessClient => {
  const send = async (actor: Actor, method: string, path: string, body?: unknown) =>
    outcomeOf(await server.request({ method, path, body, token: tokens[actor] }))
  return {
    findByID: ({ collection, id, actor, draft }) => send(actor, 'GET', `/${collection}/${id}?depth=0${draft ? '&draft=true' : ''}`),
    find: ({ collection, ids, actor }) => send(actor, 'GET', `/${collection}?depth=0&limit=100&where[id][in]=${ids.join(',')}`),
    create: ({ collection, data, actor, draft }) => send(actor, 'POST', `/${collection}?depth=0${draft ? '&draft=true' : ''}`, data),
    update: ({ collection, id, data, actor, draft }) => send(actor, 'PATCH', `/${collection}/${id}?depth=0${draft ? '&draft=true' : ''}`, data),
    delete: ({ collection, id, actor }) => send(actor, 'DELETE', `/${collection}/${id}`),
  }
}

describe('agency isolation through the REST API', () => {
  describeAccessMatrix({ world: () => world, client: restClient })
})

describe('users and roles through the REST API', () => {
  it('makes the first user a site administrator', async () => {
    const response = await server.request({ path: `/users/${world.users.admin?.id}`, token: tokens.admin })
    expect(response.status).toBe(200)
    expect(response.body.isSiteAdmin).toBe(true)
    const editor = await server.request({ path: `/users/${world.users.editorA?.id}`, token: tokens.admin })
    expect(editor.body.isSiteAdmin).toBe(false)
  })

  it('does not let a user make themselves site administrator or give themselves roles', async () => {
    const id = world.users.editorA?.id
    const response = await server.request({
      method: 'PATCH',
      path: `/users/${id}`,
      token: tokens.editorA,
      body: { isSiteAdmin: true, agencyRoles: [{ agency: world.agencyB, roles: ['editor', 'publisher'] }] },
    })
    const stored = await world.payload.findByID({ collection: 'users', id: id as number, depth: 0 })
    expect(stored.isSiteAdmin).toBe(false)
    expect(stored.agencyRoles).toMatchObject([{ agency: world.agencyA, roles: ['editor'] }])
    // Payload drops fields the user may not write and saves the rest: the response shows the unchanged roles.
    expect(response.body.doc?.isSiteAdmin ?? false).toBe(false)
  })

  it('lets a site administrator grant roles', async () => {
    const created = await world.payload.create({ collection: 'users', data: { email: 'newcomer@example.gov.cn', password } })
    const response = await server.request({
      method: 'PATCH',
      path: `/users/${created.id}`,
      token: tokens.admin,
      body: { agencyRoles: [{ agency: world.agencyB, roles: ['reviewer'] }] },
    })
    expect(response.status).toBe(200)
    const stored = await world.payload.findByID({ collection: 'users', id: created.id, depth: 0 })
    expect(stored.agencyRoles).toMatchObject([{ agency: world.agencyB, roles: ['reviewer'] }])
  })

  it('shows a user themselves and colleagues of their agencies, a site administrator everyone', async () => {
    const emailsOf = (response: RestResponse) => response.body.docs.map((user: { email: string }) => user.email).sort()
    const colleagues = await server.request({ path: '/users?limit=100&depth=0', token: tokens.reviewerA })
    expect(colleagues.status).toBe(200)
    expect(emailsOf(colleagues)).toEqual([world.emails.editorA, world.emails.publisherA, world.emails.reviewerA].sort())
    const own = await server.request({ path: '/users?limit=100&depth=0', token: tokens.memberless })
    expect(emailsOf(own)).toEqual([world.emails.memberless])
    const all = await server.request({ path: '/users?limit=100&depth=0', token: tokens.admin })
    expect(all.body.docs.length).toBeGreaterThanOrEqual(5)
    const anonymous = await server.request({ path: '/users?limit=100' })
    expect(anonymous.status).toBe(403)
  })

  it('lets only site administrators create users', async () => {
    const refused = await server.request({ method: 'POST', path: '/users', token: tokens.publisherA, body: { email: 'x@example.gov.cn', password } })
    expect(refused.status).toBe(403)
    const count = await world.payload.count({ collection: 'users', where: { email: { equals: 'x@example.gov.cn' } } })
    expect(count.totalDocs).toBe(0)
  })
})

describe('reference data through the REST API', () => {
  it('lets anyone read agencies and topics, and only site administrators change them', async () => {
    expect((await server.request({ path: `/agencies/${world.agencyA}` })).status).toBe(200)
    expect((await server.request({ path: `/topics/${world.topic}` })).status).toBe(200)
    const refused = await server.request({ method: 'PATCH', path: `/agencies/${world.agencyA}`, token: tokens.editorA, body: { shortName: '发改委' } })
    expect(refused.status).toBe(403)
    expect((await world.payload.findByID({ collection: 'agencies', id: world.agencyA })).shortName ?? null).toBeNull()
    const allowed = await server.request({ method: 'PATCH', path: `/agencies/${world.agencyA}`, token: tokens.admin, body: { shortName: '区发改委' } })
    expect(allowed.status).toBe(200)
    expect((await world.payload.findByID({ collection: 'agencies', id: world.agencyA })).shortName).toBe('区发改委')
    const topicRefused = await server.request({ method: 'POST', path: '/topics', token: tokens.editorA, body: { name: '新主题', code: '99' } })
    expect(topicRefused.status).toBe(403)
    expect((await world.payload.count({ collection: 'topics', where: { code: { equals: '99' } } })).totalDocs).toBe(0)
  })
})

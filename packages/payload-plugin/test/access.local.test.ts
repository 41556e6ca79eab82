import { afterAll, beforeAll, describe } from 'vitest'

import type { AccessClient, Outcome } from './support/accessMatrix.js'
import { describeAccessMatrix } from './support/accessMatrix.js'
import type { AccessWorld, Actor } from './support/accessWorld.js'
import { createAccessWorld } from './support/accessWorld.js'
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

async function outcomeOf(call: () => Promise<unknown>, okStatus = 200): Promise<Outcome> {
  try {
    const result = (await call()) as Record<string, unknown>
    if (Array.isArray(result.docs)) return { status: okStatus, docs: result.docs as Record<string, unknown>[] }
    return { status: okStatus, doc: result }
  } catch (error) {
    const { status, message, data } = error as { status?: number; message: string; data?: { errors?: Outcome['errors'] } }
    return { status: status ?? 500, message, errors: data?.errors }
  }
}

/** The local API as each actor, with access control on. */
const localClient = (): AccessClient => {
  const { payload, users } = world
  const as = (actor: Actor) => ({ overrideAccess: false, user: users[actor] as never })
  return {
    findByID: ({ collection, id, actor, draft }) => outcomeOf(() => payload.findByID({ collection, id, depth: 0, draft, ...as(actor) })),
    find: ({ collection, ids, actor }) =>
      outcomeOf(() => payload.find({ collection, where: { id: { in: ids } }, depth: 0, pagination: false, ...as(actor) })),
    create: ({ collection, data, actor, draft }) => outcomeOf(() => payload.create({ collection, data, draft, depth: 0, ...as(actor) }), 201),
    update: ({ collection, id, data, actor, draft }) => outcomeOf(() => payload.update({ collection, id, data, draft, depth: 0, ...as(actor) })),
    delete: ({ collection, id, actor }) => outcomeOf(() => payload.delete({ collection, id, depth: 0, ...as(actor) })),
  }
}

describe('agency isolation through the local API (overrideAccess: false)', () => {
  describeAccessMatrix({ world: () => world, client: localClient })
})

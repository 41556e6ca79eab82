import type { ProgressStore } from '@gongkai/sdk/channels'
import type { Payload } from 'payload'

import { gongkaiOptionsOf } from '../infrastructure/runtime.js'
import { decryptSecret, encryptSecret, isEncryptedSecret } from './secrets.js'

function storeSlugOf(payload: Payload): string {
  return gongkaiOptionsOf(payload).delivery.storeSlug
}

async function readValue(payload: Payload, key: string): Promise<unknown> {
  const { docs } = await payload.find({ collection: storeSlugOf(payload), where: { key: { equals: key } }, limit: 1, depth: 0, overrideAccess: true, pagination: false })
  return docs[0]?.value ?? undefined
}

/** Writes outside any request transaction, so the value is durable when this resolves (what ProgressStore asks). */
async function writeValue(payload: Payload, key: string, value: unknown): Promise<void> {
  const slug = storeSlugOf(payload)
  const updated = await payload.update({ collection: slug, where: { key: { equals: key } }, data: { value }, depth: 0, overrideAccess: true })
  if (updated.docs.length > 0) return
  try {
    await payload.create({ collection: slug, data: { key, value }, depth: 0, overrideAccess: true })
  } catch (error) {
    // Another worker created it at the same moment: the key is unique, so write over theirs.
    const again = await payload.update({ collection: slug, where: { key: { equals: key } }, data: { value }, depth: 0, overrideAccess: true })
    if (again.docs.length === 0) throw error
  }
}

async function deleteValue(payload: Payload, key: string): Promise<void> {
  await payload.delete({ collection: storeSlugOf(payload), where: { key: { equals: key } }, overrideAccess: true })
}

/**
 * The SDK's ProgressStore kept in PostgreSQL (the plugin's delivery store collection), so a crashed or
 * repeated job resumes a channel post instead of making a second one.
 */
export function createPostgresProgressStore<Progress>(payload: Payload, prefix: string): ProgressStore<Progress> {
  return {
    get: async (key) => (await readValue(payload, `progress:${prefix}:${key}`)) as Progress | undefined,
    set: async (key, progress) => writeValue(payload, `progress:${prefix}:${key}`, progress),
    delete: async (key) => deleteValue(payload, `progress:${prefix}:${key}`),
  }
}

/** A secret the plugin obtained itself (a provisioned library token), decrypted; undefined when none is stored. */
export async function readStoredSecret(payload: Payload, name: string): Promise<string | undefined> {
  const value = await readValue(payload, `secret:${name}`)
  if (!isEncryptedSecret(value)) return undefined
  return decryptSecret(value, payload.secret)
}

/** Stores a secret encrypted (AES-256-GCM, keyed from the Payload secret). */
export async function storeSecret(payload: Payload, name: string, secret: string): Promise<void> {
  await writeValue(payload, `secret:${name}`, encryptSecret(secret, payload.secret))
}

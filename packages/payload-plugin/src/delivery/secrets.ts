import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

/** A secret encrypted at rest: AES-256-GCM with a random 96-bit IV; all parts base64. */
export type EncryptedSecret = { v: 1; iv: string; tag: string; data: string }

function keyOf(payloadSecret: string): Buffer {
  // A key of its own for this purpose, derived from the Payload secret (which the app keeps in its environment).
  return createHash('sha256').update(`gongkai-delivery-secrets:${payloadSecret}`).digest()
}

export function encryptSecret(plaintext: string, payloadSecret: string): EncryptedSecret {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyOf(payloadSecret), iv)
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return { v: 1, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') }
}

/** @throws when the value was not encrypted with this secret or was changed */
export function decryptSecret(secret: EncryptedSecret, payloadSecret: string): string {
  const decipher = createDecipheriv('aes-256-gcm', keyOf(payloadSecret), Buffer.from(secret.iv, 'base64'))
  decipher.setAuthTag(Buffer.from(secret.tag, 'base64'))
  return Buffer.concat([decipher.update(Buffer.from(secret.data, 'base64')), decipher.final()]).toString('utf8')
}

export function isEncryptedSecret(value: unknown): value is EncryptedSecret {
  const candidate = value as Partial<EncryptedSecret> | null
  return Boolean(candidate && candidate.v === 1 && typeof candidate.iv === 'string' && typeof candidate.tag === 'string' && typeof candidate.data === 'string')
}

/**
 * Signature scheme of the webhook channel (Stripe-style, so receivers can reuse known code):
 *
 *   X-Gongkai-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, `${t}.${body}`)>
 *
 * The receiver recomputes the HMAC over the exact raw body bytes it received, compares in constant
 * time and rejects timestamps further than the tolerance from its clock (replay protection). Several
 * `v1=` entries may appear while a secret is being rotated. Uses Web Crypto only, so it runs in Node 20,
 * browsers, Deno and edge runtimes.
 */
export const signatureHeader = 'x-gongkai-signature'
export const deliveryHeader = 'x-gongkai-delivery'
export const eventHeader = 'x-gongkai-event'

const encoder = new TextEncoder()

async function hmacKey(secret: string, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  return await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [usage])
}

function toBytes(body: string | Uint8Array): Uint8Array {
  return typeof body === 'string' ? encoder.encode(body) : body
}

function signedPayload(timestamp: number, body: string | Uint8Array): Uint8Array<ArrayBuffer> {
  const prefix = encoder.encode(`${timestamp}.`)
  const bytes = toBytes(body)
  const payload = new Uint8Array(prefix.byteLength + bytes.byteLength)
  payload.set(prefix)
  payload.set(bytes, prefix.byteLength)
  return payload
}

function toHex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('')
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^(?:[0-9a-f]{2})+$/iu.test(hex)) return undefined
  const bytes = new Uint8Array(hex.length / 2)
  for (let index = 0; index < bytes.length; index++) bytes[index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16)
  return bytes
}

/** The `X-Gongkai-Signature` header value for `body` sent at `timestamp` (unix seconds). */
export async function signWebhook(input: { secret: string; body: string | Uint8Array; timestamp: number }): Promise<string> {
  const key = await hmacKey(input.secret, 'sign')
  const signature = await crypto.subtle.sign('HMAC', key, signedPayload(input.timestamp, input.body))
  return `t=${input.timestamp},v1=${toHex(signature)}`
}

export type VerifyWebhookSignatureInput = {
  /** The shared secret, or several while rotating: any one matching is enough. */
  secret: string | string[]
  /** The raw request body exactly as received (before any JSON parsing). */
  body: string | Uint8Array
  /** The `X-Gongkai-Signature` header value. */
  header: string | null | undefined
  /** Largest accepted distance between the signed timestamp and now. @default 300 */
  toleranceSeconds?: number
  /** Current time in unix seconds, for tests. @default Date.now() / 1000 */
  now?: number
}

export type VerifyWebhookSignatureResult =
  | { isValid: true; timestamp: number }
  | { isValid: false; reason: 'missing-header' | 'malformed-header' | 'timestamp-outside-tolerance' | 'signature-mismatch' }

/**
 * Checks a webhook delivery on the receiving side. Compares with `crypto.subtle.verify`, which is
 * constant-time, so the check leaks nothing about the expected signature.
 */
export async function verifyWebhookSignature(input: VerifyWebhookSignatureInput): Promise<VerifyWebhookSignatureResult> {
  if (!input.header) return { isValid: false, reason: 'missing-header' }
  let timestamp: number | undefined
  const signatures: Uint8Array<ArrayBuffer>[] = []
  for (const part of input.header.split(',')) {
    const [name, value] = part.trim().split('=', 2) as [string, string | undefined]
    if (name === 't' && value && /^\d+$/u.test(value)) timestamp = Number(value)
    if (name === 'v1' && value) {
      const bytes = fromHex(value)
      if (bytes) signatures.push(bytes)
    }
  }
  if (timestamp === undefined || signatures.length === 0) return { isValid: false, reason: 'malformed-header' }
  const now = input.now ?? Math.floor(Date.now() / 1000)
  if (Math.abs(now - timestamp) > (input.toleranceSeconds ?? 300)) return { isValid: false, reason: 'timestamp-outside-tolerance' }
  const payload = signedPayload(timestamp, input.body)
  for (const secret of Array.isArray(input.secret) ? input.secret : [input.secret]) {
    const key = await hmacKey(secret, 'verify')
    for (const signature of signatures) {
      if (await crypto.subtle.verify('HMAC', key, signature, payload)) return { isValid: true, timestamp }
    }
  }
  return { isValid: false, reason: 'signature-mismatch' }
}

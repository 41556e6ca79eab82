import {
  defaultDeliveriesSlug,
  defaultDeliveryLeaseMs,
  defaultDeliveryPollIntervalMs,
  defaultDeliveryQueue,
  defaultDeliveryRetry,
  defaultDeliveryStatusCheck,
  defaultDeliveryStoreSlug,
} from '../defaults.js'
import type { DeliveryOptions, SanitizedDeliveryOptions, SanitizedDeliveryTarget } from '../types.js'

/** Name of the library target on deliveries. */
export const libraryTargetName = 'library'

const channelNamePattern = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/u

function configError(message: string): Error {
  return new Error(`gongkaiPlugin: delivery.${message}`)
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || !URL.canParse(value)) return false
  const protocol = new URL(value).protocol
  return protocol === 'http:' || protocol === 'https:'
}

function requireText(value: unknown, path: string): void {
  if (typeof value !== 'string' || value.trim() === '') throw configError(`${path} is required (a non-empty string; read it from the environment)`)
}

function positiveInteger(value: number | undefined, fallback: number, path: string, minimum = 1): number {
  const result = value ?? fallback
  if (!Number.isInteger(result) || result < minimum) throw configError(`${path} must be a whole number ≥ ${minimum}`)
  return result
}

/** Checks and completes the `delivery` option once. Without it, delivery is off (the collections still exist). */
export function sanitizeDeliveryOptions(options: DeliveryOptions | undefined): SanitizedDeliveryOptions {
  const retry = {
    attempts: positiveInteger(options?.retry?.attempts, defaultDeliveryRetry.attempts, 'retry.attempts'),
    initialDelayMs: positiveInteger(options?.retry?.initialDelayMs, defaultDeliveryRetry.initialDelayMs, 'retry.initialDelayMs', 0),
    maxDelayMs: positiveInteger(options?.retry?.maxDelayMs, defaultDeliveryRetry.maxDelayMs, 'retry.maxDelayMs', 0),
  }
  const statusCheck = {
    initialDelayMs: positiveInteger(options?.statusCheck?.initialDelayMs, defaultDeliveryStatusCheck.initialDelayMs, 'statusCheck.initialDelayMs', 50),
    maxDelayMs: positiveInteger(options?.statusCheck?.maxDelayMs, defaultDeliveryStatusCheck.maxDelayMs, 'statusCheck.maxDelayMs', 50),
    timeoutMs: positiveInteger(options?.statusCheck?.timeoutMs, defaultDeliveryStatusCheck.timeoutMs, 'statusCheck.timeoutMs', 1000),
  }
  const base = {
    queue: options?.queue ?? defaultDeliveryQueue,
    retry,
    statusCheck,
    worker: {
      isEnabled: options?.worker?.isEnabled ?? true,
      pollIntervalMs: positiveInteger(options?.worker?.pollIntervalMs, defaultDeliveryPollIntervalMs, 'worker.pollIntervalMs', 50),
    },
    leaseMs: positiveInteger(options?.leaseMs, defaultDeliveryLeaseMs, 'leaseMs', 1000),
    fetch: options?.fetch,
    deliveriesSlug: defaultDeliveriesSlug,
    storeSlug: defaultDeliveryStoreSlug,
  }
  if (!options) {
    return { ...base, isEnabled: false, library: undefined, channels: {}, targets: [], publicUrl: '', documentUrl: defaultDocumentUrl }
  }
  if (!isHttpUrl(options.publicUrl)) throw configError(`publicUrl must be the http(s) base URL of the public website, not "${String(options.publicUrl)}"`)
  const publicUrl = options.publicUrl.replace(/\/+$/u, '')
  const targets: SanitizedDeliveryTarget[] = []
  let library: SanitizedDeliveryOptions['library']
  if (options.library) {
    if (!isHttpUrl(options.library.url)) throw configError(`library.url must be an http(s) URL, not "${String(options.library.url)}"`)
    const tokens = options.library.tokens ?? {}
    if (Object.keys(tokens).length === 0 && !options.library.adminToken) {
      throw configError('library needs `tokens` (per agency) or `adminToken` (to provision them)')
    }
    for (const [agencyId, token] of Object.entries(tokens)) requireText(token, `library.tokens.${agencyId}`)
    const { label: _label, ...rest } = options.library
    library = { ...rest, url: options.library.url.replace(/\/+$/u, ''), tokens }
    targets.push({
      name: libraryTargetName,
      label: options.library.label ?? '政策文件库',
      kind: 'library',
      collections: ['policies', 'interpretations', 'decisions'],
      agencies: undefined,
      isDefault: true,
    })
  }
  const channels = options.channels ?? {}
  for (const [name, channel] of Object.entries(channels)) {
    if (!channelNamePattern.test(name) || name === libraryTargetName) {
      throw configError(`channels: "${name}" is not a usable channel name (ASCII letters, digits, _ and -, starting with a letter; not "library")`)
    }
    if (channel.kind === 'wechat') {
      requireText(channel.appId, `channels.${name}.appId`)
      requireText(channel.appSecret, `channels.${name}.appSecret`)
    } else if (channel.kind === 'weibo') {
      requireText(channel.accessToken, `channels.${name}.accessToken`)
      requireText(channel.safeDomain, `channels.${name}.safeDomain`)
    } else if (channel.kind === 'webhook') {
      if (!isHttpUrl(channel.url)) throw configError(`channels.${name}.url must be an http(s) URL`)
      requireText(channel.secret, `channels.${name}.secret`)
    } else {
      throw configError(`channels.${name}.kind must be 'wechat', 'weibo' or 'webhook'`)
    }
    targets.push({
      name,
      label: channel.label ?? name,
      kind: channel.kind,
      collections: channel.collections ?? ['policies', 'interpretations'],
      agencies: channel.agencies?.map(String),
      isDefault: channel.isDefault ?? true,
    })
  }
  return {
    ...base,
    isEnabled: true,
    library,
    channels,
    targets,
    publicUrl,
    documentUrl: options.documentUrl ?? defaultDocumentUrl,
  }
}

function defaultDocumentUrl({ collection, id, publicUrl }: { collection: string; id: number | string; publicUrl: string }): string {
  return `${publicUrl}/${collection}/${id}`
}

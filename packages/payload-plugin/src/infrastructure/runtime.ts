import type { Payload } from 'payload'

import { message } from '../translations/message.js'
import type { Translating } from '../translations/message.js'
import type { AgencyOwnedCollection, SanitizedGongkaiPluginOptions } from '../types.js'

/** Where `gongkaiPlugin` leaves its sanitized options on the config, for the local API functions. */
export const optionsConfigKey = 'gongkai'

export function gongkaiOptionsOf(payload: Payload): SanitizedGongkaiPluginOptions {
  // `gongkaiPlugin` stores the sanitized options there (`custom` is Payload's untyped slot for plugins).
  const options: SanitizedGongkaiPluginOptions | undefined = payload.config.custom?.[optionsConfigKey]
  if (!options) throw new Error('gongkaiPlugin is not installed in this Payload config')
  return options
}

export const workflowCollections: readonly AgencyOwnedCollection[] = ['policies', 'interpretations', 'decisions', 'participation', 'catalogues']

export function workflowCollectionOf(options: SanitizedGongkaiPluginOptions, slug: string): AgencyOwnedCollection | undefined {
  return workflowCollections.find((key) => options.slugs[key] === slug)
}

export function titleOf(doc: Record<string, unknown> | undefined | null): string {
  const title = doc?.title ?? doc?.meetingName
  return typeof title === 'string' && title !== '' ? title : `#${String(doc?.id ?? '')}`
}

/** How messages name a document, in the request's language: 政策文件“关于……的通知”, Policy document "…". */
export function documentLabel(key: AgencyOwnedCollection, doc: Record<string, unknown> | undefined | null, req?: Translating): string {
  return message(req, 'document', { kind: message(req, `kind_${key}`), title: titleOf(doc) })
}

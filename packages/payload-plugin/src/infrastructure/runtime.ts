import type { Payload } from 'payload'

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

const kindLabels: Record<AgencyOwnedCollection, string> = {
  policies: '政策文件',
  interpretations: '政策解读',
  decisions: '重大行政决策',
  participation: '公众参与记录',
  catalogues: '重大行政决策事项目录',
}

export function workflowCollectionOf(options: SanitizedGongkaiPluginOptions, slug: string): AgencyOwnedCollection | undefined {
  return workflowCollections.find((key) => options.slugs[key] === slug)
}

export function titleOf(doc: Record<string, unknown> | undefined | null): string {
  const title = doc?.title ?? doc?.meetingName
  return typeof title === 'string' && title !== '' ? title : `#${String(doc?.id ?? '')}`
}

/** How messages name a document: 政策文件“关于……的通知”. */
export function documentLabel(key: AgencyOwnedCollection, doc: Record<string, unknown> | undefined | null): string {
  return `${kindLabels[key]}“${titleOf(doc)}”`
}

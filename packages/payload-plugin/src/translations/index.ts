import type { AcceptedLanguages } from '@payloadcms/translations'
import type { Config } from 'payload'
import { isRecord } from '../utilities/isRecord.js'

import { en } from './en.js'
import { zh } from './zh.js'

export { labelIn, languageOf, message, separatorOf } from './message.js'
export type { GongkaiMessageKey, MessageLanguage, MessageValues, Translating } from './message.js'

/**
 * The plugin's own messages, under the `gongkai` namespace of Payload's i18n (as official plugins do:
 * `req.t('gongkai:…')` on the server, `useTranslation().t('gongkai:…')` in the admin). Chinese is the
 * language the statutes and the editors use; English is provided so an English admin reads no Chinese-only
 * message of ours. An app's own `i18n.translations.<lang>.gongkai` entries win over these.
 */
export const gongkaiTranslations = {
  zh: { gongkai: zh },
  en: { gongkai: en },
} as const

export type GongkaiTranslationKey = `gongkai:${keyof typeof zh}`

/** Adds the plugin's translations to a config's i18n without overwriting what the app set. */
export function withGongkaiTranslations(i18n: Config['i18n']): NonNullable<Config['i18n']> {
  const translations: Record<string, Record<string, unknown>> = { ...((i18n?.translations ?? {}) as Record<string, Record<string, unknown>>) }
  for (const [language, own] of Object.entries(gongkaiTranslations) as [AcceptedLanguages, { gongkai: Record<string, string> }][]) {
    const existing = translations[language] ?? {}
    translations[language] = { ...existing, gongkai: { ...own.gongkai, ...(isRecord(existing.gongkai) ? existing.gongkai : {}) } }
  }
  return { ...i18n, translations: translations as NonNullable<Config['i18n']>['translations'] }
}

'use client'

import { useTranslation } from '@payloadcms/ui'
import { useCallback } from 'react'

import type { GongkaiMessageKey, MessageLanguage, MessageValues } from '../translations/message.js'

/**
 * The plugin's `gongkai:` translations in the admin's language (Payload's `useTranslation`), typed by key:
 * `t('wb_title')`. `language` is the language the plugin's words are in (`zh` or `en`).
 */
export function useGongkaiTranslation(): {
  t: (key: GongkaiMessageKey, values?: MessageValues) => string
  /** The language of the plugin's words. */
  language: MessageLanguage
  /** The admin's own language (labels may have it even where the plugin's words do not). */
  adminLanguage: string
} {
  const { i18n, t } = useTranslation()
  // Stable while the language is, so components may list it in their hooks' dependencies.
  const translate = useCallback((key: GongkaiMessageKey, values?: MessageValues) => t(`gongkai:${key}` as never, values as never), [t])
  const language: MessageLanguage = i18n.language === 'en' ? 'en' : i18n.language === 'zh' ? 'zh' : i18n.fallbackLanguage === 'en' ? 'en' : 'zh'
  return { t: translate, language, adminLanguage: i18n.language }
}

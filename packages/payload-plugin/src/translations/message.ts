import type { PayloadRequest } from 'payload'

import { isRecord } from '../utilities/isRecord.js'
import { zh } from './zh.js'

/** A key of the plugin's messages (`gongkai:<key>` in Payload's i18n). */
export type GongkaiMessageKey = keyof typeof zh

/** The languages the plugin's messages are written in; any other admin language reads the fallback language's. */
export type MessageLanguage = 'zh' | 'en'

/** What a message needs of a request: its translator and language (a bare `PayloadRequest` has both). */
export type Translating = Partial<Pick<PayloadRequest, 'i18n' | 't'>> | null | undefined

/** Values put into a message's `{{placeholders}}`: titles, numbers, labels in the request's language. */
export type MessageValues = Readonly<Record<string, number | string>>

function interpolate(template: string, values: MessageValues | undefined): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (values && name in values ? String(values[name]) : whole))
}

/**
 * The plugin's message `key` in the request's language, through Payload's i18n (`req.t('gongkai:<key>')`), so
 * an app's own `i18n.translations.<lang>.gongkai` entries win; Chinese when there is no request to ask.
 */
export function message(req: Translating, key: GongkaiMessageKey, values?: MessageValues): string {
  if (req?.t) return req.t(`gongkai:${key}` as never, values === undefined ? undefined : { ...values })
  return interpolate(zh[key], values)
}

/**
 * The language the request's messages are in: its admin language when the plugin speaks it, else Payload's fallback
 * language when the plugin speaks that, else Chinese — so labels put into a message match the message's words.
 */
export function languageOf(req: Translating): MessageLanguage {
  const i18n = req?.i18n as { fallbackLanguage?: string; language?: string } | undefined
  for (const language of [i18n?.language, i18n?.fallbackLanguage]) if (language === 'zh' || language === 'en') return language
  return 'zh'
}

/** A `{ zh, en }` label (or a plain string) in the request's language. */
export function labelIn(label: Readonly<Partial<Record<MessageLanguage, string>>> | string | undefined, req: Translating): string {
  if (label === undefined) return ''
  if (typeof label === 'string') return label
  return label[languageOf(req)] ?? label.zh ?? label.en ?? ''
}

/** The list separator of the request's language: `；` in Chinese, `; ` in English. */
export function separatorOf(req: Translating): string {
  return message(req, 'problemSeparator')
}

/**
 * A Payload field label — a string, `{ zh, en, … }` or a function of the i18n — in the request's language (the admin's
 * own language when the label has it), `fallback` when the field has none.
 */
export function payloadLabelIn(label: unknown, req: Translating, fallback: string): string {
  if (typeof label === 'string' && label !== '') return label
  if (typeof label === 'function') {
    const text: unknown = (label as (args: { i18n: unknown; t: unknown }) => unknown)({ i18n: req?.i18n, t: req?.t })
    return typeof text === 'string' && text !== '' ? text : fallback
  }
  if (isRecord(label)) {
    const record = label
    const language = req?.i18n?.language
    const text = (language ? record[language] : undefined) ?? record[languageOf(req)] ?? record.zh ?? Object.values(record)[0]
    return typeof text === 'string' && text !== '' ? text : fallback
  }
  return fallback
}

import { classificationLevels, isOptionValue, labelOf } from '@gongkai/core'
import type { FindingCode, FindingParams } from '@gongkai/core'

import { languageOf, message } from '../translations/message.js'
import type { Translating } from '../translations/message.js'

/** Core's finding codes, and the plugin's own for a 密级 field other than 非密. */
export type FieldFindingCode = FindingCode | 'classification_level'

/**
 * A 保密审查 finding in the request's language: core says what it found as a code and the values it quotes
 * (`resident_id` and the match…); the words are the plugin's `gongkai:finding_<code>` translations.
 */
export function findingMessage(finding: { code: FieldFindingCode; params: FindingParams }, req: Translating): string {
  const { match, level, maxYears, years } = finding.params
  if (finding.code === 'classification_level') {
    const label = isOptionValue(classificationLevels, match) ? labelOf(classificationLevels, match, languageOf(req)) : match
    return message(req, 'finding_classification_level', { level: label, unclassified: labelOf(classificationLevels, 'unclassified', languageOf(req)) })
  }
  return message(req, `finding_${finding.code}`, { match, level: level ?? '', maxYears: maxYears ?? '', years: years ?? '' })
}

/**
 * The reason a file could not be read, or where in a file a finding is, in the request's language. Both are stored
 * on the file at upload in Chinese (`文件中没有可提取的文字…`, `第2页`, `工作表“名单”`); the known forms are
 * worded again through the translations, anything else is shown as stored.
 */
export function storedAttachmentText(text: string, req: Translating): string {
  if (languageOf(req) === 'zh') return text
  const page = /^第(\d+)页$/u.exec(text)
  if (page) return message(req, 'attachmentPage', { number: page[1] ?? '' })
  const sheet = /^工作表“(.*)”$/u.exec(text)
  if (sheet) return message(req, 'attachmentSheet', { name: sheet[1] ?? '' })
  const format = /^“(.*)”格式的文件无法自动提取文字$/u.exec(text)
  if (format) return message(req, 'attachmentUnreadable_format', { mimetype: format[1] ?? '' })
  const known = storedTexts[text]
  return known ? message(req, known) : text
}

const storedTexts: Readonly<Record<string, Parameters<typeof message>[1]>> = {
  页眉页脚: 'attachmentHeadersFooters',
  脚注: 'attachmentFootnotes',
  文本框: 'attachmentTextboxes',
  '文件中没有可提取的文字（可能是扫描件或图片）': 'attachmentUnreadable_noText',
  '文件无法读取（可能已损坏、加密或格式不受支持）': 'attachmentUnreadable_broken',
  图片中的文字无法自动审查: 'attachmentUnreadable_image',
  'OFD 版式文件无法自动提取文字': 'attachmentUnreadable_ofd',
  音视频内容无法自动审查: 'attachmentUnreadable_media',
  未提取文字: 'attachmentNotExtracted',
}

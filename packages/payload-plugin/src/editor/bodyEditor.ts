import { EXPERIMENTAL_TableFeature, lexicalEditor } from '@payloadcms/richtext-lexical'
import type { RichTextField } from 'payload'

import { OfficePasteFeature } from './OfficePasteFeature.js'
import type { SanitizedGongkaiPluginOptions } from '../types.js'

const tableFeatureKey = 'experimental_table'

/**
 * Editor of 正文: the app's own `editor` option when it passes one, else Lexical with the config's features plus
 * tables and 从 Word/WPS 粘贴 (lists of a pasted Word/WPS document stay lists, see `normalizeOfficeHtml`). Policy
 * documents are full of tables (名单, 标准, 时间表): with the table feature, a table pasted from Word, WPS or a web
 * page stays a table (Lexical's HTML import), and the delivered HTML keeps it (`renderBody`).
 * Lexical's table feature is still called EXPERIMENTAL_ in Payload 3.90; its stored JSON is Lexical's own
 * TableNode, so nothing changes when Payload drops the prefix.
 */
export function bodyEditor(options: Pick<SanitizedGongkaiPluginOptions, 'editor'>): NonNullable<RichTextField['editor']> {
  if (options.editor) return options.editor
  return lexicalEditor({
    features: ({ rootFeatures }) => [
      ...rootFeatures,
      ...(rootFeatures.some((feature) => feature.key === tableFeatureKey) ? [] : [EXPERIMENTAL_TableFeature()]),
      OfficePasteFeature(),
    ],
  })
}

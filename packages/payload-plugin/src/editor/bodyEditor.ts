import type { RichTextField } from 'payload'

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
  // Loaded when Payload sanitizes the config, not when the plugin is imported: Lexical's Node build uses top-level
  // await, and a static import would make `require('@gongkai/payload-plugin')` (require(esm)) fail.
  return async (args) => {
    const [{ EXPERIMENTAL_TableFeature, lexicalEditor }, { OfficePasteFeature }] = await Promise.all([
      import('@payloadcms/richtext-lexical'),
      import('./OfficePasteFeature.js'),
    ])
    const provider = lexicalEditor({
      features: ({ rootFeatures }) => [
        ...rootFeatures,
        ...(rootFeatures.some((feature) => feature.key === tableFeatureKey) ? [] : [EXPERIMENTAL_TableFeature()]),
        OfficePasteFeature(),
      ],
    })
    return provider(args)
  }
}

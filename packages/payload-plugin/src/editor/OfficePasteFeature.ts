import { createServerFeature } from '@payloadcms/richtext-lexical'

/**
 * 从 Word/WPS 粘贴: keeps the lists of a Word or WPS document when pasted into 正文 (see `normalizeOfficeHtml`);
 * tables, headings and bold come through Lexical's own HTML import.
 */
export const OfficePasteFeature = createServerFeature({
  feature: { ClientFeature: '@gongkai/payload-plugin/client#OfficePasteFeatureClient' },
  key: 'gongkaiOfficePaste',
})

import type { Field } from 'payload'

import { confidentialityReviewFieldName } from './checkConfidentiality.js'

/** Path of the admin component that lists a field's findings (resolved through the app's import map). */
export const confidentialityFindingsComponentPath = '@gongkai/payload-plugin/client#ConfidentialityFindings'

/** Path of the admin component that lists the findings in the files of an upload field. */
export const attachmentFindingsComponentPath = '@gongkai/payload-plugin/client#AttachmentFindings'

/**
 * Adds the findings list after the input of every text, textarea and rich-text field (inside groups, arrays,
 * tabs, rows, collapsibles and blocks), so the admin shows each finding beside the field it is in; upload fields
 * get the findings in their files and the 需人工审查 confirmations.
 */
export function withFindingsComponents(fields: Field[]): Field[] {
  return fields.map((field): Field => {
    if ('name' in field && field.name === confidentialityReviewFieldName) return field
    if (field.type === 'text' || field.type === 'textarea' || field.type === 'richText') {
      if (field.admin?.hidden || field.admin?.readOnly) return field
      const components = field.admin?.components ?? {}
      const afterInput = [...((components as { afterInput?: unknown[] }).afterInput ?? []), confidentialityFindingsComponentPath]
      return { ...field, admin: { ...field.admin, components: { ...components, afterInput } } } as Field
    }
    if (field.type === 'upload' && !field.admin?.hidden) {
      const components = field.admin?.components ?? {}
      const afterInput = [...((components as { afterInput?: unknown[] }).afterInput ?? []), attachmentFindingsComponentPath]
      return { ...field, admin: { ...field.admin, components: { ...components, afterInput } } } as Field
    }
    if (field.type === 'tabs') {
      return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: withFindingsComponents(tab.fields) })) }
    }
    if (field.type === 'blocks') {
      return { ...field, blocks: field.blocks.map((block) => ({ ...block, fields: withFindingsComponents(block.fields) })) }
    }
    if ('fields' in field && Array.isArray(field.fields)) {
      return { ...field, fields: withFindingsComponents(field.fields) } as Field
    }
    return field
  })
}

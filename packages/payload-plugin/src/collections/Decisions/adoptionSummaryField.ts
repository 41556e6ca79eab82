import { summarizeAdoption } from '@gongkai/core'
import type { Field, FieldHook } from 'payload'

import type { SanitizedGongkaiPluginOptions } from '../../types.js'
import { labeler } from '../../utilities/localize.js'
import { isRecord } from '../../utilities/isRecord.js'

/**
 * 公众意见采纳情况: generated on read from the adoption state of each comment in `arrayField`, so the published
 * summary never disagrees with the comments (nothing stored, nothing an editor can type over).
 */
export function adoptionSummaryField(args: { options: SanitizedGongkaiPluginOptions; name: string; arrayField: string; noun: string }): Field {
  const label = labeler(args.options.labelLanguages)
  const afterRead: FieldHook = ({ siblingData }) => {
    const rows = isRecord(siblingData) ? siblingData[args.arrayField] : undefined
    if (!Array.isArray(rows)) return null
    return summarizeAdoption(rows.map((row: unknown) => (isRecord(row) ? row.adoption : undefined)), args.noun).text
  }
  return {
    name: args.name,
    type: 'textarea',
    virtual: true,
    label: label('意见采纳情况', 'Adoption summary'),
    admin: { readOnly: true, description: label('根据每条意见的采纳情况自动生成', 'Generated from each comment’s adoption state') },
    hooks: { afterRead: [afterRead] },
  }
}

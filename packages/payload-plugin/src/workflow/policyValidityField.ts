import type { Field, FieldHook } from 'payload'

import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { toCalendarDate } from '../utilities/calendarDate.js'
import { labeler } from '../utilities/localize.js'
import { relationIds } from '../utilities/relationIds.js'

/**
 * The 有效性 of the policies an interpretation explains, as readers should see it beside the interpretation:
 * `《武清区……办法》：已修订（2024-09-01 起；替代文件：《……》）`. Computed on read from the published policies, so
 * a policy declared 失效, 废止 or 已修订 shows on every interpretation of it at once. Empty while all are 有效.
 */
export function policyValidityField(options: SanitizedGongkaiPluginOptions): Field {
  const label = labeler(options.labelLanguages)
  const [defaultStatus] = options.validityStatuses
  const statusLabel = (value: unknown) => options.validityStatuses.find((status) => status.value === value)?.label.zh ?? String(value)
  const afterRead: FieldHook = async ({ siblingData, req }) => {
    const ids = relationIds(siblingData?.policies)
    if (ids.length === 0) return null
    const { docs } = await req.payload.find({
      collection: options.slugs.policies,
      where: { and: [{ id: { in: ids } }, { validity: { not_equals: defaultStatus?.value } }] },
      depth: 1,
      pagination: false,
      overrideAccess: true,
      select: { title: true, validity: true, expiryDate: true, supersededBy: true },
      req,
    })
    if (docs.length === 0) return null
    return docs
      .map((policy) => {
        const since = toCalendarDate(policy.expiryDate, options.timeZone)
        const replacement = policy.supersededBy && typeof policy.supersededBy === 'object' ? (policy.supersededBy as { title?: unknown }).title : undefined
        const notes = [since ? `${since} 起` : undefined, replacement ? `替代文件：《${String(replacement)}》` : undefined].filter(Boolean)
        return `《${String(policy.title)}》：${statusLabel(policy.validity)}${notes.length > 0 ? `（${notes.join('；')}）` : ''}`
      })
      .join('\n')
  }
  return {
    name: 'policyValidity',
    type: 'textarea',
    virtual: true,
    label: label('所解读文件的有效性', 'Validity of the interpreted policies'),
    admin: {
      position: 'sidebar',
      readOnly: true,
      condition: (data) => Boolean(data?.policyValidity),
      description: label('所解读的政策文件失效、废止或修订时显示', 'Shown when an interpreted policy is no longer in force'),
    },
    hooks: { afterRead: [afterRead] },
  }
}

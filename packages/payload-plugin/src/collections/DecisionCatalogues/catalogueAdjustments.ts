import type { CollectionBeforeChangeHook } from 'payload'

import { isBlank, relationId } from '../../utilities/relationIds.js'
import { isWorkflowContext } from '../../infrastructure/context.js'
import { RuleError } from '../../infrastructure/RuleError.js'
import { message } from '../../translations/message.js'

type Row = Record<string, unknown>

const rowsOf = (value: unknown): Row[] => (Array.isArray(value) ? (value as Row[]) : [])
const decisionIdsOf = (items: Row[]) => items.map((item) => relationId(item.decision)).filter((id): id is string => id !== undefined)

/**
 * 目录调整: once a catalogue has been published, every decision added to or removed from it is recorded as an
 * adjustment (调入 / 调出, with reason and date) that is published with it, and recorded adjustments are never
 * changed or removed. Compares the items with the published version.
 */
export function checkCatalogueAdjustments({ slug }: { slug: string }): CollectionBeforeChangeHook {
  return async ({ data, originalDoc, req, context }) => {
    if (isWorkflowContext(context) || !originalDoc?.id) return data
    const published = (await req.payload
      .findByID({ collection: slug, id: originalDoc.id as number | string, draft: false, depth: 0, overrideAccess: true, disableErrors: true, req })
      .catch(() => null)) as Row | null
    if (!published || published._status !== 'published') return data
    const errors: { path: string; message: string }[] = []
    const before = new Set(decisionIdsOf(rowsOf(published.items)))
    const after = new Set(decisionIdsOf(rowsOf(data.items !== undefined ? data.items : originalDoc.items)))
    const adjustments = rowsOf(data.adjustments !== undefined ? data.adjustments : originalDoc.adjustments)
    const recorded = rowsOf(published.adjustments)
    recorded.forEach((row, index) => {
      const now = adjustments[index]
      if (!now || now.kind !== row.kind || relationId(now.decision) !== relationId(row.decision) || String(now.reason ?? '') !== String(row.reason ?? '')) {
        errors.push({ path: `adjustments.${index}`, message: message(req, 'adjustmentRecorded', { number: index + 1 }) })
      }
    })
    const newAdjustments = adjustments.slice(recorded.length)
    // Checked here, not only by `required`: Payload skips field validation on draft saves, and an adjustment
    // without its reason must not wait for publication to be noticed.
    newAdjustments.forEach((row, offset) => {
      const index = recorded.length + offset
      if (isBlank(row.reason)) errors.push({ path: `adjustments.${index}.reason`, message: message(req, 'adjustmentReasonRequired') })
      if (isBlank(row.date)) errors.push({ path: `adjustments.${index}.date`, message: message(req, 'adjustmentDateRequired') })
    })
    const hasAdjustment = (kind: string, id: string) => newAdjustments.some((row) => row.kind === kind && relationId(row.decision) === id)
    for (const id of after) {
      if (!before.has(id) && !hasAdjustment('add', id)) {
        errors.push({ path: 'adjustments', message: message(req, 'adjustmentMissing_in', { id }) })
      }
    }
    for (const id of before) {
      if (!after.has(id) && !hasAdjustment('remove', id)) {
        errors.push({ path: 'adjustments', message: message(req, 'adjustmentMissing_out', { id }) })
      }
    }
    if (errors.length > 0) throw new RuleError({ collection: slug, problems: errors, req })
    return data
  }
}

import type { Field, PayloadRequest } from 'payload'
import { fieldAffectsData, tabHasName } from 'payload/shared'
import type { RuleProblem } from '../infrastructure/RuleError.js'
import { isRecord } from '../utilities/isRecord.js'
import { languageOf, message } from '../translations/message.js'

export type { RuleProblem }

type Label = unknown

/** A Payload label (string, `{ zh, en }` or a function) in the request's language, Chinese first. */
export function labelText(label: Label, req: PayloadRequest, fallback: string): string {
  if (typeof label === 'string' && label !== '') return label
  if (typeof label === 'function') {
    const text: unknown = (label as (args: { i18n: unknown; t: unknown }) => unknown)({ i18n: req.i18n, t: req.t })
    return typeof text === 'string' && text !== '' ? text : fallback
  }
  if (isRecord(label)) {
    const language = req.i18n?.language
    const text = (language ? label[language] : undefined) ?? label[languageOf(req)] ?? label.zh ?? Object.values(label)[0]
    return typeof text === 'string' && text !== '' ? text : fallback
  }
  return fallback
}

type Walk = {
  req: PayloadRequest
  id: number | string | undefined
  collectionSlug: string
  data: Record<string, unknown>
  problems: RuleProblem[]
}

function rowLabel(parent: string, index: number, req: PayloadRequest): string {
  return message(req, 'row', { label: parent, number: index + 1 })
}

async function walk(args: Walk & { fields: readonly Field[]; siblingData: Record<string, unknown>; pathPrefix: string; labelPrefix: string[] }): Promise<void> {
  const { req, fields, siblingData } = args
  for (const field of fields) {
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if (tabHasName(tab)) {
          const nested = siblingData[tab.name]
          await walk({ ...args, fields: tab.fields, siblingData: isRecord(nested) ? nested : {}, pathPrefix: `${args.pathPrefix}${tab.name}.`, labelPrefix: [...args.labelPrefix, labelText(tab.label, req, tab.name)] })
        } else {
          await walk({ ...args, fields: tab.fields })
        }
      }
      continue
    }
    if (field.admin?.condition) {
      const passes = field.admin.condition(args.data, siblingData, { blockData: undefined as never, operation: 'update', path: args.pathPrefix.split('.').filter(Boolean), user: req.user as never })
      if (!passes) continue
    }
    if (!fieldAffectsData(field)) {
      if ('fields' in field && Array.isArray(field.fields)) await walk({ ...args, fields: field.fields })
      continue
    }
    if (field.type === 'join' || ('virtual' in field && field.virtual)) continue
    const path = `${args.pathPrefix}${field.name}`
    const label = [...args.labelPrefix, labelText('label' in field ? field.label : undefined, req, field.name)]
    const value = siblingData[field.name]
    if ('validate' in field && typeof field.validate === 'function') {
      // The arguments Payload's beforeChange gives a validation on a save that publishes (fields/hooks/beforeChange/promise.ts).
      const result: unknown = await field.validate(value as never, {
        ...(field as object),
        id: args.id,
        blockData: undefined,
        collectionSlug: args.collectionSlug,
        data: args.data,
        event: 'submit',
        operation: 'update',
        overrideAccess: true,
        path: path.split('.'),
        preferences: { fields: {} },
        previousValue: value,
        req,
        siblingData,
      } as never)
      if (typeof result === 'string') args.problems.push({ path, label: label.join(' › '), message: result })
    }
    if ((field.type === 'group' || field.type === 'array') && Array.isArray(field.fields)) {
      if (field.type === 'group') {
        await walk({ ...args, fields: field.fields, siblingData: isRecord(value) ? value : {}, pathPrefix: `${path}.`, labelPrefix: label })
      } else if (Array.isArray(value)) {
        for (const [index, row] of value.entries()) {
          if (!isRecord(row)) continue
          const rowLabels = [...args.labelPrefix, rowLabel(label[label.length - 1] ?? field.name, index, req)]
          await walk({ ...args, fields: field.fields, siblingData: row, pathPrefix: `${path}.${index}.`, labelPrefix: rowLabels })
        }
      }
    }
    if (field.type === 'blocks' && Array.isArray(value)) {
      for (const [index, row] of value.entries()) {
        if (!isRecord(row)) continue
        const block = field.blocks.find((candidate) => candidate.slug === row.blockType)
        if (!block) continue
        const rowLabels = [...args.labelPrefix, rowLabel(label[label.length - 1] ?? field.name, index, req)]
        await walk({ ...args, fields: block.fields, siblingData: row, pathPrefix: `${path}.${index}.`, labelPrefix: rowLabels })
      }
    }
  }
}

/**
 * Runs every field validation of a collection (Payload's built-in ones — required, maxLength, options — and the
 * plugin's rules) on a document as a save that publishes would, and returns every problem with the field's path
 * and label. Payload skips validation when a draft is saved (`versions.drafts.validate` is off, so editors can
 * save half-finished work); this is how the same rules show as warnings on a draft and refuse 提交审核.
 */
export async function fieldRuleErrors(args: {
  req: PayloadRequest
  /** The sanitized collection fields (`payload.collections[slug].config.fields`): they carry Payload's default validations. */
  fields: readonly Field[]
  collectionSlug: string
  doc: Record<string, unknown>
}): Promise<RuleProblem[]> {
  const problems: RuleProblem[] = []
  const id = args.doc.id as number | string | undefined
  await walk({ req: args.req, id, collectionSlug: args.collectionSlug, data: args.doc, problems, fields: args.fields, siblingData: args.doc, pathPrefix: '', labelPrefix: [] })
  return problems
}

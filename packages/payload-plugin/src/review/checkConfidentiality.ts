import { hasBlockingFindings as coreHasBlockingFindings, scanRichText, scanText } from '@gongkai/core'
import type { Finding, ScanOptions } from '@gongkai/core'
import type { Field } from 'payload'
import { isRecord } from '../utilities/isRecord.js'

import { findingMessage } from './findingMessage.js'
import type { FieldFindingCode } from './findingMessage.js'

/** A scanner finding and the field it is in: `body`, `publicComments.0.summary`, `meeting.name`. */
export type FieldFinding = Omit<Finding, 'code'> & { fieldPath: string; code: FieldFindingCode }

/** Name of the group that holds the review record; it is the reviewer's own text and never scanned. */
export const confidentialityReviewFieldName = 'confidentialityReview'

/** Anything with the fields of a collection: a CollectionConfig, a SanitizedCollectionConfig, a block. */
export type HasFields = { fields: Field[] }

type Visit = (args: { field: Field & { name: string }; value: unknown; path: string }) => void

function join(prefix: string, name: string): string {
  return prefix ? `${prefix}.${name}` : name
}

/** Walks the data along the field tree: groups and named tabs nest, arrays and blocks per row, rows and collapsibles flat. */
function walk(fields: readonly Field[], data: unknown, prefix: string, visit: Visit): void {
  const record = isRecord(data) ? data : {}
  for (const field of fields) {
    if (field.type === 'row' || field.type === 'collapsible') {
      walk(field.fields, record, prefix, visit)
      continue
    }
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name) walk(tab.fields, record[tab.name], join(prefix, tab.name), visit)
        else walk(tab.fields, record, prefix, visit)
      }
      continue
    }
    if (!('name' in field) || !field.name) {
      if (field.type === 'group') walk(field.fields, record, prefix, visit)
      continue
    }
    if (field.name === confidentialityReviewFieldName) continue
    const value = record[field.name]
    const path = join(prefix, field.name)
    if (field.type === 'group') {
      walk(field.fields, value, path, visit)
    } else if (field.type === 'array' && Array.isArray(value)) {
      value.forEach((row, index) => walk(field.fields, row, `${path}.${index}`, visit))
    } else if (field.type === 'blocks' && Array.isArray(value)) {
      value.forEach((row, index) => {
        const blockType = (row as { blockType?: unknown } | null)?.blockType
        const block = field.blocks.find((candidate) => candidate.slug === blockType)
        if (block) walk(block.fields, row, `${path}.${index}`, visit)
      })
    } else {
      visit({ field: field as Field & { name: string }, value, path })
    }
  }
}

/** The scannable values of a document: every text, textarea and rich-text field, with its path. */
export function textFieldsOf({ collectionConfig, doc }: { collectionConfig: HasFields; doc: unknown }): { fieldPath: string; type: 'text' | 'textarea' | 'richText'; value: unknown }[] {
  const result: { fieldPath: string; type: 'text' | 'textarea' | 'richText'; value: unknown }[] = []
  walk(collectionConfig.fields, doc, '', ({ field, value, path }) => {
    if (field.type === 'text' && Array.isArray(value)) {
      value.forEach((item, index) => result.push({ fieldPath: `${path}.${index}`, type: 'text', value: item }))
    } else if (field.type === 'text' || field.type === 'textarea' || field.type === 'richText') {
      result.push({ fieldPath: path, type: field.type, value })
    }
  })
  return result
}

/**
 * 保密审查: runs core's scanner over every text, textarea and rich-text field of a document (groups, arrays,
 * tabs, rows, collapsibles and blocks included) and reports each finding with its field path. A document
 * whose 密级 (`classification`) is not 非密 gets a blocking finding on `classification`.
 */
export function scanDocument({
  collectionConfig,
  doc,
  options,
}: {
  collectionConfig: HasFields
  doc: unknown
  options?: ScanOptions
}): FieldFinding[] {
  const findings: FieldFinding[] = []
  for (const { fieldPath, type, value } of textFieldsOf({ collectionConfig, doc })) {
    const found = type === 'richText' ? scanRichText(value, options) : typeof value === 'string' ? scanText(value, options) : []
    for (const finding of found) findings.push({ ...finding, fieldPath })
  }
  const classification = (doc as { classification?: unknown } | null)?.classification
  if (typeof classification === 'string' && classification !== 'unclassified') {
    findings.unshift({
      fieldPath: 'classification',
      kind: 'classification_mark',
      severity: 'blocking',
      start: 0,
      end: classification.length,
      match: classification,
      masked: classification,
      // In Chinese, as core's own findings are; `findingMessage` words it in the request's language.
      message: findingMessage({ code: 'classification_level', params: { match: classification } }, undefined),
      code: 'classification_level',
      params: { match: classification },
    })
  }
  return findings
}

/** True when any finding stops approval (valid ID numbers, 密级 marks, a 密级 other than 非密). */
export function hasBlockingFindings(findings: readonly Pick<Finding, 'severity'>[]): boolean {
  return coreHasBlockingFindings(findings as readonly Finding[])
}

import { normalizeDocumentNumberQuery } from '@gongkai/core'
import type { CollectionBeforeOperationHook, Where } from 'payload'
import { isRecord } from '../utilities/isRecord.js'

const textOperators = new Set(['equals', 'not_equals', 'like', 'contains', 'in', 'not_in'])

function normalizeWhere(where: Where, field: string): Where {
  const result: Where = {}
  for (const [key, value] of Object.entries(where)) {
    if ((key === 'and' || key === 'or') && Array.isArray(value)) {
      result[key] = value.map((condition) => (condition && typeof condition === 'object' ? normalizeWhere(condition as Where, field) : condition))
    } else if (key === field && isRecord(value)) {
      result[key] = Object.fromEntries(
        Object.entries(value).map(([operator, operand]) => {
          if (!textOperators.has(operator)) return [operator, operand]
          if (typeof operand === 'string') return [operator, normalizeDocumentNumberQuery(operand)]
          if (Array.isArray(operand)) return [operator, operand.map((item) => (typeof item === 'string' ? normalizeDocumentNumberQuery(item) : item))]
          return [operator, operand]
        }),
      )
    } else {
      result[key] = value as Where[string]
    }
  }
  return result
}

/**
 * Searches and filters on the 发文字号 with the repairs made on save (look-alike brackets → 〔〕, full-width digits,
 * 號, spaces), so `津武政规[2022]3号` typed in the admin's search box or sent as `?where[documentNumber][like]=…`
 * finds 津武政规〔2022〕3号. Other fields of the same query are left as typed.
 */
export function normalizeDocumentNumberSearch(field: string): CollectionBeforeOperationHook {
  return ({ args, operation }) => {
    if (operation !== 'read' && operation !== 'count') return args
    const where = (args as { where?: Where }).where
    if (!where || typeof where !== 'object') return args
    return { ...args, where: normalizeWhere(where, field) }
  }
}

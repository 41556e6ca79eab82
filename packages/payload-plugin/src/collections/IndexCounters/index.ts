import type { CollectionConfig } from 'payload'

import type { SanitizedGongkaiPluginOptions } from '../../types.js'

const never = () => false

/**
 * 索引号 serial counters, one row per 前段码 and period (year, or year and month). Hidden: only
 * `reserveIndexSerial` writes it, with `INSERT … ON CONFLICT … DO UPDATE SET last = last + 1` in the publishing
 * transaction, so concurrent publishers queue on the row and a rolled-back publication leaves no gap.
 * The collection exists so Payload's migrations create the table.
 */
export function createIndexCountersCollection(options: SanitizedGongkaiPluginOptions): CollectionConfig {
  return {
    slug: options.slugs.indexCounters,
    custom: { gongkai: 'indexCounters' },
    admin: { hidden: true },
    access: { create: never, read: never, update: never, delete: never },
    timestamps: false,
    indexes: [{ fields: ['prefix', 'period'], unique: true }],
    fields: [
      { name: 'prefix', type: 'text', required: true },
      { name: 'period', type: 'text', required: true },
      { name: 'last', type: 'number', required: true },
    ],
  }
}

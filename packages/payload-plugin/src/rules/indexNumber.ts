import { formatIndexNumber, MAX_INDEX_SERIAL, parseIndexNumber, validateIndexPrefix } from '@gongkai/core'
import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

import { toCalendarDate } from '../utilities/calendarDate.js'
import { WorkflowError } from '../infrastructure/WorkflowError.js'
import { languageOf, message } from '../translations/message.js'

/** The parts of the PostgreSQL adapter the counter needs. */
type PostgresAdapter = {
  name?: string
  sessions?: Record<string, { db: unknown }>
  execute: (args: { db?: unknown; sql: unknown }) => Promise<{ rows: Record<string, unknown>[] }>
  tableNameMap?: Map<string, string>
  schemaName?: string
}

function countersTable(payload: Payload, slug: string) {
  const adapter = payload.db as unknown as PostgresAdapter
  const key = slug.replace(/-/g, '_')
  const table = adapter.tableNameMap?.get(key) ?? key
  return adapter.schemaName ? sql`${sql.identifier(adapter.schemaName)}.${sql.identifier(table)}` : sql.identifier(table)
}

async function transactionSession(req: PayloadRequest): Promise<unknown> {
  const adapter = req.payload.db as unknown as PostgresAdapter
  if (typeof adapter.execute !== 'function' || !adapter.sessions) {
    throw new Error('gongkaiPlugin: index number counters need the PostgreSQL adapter (@payloadcms/db-postgres)')
  }
  const transactionID = req.transactionID === undefined ? undefined : await req.transactionID
  const session = transactionID === undefined || transactionID === null ? undefined : adapter.sessions[String(transactionID)]
  // Outside a transaction the serial could not be rolled back with a failed publication: refuse rather than leave gaps.
  if (!session) throw new Error('gongkaiPlugin: index number serials are reserved only inside the publishing transaction')
  return session.db
}

/**
 * Takes the next serial for a 前段码 and period in the request's transaction. The upsert locks the counter row
 * until the transaction ends, so concurrent publishers of one agency and year queue here and get consecutive
 * serials; a publication that rolls back returns its serial.
 */
export async function reserveIndexSerial(args: {
  req: PayloadRequest
  countersSlug: string
  prefix: string
  period: string
}): Promise<number> {
  const { req } = args
  const db = await transactionSession(req)
  const table = countersTable(req.payload, args.countersSlug)
  const { rows } = await (req.payload.db as unknown as PostgresAdapter).execute({
    db,
    sql: sql`INSERT INTO ${table} ("prefix", "period", "last") VALUES (${args.prefix}, ${args.period}, 1)
      ON CONFLICT ("prefix", "period") DO UPDATE SET "last" = ${table}."last" + 1
      RETURNING "last"`,
  })
  return Number(rows[0]?.last)
}

/**
 * Makes sure the counter is at least `serial` (an imported document brings its own 索引号), so later serials
 * never collide with it.
 */
export async function raiseIndexSerial(args: {
  req: PayloadRequest
  countersSlug: string
  prefix: string
  period: string
  serial: number
}): Promise<void> {
  const { req } = args
  const db = await transactionSession(req)
  const table = countersTable(req.payload, args.countersSlug)
  await (req.payload.db as unknown as PostgresAdapter).execute({
    db,
    sql: sql`INSERT INTO ${table} ("prefix", "period", "last") VALUES (${args.prefix}, ${args.period}, ${args.serial})
      ON CONFLICT ("prefix", "period") DO UPDATE SET "last" = GREATEST(${table}."last", EXCLUDED."last")`,
  })
}

export type IndexNumberFormat = 'year' | 'year_month'

/**
 * Assigns the 索引号 of a document published on `publishDate` by an agency with `organizationCode`:
 * `前段码/YYYY-NNNNN` (or `YYYYMM-NNNNN`), the year (and month) read in `timeZone`.
 */
export async function assignIndexNumber(args: {
  req: PayloadRequest
  countersSlug: string
  organizationCode: string
  publishDate: unknown
  timeZone: string
  format: IndexNumberFormat
  documentLabel: string
}): Promise<string> {
  const prefixResult = validateIndexPrefix(args.organizationCode)
  if (!prefixResult.ok) {
    const reason = languageOf(args.req) === 'zh' ? prefixResult.message : message(args.req, 'indexNumber_prefix')
    throw new WorkflowError(message(args.req, 'indexNumber_badPrefix', { document: args.documentLabel, reason }), 400)
  }
  const prefix = args.organizationCode.trim().toUpperCase()
  const day = toCalendarDate(args.publishDate, args.timeZone)
  if (!day) throw new WorkflowError(message(args.req, 'indexNumber_noPublishDate', { document: args.documentLabel }), 400)
  const year = Number(day.slice(0, 4))
  const month = Number(day.slice(5, 7))
  const period = args.format === 'year_month' ? day.slice(0, 4) + day.slice(5, 7) : day.slice(0, 4)
  const serial = await reserveIndexSerial({ req: args.req, countersSlug: args.countersSlug, prefix, period })
  if (serial > MAX_INDEX_SERIAL) {
    throw new WorkflowError(message(args.req, 'indexNumber_exhausted', { document: args.documentLabel, prefix, period, max: MAX_INDEX_SERIAL }), 409)
  }
  return formatIndexNumber(args.format === 'year_month' ? { prefix, year, month, serial } : { prefix, year, serial })
}

/** Checks an imported document's own 索引号 and raises its counter past it. Returns the normalised 索引号. */
export async function acceptImportedIndexNumber(args: {
  req: PayloadRequest
  countersSlug: string
  indexNumber: string
  documentLabel: string
}): Promise<string> {
  // Imported catalogues may hold prefixes typed without a valid check character; keep them as they are.
  const parsed = parseIndexNumber(args.indexNumber, { allowMonthVariant: true, shouldVerifyPrefix: false })
  if (!parsed.ok) {
    const rule = languageOf(args.req) === 'zh' ? parsed.error.message : message(args.req, `indexNumber_${parsed.error.part}`)
    throw new WorkflowError(message(args.req, 'indexNumber_importedInvalid', { document: args.documentLabel, value: args.indexNumber, rule }), 400, 'indexNumber')
  }
  const { prefix, year, month, serial } = parsed.value
  const period = month === undefined ? String(year) : `${year}${String(month).padStart(2, '0')}`
  await raiseIndexSerial({ req: args.req, countersSlug: args.countersSlug, prefix, period, serial })
  return parsed.normalized
}

/**
 * A 索引号 once assigned never changes: it is the document's address in the 政府信息公开目录.
 *
 * @throws WorkflowError (400, field `indexNumber`) when a save would change an assigned one
 */
export function assertIndexNumberUnchanged({ req, stored, data, label }: { req: PayloadRequest; stored: Record<string, unknown> | undefined; data: Record<string, unknown>; label: string }): void {
  const assigned = stored?.indexNumber
  if (assigned === null || assigned === undefined || String(assigned).trim() === '') return
  if ('indexNumber' in data && data.indexNumber !== assigned) {
    throw new WorkflowError(message(req, 'indexNumber_unchangeable', { document: label, value: String(assigned) }), 400, 'indexNumber')
  }
}

import type pg from 'pg'
import type { DocumentEvent } from '../domain/types.js'

type EventRow = { sequence: string; content_id: string; version: number; type: string; agency_id: string; occurred_at: Date; details: Record<string, unknown> }

const eventOf = (row: EventRow): DocumentEvent =>
  ({
    sequence: Number(row.sequence),
    contentId: row.content_id,
    version: row.version,
    type: row.type,
    occurredAt: row.occurred_at.toISOString(),
    agencyId: row.agency_id,
    ...row.details,
  }) as DocumentEvent

const eventColumns = 'sequence::text AS sequence, content_id, version, type, agency_id, occurred_at, details'

/** Every event of one document, oldest first (none when it never existed). */
export async function eventsOfDocument(pool: pg.Pool, contentId: string): Promise<DocumentEvent[]> {
  const { rows } = await pool.query<EventRow>(`SELECT ${eventColumns} FROM events WHERE content_id = $1 ORDER BY events.sequence`, [contentId])
  return rows.map(eventOf)
}

/** The library-wide change log after a sequence number. */
export async function eventsAfter(pool: pg.Pool, { after, limit }: { after: number; limit: number }): Promise<DocumentEvent[]> {
  const { rows } = await pool.query<EventRow>(`SELECT ${eventColumns} FROM events WHERE sequence > $1 ORDER BY events.sequence LIMIT $2`, [after, limit])
  return rows.map(eventOf)
}

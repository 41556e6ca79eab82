import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { auditLogTable } from '../audit/auditLogTable.js'
import { gongkaiOptionsOf } from '../infrastructure/runtime.js'

/**
 * Takes a delivery for this worker, atomically in one UPDATE: only a delivery that is queued or retrying,
 * submitted with a status check due (the platform still reviews it), or whose previous worker's lease ran
 * out (it crashed), can be taken. Payload's job runner marks jobs as processing with a read and a write, so
 * two workers can pick the same job; this is what keeps them from both delivering it. Runs outside any
 * transaction so the claim is visible to other workers at once.
 *
 * @returns the attempt number and the state the delivery was in, or undefined when another worker has it or
 * it is finished
 */
export async function claimDelivery(payload: Payload, deliveryId: number | string): Promise<{ attempt: number; previousState: string } | undefined> {
  const options = gongkaiOptionsOf(payload).delivery
  const table = auditLogTable(payload, options.deliveriesSlug)
  if (!table) throw new Error('gongkai delivery needs the PostgreSQL adapter')
  const name = table.qualify(table.table)
  // The row is locked while its state before the claim is read, so a concurrent claim waits and then sees
  // 'delivering' (and takes nothing).
  const result = (await table.execute(sql`
    UPDATE ${name} AS claimed
    SET state = 'delivering',
        lease_until = now() + (${options.leaseMs} * interval '1 millisecond'),
        attempts = coalesce(claimed.attempts, 0) + 1,
        last_attempt_at = now(),
        updated_at = now()
    FROM (SELECT id, state AS previous_state FROM ${name} WHERE id = ${Number(deliveryId)} FOR UPDATE) AS previous
    WHERE claimed.id = previous.id
      AND (claimed.state IN ('queued', 'retrying')
        OR (claimed.state = 'submitted' AND claimed.next_attempt_at IS NOT NULL)
        OR (claimed.state = 'delivering' AND claimed.lease_until < now()))
    RETURNING claimed.attempts, previous.previous_state
  `)) as { rows?: { attempts: unknown; previous_state: unknown }[] }
  const row = result.rows?.[0]
  return row ? { attempt: Number(row.attempts), previousState: String(row.previous_state) } : undefined
}

/**
 * Deliveries whose worker's lease ran out (a crashed or killed worker), and deliveries waiting longer than a
 * lease past their time (their job was lost by a runner that crashed between marking it and running it;
 * a submitted delivery's status check likewise),
 * for a new job.
 */
export async function staleDeliveryIds(payload: Payload): Promise<number[]> {
  const options = gongkaiOptionsOf(payload).delivery
  const table = auditLogTable(payload, options.deliveriesSlug)
  if (!table) return []
  // A waiting delivery is normally picked up within seconds; only one left far longer lost its job. Taking it
  // over sooner would only queue duplicates of jobs still waiting their turn on a busy queue.
  const waitingMs = Math.max(5 * options.leaseMs, 60_000)
  const result = (await table.execute(sql`
    SELECT id FROM ${table.qualify(table.table)}
    WHERE (state = 'delivering' AND lease_until < now())
       OR (state = 'queued' AND updated_at < now() - (${waitingMs} * interval '1 millisecond'))
       OR (state IN ('retrying', 'submitted') AND next_attempt_at < now() - (${waitingMs} * interval '1 millisecond'))
    ORDER BY id LIMIT 100
  `)) as { rows?: { id: unknown }[] }
  return (result.rows ?? []).map((row) => Number(row.id))
}

/** Extends this worker's lease while it is still the one delivering (same attempt). */
export async function renewLease(payload: Payload, deliveryId: number | string, attempt: number): Promise<void> {
  const options = gongkaiOptionsOf(payload).delivery
  const table = auditLogTable(payload, options.deliveriesSlug)
  if (!table) return
  await table.execute(sql`
    UPDATE ${table.qualify(table.table)} SET lease_until = now() + (${options.leaseMs} * interval '1 millisecond')
    WHERE id = ${Number(deliveryId)} AND state = 'delivering' AND attempts = ${attempt}
  `)
}

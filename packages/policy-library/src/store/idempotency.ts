import { createHash } from 'node:crypto'
import type pg from 'pg'
import { IdempotencyConflict } from '../domain/errors.js'

/** The answer of a write as it is stored with its Idempotency-Key and replayed. */
export type WriteAnswer = { status: number; body: unknown }

/**
 * The answer to keep for a refusal thrown by `run` (so a retry with the key replays it), or undefined
 * to let the error through. The refusal's own changes are rolled back first.
 */
export type RefusalAnswer = (error: unknown) => WriteAnswer | undefined

/** Fingerprint of a write: method, path and body, so a reused key with another request is caught. */
export function fingerprintOf({ method, path, body }: { method: string; path: string; body: unknown }): string {
  return createHash('sha256').update(`${method} ${path}\n${JSON.stringify(body ?? null)}`).digest('hex')
}

/**
 * Runs a write in one transaction. With an Idempotency-Key the key is claimed in the same transaction
 * (a concurrent request with the same key waits on the row lock, then replays), and the answer is
 * stored with it: the same key and request answer the stored answer without a second effect; the same
 * key with a different request throws IdempotencyConflict (422, the IETF Idempotency-Key draft's choice).
 */
export async function runWrite({
  pool,
  scope,
  key,
  fingerprint,
  run,
  refusalAnswer,
}: {
  pool: pg.Pool
  scope: string
  key: string | undefined
  fingerprint: string
  run: (client: pg.PoolClient) => Promise<WriteAnswer>
  refusalAnswer: RefusalAnswer
}): Promise<WriteAnswer & { isReplayed: boolean }> {
  // A deadlock or serialization failure aborts the whole transaction and nothing of it is kept, so
  // running it again is safe; `run` must start from scratch each time (it is only called anew).
  for (let attempt = 1; ; attempt++) {
    try {
      return await runWriteOnce({ pool, scope, key, fingerprint, run, refusalAnswer })
    } catch (error) {
      const code = (error as { code?: unknown }).code
      if (attempt >= maxAttempts || (code !== '40P01' && code !== '40001')) throw error
    }
  }
}

const maxAttempts = 3

async function runWriteOnce({
  pool,
  scope,
  key,
  fingerprint,
  run,
  refusalAnswer,
}: {
  pool: pg.Pool
  scope: string
  key: string | undefined
  fingerprint: string
  run: (client: pg.PoolClient) => Promise<WriteAnswer>
  refusalAnswer: RefusalAnswer
}): Promise<WriteAnswer & { isReplayed: boolean }> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    if (key !== undefined) {
      await client.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND created_at < now() - interval '24 hours'`, [scope, key])
      const claimed = await client.query(
        'INSERT INTO idempotency_keys (scope, key, fingerprint) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1',
        [scope, key, fingerprint],
      )
      if (claimed.rowCount === 0) {
        const stored = await client.query<{ fingerprint: string; status: number; body: unknown }>(
          'SELECT fingerprint, status, body FROM idempotency_keys WHERE scope = $1 AND key = $2',
          [scope, key],
        )
        await client.query('COMMIT')
        const row = stored.rows[0]
        if (!row || row.fingerprint !== fingerprint) {
          throw new IdempotencyConflict(`Idempotency-Key “${key}” 已用于另一个请求；每个不同的请求请使用新的键`)
        }
        return { status: row.status, body: row.body, isReplayed: true }
      }
    }
    const result = key === undefined ? await run(client) : await runKeepingRefusal(client, run, refusalAnswer)
    if (key !== undefined) {
      await client.query('UPDATE idempotency_keys SET status = $3, body = $4 WHERE scope = $1 AND key = $2', [
        scope,
        key,
        result.status,
        JSON.stringify(result.body ?? null),
      ])
    }
    await client.query('COMMIT')
    return { ...result, isReplayed: false }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}

/** Runs `run` after a savepoint; a refusal it throws is rolled back to it and answered, to be stored with the key. */
async function runKeepingRefusal(
  client: pg.PoolClient,
  run: (client: pg.PoolClient) => Promise<WriteAnswer>,
  refusalAnswer: RefusalAnswer,
): Promise<WriteAnswer> {
  await client.query('SAVEPOINT idempotent_write')
  try {
    return await run(client)
  } catch (error) {
    const refused = refusalAnswer(error)
    if (!refused) throw error
    await client.query('ROLLBACK TO SAVEPOINT idempotent_write')
    return refused
  }
}

import type pg from 'pg'

/** `ok`, or why the database cannot be reached (for `/readyz`). */
export async function databaseStatus(pool: pg.Pool): Promise<string> {
  return pool.query('SELECT 1').then(
    () => 'ok',
    (error: unknown) => `unavailable: ${error instanceof Error ? error.message : String(error)}`,
  )
}

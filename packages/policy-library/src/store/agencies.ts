import type pg from 'pg'
import type { Agency, AgencyInput, Token } from '../domain/types.js'

type AgencyRow = { id: string; name: string; index_prefix: string | null; created_at: Date }

const agencyOf = (row: AgencyRow): Agency => ({
  id: row.id,
  name: row.name,
  ...(row.index_prefix ? { indexPrefix: row.index_prefix } : {}),
  createdAt: row.created_at.toISOString(),
})

export async function listAgencies(pool: pg.Pool): Promise<Agency[]> {
  const { rows } = await pool.query<AgencyRow>('SELECT * FROM agencies ORDER BY id')
  return rows.map(agencyOf)
}

export async function findAgency(pool: pg.Pool, agencyId: string): Promise<Agency | undefined> {
  const { rows } = await pool.query<AgencyRow>('SELECT * FROM agencies WHERE id = $1', [agencyId])
  const row = rows[0]
  return row ? agencyOf(row) : undefined
}

/** Names of the given agencies (those that exist). */
export async function agencyNames(pool: pg.Pool, agencyIds: string[]): Promise<Map<string, string>> {
  if (agencyIds.length === 0) return new Map()
  let known = knownNames.get(pool)
  if (!known) {
    known = new Map()
    knownNames.set(pool, known)
  }
  const unknown = agencyIds.filter((id) => !known.has(id))
  if (unknown.length > 0) {
    const { rows } = await pool.query<{ id: string; name: string }>('SELECT id, name FROM agencies WHERE id = ANY ($1)', [unknown])
    for (const row of rows) known.set(row.id, row.name)
  }
  const names = new Map<string, string>()
  for (const id of agencyIds) {
    const name = known.get(id)
    if (name !== undefined) names.set(id, name)
  }
  return names
}

/**
 * The names read so far, per pool: an agency is registered once with its name and the API can neither
 * rename nor remove it, so a name once read stays right (an id not found is asked again next time). A
 * search's agency facet then costs no query of its own.
 */
const knownNames = new WeakMap<pg.Pool, Map<string, string>>()

/** Registers an agency; undefined when the id is taken. */
export async function insertAgency(client: pg.PoolClient, input: AgencyInput): Promise<Agency | undefined> {
  const { rows } = await client.query<AgencyRow>(
    'INSERT INTO agencies (id, name, index_prefix) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING *',
    [input.id, input.name, input.indexPrefix ?? null],
  )
  const row = rows[0]
  return row ? agencyOf(row) : undefined
}

type TokenRow = { id: string; agency_id: string; name: string; created_at: Date; revoked_at: Date | null; last_used_at: Date | null }

const tokenOf = (row: TokenRow): Token => ({
  id: row.id,
  agencyId: row.agency_id,
  name: row.name,
  createdAt: row.created_at.toISOString(),
  revokedAt: row.revoked_at?.toISOString() ?? null,
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
})

const tokenColumns = 'id, agency_id, name, created_at, revoked_at, last_used_at'

export async function listTokens(pool: pg.Pool, agencyId: string): Promise<Token[]> {
  const { rows } = await pool.query<TokenRow>(`SELECT ${tokenColumns} FROM tokens WHERE agency_id = $1 ORDER BY created_at, id`, [agencyId])
  return rows.map(tokenOf)
}

/** Stores a token by the hash of its secret (the secret itself is never stored). */
export async function insertToken(pool: pg.Pool, { agencyId, name, tokenHash }: { agencyId: string; name: string; tokenHash: Buffer }): Promise<Token> {
  const { rows } = await pool.query<TokenRow>(`INSERT INTO tokens (agency_id, name, token_hash) VALUES ($1, $2, $3) RETURNING ${tokenColumns}`, [
    agencyId,
    name,
    tokenHash,
  ])
  return tokenOf(rows[0] as TokenRow)
}

/** Revokes a token (again: no change); false when there is none. */
export async function revokeToken(pool: pg.Pool, tokenId: string): Promise<boolean> {
  const { rowCount } = await pool.query('UPDATE tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1', [tokenId])
  return Boolean(rowCount)
}

/** The token with this secret's hash, revoked or not. */
export async function findTokenByHash(pool: pg.Pool, tokenHash: Buffer): Promise<{ id: string; agencyId: string; isRevoked: boolean } | undefined> {
  const { rows } = await pool.query<{ id: string; agency_id: string; revoked_at: Date | null }>(
    'SELECT id, agency_id, revoked_at FROM tokens WHERE token_hash = $1',
    [tokenHash],
  )
  const row = rows[0]
  return row ? { id: row.id, agencyId: row.agency_id, isRevoked: row.revoked_at !== null } : undefined
}

/** Notes a token's use, at most one write a minute per token (not one per request). */
export async function touchToken(pool: pg.Pool, tokenId: string): Promise<void> {
  await pool.query(`UPDATE tokens SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`, [tokenId])
}

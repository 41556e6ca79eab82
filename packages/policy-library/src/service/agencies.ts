import type pg from 'pg'
import { Conflict, NotFound } from '../domain/errors.js'
import type { Agency, AgencyInput, CreatedToken, Token } from '../domain/types.js'
import { findAgency, insertAgency, insertToken, listTokens, revokeToken as revokeStoredToken } from '../store/agencies.js'

export { listAgencies } from '../store/agencies.js'

export async function getAgency(pool: pg.Pool, agencyId: string): Promise<Agency> {
  const agency = await findAgency(pool, agencyId)
  if (!agency) throw new NotFound(`机关 ${agencyId} 不存在`)
  return agency
}

/** Registers an agency in the caller's write transaction; a taken id is a conflict. */
export async function createAgency(client: pg.PoolClient, input: AgencyInput): Promise<Agency> {
  const agency = await insertAgency(client, input)
  if (!agency) throw new Conflict(`机关 ${input.id} 已存在`, { errors: [{ pointer: '/id', detail: '机关标识已存在', rule: 'unique' }] })
  return agency
}

export async function listAgencyTokens(pool: pg.Pool, agencyId: string): Promise<Token[]> {
  await getAgency(pool, agencyId)
  return listTokens(pool, agencyId)
}

/**
 * A new push token of an agency. The secret is answered once and stored only as its hash, so token
 * creation is not idempotent: a replay could not answer the secret again.
 */
export async function createToken(
  pool: pg.Pool,
  { agencyId, name, secret, secretHash }: { agencyId: string; name: string; secret: string; secretHash: Buffer },
): Promise<CreatedToken> {
  await getAgency(pool, agencyId)
  const stored = await insertToken(pool, { agencyId, name, tokenHash: secretHash })
  return { ...stored, revokedAt: null, lastUsedAt: null, token: secret }
}

export async function revokeToken(pool: pg.Pool, tokenId: string): Promise<void> {
  if (!(await revokeStoredToken(pool, tokenId))) throw new NotFound(`令牌 ${tokenId} 不存在`)
}

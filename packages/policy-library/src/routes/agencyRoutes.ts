import express, { type Router } from 'express'
import { generateToken, hashToken } from '../http/auth.js'
import { handle, type RouteContext } from '../http/routeContext.js'
import { problem, ProblemError } from '../http/problem.js'
import { answer } from '../store/idempotency.js'

/** Agencies and their push tokens (managed with the admin token). */
export function agencyRoutes(context: RouteContext): Router {
  const { pool, validate, auth, limiter, json, write } = context
  const router = express.Router()
  type AgencyRow = { id: string; name: string; index_prefix: string | null; created_at: Date }
  const agencyOf = (row: AgencyRow) => ({
    id: row.id,
    name: row.name,
    ...(row.index_prefix ? { indexPrefix: row.index_prefix } : {}),
    createdAt: row.created_at.toISOString(),
  })
  type TokenRow = { id: string; agency_id: string; name: string; created_at: Date; revoked_at: Date | null; last_used_at: Date | null }
  const tokenOf = (row: TokenRow) => ({
    id: row.id,
    agencyId: row.agency_id,
    name: row.name,
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  })
  router.get(
    '/v1/agencies',
    validate('listAgencies'),
    handle(async (_request, response) => {
      const { rows } = await pool.query<AgencyRow>('SELECT * FROM agencies ORDER BY id')
      response.json({ items: rows.map(agencyOf) })
    }),
  )
  router.post(
    '/v1/agencies',
    auth.requireAdmin,
    limiter,
    json,
    validate('createAgency'),
    handle(async (request, response) => {
      const input = request.body as { id: string; name: string; indexPrefix?: string }
      await write(request, response, async (client) => {
        const { rows } = await client.query<AgencyRow>(
          'INSERT INTO agencies (id, name, index_prefix) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING *',
          [input.id, input.name, input.indexPrefix ?? null],
        )
        const row = rows[0]
        return row ? { status: 201, body: agencyOf(row) } : answer(problem('conflict', `机关 ${input.id} 已存在`, { errors: [{ pointer: '/id', detail: '机关标识已存在', rule: 'unique' }] }))
      })
    }),
  )
  router.get(
    '/v1/agencies/:agencyId',
    validate('getAgency'),
    handle(async (request, response) => {
      const agencyId = request.params.agencyId as string
      const { rows } = await pool.query<AgencyRow>('SELECT * FROM agencies WHERE id = $1', [agencyId])
      const row = rows[0]
      if (!row) throw new ProblemError(problem('notFound', `机关 ${agencyId} 不存在`))
      response.json(agencyOf(row))
    }),
  )
  const requireAgencyExists = async (agencyId: string): Promise<void> => {
    const { rowCount } = await pool.query('SELECT 1 FROM agencies WHERE id = $1', [agencyId])
    if (!rowCount) throw new ProblemError(problem('notFound', `机关 ${agencyId} 不存在`))
  }
  router.get(
    '/v1/agencies/:agencyId/tokens',
    auth.requireAdmin,
    limiter,
    validate('listTokens'),
    handle(async (request, response) => {
      const agencyId = request.params.agencyId as string
      await requireAgencyExists(agencyId)
      const { rows } = await pool.query<TokenRow>(
        'SELECT id, agency_id, name, created_at, revoked_at, last_used_at FROM tokens WHERE agency_id = $1 ORDER BY created_at, id',
        [agencyId],
      )
      response.json({ items: rows.map(tokenOf) })
    }),
  )
  router.post(
    '/v1/agencies/:agencyId/tokens',
    auth.requireAdmin,
    limiter,
    json,
    validate('createToken'),
    handle(async (request, response) => {
      const agencyId = request.params.agencyId as string
      const { name } = request.body as { name: string }
      await requireAgencyExists(agencyId)
      const token = generateToken()
      const { rows } = await pool.query<TokenRow>(
        'INSERT INTO tokens (agency_id, name, token_hash) VALUES ($1, $2, $3) RETURNING id, agency_id, name, created_at, revoked_at, last_used_at',
        [agencyId, name, hashToken(token)],
      )
      response.status(201).json({ ...tokenOf(rows[0] as TokenRow), token })
    }),
  )
  router.delete(
    '/v1/tokens/:tokenId',
    auth.requireAdmin,
    limiter,
    validate('revokeToken'),
    handle(async (request, response) => {
      const tokenId = request.params.tokenId as string
      const { rowCount } = await pool.query('UPDATE tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1', [tokenId])
      if (!rowCount) throw new ProblemError(problem('notFound', `令牌 ${tokenId} 不存在`))
      response.status(204).end()
    }),
  )

  return router
}

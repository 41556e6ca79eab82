import express, { type Router } from 'express'
import type { AgencyInput } from '../domain/types.js'
import { generateToken, hashToken } from '../http/auth.js'
import type { RouteContext } from '../http/routeContext.js'
import { createAgency, createToken, getAgency, listAgencies, listAgencyTokens, revokeToken } from '../service/agencies.js'

/** Agencies and their push tokens (managed with the admin token). */
export function agencyRoutes(context: RouteContext): Router {
  const { pool, validate, auth, limiter, json, write } = context
  const router = express.Router()
  router.get('/v1/agencies', validate('listAgencies'), async (_request, response) => {
    response.json({ items: await listAgencies(pool) })
  })
  router.post('/v1/agencies', auth.requireAdmin, limiter, json, validate('createAgency'), async (request, response) => {
    await write(request, response, async (client) => ({ status: 201, body: await createAgency(client, request.body as AgencyInput) }))
  })
  router.get('/v1/agencies/:agencyId', validate('getAgency'), async (request, response) => {
    response.json(await getAgency(pool, request.params.agencyId as string))
  })
  router.get('/v1/agencies/:agencyId/tokens', auth.requireAdmin, limiter, validate('listTokens'), async (request, response) => {
    response.json({ items: await listAgencyTokens(pool, request.params.agencyId as string) })
  })
  router.post('/v1/agencies/:agencyId/tokens', auth.requireAdmin, limiter, json, validate('createToken'), async (request, response) => {
    const secret = generateToken()
    const { name } = request.body as { name: string }
    response.status(201).json(await createToken(pool, { agencyId: request.params.agencyId as string, name, secret, secretHash: hashToken(secret) }))
  })
  router.delete('/v1/tokens/:tokenId', auth.requireAdmin, limiter, validate('revokeToken'), async (request, response) => {
    await revokeToken(pool, request.params.tokenId as string)
    response.status(204).end()
  })
  return router
}

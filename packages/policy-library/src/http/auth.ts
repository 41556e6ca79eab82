import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { RequestHandler, Response } from 'express'
import type pg from 'pg'
import { findTokenByHash, touchToken } from '../store/agencies.js'
import { problem, ProblemError } from './problem.js'

/** Who made a request: the admin, or one agency through one of its tokens. */
export type Principal = { kind: 'admin' } | { kind: 'agency'; agencyId: string; tokenId: string }

/** A new token secret: 32 random bytes, so a plain SHA-256 hash is enough to store it. */
export function generateToken(): string {
  return `gk_${randomBytes(32).toString('base64url')}`
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest()
}

export function principalOf(response: Response): Principal {
  return response.locals.principal as Principal
}

function bearerOf(header: string | undefined): string | undefined {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null
  return match?.[1]
}

export function createAuth({ pool, adminToken }: { pool: pg.Pool; adminToken: string | undefined }): {
  requireAgency: RequestHandler
  requireAdmin: RequestHandler
} {
  const adminHash = adminToken ? hashToken(adminToken) : undefined
  const unauthorized = (detail: string): ProblemError => new ProblemError(problem('unauthorized', detail))
  // Read by the failure limiter: only failed authentication counts against a client address.
  const failed = (response: Response, error: ProblemError): ProblemError => {
    response.locals.isAuthFailure = true
    return error
  }

  const isAdmin = (token: string): boolean => adminHash !== undefined && timingSafeEqual(hashToken(token), adminHash)

  const requireAgency: RequestHandler = (request, response, next) => {
    const token = bearerOf(request.headers.authorization)
    if (!token) return next(failed(response, unauthorized('需要机关推送令牌：Authorization: Bearer <token>')))
    if (isAdmin(token)) return next(new ProblemError(problem('forbidden', '管理令牌只能管理机关和令牌；推送文件请使用机关令牌')))
    findTokenByHash(pool, hashToken(token))
      .then((found) => {
        if (!found) return next(failed(response, unauthorized('令牌无效')))
        if (found.isRevoked) return next(failed(response, unauthorized('令牌已被吊销')))
        response.locals.principal = { kind: 'agency', agencyId: found.agencyId, tokenId: found.id } satisfies Principal
        void touchToken(pool, found.id).catch(() => {})
        next()
      })
      .catch(next)
  }

  const requireAdmin: RequestHandler = (request, response, next) => {
    const token = bearerOf(request.headers.authorization)
    if (!token) return next(failed(response, unauthorized('需要管理令牌：Authorization: Bearer <token>')))
    if (!adminHash) return next(new ProblemError(problem('forbidden', '文件库未配置管理令牌（GONGKAI_LIBRARY_ADMIN_TOKEN）')))
    if (!isAdmin(token)) return next(failed(response, new ProblemError(problem('forbidden', '此操作需要管理令牌'))))
    response.locals.principal = { kind: 'admin' } satisfies Principal
    next()
  }

  return { requireAgency, requireAdmin }
}

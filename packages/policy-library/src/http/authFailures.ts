import type { RequestHandler } from 'express'
import { problem, sendProblem } from './problem.js'

/**
 * Failed authentications per client address (`request.ip`, so behind a trusted proxy the client's).
 * Only failures count, and only when they happen: a CMS pushing 50 requests at once from one address
 * is never slowed, while guessing tokens stops after `limit` failures until the window ends.
 * express-rate-limit counts every request up front and gives successes back when they finish, which
 * would refuse a burst of valid concurrent requests, hence this small counter.
 */
export function createAuthFailureLimiter({ windowMs, limit }: { windowMs: number; limit: number }): {
  /** Answers 429 with Retry-After while the address is over its limit. */
  check: RequestHandler
  /** Counts one failure of the request's address. */
  recordFailure: (address: string | undefined) => void
} {
  const failures = new Map<string, { count: number; resetAt: number }>()
  const keyOf = (address: string | undefined): string => address ?? 'unknown'
  const sweep = (now: number): void => {
    for (const [key, entry] of failures) if (entry.resetAt <= now) failures.delete(key)
  }
  return {
    check: (request, response, next) => {
      const entry = failures.get(keyOf(request.ip))
      const now = Date.now()
      if (!entry || entry.resetAt <= now || entry.count < limit) return next()
      response.set('Retry-After', String(Math.max(1, Math.ceil((entry.resetAt - now) / 1000))))
      sendProblem(response, problem('rateLimited', '认证失败次数过多；请在 Retry-After 秒后重试'))
    },
    recordFailure: (address) => {
      const now = Date.now()
      // Bounded memory under a spray of addresses: expired entries go first.
      if (failures.size > 100_000) sweep(now)
      const key = keyOf(address)
      const entry = failures.get(key)
      if (!entry || entry.resetAt <= now) failures.set(key, { count: 1, resetAt: now + windowMs })
      else entry.count++
    },
  }
}

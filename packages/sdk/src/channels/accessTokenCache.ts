export type AccessToken = { token: string; expiresAt: number }

export type AccessTokenCacheOptions = {
  /** Fetches a new token. */
  fetchToken: (signal?: AbortSignal) => Promise<AccessToken>
  /** Refresh this long before the token expires, so a call never starts with a token about to lapse. @default 300_000 (5 minutes) */
  refreshMarginMs?: number
  /** Clock, for tests. @default Date.now */
  now?: () => number
}

export type AccessTokenCache = {
  /** A valid token: the cached one while it has more than the margin left, a fresh one otherwise. */
  get: (signal?: AbortSignal) => Promise<string>
  /**
   * Like `get`, and says whether the token was fetched for this call (`isFresh`) or came from the cache.
   * A platform rejecting a cached token may have revoked it (refresh and retry); rejecting a fresh one
   * means the credentials themselves are wrong.
   */
  acquire: (signal?: AbortSignal) => Promise<{ token: string; isFresh: boolean }>
  /** Drops the cached token when the platform says it has expired (only if it is still `token`). */
  invalidate: (token: string) => void
}

/** Caches an access token and refreshes it before expiry; concurrent callers share one refresh. */
export function createAccessTokenCache(options: AccessTokenCacheOptions): AccessTokenCache {
  const margin = options.refreshMarginMs ?? 300_000
  const now = options.now ?? Date.now
  let current: AccessToken | undefined
  let pending: Promise<AccessToken> | undefined

  async function acquire(signal?: AbortSignal): Promise<{ token: string; isFresh: boolean }> {
    if (current && current.expiresAt - margin > now()) return { token: current.token, isFresh: false }
    pending ??= options.fetchToken(signal).finally(() => {
      pending = undefined
    })
    current = await pending
    return { token: current.token, isFresh: true }
  }

  return {
    get: async (signal) => (await acquire(signal)).token,
    acquire,
    invalidate: (token) => {
      if (current?.token === token) current = undefined
    },
  }
}

export { createPolicyLibraryClient, batchLimit, type PolicyLibraryClient, type PolicyLibraryClientOptions, type CallOptions, type ReadOptions, type PushResult } from './createPolicyLibraryClient'
export { PolicyLibraryError, PolicyLibraryConflictError, PolicyLibraryGoneError, isRetryableStatus } from './PolicyLibraryError'
export { createRetryingFetch, parseRetryAfter, backoffDelay, defaultTimeoutMs, type RetryOptions, type AttemptOptions } from './retry'
export type * from './types'

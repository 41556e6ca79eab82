export { createPolicyLibraryClient, batchLimit, type PolicyLibraryClient, type PolicyLibraryClientOptions, type CallOptions, type PushResult } from './createPolicyLibraryClient'
export { PolicyLibraryError, PolicyLibraryConflictError, isRetryableStatus } from './PolicyLibraryError'
export { createRetryingFetch, parseRetryAfter, backoffDelay, type RetryOptions } from './retry'
export type * from './types'

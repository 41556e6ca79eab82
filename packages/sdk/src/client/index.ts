export { createPolicyLibraryClient, batchLimit, type PolicyLibraryClient, type PolicyLibraryClientOptions, type CallOptions, type ReadOptions, type PushResult } from './createPolicyLibraryClient.js'
export { PolicyLibraryError, PolicyLibraryConflictError, PolicyLibraryGoneError, isRetryableStatus } from './PolicyLibraryError.js'
export { createRetryingFetch, parseRetryAfter, backoffDelay, defaultTimeoutMs, type RetryOptions, type AttemptOptions } from './retry.js'
export type * from './types.js'

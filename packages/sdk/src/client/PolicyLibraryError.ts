import type { GoneProblem, Problem } from './types.js'

const retryableStatuses = new Set([408, 429, 500, 502, 503, 504])

/** Whether an HTTP status is worth retrying: 408, 429 and 5xx. */
export function isRetryableStatus(status: number): boolean {
  return retryableStatuses.has(status) || status >= 500
}

/**
 * The one error the client throws. `status` is undefined when no answer arrived (network error).
 * `problem` is the library's RFC 9457 body; `problem.errors` names every invalid field.
 */
export class PolicyLibraryError extends Error {
  readonly status: number | undefined
  readonly problem: Problem | undefined
  readonly isRetryable: boolean
  constructor(input: { message: string; status?: number; problem?: Problem; isRetryable?: boolean; cause?: unknown }) {
    super(input.message, input.cause === undefined ? undefined : { cause: input.cause })
    this.name = 'PolicyLibraryError'
    this.status = input.status
    this.problem = input.problem
    this.isRetryable = input.isRetryable ?? (input.status === undefined ? true : isRetryableStatus(input.status))
  }
}

/**
 * 409: the write named a `previousVersion` that is not the stored one (someone else changed the
 * document), or created a document that exists. Resolve it by reading the document (`client.get`),
 * merging, and pushing again with `previousVersion: error.currentVersion`.
 */
export class PolicyLibraryConflictError extends PolicyLibraryError {
  readonly contentId: string
  /** The version the library holds now. */
  readonly currentVersion: number | undefined
  constructor(input: { contentId: string; problem?: Problem }) {
    super({
      message: `Version conflict on ${input.contentId}: ${input.problem?.detail ?? input.problem?.title ?? 'previousVersion does not match'}`,
      status: 409,
      problem: input.problem,
      isRetryable: false,
    })
    this.name = 'PolicyLibraryConflictError'
    this.contentId = input.contentId
    this.currentVersion = input.problem?.currentVersion
  }
}

/**
 * 410: the document was withdrawn (撤回) or deleted (删除), or the version asked for was redacted
 * (抹除). The library serves no text for it any more; `gone` carries the withdrawal notice, deletion
 * or redaction record and the metadata to cite the document by (`gone.document`), e.g. to show
 * "本文件已撤回" with the notice instead of the body.
 */
export class PolicyLibraryGoneError extends PolicyLibraryError {
  readonly gone: GoneProblem
  /** Why it is gone. */
  readonly removal: GoneProblem['removal']
  constructor(input: { gone: GoneProblem }) {
    super({
      message: `410 Gone — ${input.gone.detail ?? input.gone.title}`,
      status: 410,
      problem: input.gone,
      isRetryable: false,
    })
    this.name = 'PolicyLibraryGoneError'
    this.gone = input.gone
    this.removal = input.gone.removal
  }
}

import type { Response } from 'express'
import {
  Conflict,
  Forbidden,
  Gone,
  IdempotencyConflict,
  InvalidInput,
  NotFound,
  RuleViolation,
  VersionConflict,
  UnsupportedBody,
  type DomainError,
} from '../domain/errors.js'
import { goneProblemOf } from '../domain/removal.js'
import type { Problem } from '../domain/types.js'

export type { FieldError, Problem } from '../domain/types.js'

const problemBase = 'https://gongkai.dev/problems/'

export const problemTypes = {
  validation: { status: 400, title: 'Request is invalid' },
  malformedJson: { status: 400, title: 'Body is not valid JSON' },
  unauthorized: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Not allowed' },
  notFound: { status: 404, title: 'Not found' },
  methodNotAllowed: { status: 405, title: 'Method not allowed' },
  versionConflict: { status: 409, title: 'Version conflict' },
  conflict: { status: 409, title: 'Already exists' },
  payloadTooLarge: { status: 413, title: 'Body too large' },
  unsupportedMediaType: { status: 415, title: 'Unsupported media type' },
  unprocessable: { status: 422, title: 'Request breaks a rule' },
  idempotencyKeyReused: { status: 422, title: 'Idempotency-Key reused with a different request' },
  rateLimited: { status: 429, title: 'Too many requests' },
  unavailable: { status: 503, title: 'Service unavailable' },
  internal: { status: 500, title: 'Internal error' },
} as const

export type ProblemKind = keyof typeof problemTypes

export function problem(
  kind: ProblemKind,
  detail?: string,
  extra: Pick<Problem, 'errors' | 'currentVersion'> = {},
): Problem {
  const { status, title } = problemTypes[kind]
  const type = `${problemBase}${kind.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`
  return { type, title, status, ...(detail === undefined ? {} : { detail }), ...extra }
}

/** An error carrying a problem; thrown in handlers and answered by the error handler. */
export class ProblemError extends Error {
  readonly problem: Problem
  constructor(problemDetails: Problem) {
    super(problemDetails.detail ?? problemDetails.title)
    this.name = 'ProblemError'
    this.problem = problemDetails
  }
}

export function sendProblem(response: Response, details: Problem): void {
  // A problem describes this request only: never cached, whatever the route's own policy.
  response.set('Cache-Control', 'no-store')
  response.status(details.status).type('application/problem+json').send(JSON.stringify(details))
}

/** The problem+json answer of a refusal by the library's rules (the one place domain errors meet HTTP). */
export function problemOf(error: DomainError): Problem {
  if (error instanceof Gone) return goneProblemOf(error)
  const errors = error.errors ? { errors: error.errors } : {}
  if (error instanceof VersionConflict) {
    return problem('versionConflict', error.message, error.currentVersion === undefined ? {} : { currentVersion: error.currentVersion })
  }
  if (error instanceof Conflict) {
    return problem('conflict', error.message, { ...errors, ...(error.currentVersion === undefined ? {} : { currentVersion: error.currentVersion }) })
  }
  if (error instanceof NotFound) return problem('notFound', error.message, errors)
  if (error instanceof Forbidden) return problem('forbidden', error.message, errors)
  if (error instanceof IdempotencyConflict) return problem('idempotencyKeyReused', error.message, errors)
  if (error instanceof RuleViolation) return problem('unprocessable', error.message, errors)
  if (error instanceof UnsupportedBody) return problem('unsupportedMediaType', error.message, errors)
  if (error instanceof InvalidInput) return problem('validation', error.message, errors)
  return problem('internal', error.message)
}

import type { Deletion, FieldError, GoneDocument, Redaction } from './types.js'

/**
 * What the library's rules refuse, said without HTTP: the store and the services throw these, and the
 * HTTP layer (`http/errorHandler.ts`, `http/problemOf.ts`) maps each to its problem+json answer.
 */
export abstract class DomainError extends Error {
  /** Every field the refusal is about, with the rule it breaks. */
  readonly errors: FieldError[] | undefined
  constructor(message: string, errors?: FieldError[]) {
    super(message)
    this.name = new.target.name
    this.errors = errors
  }
}

/** The request breaks the API's shape (400): a field, a parameter, a cursor. */
export class InvalidInput extends DomainError {}

/** The request's body is not of a type the operation reads (415): it needs JSON. */
export class UnsupportedBody extends DomainError {}

/** The caller may not do this (403): not the lead agency, not the admin. */
export class Forbidden extends DomainError {}

/** Nothing is stored under this name (404). */
export class NotFound extends DomainError {}

/** The write names a version other than the stored one (409 with `currentVersion`). */
export class VersionConflict extends DomainError {
  readonly currentVersion: number | undefined
  constructor(message: string, currentVersion?: number) {
    super(message)
    this.currentVersion = currentVersion
  }
}

/** The write clashes with what is stored (409): a taken id or 索引号, the current version. */
export class Conflict extends DomainError {
  readonly currentVersion: number | undefined
  constructor(message: string, { errors, currentVersion }: { errors?: FieldError[]; currentVersion?: number } = {}) {
    super(message, errors)
    this.currentVersion = currentVersion
  }
}

/** The request is well formed but breaks one of the library's rules (422). */
export class RuleViolation extends DomainError {}

/** An Idempotency-Key already used for a different request (422). */
export class IdempotencyConflict extends DomainError {}

/** Why a document (or version) is gone, and how to cite it. */
export type Removal =
  | { removal: 'withdrawn'; document: GoneDocument; withdrawal: { notice: string; withdrawnAt: string } }
  | { removal: 'deleted'; document: GoneDocument; deletion: Deletion }
  | { removal: 'redacted'; document: GoneDocument; redaction: Redaction }

/** The document was withdrawn or deleted, or the version redacted (410): the record stays, the text does not. */
export class Gone extends DomainError {
  readonly removal: Removal
  constructor(message: string, removal: Removal, errors?: FieldError[]) {
    super(message, errors)
    this.removal = removal
  }
}

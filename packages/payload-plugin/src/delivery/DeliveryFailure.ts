/** A failed delivery attempt, with a Chinese reason for editors and whether trying again later can succeed. */
export class DeliveryFailure extends Error {
  readonly isRetryable: boolean
  readonly retryAfterMs: number | undefined
  constructor(message: string, args: { isRetryable: boolean; retryAfterMs?: number }) {
    super(message)
    this.name = 'DeliveryFailure'
    this.isRetryable = args.isRetryable
    this.retryAfterMs = args.retryAfterMs
  }
}

/** What a target answered for a delivery that did not fail. */
export type TargetOutcome = {
  state: 'delivered' | 'submitted' | 'skipped'
  externalId?: string
  externalUrl?: string
  /** A note for editors (why skipped, what the platform said). */
  note?: string
}

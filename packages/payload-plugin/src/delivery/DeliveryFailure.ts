/** A failed delivery attempt, with a Chinese reason for editors and whether trying again later can succeed. */
export class DeliveryFailure extends Error {
  readonly isRetryable: boolean
  readonly retryAfterMs: number | undefined
  /**
   * A status check that got no answer about the post (network, platform busy): the post is still submitted
   * and is checked again later, rather than published anew.
   */
  readonly isUnansweredCheck: boolean
  constructor(message: string, args: { isRetryable: boolean; retryAfterMs?: number; isUnansweredCheck?: boolean }) {
    super(message)
    this.name = 'DeliveryFailure'
    this.isRetryable = args.isRetryable
    this.retryAfterMs = args.retryAfterMs
    this.isUnansweredCheck = args.isUnansweredCheck ?? false
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

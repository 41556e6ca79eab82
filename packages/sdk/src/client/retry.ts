import { PolicyLibraryError, isRetryableStatus } from './PolicyLibraryError.js'
import { sleep } from '../abort.js'

export type RetryOptions = {
  /** Retries after the first attempt. @default 3 */
  retries?: number
  /** Base of the exponential back-off. @default 300 */
  minDelayMs?: number
  /** Cap of one back-off. @default 10_000 */
  maxDelayMs?: number
  /** A `Retry-After` longer than this is not waited for: the error is returned instead. @default 60_000 */
  maxRetryAfterMs?: number
  /** Called before each wait, e.g. for logging. */
  onRetry?: (event: { attempt: number; delayMs: number; status?: number; error?: unknown; method: string; url: string }) => void
}

/** `Retry-After` in milliseconds (delta-seconds or HTTP date), or undefined. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined
  if (/^\d+$/u.test(value.trim())) return Number(value.trim()) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** Exponential back-off with "equal jitter": half the step is fixed, half random, so retries spread out. */
export function backoffDelay(attempt: number, options: { minDelayMs: number; maxDelayMs: number }, random = Math.random): number {
  const step = Math.min(options.maxDelayMs, options.minDelayMs * 2 ** attempt)
  return Math.round(step / 2 + random() * (step / 2))
}

/** How long one attempt may take by default: 30 s. */
export const defaultTimeoutMs = 30_000

export type AttemptOptions = {
  /**
   * How long one attempt may take, from sending the request to the end of the answer's body. A slower
   * attempt is aborted and retried like a network error (a connection that never answers would
   * otherwise wait forever); `false` waits as long as the connection does.
   * @default 30_000
   */
  timeoutMs?: number | false
}

// Statuses whose Response must have a null body.
const nullBodyStatuses = new Set([101, 103, 204, 205, 304])

/**
 * One attempt under a deadline. The answer's body is read inside the attempt, so a connection that
 * stalls mid-body times out (and is retried) too; the caller's signal still aborts it at once.
 */
async function attemptOnce(fetchImpl: (input: Request) => Promise<Response>, request: Request, timeoutMs: number | false): Promise<Response> {
  if (timeoutMs === false || !Number.isFinite(timeoutMs) || timeoutMs <= 0) return fetchImpl(request)
  const controller = new AbortController()
  let isTimedOut = false
  const timer = setTimeout(() => {
    isTimedOut = true
    controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError'))
  }, timeoutMs)
  const onAbort = () => controller.abort(request.signal.reason)
  if (request.signal.aborted) onAbort()
  else request.signal.addEventListener('abort', onAbort, { once: true })
  // Held until the attempt ends: undici's fetch follows this request's signal through a weak
  // reference, so a request nobody holds can be collected mid-attempt and the abort never arrives.
  const attemptRequest = new Request(request, { signal: controller.signal })
  try {
    const response = await fetchImpl(attemptRequest)
    const body = nullBodyStatuses.has(response.status) ? null : await response.arrayBuffer()
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers })
  } catch (error) {
    if (isTimedOut && !request.signal.aborted) throw new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError')
    throw error
  } finally {
    clearTimeout(timer)
    request.signal.removeEventListener('abort', onAbort)
    attemptRequest.signal.removeEventListener('abort', onAbort)
  }
}

/**
 * Wraps `fetch` so one logical request is retried on network errors, 408, 429 and 5xx, waiting
 * `Retry-After` when given and an exponential back-off with jitter otherwise. Each attempt sends a
 * clone of the same Request, so headers such as `Idempotency-Key` are identical across attempts.
 * Aborting the request's signal stops both the attempt and the wait; an attempt slower than
 * `timeoutMs` is aborted and counts as a retryable failure.
 */
export function createRetryingFetch(
  fetchImpl: (input: Request) => Promise<Response>,
  options: RetryOptions | false = {},
  attemptOptions: AttemptOptions = {},
): (input: Request) => Promise<Response> {
  const timeoutMs = attemptOptions.timeoutMs ?? defaultTimeoutMs
  const retries = options === false ? 0 : (options.retries ?? 3)
  const settings = {
    minDelayMs: (options !== false && options.minDelayMs) || 300,
    maxDelayMs: (options !== false && options.maxDelayMs) || 10_000,
  }
  const maxRetryAfterMs = (options !== false && options.maxRetryAfterMs) || 60_000
  const onRetry = options === false ? undefined : options.onRetry

  return async (request) => {
    for (let attempt = 0; ; attempt++) {
      let response: Response
      try {
        response = await attemptOnce(fetchImpl, attempt < retries ? request.clone() : request, timeoutMs)
      } catch (error) {
        // The caller's abort ends everything; a timed-out attempt is retried like a network error.
        if (request.signal.aborted || (error instanceof Error && error.name === 'AbortError')) throw error
        if (attempt >= retries) {
          throw new PolicyLibraryError({ message: `Policy library unreachable: ${error instanceof Error ? error.message : String(error)}`, cause: error, isRetryable: true })
        }
        const delayMs = backoffDelay(attempt, settings)
        onRetry?.({ attempt: attempt + 1, delayMs, error, method: request.method, url: request.url })
        await sleep(delayMs, request.signal)
        continue
      }
      if (!isRetryableStatus(response.status) || attempt >= retries) return response
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'))
      if (retryAfter !== undefined && retryAfter > maxRetryAfterMs) return response
      const delayMs = retryAfter ?? backoffDelay(attempt, settings)
      await response.body?.cancel()
      onRetry?.({ attempt: attempt + 1, delayMs, status: response.status, method: request.method, url: request.url })
      await sleep(delayMs, request.signal)
    }
  }
}

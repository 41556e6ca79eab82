/**
 * Network errors that prove a request never left this machine: the connection was refused or the host
 * name did not resolve. Node's fetch rejects with a `TypeError` whose `cause.code` names the failure.
 * Any other failure after sending (reset, timeout, abort) leaves the outcome unknown.
 */
const notSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'])

export function wasNeverSent(error: unknown): boolean {
  if (!(error instanceof TypeError)) return false
  const cause = (error as { cause?: unknown }).cause
  const code = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined
  return typeof code === 'string' && notSentCodes.has(code)
}

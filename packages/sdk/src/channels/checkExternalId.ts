import type { ChannelWithdrawResult } from './Channel.js'

/** Platform ids are short tokens (digits, base64url, `id@version`); anything longer is not one. */
const maxExternalIdLength = 512

// eslint-disable-next-line no-control-regex -- control characters are what this rejects
const controlCharacters = /[\u0000-\u001F\u007F]/u

/**
 * Refuses an `externalId` that no platform could have issued (empty, control characters such as NUL,
 * absurdly long) before any call, naming the field and the rule in Chinese. Undefined when it is usable.
 */
export function checkExternalId(channel: string, externalId: unknown): Extract<ChannelWithdrawResult, { state: 'failed' }> | undefined {
  const fail = (reason: string) => ({ channel, state: 'failed' as const, externalId: typeof externalId === 'string' ? externalId.slice(0, 64) : '', code: 'validation', reason, isRetryable: false })
  if (typeof externalId !== 'string' || externalId.trim() === '') return fail('平台 ID（externalId）不能为空：请提供发布时渠道返回的 ID。')
  if (externalId.length > maxExternalIdLength) return fail(`平台 ID（externalId）长度不能超过 ${maxExternalIdLength} 个字符。`)
  if (controlCharacters.test(externalId)) return fail('平台 ID（externalId）不能包含控制字符。')
  return undefined
}

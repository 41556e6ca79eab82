import { createWebhookChannel, createWeChatChannel, createWeiboChannel } from '@gongkai/sdk/channels'
import type { Channel, ChannelLogger, ChannelResult, ChannelWithdrawResult, WeChatProgress, WeiboProgress } from '@gongkai/sdk/channels'
import type { Payload } from 'payload'

import type { ChannelTargetOptions, SanitizedDeliveryOptions } from '../../types.js'
import { createPostgresProgressStore } from '../deliveryStore.js'
import { DeliveryFailure } from '../DeliveryFailure.js'
import type { TargetOutcome } from '../DeliveryFailure.js'
import type { OutgoingDocument } from '../outgoingDocument.js'

/** The adapters' diagnostics go to Payload's logger at debug level; they never carry credentials. */
function loggerOf(payload: Payload): ChannelLogger {
  return {
    debug: (message, details) => payload.logger.debug({ msg: message, ...details }),
    warn: (message, details) => payload.logger.warn({ msg: message, ...details }),
  }
}

/** The SDK channel of a configured target, with its progress kept in PostgreSQL. */
export function channelOf(args: { payload: Payload; options: SanitizedDeliveryOptions; name: string; config: ChannelTargetOptions }): Channel {
  const { payload, name, config } = args
  const fetch = args.options.fetch ? (input: string | URL | Request, init?: RequestInit) => args.options.fetch!(new Request(input, init)) : undefined
  const common = { name, logger: loggerOf(payload), ...(fetch ? { fetch } : {}) }
  if (config.kind === 'wechat') {
    return createWeChatChannel({
      ...common,
      appId: config.appId,
      appSecret: config.appSecret,
      ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
      ...(config.defaultCoverMediaId ? { defaultCoverMediaId: config.defaultCoverMediaId } : {}),
      progressStore: createPostgresProgressStore<WeChatProgress>(payload, name),
      pollIntervalMs: 1000,
      maxPolls: 5,
    })
  }
  if (config.kind === 'weibo') {
    return createWeiboChannel({
      ...common,
      accessToken: config.accessToken,
      boundDomain: config.safeDomain,
      ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
      progressStore: createPostgresProgressStore<WeiboProgress>(payload, name),
    })
  }
  return createWebhookChannel({ ...common, url: config.url, secret: config.secret })
}

function toOutcome(result: ChannelResult): TargetOutcome {
  if (result.state === 'failed') {
    throw new DeliveryFailure(result.reason, { isRetryable: result.isRetryable, ...(result.retryAfterMs ? { retryAfterMs: result.retryAfterMs } : {}) })
  }
  return { state: result.state === 'published' ? 'delivered' : 'submitted', externalId: result.externalId, ...(result.url ? { externalUrl: result.url } : {}) }
}

function toWithdrawOutcome(result: ChannelWithdrawResult): TargetOutcome {
  if (result.state === 'failed') {
    throw new DeliveryFailure(result.reason, { isRetryable: result.isRetryable, ...(result.retryAfterMs ? { retryAfterMs: result.retryAfterMs } : {}) })
  }
  // The platform cannot take posts down: nothing to retry; the note says what to do by hand.
  if (result.state === 'not-supported') return { state: 'skipped', externalId: result.externalId, note: result.reason }
  return { state: 'delivered', externalId: result.externalId, ...(result.note ? { note: result.note } : {}) }
}

/** Sends one delivery to a channel; the adapter resumes a post an earlier attempt began. */
export async function deliverToChannel(args: {
  payload: Payload
  options: SanitizedDeliveryOptions
  name: string
  action: 'publish' | 'withdraw' | 'validity' | 'delete' | 'redact'
  outgoing: OutgoingDocument
  /** The channel's id of the post, for a withdrawal. */
  externalId?: string | null
  /** 撤回说明, for a withdrawal (webhook receivers and feeds carry it). */
  notice?: string | null
  signal?: AbortSignal
}): Promise<TargetOutcome> {
  const config = args.options.channels[args.name]
  if (!config) throw new DeliveryFailure(`推送渠道“${args.name}”已不在配置中`, { isRetryable: false })
  const channel = channelOf({ payload: args.payload, options: args.options, name: args.name, config })
  if (args.action === 'publish') {
    try {
      return toOutcome(await channel.publish(args.outgoing.channel, { signal: args.signal }))
    } catch (error) {
      if (error instanceof DeliveryFailure) throw error
      throw new DeliveryFailure(`推送到“${args.name}”时出错：${error instanceof Error ? error.message : String(error)}`, { isRetryable: true })
    }
  }
  // Platforms have no separate deletion: a post published in error is withdrawn like any other.
  if (args.action === 'withdraw' || args.action === 'delete') {
    if (!args.externalId) return { state: 'skipped', note: '该渠道上没有已发布的内容' }
    const post = { externalId: args.externalId, documentId: args.outgoing.contentId, ...(args.outgoing.channel.version ? { version: args.outgoing.channel.version } : {}), ...(args.notice ? { notice: args.notice } : {}) }
    return toWithdrawOutcome(await channel.withdraw(post, { signal: args.signal }))
  }
  return { state: 'skipped', note: args.action === 'redact' ? '新媒体渠道没有历史版本可抹除' : '新媒体渠道不接收有效性变更' }
}

/**
 * Asks a channel again about a post it accepted but was still reviewing or publishing (`submitted`): the
 * answer is published (with the post's URL), still submitted, or failed with the platform's reason.
 */
export async function checkChannelStatus(args: { payload: Payload; options: SanitizedDeliveryOptions; name: string; externalId: string; signal?: AbortSignal }): Promise<TargetOutcome> {
  const config = args.options.channels[args.name]
  if (!config) throw new DeliveryFailure(`推送渠道“${args.name}”已不在配置中`, { isRetryable: false })
  const channel = channelOf({ payload: args.payload, options: args.options, name: args.name, config })
  let result
  try {
    result = await channel.checkStatus({ externalId: args.externalId }, { signal: args.signal })
  } catch (error) {
    throw new DeliveryFailure(`查询“${args.name}”的发布状态时出错：${error instanceof Error ? error.message : String(error)}`, { isRetryable: true, isUnansweredCheck: true })
  }
  // A retryable failure that is not the platform's verdict on the post (publish_status 3 is one, and needs the
  // post submitted again) means the question went unanswered: the post is still under review.
  if (result.state === 'failed' && result.isRetryable && !result.code.includes(':publish_status:')) {
    throw new DeliveryFailure(result.reason, { isRetryable: true, isUnansweredCheck: true, ...(result.retryAfterMs ? { retryAfterMs: result.retryAfterMs } : {}) })
  }
  return toOutcome(result)
}

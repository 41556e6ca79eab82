import { isAbortError } from '../../abort.js'
import type {
  Channel,
  ChannelCallOptions,
  ChannelDocument,
  ChannelLogger,
  ChannelResult,
  ChannelValidationIssue,
  ChannelWithdrawal,
  ChannelWithdrawResult,
  FetchLike,
} from '../Channel.js'
import { checkExternalId } from '../checkExternalId.js'
import { deliveryHeader, eventHeader, signWebhook } from './signature.js'

/** The JSON body of a delivery. */
export type WebhookPayload = {
  /** `document.published`; `document.status` for a status query; `document.withdrawn` when the document is withdrawn. */
  event: 'document.published' | 'document.status' | 'document.withdrawn'
  /**
   * Stable per document version (`<id>@<version>`) for `document.published`, per post
   * (`withdrawn:<externalId>`) for `document.withdrawn`: receivers use it to ignore repeated deliveries.
   */
  deliveryId: string
  sentAt: string
  document?: Omit<ChannelDocument, 'images' | 'cover' | 'publishedAt'> & {
    publishedAt?: string
    cover?: { url: string }
    images?: Array<{ url: string }>
  }
  /** The receiver's id of the post (`document.status`, `document.withdrawn`). */
  externalId?: string
  /** `document.withdrawn`: the publisher's document id and version, when the publisher gave them. */
  documentId?: string
  version?: number
  /** `document.withdrawn`: 撤回说明, why the document was withdrawn (Chinese), to show in its place. */
  notice?: string
}

/**
 * What a receiver may answer (all optional): `{ id, url, state: 'submitted' | 'published' | 'failed', reason }`.
 * 200/201 mean published, 202 means submitted; 4xx are permanent failures except 408 and 429.
 * To `document.withdrawn` it answers 2xx when it took the post down, 404/410 when it has no such post
 * (already gone: a repeat, still success), or `{ state: 'failed', reason }` when it cannot.
 */
export type WebhookReceiverAnswer = { id?: string; url?: string; state?: 'submitted' | 'published' | 'failed'; reason?: string }

export type WebhookChannelOptions = {
  /** Name reported in results, e.g. `toutiao-bridge`. @default 'webhook' */
  name?: string
  /** Endpoint that receives deliveries. */
  url: string
  /** Shared secret for the HMAC signature. Never logged or put in results. */
  secret: string
  /** Endpoint for status queries (`document.status` deliveries); without it `checkStatus` answers from the receiver's earlier reply. */
  statusUrl?: string
  fetch?: FetchLike
  /** Extra headers, e.g. an API key the receiver also wants. */
  headers?: Record<string, string>
  /** Clock in milliseconds, for tests. @default Date.now */
  now?: () => number
  logger?: ChannelLogger
}

/** A channel that delivers documents as signed JSON to any platform's bridge (Toutiao, 人民号, provincial aggregators). */
export function createWebhookChannel(options: WebhookChannelOptions): Channel {
  const name = options.name ?? 'webhook'
  const fetchApi: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const now = options.now ?? Date.now
  const { secret } = options
  const known = new Map<string, ChannelResult>()

  function validate(document: ChannelDocument): ChannelValidationIssue[] {
    const issues: ChannelValidationIssue[] = []
    if (!document.id?.trim()) issues.push({ field: 'id', rule: 'required', message: '文档 ID 不能为空。' })
    if (!document.title?.trim()) issues.push({ field: 'title', rule: 'required', message: '标题不能为空。' })
    if (!document.html?.trim()) issues.push({ field: 'html', rule: 'required', message: '正文不能为空。' })
    if (!document.canonicalUrl || !URL.canParse(document.canonicalUrl)) {
      issues.push({ field: 'canonicalUrl', rule: 'url', message: '原文链接（canonicalUrl）必须是有效网址。' })
    }
    return issues
  }

  async function send(url: string, payload: WebhookPayload, signal?: AbortSignal): Promise<Response> {
    const body = JSON.stringify(payload)
    const timestamp = Math.floor(now() / 1000)
    options.logger?.debug?.('webhook: delivering', { event: payload.event, deliveryId: payload.deliveryId })
    return await fetchApi(url, {
      method: 'POST',
      headers: {
        ...options.headers,
        'content-type': 'application/json; charset=utf-8',
        'x-gongkai-signature': await signWebhook({ secret, body, timestamp }),
        [deliveryHeader]: payload.deliveryId,
        [eventHeader]: payload.event,
      },
      body,
      signal,
    })
  }

  /** Blanks the secret out of text that leaves the adapter (a receiver or fetch could echo anything). */
  function redact(text: string): string {
    return secret ? text.split(secret).join('***') : text
  }

  async function readAnswer(response: Response): Promise<WebhookReceiverAnswer> {
    try {
      const text = await response.text()
      if (text) {
        const answer = JSON.parse(text) as WebhookReceiverAnswer
        return typeof answer === 'object' && answer !== null ? { ...answer, ...(typeof answer.reason === 'string' ? { reason: redact(answer.reason) } : {}) } : {}
      }
    } catch {
      // a receiver may answer with an empty or non-JSON body
    }
    return {}
  }

  function httpFailure(response: Response, answer: WebhookReceiverAnswer): { code: string; reason: string; isRetryable: boolean; retryAfterMs?: number } {
    const isRetryable = response.status >= 500 || response.status === 408 || response.status === 429
    const retryAfter = Number(response.headers.get('retry-after'))
    return {
      code: `http:${response.status}`,
      reason: `接收方返回 HTTP ${response.status}${answer.reason ? `：${answer.reason}` : ''}${isRetryable ? '，可稍后重试。' : '。'}`,
      isRetryable,
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
    }
  }

  async function toResult(response: Response, fallbackId: string): Promise<ChannelResult> {
    const answer = await readAnswer(response)
    const externalId = answer.id ?? fallbackId
    const url = answer.url ? { url: answer.url } : {}
    if (response.ok) {
      if (answer.state === 'failed') return { channel: name, state: 'failed', externalId, code: 'receiver', reason: answer.reason ?? '接收方报告发布失败。', isRetryable: false }
      const state = answer.state ?? (response.status === 202 ? 'submitted' : 'published')
      return { channel: name, state, externalId, ...url }
    }
    return { channel: name, state: 'failed', externalId, ...httpFailure(response, answer) }
  }

  /** A network failure or abort, as a failed result of `publish`, `checkStatus` or `withdraw` (the failed shapes agree). */
  function fromError(error: unknown, signal: AbortSignal | undefined, externalId: string): Extract<ChannelResult, { state: 'failed' }> & Extract<ChannelWithdrawResult, { state: 'failed' }> {
    if (isAbortError(error, signal)) return { channel: name, state: 'failed', externalId, code: 'aborted', reason: '投递被中止，可以重试。', isRetryable: true }
    if (error instanceof TypeError) {
      return { channel: name, state: 'failed', externalId, code: 'network', reason: redact(`无法连接接收方（${error.message}），请稍后重试。`), isRetryable: true }
    }
    throw error
  }

  async function publish(document: ChannelDocument, callOptions: ChannelCallOptions = {}): Promise<ChannelResult> {
    const issues = validate(document)
    if (issues.length > 0) return { channel: name, state: 'failed', code: 'validation', reason: issues.map((issue) => issue.message).join(' '), isRetryable: false, issues }
    const deliveryId = `${document.id}@${document.version ?? 1}`
    const { images, cover, publishedAt, ...rest } = document
    const payload: WebhookPayload = {
      event: 'document.published',
      deliveryId,
      sentAt: new Date(now()).toISOString(),
      document: {
        ...rest,
        ...(publishedAt ? { publishedAt: publishedAt.toISOString() } : {}),
        ...(cover ? { cover: { url: cover.url } } : {}),
        ...(images ? { images: images.map((image) => ({ url: image.url })) } : {}),
      },
    }
    try {
      const result = await toResult(await send(options.url, payload, callOptions.signal), deliveryId)
      if (result.externalId) known.set(result.externalId, result)
      return result
    } catch (error) {
      return fromError(error, callOptions.signal, deliveryId)
    }
  }

  async function checkStatus(post: { externalId: string }, callOptions: ChannelCallOptions = {}): Promise<ChannelResult> {
    if (!options.statusUrl) {
      return known.get(post.externalId) ?? { channel: name, state: 'failed', externalId: post.externalId, code: 'unknown', reason: '该接收方不提供状态查询（未配置 statusUrl）。', isRetryable: false }
    }
    const payload: WebhookPayload = { event: 'document.status', deliveryId: post.externalId, externalId: post.externalId, sentAt: new Date(now()).toISOString() }
    try {
      return await toResult(await send(options.statusUrl, payload, callOptions.signal), post.externalId)
    } catch (error) {
      return fromError(error, callOptions.signal, post.externalId)
    }
  }

  /** Delivers a signed `document.withdrawn` event to the publishing endpoint. */
  async function withdraw(post: ChannelWithdrawal, callOptions: ChannelCallOptions = {}): Promise<ChannelWithdrawResult> {
    const invalid = checkExternalId(name, post.externalId)
    if (invalid) return invalid
    const { externalId } = post
    const payload: WebhookPayload = {
      event: 'document.withdrawn',
      deliveryId: `withdrawn:${externalId}`,
      sentAt: new Date(now()).toISOString(),
      externalId,
      ...(post.documentId ? { documentId: post.documentId } : {}),
      ...(post.version !== undefined ? { version: post.version } : {}),
      ...(post.notice ? { notice: post.notice } : {}),
    }
    try {
      const response = await send(options.url, payload, callOptions.signal)
      const answer = await readAnswer(response)
      if (response.status === 404 || response.status === 410) {
        return { channel: name, state: 'withdrawn', externalId, isRepeat: true, note: `接收方没有该条目（HTTP ${response.status}），视为已撤回。` }
      }
      if (!response.ok) return { channel: name, state: 'failed', externalId, ...httpFailure(response, answer) }
      if (answer.state === 'failed') {
        return { channel: name, state: 'failed', externalId, code: 'receiver', reason: answer.reason ?? '接收方报告撤回失败。', isRetryable: false }
      }
      known.delete(externalId)
      return { channel: name, state: 'withdrawn', externalId, isRepeat: false }
    } catch (error) {
      return fromError(error, callOptions.signal, externalId)
    }
  }

  return { kind: 'webhook', name, validate, publish, checkStatus, withdraw }
}

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
import { formatBytes, ImageLoadError, loadImage, toBlob } from '../images.js'
import { createMemoryProgressStore, type ProgressStore } from '../ProgressStore.js'
import { wasNeverSent } from '../requestOutcome.js'
import { graphemes } from '../text.js'
import { countWeiboLength, weiboMaxLength } from './countWeiboLength.js'

export const weiboLimits = { statusLength: weiboMaxLength, pictureBytes: 5 * 1024 * 1024 } as const

const pictureTypes = ['image/jpeg', 'image/png', 'image/gif']

/**
 * Progress of one post: `isSubmitting` is saved before `statuses/share` and removed when Weibo answers
 * with an error (nothing was posted) or the request provably never left; `statusId` is saved after.
 * `isSubmitting` found on resume means the answer was lost: the adapter stops rather than post twice.
 */
export type WeiboProgress = {
  isSubmitting?: boolean
  statusId?: string
  /** Set by `withdraw` (when given the document id): a later publish of this version does not report the deleted status as published. */
  isWithdrawn?: boolean
}

export type WeiboChannelOptions = {
  /** Name reported in results. @default 'weibo' */
  name?: string
  /**
   * OAuth 2.0 access token of the account, or a function returning a current one (Weibo tokens come
   * from the user's authorisation and are renewed by re-authorising). Never logged or put in results.
   */
  accessToken: string | ((signal?: AbortSignal) => Promise<string>)
  /**
   * The safe domain bound to the Weibo app (安全域名), e.g. `www.wuqing.gov.cn`. Weibo rejects a post
   * without a link on it (error 10017), so documents whose canonical URL is elsewhere are refused
   * before any call. Subdomains count.
   */
  boundDomain: string
  /** API origin; tests point it at a local server. @default 'https://api.weibo.com' */
  baseUrl?: string
  fetch?: FetchLike
  /** fetch used to download the cover when the document does not carry its bytes. @default `fetch` */
  fetchImage?: FetchLike
  /** Attach the document's cover as the post's picture. @default true */
  shouldAttachCover?: boolean
  progressStore?: ProgressStore<WeiboProgress>
  logger?: ChannelLogger
}

/**
 * The status text: `【title】summary canonicalUrl`, shortened (summary first, then title, with `…`)
 * so it counts ≤ 140 by Weibo's rule and always ends with the link.
 */
export function composeWeiboStatus(document: Pick<ChannelDocument, 'title' | 'summary' | 'canonicalUrl'>): string {
  const link = ` ${document.canonicalUrl}`
  const title = graphemes(`【${document.title.trim()}】`)
  let summary = graphemes(document.summary?.trim() ?? '')
  const fits = (text: string) => countWeiboLength(text + link) <= weiboMaxLength
  if (fits(title.join('') + summary.join(''))) return title.join('') + summary.join('') + link
  while (summary.length > 0 && !fits(`${title.join('')}${summary.join('')}…`)) summary = summary.slice(0, -1)
  if (summary.length > 0) return `${title.join('')}${summary.join('')}…${link}`
  let shortTitle = title.slice(1, -1)
  while (shortTitle.length > 0 && !fits(`【${shortTitle.join('')}…】`)) shortTitle = shortTitle.slice(0, -1)
  return `【${shortTitle.join('')}…】${link}`
}

function isOnDomain(url: string, domain: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase()
    const bound = domain.toLowerCase().replace(/^\.+/u, '')
    return host === bound || host.endsWith(`.${bound}`)
  } catch {
    return false
  }
}

type WeiboError = { error?: string; error_code?: number }

/** A channel that posts to a Weibo account with `statuses/share`. */
export function createWeiboChannel(options: WeiboChannelOptions): Channel & { composeStatus: typeof composeWeiboStatus } {
  const name = options.name ?? 'weibo'
  const baseUrl = (options.baseUrl ?? 'https://api.weibo.com').replace(/\/$/u, '')
  const fetchApi: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const fetchImage = options.fetchImage ?? fetchApi
  const store = options.progressStore ?? createMemoryProgressStore<WeiboProgress>()
  const shouldAttachCover = options.shouldAttachCover ?? true
  const logger = options.logger ?? {}
  const { accessToken, boundDomain } = options
  // Tokens this adapter has used, to blank them out of any text it passes on (see `redact`).
  const recentTokens: string[] = typeof accessToken === 'string' ? [accessToken] : []
  const getToken = async (signal?: AbortSignal) => {
    const token = typeof accessToken === 'string' ? accessToken : await accessToken(signal)
    if (!recentTokens.includes(token)) {
      recentTokens.unshift(token)
      recentTokens.length = Math.min(recentTokens.length, 5)
    }
    return token
  }

  function validate(document: ChannelDocument): ChannelValidationIssue[] {
    const issues: ChannelValidationIssue[] = []
    if (!document.title?.trim()) issues.push({ field: 'title', rule: 'required', message: '标题不能为空。' })
    if (!document.canonicalUrl?.trim()) {
      issues.push({ field: 'canonicalUrl', rule: 'required', message: '原文链接（canonicalUrl）不能为空：微博正文必须带政府网站上的原文链接。' })
    } else if (!/^https?:\/\//iu.test(document.canonicalUrl) || !URL.canParse(document.canonicalUrl)) {
      issues.push({ field: 'canonicalUrl', rule: 'url', message: `原文链接“${document.canonicalUrl}”不是有效的 http(s) 网址。` })
    } else if (!isOnDomain(document.canonicalUrl, boundDomain)) {
      issues.push({
        field: 'canonicalUrl',
        rule: 'boundDomain',
        message: `原文链接不在微博应用绑定的安全域名 ${boundDomain} 上，微博会拒绝发布（10017）：请使用该域名下的原文链接，或在微博开放平台绑定该域名。`,
      })
    }
    const cover = document.cover
    if (shouldAttachCover && cover?.data) {
      if (cover.data.byteLength >= weiboLimits.pictureBytes) {
        issues.push({ field: 'cover', rule: 'maxBytes', message: `封面图片为 ${formatBytes(cover.data.byteLength)}，微博要求小于 5 MB，请压缩后重试。` })
      }
      if (cover.contentType && !pictureTypes.includes(cover.contentType)) {
        issues.push({ field: 'cover', rule: 'imageType', message: `封面图片格式 ${cover.contentType} 不受支持，微博只接受 JPG、PNG 或 GIF。` })
      }
    }
    return issues
  }

  function failed(input: Omit<Extract<ChannelResult, { state: 'failed' }>, 'channel' | 'state'>): ChannelResult {
    return { channel: name, state: 'failed', ...input }
  }

  type Failure = { code: string; reason: string; isRetryable: boolean; retryAfterMs?: number }

  function describeFailure(status: number, body: WeiboError): Failure {
    const code = body.error_code ?? status
    const detail = redact(body.error ? `（${code}: ${body.error}）` : `（HTTP ${status}）`)
    switch (code) {
      case 10017:
        return { code: 'weibo:10017', reason: `微博拒绝了正文：缺少安全域名 ${boundDomain} 上的链接${detail}。`, isRetryable: false }
      case 20012:
        return { code: 'weibo:20012', reason: `微博正文超过 140 字${detail}。`, isRetryable: false }
      case 20019:
        return { code: 'weibo:20019', reason: `相同内容已经发过，微博不允许短时间内重复发布${detail}。`, isRetryable: false }
      case 20006:
        return { code: 'weibo:20006', reason: `图片太大，微博要求小于 5 MB${detail}。`, isRetryable: false }
      case 20112:
        return { code: 'weibo:20112', reason: `该微博不属于当前授权的账号，无法删除${detail}：请用发布它的账号操作。`, isRetryable: false }
      case 21301:
      case 21314:
      case 21315:
      case 21327:
      case 21332:
        return { code: `weibo:${code}`, reason: `微博授权已失效${detail}：请账号管理员在系统中重新授权微博账号后重试。`, isRetryable: false }
      case 10022:
      case 10023:
      case 10024:
        return { code: `weibo:${code}`, reason: `微博接口调用频次超限${detail}，请一小时后重试。`, isRetryable: true, retryAfterMs: 3_600_000 }
      default:
        return { code: `weibo:${code}`, reason: `微博接口返回错误${detail}。`, isRetryable: status >= 500 || code === 10001 }
    }
  }

  function describe(status: number, body: WeiboError): ChannelResult {
    return failed(describeFailure(status, body))
  }

  /** Blanks a token out of text that leaves the adapter, such as an injected fetch's error quoting a request URL. */
  function redact(text: string): string {
    let safe = text
    for (const token of recentTokens) if (token) safe = safe.split(token).join('***')
    return safe.replace(/(access_token=)[^&\s"']+/gu, '$1***')
  }

  async function readError(response: Response): Promise<WeiboError> {
    try {
      return (await response.json()) as WeiboError
    } catch {
      return {}
    }
  }

  function describeError(error: unknown, signal: AbortSignal | undefined, action: 'publish' | 'withdraw'): Failure {
    if (error instanceof ImageLoadError) return { code: 'image-unavailable', reason: `${error.message}，请检查封面图片地址。`, isRetryable: error.isRetryable }
    if (isAbortError(error, signal)) return { code: 'aborted', reason: action === 'publish' ? '发布被中止，可以重试。' : '撤回被中止，可以重试。', isRetryable: true }
    if (error instanceof TypeError) return { code: 'network', reason: redact(`无法连接微博接口（${error.message}），请稍后重试。`), isRetryable: true }
    throw error
  }

  function fromError(error: unknown, signal?: AbortSignal): ChannelResult {
    return failed(describeError(error, signal, 'publish'))
  }

  const statusUrl = (id: string) => `https://m.weibo.cn/status/${id}`

  /** The post was sent and its answer lost: `isSubmitting` stays, and the team is told now, not on the retry. */
  function unknownOutcome(cause: string): ChannelResult {
    return failed({
      code: 'unknown-outcome',
      reason: `已向微博提交，但未收到有效答复（${cause}），无法确认是否已发出。为避免重复发布，不会自动重试：请在微博账号主页核实；确认未发出后，清除该文档的发布进度再重试。`,
      isRetryable: false,
    })
  }

  const progressKey = (documentId: string, version = 1) => `weibo:${boundDomain}:${documentId}@${version}`

  // Concurrent publishes of the same document in this process share one run.
  const inFlight = new Map<string, Promise<ChannelResult>>()

  async function publish(document: ChannelDocument, callOptions: ChannelCallOptions = {}): Promise<ChannelResult> {
    const issues = validate(document)
    if (issues.length > 0) return failed({ code: 'validation', reason: issues.map((issue) => issue.message).join(' '), isRetryable: false, issues })
    const key = progressKey(document.id, document.version)
    const running = inFlight.get(key)
    if (running) return await running
    const run = publishOnce(document, key, callOptions.signal).finally(() => inFlight.delete(key))
    inFlight.set(key, run)
    return await run
  }

  async function publishOnce(document: ChannelDocument, key: string, signal: AbortSignal | undefined): Promise<ChannelResult> {
    try {
      const progress = (await store.get(key)) ?? {}
      if (progress.statusId && progress.isWithdrawn) {
        return failed({ code: 'withdrawn', reason: '该文件的这一版本已从微博撤回，不再发布；如需重新发布，请发布新版本。', isRetryable: false, externalId: progress.statusId })
      }
      if (progress.statusId) return { channel: name, state: 'published', externalId: progress.statusId, url: statusUrl(progress.statusId) }
      if (progress.isSubmitting) {
        return failed({
          code: 'unknown-outcome',
          reason: '上次发布在提交后中断，无法确认微博是否已发出。为避免重复发布，本次未再提交：请在微博账号主页核实；确认未发出后，清除该文档的发布进度再重试。',
          isRetryable: false,
        })
      }
      const status = composeWeiboStatus(document)
      const token = await getToken(signal)
      const picture = shouldAttachCover && document.cover ? await loadImage(document.cover, fetchImage, signal) : undefined
      if (picture && picture.data.byteLength >= weiboLimits.pictureBytes) {
        const issue = { field: 'cover', rule: 'maxBytes', message: `封面图片为 ${formatBytes(picture.data.byteLength)}，微博要求小于 5 MB，请压缩后重试。` }
        return failed({ code: 'validation', reason: issue.message, isRetryable: false, issues: [issue] })
      }
      let body: FormData | URLSearchParams
      if (picture) {
        body = new FormData()
        body.append('access_token', token)
        body.append('status', status)
        body.append('pic', toBlob(picture), picture.filename)
      } else {
        body = new URLSearchParams({ access_token: token, status })
      }
      signal?.throwIfAborted()
      await store.set(key, { isSubmitting: true })
      logger.debug?.('weibo: posting status', { documentId: document.id, length: countWeiboLength(status), hasPicture: Boolean(picture) })
      let response: Response
      try {
        response = await fetchApi(`${baseUrl}/2/statuses/share.json`, { method: 'POST', body, signal })
      } catch (error) {
        if (wasNeverSent(error)) {
          // Refused or unresolvable: the post never left, so a later attempt may post.
          await store.delete(key)
          throw error
        }
        return unknownOutcome(describeError(error, signal, 'publish').code)
      }
      if (!response.ok) {
        const answer = await readError(response)
        // A gateway's 5xx without Weibo's error body says nothing about whether Weibo posted it.
        if (answer.error_code === undefined && response.status >= 500) return unknownOutcome(`http:${response.status}`)
        // Weibo answered with an error: nothing was posted, so a later attempt may post.
        await store.delete(key)
        return describe(response.status, answer)
      }
      const posted = (await response.json().catch(() => ({}))) as { idstr?: string; id?: number | string }
      const statusIdAnswered = posted.idstr ?? posted.id
      if (statusIdAnswered === undefined) return unknownOutcome('no-status-id')
      const statusId = String(statusIdAnswered)
      await store.set(key, { statusId })
      return { channel: name, state: 'published', externalId: statusId, url: statusUrl(statusId) }
    } catch (error) {
      return fromError(error, signal)
    }
  }

  async function checkStatus(post: { externalId: string }, callOptions: ChannelCallOptions = {}): Promise<ChannelResult> {
    const { signal } = callOptions
    try {
      const token = await getToken(signal)
      const query = new URLSearchParams({ access_token: token, id: post.externalId })
      const response = await fetchApi(`${baseUrl}/2/statuses/show.json?${query}`, { signal })
      if (response.ok) return { channel: name, state: 'published', externalId: post.externalId, url: statusUrl(post.externalId) }
      const body = await readError(response)
      if (body.error_code === 20101) {
        return failed({ code: 'weibo:20101', reason: '这条微博已被删除（20101）。', isRetryable: false, externalId: post.externalId })
      }
      return { ...describe(response.status, body), externalId: post.externalId } as ChannelResult
    } catch (error) {
      return fromError(error, signal)
    }
  }

  async function markWithdrawn(post: ChannelWithdrawal): Promise<void> {
    if (!post.documentId) return
    const key = progressKey(post.documentId, post.version)
    const progress = await store.get(key)
    if (progress?.statusId === post.externalId) await store.set(key, { ...progress, isWithdrawn: true })
  }

  /**
   * `statuses/destroy.json`. 20101 (the status does not exist) means it is already gone — deleted
   * earlier or by hand — which is what withdrawing asks for.
   */
  async function withdraw(post: ChannelWithdrawal, callOptions: ChannelCallOptions = {}): Promise<ChannelWithdrawResult> {
    const { signal } = callOptions
    const invalid = checkExternalId(name, post.externalId)
    if (invalid) return invalid
    const { externalId } = post
    try {
      const token = await getToken(signal)
      const response = await fetchApi(`${baseUrl}/2/statuses/destroy.json`, {
        method: 'POST',
        body: new URLSearchParams({ access_token: token, id: externalId }),
        signal,
      })
      if (response.ok) {
        logger.debug?.('weibo: deleted status', { statusId: externalId })
        await markWithdrawn(post)
        return { channel: name, state: 'withdrawn', externalId, isRepeat: false }
      }
      const body = await readError(response)
      if (body.error_code === 20101) {
        await markWithdrawn(post)
        return { channel: name, state: 'withdrawn', externalId, isRepeat: true, note: '这条微博此前已被删除（20101）。' }
      }
      return { channel: name, state: 'failed', externalId, ...describeFailure(response.status, body) }
    } catch (error) {
      return { channel: name, state: 'failed', externalId, ...describeError(error, signal, 'withdraw') }
    }
  }

  return { kind: 'weibo', name, validate, publish, checkStatus, withdraw, composeStatus: composeWeiboStatus }
}

import { isAbortError, sleep } from '../../abort.js'
import { createAccessTokenCache } from '../accessTokenCache.js'
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
import { dataUrlByteLength, dataUrlContentType, formatBytes, imageLabel, ImageLoadError, isDataUrl, loadImage, toBlob, type LoadedImage } from '../images.js'
import { createMemoryProgressStore, type ProgressStore } from '../ProgressStore.js'
import { wasNeverSent } from '../requestOutcome.js'
import { byteLength, plainText, truncate } from '../text.js'
import { collectImageSources, sanitizeWeChatHtml } from './sanitizeWeChatHtml.js'
import { describePublishStatus, describeWeChatError, WeChatApiError } from './WeChatApiError.js'

/** WeChat limits (REFERENCE.md §5). */
export const weChatLimits = {
  titleCharacters: 32,
  authorCharacters: 16,
  digestCharacters: 128,
  contentCharacters: 20_000,
  contentBytes: 1024 * 1024,
  bodyImageBytes: 1024 * 1024,
  coverImageBytes: 10 * 1024 * 1024,
} as const

/**
 * Stands in for the URL `media/uploadimg` will answer when the length of the content is checked before
 * any upload. WeChat's image URLs run to about 120–140 characters
 * (`http://mmbiz.qpic.cn/mmbiz_png/<~90 characters>/0?wx_fmt=png`); the exact length is checked again
 * after the upload, with the real URLs.
 */
const uploadedImageUrlEstimate = `http://mmbiz.qpic.cn/mmbiz_png/${'x'.repeat(96)}/0?wx_fmt=png`

const bodyImageTypes = ['image/jpeg', 'image/png']
const coverImageTypes = ['image/jpeg', 'image/png', 'image/gif', 'image/bmp']

/**
 * Progress of one article, persisted after every step so an attempt after a crash resumes where the
 * last one stopped instead of creating a second article.
 */
export type WeChatProgress = {
  /**
   * Source image URL → the URL WeChat serves the uploaded copy from. A `data:` URL is keyed by
   * `data:sha256,<hex digest>` instead of itself, so the progress row does not hold the image twice.
   */
  images: Record<string, string>
  /** Permanent material id of the cover. */
  coverMediaId?: string
  /** `draft/add` media_id. */
  draftMediaId?: string
  /**
   * Set before `freepublish/submit` is sent, cleared when WeChat answers it (with a publish_id or an
   * error code: an answered error submitted nothing). Found without `publishId` on resume, the submit was
   * sent and its answer lost (crash, dropped connection, abort); it may or may not have happened, so the
   * adapter stops rather than risk publishing twice.
   */
  isSubmitting?: boolean
  /** `freepublish/submit` publish_id. */
  publishId?: string
}

export type WeChatChannelOptions = {
  /** Name reported in results. @default 'wechat' */
  name?: string
  /** 公众号 AppID. */
  appId: string
  /** 公众号 AppSecret. Kept in this closure only; never logged or put in results. */
  appSecret: string
  /** API origin; tests point it at a local server. @default 'https://api.weixin.qq.com' */
  baseUrl?: string
  /** fetch used for WeChat API calls. @default globalThis.fetch */
  fetch?: FetchLike
  /** fetch used to download body and cover images that the document does not carry. @default `fetch` */
  fetchImage?: FetchLike
  /** Where article progress is kept between attempts. @default an in-memory store */
  progressStore?: ProgressStore<WeChatProgress>
  /** A permanent material media_id used when a document has no cover. */
  defaultCoverMediaId?: string
  /** Open comments on the article. @default false */
  isCommentOpen?: boolean
  /** Wait between `freepublish/get` polls. @default 3000 */
  pollIntervalMs?: number
  /** Polls inside `publish` before answering `submitted`; `checkStatus` continues later. @default 10 */
  maxPolls?: number
  /** Retries after 45009 (quota) or -1 (busy) before failing. @default 2 */
  quotaRetries?: number
  /** First back-off after 45009 / -1, doubled each retry. @default 2000 */
  quotaBackoffMs?: number
  /** Refresh the access token this long before it expires. @default 300_000 */
  tokenRefreshMarginMs?: number
  logger?: ChannelLogger
  /** Clock, for tests. @default Date.now */
  now?: () => number
}

type ApiBody = { json: unknown } | { form: FormData }

/** A channel that publishes to a WeChat official account (公众号) through draft + freepublish. */
export function createWeChatChannel(options: WeChatChannelOptions): Channel & {
  /** The article fields that `publish` would send, with images not yet rewritten. */
  prepareArticle: (document: ChannelDocument) => { title: string; author?: string; digest: string; content: string }
} {
  const name = options.name ?? 'wechat'
  const baseUrl = (options.baseUrl ?? 'https://api.weixin.qq.com').replace(/\/$/u, '')
  const fetchApi: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const fetchImage = options.fetchImage ?? fetchApi
  const store = options.progressStore ?? createMemoryProgressStore<WeChatProgress>()
  const pollIntervalMs = options.pollIntervalMs ?? 3000
  const maxPolls = options.maxPolls ?? 10
  const quotaRetries = options.quotaRetries ?? 2
  const quotaBackoffMs = options.quotaBackoffMs ?? 2000
  const logger = options.logger ?? {}
  const { appId, appSecret } = options
  const now = options.now ?? Date.now

  // The last tokens this adapter fetched, to blank them out of any text that leaves it (see `redact`).
  const recentTokens: string[] = []

  /**
   * Removes the AppSecret and access tokens from text that leaves the adapter (reasons, log details).
   * The adapter never puts them there itself; this covers text it passes on, such as an injected
   * fetch's error message quoting the request URL with its `access_token`.
   */
  function redact(text: string): string {
    let safe = text
    for (const secret of [appSecret, ...recentTokens]) if (secret) safe = safe.split(secret).join('***')
    return safe.replace(/(access_token=)[^&\s"']+/gu, '$1***')
  }

  const tokens = createAccessTokenCache({
    refreshMarginMs: options.tokenRefreshMarginMs,
    now,
    fetchToken: async (signal) => {
      const response = await fetchApi(`${baseUrl}/cgi-bin/stable_token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credential', appid: appId, secret: appSecret, force_refresh: false }),
        signal,
      })
      const body = (await readJson(response, 'stable_token')) as { access_token?: string; expires_in?: number }
      if (!body.access_token) throw new WeChatApiError({ errcode: -1, errmsg: 'stable_token answered without access_token', path: 'stable_token' })
      logger.debug?.('wechat: fetched access token', { expiresIn: body.expires_in })
      recentTokens.unshift(body.access_token)
      recentTokens.length = Math.min(recentTokens.length, 5)
      return { token: body.access_token, expiresAt: now() + (body.expires_in ?? 7200) * 1000 }
    },
  })

  async function readJson(response: Response, path: string): Promise<Record<string, unknown>> {
    if (!response.ok) throw new HttpError(path, response.status)
    const body = (await response.json()) as Record<string, unknown>
    const errcode = typeof body.errcode === 'number' ? body.errcode : 0
    if (errcode !== 0) throw new WeChatApiError({ errcode, errmsg: String(body.errmsg ?? ''), path })
    return body
  }

  /**
   * Calls `/cgi-bin/{path}` with the access token. 42001 (expired) refreshes and retries once; so does
   * 40001 (invalid credential) when the token came from the cache (it may have been superseded), while a
   * 40001 on a token fetched for this call means the AppID/AppSecret are wrong and is thrown. 45009 and
   * -1 back off. `flight.isInFlight` is true exactly while a request has been sent and not answered:
   * when the call fails with it still true, the platform may have carried the request out.
   */
  async function call(path: string, body: ApiBody, signal?: AbortSignal, query = '', flight = { isInFlight: false }): Promise<Record<string, unknown>> {
    let hasRefreshed = false
    let quotaAttempt = 0
    for (;;) {
      const { token, isFresh } = await tokens.acquire(signal)
      const init: RequestInit =
        'json' in body
          ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body.json), signal }
          : { method: 'POST', body: body.form, signal }
      try {
        flight.isInFlight = true
        const response = await fetchApi(`${baseUrl}/cgi-bin/${path}?access_token=${encodeURIComponent(token)}${query}`, init)
        const answer = await readJson(response, path)
        flight.isInFlight = false
        return answer
      } catch (error) {
        if (isAnsweredRefusal(error) || wasNeverSent(error)) flight.isInFlight = false
        if (!(error instanceof WeChatApiError)) throw error
        if (!hasRefreshed && (error.errcode === 42001 || (error.errcode === 40001 && !isFresh))) {
          logger.debug?.(error.errcode === 42001 ? 'wechat: access token expired, refreshing' : 'wechat: cached access token rejected, refreshing', {
            path,
            errcode: error.errcode,
          })
          tokens.invalidate(token)
          hasRefreshed = true
          continue
        }
        if ((error.errcode === 45009 || error.errcode === -1) && quotaAttempt < quotaRetries) {
          const delay = quotaBackoffMs * 2 ** quotaAttempt
          quotaAttempt++
          logger.warn?.('wechat: quota reached or busy, backing off', { path, errcode: error.errcode, delayMs: delay })
          await sleep(delay, signal)
          continue
        }
        throw error
      }
    }
  }

  function progressKey(document: ChannelDocument): string {
    return `wechat:${appId}:${document.id}@${document.version ?? 1}`
  }

  function prepareArticle(document: ChannelDocument, rewriteImage: (source: string) => string | undefined = (source) => source) {
    const content = sanitizeWeChatHtml(document.html, { baseUrl: document.canonicalUrl, rewriteImage })
    const digestSource = document.summary?.trim() || plainText(content)
    return {
      title: truncate(document.title, weChatLimits.titleCharacters),
      ...(document.author ? { author: truncate(document.author, weChatLimits.authorCharacters) } : {}),
      digest: truncate(digestSource, weChatLimits.digestCharacters),
      content,
    }
  }

  function validate(document: ChannelDocument): ChannelValidationIssue[] {
    const issues: ChannelValidationIssue[] = []
    if (!document.title?.trim()) issues.push({ field: 'title', rule: 'required', message: '标题不能为空。' })
    if (!document.html?.trim()) {
      issues.push({ field: 'html', rule: 'required', message: '正文不能为空。' })
    }
    if (!document.canonicalUrl?.trim()) {
      issues.push({ field: 'canonicalUrl', rule: 'required', message: '原文链接（canonicalUrl）不能为空，用作“阅读原文”。' })
    } else if (!/^https?:\/\//iu.test(document.canonicalUrl) || !URL.canParse(document.canonicalUrl)) {
      issues.push({ field: 'canonicalUrl', rule: 'url', message: `原文链接“${document.canonicalUrl}”不是有效的 http(s) 网址。` })
    }
    if (!document.cover && !options.defaultCoverMediaId) {
      issues.push({ field: 'cover', rule: 'required', message: '微信图文必须有封面图片：请上传封面，或在渠道配置中设置默认封面。' })
    }
    if (document.cover?.data) {
      const size = document.cover.data.byteLength
      if (size > weChatLimits.coverImageBytes) {
        issues.push({ field: 'cover', rule: 'maxBytes', message: `封面图片为 ${formatBytes(size)}，超过微信 10 MB 上限，请压缩后重试。` })
      }
      if (document.cover.contentType && !coverImageTypes.includes(document.cover.contentType)) {
        issues.push({ field: 'cover', rule: 'imageType', message: `封面图片格式 ${document.cover.contentType} 不受支持，请使用 JPG 或 PNG。` })
      }
    }
    document.images?.forEach((image, index) => {
      if (!image.data) return
      if (image.data.byteLength >= weChatLimits.bodyImageBytes) {
        issues.push({
          field: `images[${index}]`,
          rule: 'maxBytes',
          message: `正文图片 ${image.url} 为 ${formatBytes(image.data.byteLength)}，微信要求小于 1 MB，请压缩后重试。`,
        })
      }
      if (image.contentType && !bodyImageTypes.includes(image.contentType)) {
        issues.push({
          field: `images[${index}]`,
          rule: 'imageType',
          message: `正文图片 ${image.url} 的格式 ${image.contentType} 不受支持，微信正文图片只能是 JPG 或 PNG。`,
        })
      }
    })
    if (document.html?.trim()) {
      // Every image is sent as the URL WeChat gives its uploaded copy, never as its source (a data: URL
      // can be hundreds of kilobytes of base64): measure the content as it will be sent.
      const { content } = prepareArticle(document, () => uploadedImageUrlEstimate)
      if (!plainText(content) && !/<img\b/iu.test(content)) {
        issues.push({ field: 'html', rule: 'emptyAfterSanitizing', message: '正文清理后为空：微信不显示脚本、表单、内嵌框架等内容。' })
      }
      issues.push(...contentIssues(content))
      issues.push(...dataUrlImageIssues(collectImageSources(document.html, document.canonicalUrl)))
    }
    return issues
  }

  /** Body images inline as data: URLs declare their type and size: check them before any call too. */
  function dataUrlImageIssues(sources: string[]): ChannelValidationIssue[] {
    const issues: ChannelValidationIssue[] = []
    for (const source of sources.filter(isDataUrl)) {
      const contentType = dataUrlContentType(source)
      const bytes = dataUrlByteLength(source)
      if (!bodyImageTypes.includes(contentType)) {
        issues.push({ field: 'html', rule: 'imageType', message: `正文中的内嵌图片${imageLabel(source)}格式不受支持，微信正文图片只能是 JPG 或 PNG。` })
      } else if (bytes >= weChatLimits.bodyImageBytes) {
        issues.push({ field: 'html', rule: 'maxBytes', message: `正文中的内嵌图片${imageLabel(source)}超过上限，微信要求小于 1 MB，请压缩后重试。` })
      }
    }
    return issues
  }

  function contentIssues(content: string): ChannelValidationIssue[] {
    const issues: ChannelValidationIssue[] = []
    const characters = content.length
    if (characters >= weChatLimits.contentCharacters) {
      issues.push({
        field: 'html',
        rule: 'maxLength',
        message: `正文清理后为 ${characters.toLocaleString('en-US')} 个字符，微信要求少于 20,000 个字符，请删减或分篇发布。`,
      })
    }
    const bytes = byteLength(content)
    if (bytes >= weChatLimits.contentBytes) {
      issues.push({ field: 'html', rule: 'maxBytes', message: `正文清理后为 ${formatBytes(bytes)}，微信要求小于 1 MB。` })
    }
    return issues
  }

  function failed(input: { code: string; reason: string; isRetryable: boolean; externalId?: string; issues?: ChannelValidationIssue[]; retryAfterMs?: number }): ChannelResult {
    return { channel: name, state: 'failed', ...input }
  }

  type Failure = { code: string; reason: string; isRetryable: boolean }

  function describeError(error: unknown, signal: AbortSignal | undefined, action: 'publish' | 'withdraw'): Failure {
    const failure = describeErrorUnredacted(error, signal, action)
    return { ...failure, reason: redact(failure.reason) }
  }

  function describeErrorUnredacted(error: unknown, signal: AbortSignal | undefined, action: 'publish' | 'withdraw'): Failure {
    if (error instanceof WeChatApiError) return { code: `wechat:${error.errcode}`, ...describeWeChatError(error.errcode, error.errmsg) }
    if (error instanceof ImageLoadError) return { code: 'image-unavailable', reason: `${error.message}，请检查图片地址。`, isRetryable: error.isRetryable }
    if (error instanceof HttpError) return { code: `http:${error.status}`, reason: `微信接口 ${error.path} 返回 HTTP ${error.status}，请稍后重试。`, isRetryable: true }
    if (isAbortError(error, signal)) {
      return action === 'publish'
        ? { code: 'aborted', reason: '发布被中止；已完成的步骤已保存，重试时将从中断处继续。', isRetryable: true }
        : { code: 'aborted', reason: '撤回被中止，可以重试。', isRetryable: true }
    }
    // fetch rejects with a TypeError when the network fails; anything else (a failing progress store)
    // is the caller's infrastructure and is thrown, so the job that called us fails loudly.
    if (error instanceof TypeError) return { code: 'network', reason: `无法连接微信接口（${error.message}），请稍后重试。`, isRetryable: true }
    throw error
  }

  function fromError(error: unknown, signal: AbortSignal | undefined, externalId?: string): ChannelResult {
    return failed({ ...describeError(error, signal, 'publish'), externalId })
  }

  async function uploadBodyImage(image: LoadedImage, signal?: AbortSignal): Promise<string> {
    const form = new FormData()
    form.append('media', toBlob(image), image.filename)
    const body = await call('media/uploadimg', { form }, signal)
    return String(body.url)
  }

  async function uploadCover(image: LoadedImage, signal?: AbortSignal): Promise<string> {
    const form = new FormData()
    form.append('media', toBlob(image), image.filename)
    const body = await call('material/add_material', { form }, signal, '&type=image')
    return String(body.media_id)
  }

  function checkLoadedImage(image: LoadedImage, kind: 'body' | 'cover'): ChannelValidationIssue | undefined {
    const field = kind === 'cover' ? 'cover' : isDataUrl(image.url) ? 'html' : `images(${image.url})`
    const label = kind === 'cover' ? '封面图片' : `正文图片 ${imageLabel(image.url)}`
    const allowed = kind === 'cover' ? coverImageTypes : bodyImageTypes
    const limit = kind === 'cover' ? weChatLimits.coverImageBytes : weChatLimits.bodyImageBytes
    if (!allowed.includes(image.contentType)) {
      return { field, rule: 'imageType', message: `${label}的格式 ${image.contentType} 不受支持，请使用 JPG 或 PNG。` }
    }
    if (image.data.byteLength >= limit) {
      return { field, rule: 'maxBytes', message: `${label}为 ${formatBytes(image.data.byteLength)}，微信要求小于 ${formatBytes(limit)}，请压缩后重试。` }
    }
    return undefined
  }

  async function createDraft(document: ChannelDocument, key: string, progress: WeChatProgress, signal?: AbortSignal): Promise<ChannelResult | undefined> {
    const sources = collectImageSources(document.html, document.canonicalUrl)
    const keys = new Map(await Promise.all(sources.map(async (source) => [source, await imageKey(source)] as const)))
    for (const source of sources) {
      const imageKeyOfSource = keys.get(source) ?? source
      if (progress.images[imageKeyOfSource]) continue
      const given = document.images?.find((image) => absoluteUrl(image.url, document.canonicalUrl) === source)
      const image = await loadImage(given ? { ...given, url: source } : { url: source }, fetchImage, signal)
      const issue = checkLoadedImage(image, 'body')
      if (issue) return failed({ code: 'validation', reason: issue.message, isRetryable: false, issues: [issue] })
      progress.images[imageKeyOfSource] = await uploadBodyImage(image, signal)
      await store.set(key, progress)
    }
    if (!progress.coverMediaId) {
      if (document.cover) {
        const cover = await loadImage({ ...document.cover, url: absoluteUrl(document.cover.url, document.canonicalUrl) }, fetchImage, signal)
        const issue = checkLoadedImage(cover, 'cover')
        if (issue) return failed({ code: 'validation', reason: issue.message, isRetryable: false, issues: [issue] })
        progress.coverMediaId = await uploadCover(cover, signal)
      } else {
        progress.coverMediaId = options.defaultCoverMediaId
      }
      await store.set(key, progress)
    }
    const article = prepareArticle(document)
    const content = sanitizeWeChatHtml(document.html, {
      baseUrl: document.canonicalUrl,
      rewriteImage: (source) => progress.images[keys.get(source) ?? source],
    })
    const issues = contentIssues(content)
    if (issues.length > 0) return failed({ code: 'validation', reason: issues.map((issue) => issue.message).join(' '), isRetryable: false, issues })
    const body = await call(
      'draft/add',
      {
        json: {
          articles: [
            {
              title: article.title,
              ...(article.author ? { author: article.author } : {}),
              digest: article.digest,
              content,
              content_source_url: document.canonicalUrl,
              thumb_media_id: progress.coverMediaId,
              need_open_comment: options.isCommentOpen ? 1 : 0,
              only_fans_can_comment: 0,
            },
          ],
        },
      },
      signal,
    )
    progress.draftMediaId = String(body.media_id)
    await store.set(key, progress)
    return undefined
  }

  async function getPublish(publishId: string, signal?: AbortSignal): Promise<{ status: number; articleId?: string; url?: string }> {
    const body = await call('freepublish/get', { json: { publish_id: publishId } }, signal)
    const detail = body.article_detail as { item?: Array<{ article_url?: string }> } | undefined
    const url = detail?.item?.[0]?.article_url
    const articleId = typeof body.article_id === 'string' && body.article_id ? body.article_id : undefined
    return { status: Number(body.publish_status), ...(articleId ? { articleId } : {}), ...(url ? { url } : {}) }
  }

  async function getStatus(publishId: string, signal?: AbortSignal): Promise<ChannelResult> {
    const { status, articleId, url } = await getPublish(publishId, signal)
    if (status === 1) return { channel: name, state: 'submitted', externalId: publishId }
    if (status === 0) {
      return { channel: name, state: 'published', externalId: articleId ? joinExternalId(publishId, articleId) : publishId, ...(url ? { url } : {}) }
    }
    const { reason, isRetryable } = describePublishStatus(status)
    return failed({ code: `wechat:publish_status:${status}`, reason, isRetryable, externalId: publishId })
  }

  async function poll(publishId: string, key: string, progress: WeChatProgress, signal?: AbortSignal): Promise<ChannelResult> {
    for (let attempt = 0; ; attempt++) {
      const result = await getStatus(publishId, signal)
      if (result.state === 'failed' && result.isRetryable) {
        // The draft is still there: forget this publish so the next attempt submits the draft again.
        await store.set(key, { ...progress, isSubmitting: false, publishId: undefined })
      }
      if (result.state !== 'submitted' || attempt + 1 >= maxPolls) return result
      await sleep(pollIntervalMs, signal)
    }
  }

  // Concurrent publishes of the same document in this process share one run; across processes, run
  // publishing jobs so that one document is handled by one worker at a time (e.g. a row lock).
  const inFlight = new Map<string, Promise<ChannelResult>>()

  async function publish(document: ChannelDocument, callOptions: ChannelCallOptions = {}): Promise<ChannelResult> {
    const issues = validate(document)
    if (issues.length > 0) {
      return failed({ code: 'validation', reason: issues.map((issue) => issue.message).join(' '), isRetryable: false, issues })
    }
    const key = progressKey(document)
    const running = inFlight.get(key)
    if (running) return await running
    const run = publishOnce(document, key, callOptions.signal).finally(() => inFlight.delete(key))
    inFlight.set(key, run)
    return await run
  }

  async function publishOnce(document: ChannelDocument, key: string, signal: AbortSignal | undefined): Promise<ChannelResult> {
    let progress: WeChatProgress | undefined
    try {
      progress = (await store.get(key)) ?? { images: {} }
      if (progress.publishId) return await poll(progress.publishId, key, progress, signal)
      if (progress.isSubmitting) {
        return failed({
          code: 'unknown-outcome',
          reason:
            '上次发布在提交后中断，无法确认是否已发表。为避免重复发文，本次未再提交：请在公众号后台“发表记录”中核实；确认未发表后，清除该文档的发布进度再重试。',
          isRetryable: false,
        })
      }
      if (!progress.draftMediaId) {
        const stopped = await createDraft(document, key, progress, signal)
        if (stopped) return stopped
      }
      progress.isSubmitting = true
      await store.set(key, progress)
      let submitted: Record<string, unknown>
      const flight = { isInFlight: false }
      try {
        submitted = await call('freepublish/submit', { json: { media_id: progress.draftMediaId } }, signal, '', flight)
      } catch (error) {
        if (flight.isInFlight) {
          // Sent, and the answer lost (dropped connection, abort, a gateway's 5xx): say so now rather
          // than answer "retryable" and refuse on the retry.
          const { code } = describeError(error, signal, 'publish')
          return failed({
            code: 'unknown-outcome',
            reason: `已向微信提交发布，但未收到答复（${code}），无法确认是否已发表。为避免重复发文，不会自动重试：请在公众号后台“发表记录”中核实；确认未发表后，清除该文档的发布进度再重试。`,
            isRetryable: false,
          })
        }
        // WeChat answered with an error, the request never left, or it failed before sending (token,
        // back-off wait): nothing was submitted, so the next attempt may submit.
        progress.isSubmitting = false
        await store.set(key, progress)
        throw error
      }
      progress.publishId = String(submitted.publish_id)
      progress.isSubmitting = false
      await store.set(key, progress)
      return await poll(progress.publishId, key, progress, signal)
    } catch (error) {
      return fromError(error, signal, progress?.publishId)
    }
  }

  async function checkStatus(post: { externalId: string }, callOptions: ChannelCallOptions = {}): Promise<ChannelResult> {
    try {
      return await getStatus(splitExternalId(post.externalId).publishId, callOptions.signal)
    } catch (error) {
      return fromError(error, callOptions.signal, post.externalId)
    }
  }

  /**
   * Asks `freepublish/get` first, so a repeated withdraw, a post deleted by hand or one that never went
   * live is answered without a delete, and a post still publishing is not half-withdrawn; then deletes
   * the article with `freepublish/delete` (every article of the message: we publish one per message).
   */
  async function withdraw(post: ChannelWithdrawal, callOptions: ChannelCallOptions = {}): Promise<ChannelWithdrawResult> {
    const { signal } = callOptions
    const { externalId } = post
    const invalid = checkExternalId(name, post.externalId)
    if (invalid) return invalid
    const withdrawn = (isRepeat: boolean, note?: string): ChannelWithdrawResult => ({ channel: name, state: 'withdrawn', externalId, isRepeat, ...(note ? { note } : {}) })
    try {
      const { publishId, articleId: knownArticleId } = splitExternalId(externalId)
      const { status, articleId = knownArticleId } = await getPublish(publishId, signal)
      if (!Number.isInteger(status)) {
        // Without a state, "nothing to delete" cannot be told from "live": never claim withdrawn.
        return { channel: name, state: 'failed', externalId, code: 'wechat:no-publish-status', reason: '微信查询发布状态时未返回 publish_status，请稍后重试撤回。', isRetryable: true }
      }
      if (status === 1) {
        return {
          channel: name,
          state: 'failed',
          externalId,
          code: 'still-publishing',
          reason: '文章仍在微信发布中，发布完成前无法删除：请稍后重试撤回。',
          isRetryable: true,
        }
      }
      if (status === 5) return withdrawn(true, '该文章此前已从公众号删除（publish_status 5）。')
      if (status !== 0) return withdrawn(true, `该文章未在公众号发表（publish_status ${status}），无需删除。`)
      if (!articleId) {
        return {
          channel: name,
          state: 'failed',
          externalId,
          code: 'wechat:no-article-id',
          reason: '微信未返回该次发布的 article_id，无法删除：请在公众号后台“发表记录”中手动删除。',
          isRetryable: false,
        }
      }
      await call('freepublish/delete', { json: { article_id: articleId, index: 0 } }, signal)
      logger.debug?.('wechat: deleted published article', { publishId })
      return withdrawn(false)
    } catch (error) {
      return { channel: name, state: 'failed', externalId, ...describeError(error, signal, 'withdraw') }
    }
  }

  return { kind: 'wechat', name, validate, publish, checkStatus, withdraw, prepareArticle }
}

/**
 * The external id of a WeChat post: the `publish_id` while it is publishing, `<publish_id>:<article_id>`
 * once published (`freepublish/get` needs the first, `freepublish/delete` the second). publish_ids are
 * digits, so the first `:` separates them.
 */
function joinExternalId(publishId: string, articleId: string): string {
  return `${publishId}:${articleId}`
}

function splitExternalId(externalId: string): { publishId: string; articleId?: string } {
  const separator = externalId.indexOf(':')
  if (separator === -1) return { publishId: externalId }
  return { publishId: externalId.slice(0, separator), articleId: externalId.slice(separator + 1) }
}

/**
 * WeChat answered and refused (an errcode, or an HTTP 4xx): the request was not carried out. Anything
 * else — a dropped connection, an abort or timeout after sending, a 5xx from a gateway — leaves it unknown.
 */
function isAnsweredRefusal(error: unknown): boolean {
  if (error instanceof WeChatApiError) return true
  return error instanceof HttpError && error.status >= 400 && error.status < 500
}

/** The progress key of a body image: its URL, or a digest for a data: URL (which can be hundreds of KB). */
async function imageKey(source: string): Promise<string> {
  if (!isDataUrl(source)) return source
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(source))
  return `data:sha256,${Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('')}`
}

function absoluteUrl(url: string, base: string): string {
  try {
    return new URL(url, base).toString()
  } catch {
    return url
  }
}

class HttpError extends Error {
  readonly status: number
  readonly path: string
  constructor(path: string, status: number) {
    super(`WeChat ${path} answered HTTP ${status}`)
    this.name = 'HttpError'
    this.path = path
    this.status = status
  }
}

/**
 * One interface for every channel (WeChat official account, Weibo, signed webhook, feed): validate a
 * published document for the channel before any network call, publish it, check its state, withdraw it.
 * Expected failures are results, not exceptions, so a publishing job can store them and decide.
 */

/** An image referenced by a document: by URL, with its bytes when the caller already has them. */
export type ChannelImage = {
  /** Where the image lives; body images are matched to `<img src>` by this URL. */
  url: string
  /** The image's bytes; fetched from `url` when absent. */
  data?: Uint8Array
  /** MIME type, e.g. `image/png`; inferred from the response or the file name when absent. */
  contentType?: string
  /** File name sent to the platform; derived from the URL when absent. */
  filename?: string
}

/** A published document, as the CMS hands it to a channel. */
export type ChannelDocument = {
  /** Stable content id of the document (the publisher's id); channels key progress and deliveries by it. */
  id: string
  /** Version of the document; a new version is a new post. @default 1 */
  version?: number
  /** 标题 */
  title: string
  /** 摘要: a short plain-text summary. */
  summary?: string
  /** HTML body as published on the department's site. */
  html: string
  /** Images used in `html` (matched by URL) when their bytes are at hand. */
  images?: ChannelImage[]
  /** 封面: the cover image. */
  cover?: ChannelImage
  /** The document's canonical URL on the government website. */
  canonicalUrl: string
  /** 作者 / 发布机构 */
  author?: string
  /** When the document was published on the website. */
  publishedAt?: Date
  /** 主题分类 or other labels; used by feeds. */
  categories?: string[]
}

/** A broken rule in a document, for one field. `message` is in Chinese for the new-media team. */
export type ChannelValidationIssue = {
  /** The document field, e.g. `title`, `cover`, `canonicalUrl`, `images[0]`. */
  field: string
  /** Machine-readable rule name, e.g. `required`, `maxLength`, `boundDomain`. */
  rule: string
  /** What is wrong and what to do, in Chinese. */
  message: string
}

/** The state of a post on a channel. */
export type ChannelResult =
  | {
      channel: string
      /** Accepted by the platform; not yet live (e.g. WeChat is still reviewing). Check again later. */
      state: 'submitted'
      externalId: string
      url?: string
    }
  | {
      channel: string
      /** Live on the platform. */
      state: 'published'
      externalId: string
      url?: string
    }
  | {
      channel: string
      state: 'failed'
      /** The platform id when the post got that far. */
      externalId?: string
      /** Machine-readable cause, e.g. `validation`, `wechat:48001`, `network`, `unknown-outcome`. */
      code: string
      /** What happened and what to do, in Chinese. */
      reason: string
      /** Whether sending the same document again later can succeed without anyone changing anything. */
      isRetryable: boolean
      /** When the platform says how long to wait. */
      retryAfterMs?: number
      /** The broken rules, when `code` is `validation`. */
      issues?: ChannelValidationIssue[]
    }

/** A post to take down, as `withdraw` receives it. */
export type ChannelWithdrawal = {
  /** The `externalId` of the post's latest `publish` or `checkStatus` result. */
  externalId: string
  /** The publisher's document id (`ChannelDocument.id`); sent to webhook receivers. */
  documentId?: string
  /** The document version that was published. */
  version?: number
  /** 撤回说明: why the document was withdrawn, in Chinese; sent where the channel can carry it (webhook, feed). */
  notice?: string
}

/** The outcome of `withdraw`. Like `ChannelResult`, expected failures are values, not exceptions. */
export type ChannelWithdrawResult =
  | {
      channel: string
      /** The post is no longer public on the platform. */
      state: 'withdrawn'
      externalId: string
      /**
       * True when the platform had already removed it (a repeated withdraw, or deleted by hand), so this
       * call changed nothing. Withdrawing is idempotent: that is success, not a failure.
       */
      isRepeat: boolean
      /** What happened, in Chinese, when there is more to say than “已撤回”. */
      note?: string
    }
  | {
      channel: string
      /** The platform offers no way to take a post down; `reason` says what to do by hand, in Chinese. */
      state: 'not-supported'
      externalId: string
      reason: string
    }
  | {
      channel: string
      state: 'failed'
      externalId: string
      /** Machine-readable cause, e.g. `wechat:48001`, `weibo:21332`, `still-publishing`, `network`, `http:503`. */
      code: string
      /** What happened and what to do, in Chinese. */
      reason: string
      /** Whether withdrawing again later can succeed without anyone changing anything. */
      isRetryable: boolean
      /** When the platform says how long to wait. */
      retryAfterMs?: number
    }

export type ChannelCallOptions = {
  /** Aborts waiting and network calls; progress already made is kept for the next attempt. */
  signal?: AbortSignal
}

export type Channel = {
  /** Kind of channel: `wechat`, `weibo`, `webhook`, `feed`. */
  readonly kind: string
  /** Name of this account or endpoint, reported in every result. */
  readonly name: string
  /** Checks the document against this channel's rules. Makes no network call. Empty when valid. */
  validate: (document: ChannelDocument) => ChannelValidationIssue[]
  /** Validates, then posts. Resumes a post interrupted earlier instead of posting twice where the channel keeps progress. */
  publish: (document: ChannelDocument, options?: ChannelCallOptions) => Promise<ChannelResult>
  /** Asks the platform for the current state of an earlier post. */
  checkStatus: (post: { externalId: string }, options?: ChannelCallOptions) => Promise<ChannelResult>
  /**
   * Takes an earlier post down as far as the platform allows. Idempotent: withdrawing a post that is
   * already gone answers `withdrawn` with `isRepeat: true`.
   */
  withdraw: (post: ChannelWithdrawal, options?: ChannelCallOptions) => Promise<ChannelWithdrawResult>
}

/** Receives diagnostic events. Adapters never pass credentials or access tokens to it. */
export type ChannelLogger = {
  debug?: (message: string, details?: Record<string, unknown>) => void
  warn?: (message: string, details?: Record<string, unknown>) => void
}

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>

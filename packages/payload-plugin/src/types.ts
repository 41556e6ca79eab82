import type {
  AdoptionState,
  ClassificationLevel,
  ConsultationForm,
  DecisionStage,
  DisclosureType,
  DocumentType,
  ImplementationRecordKind,
  InterpretationForm,
  LegalityConclusion,
  MeetingKind,
  NonDisclosureReason,
  ParticipantSector,
  ParticipationKind,
  RegistrationStatus,
  SectionDisclosure,
  SelectionMethod,
  ValidityStatus,
  WorkflowState,
} from '@gongkai/core'
import type { CollectionConfig, RichTextAdapterProvider } from 'payload'

/** A language the plugin writes labels in. */
export type LabelLanguage = 'zh' | 'en'

/** A label in Chinese and English, as Payload accepts it for `labels`, `label` and option labels. */
export type LocalizedLabel = { zh: string; en: string }

/** The collections the plugin adds, by role. */
export type GongkaiCollectionKey =
  | 'agencies'
  | 'topics'
  | 'policies'
  | 'interpretations'
  | 'decisions'
  | 'participation'
  | 'registrations'
  | 'catalogues'
  | 'attachments'
  | 'auditLog'
  | 'indexCounters'

/** Collections whose documents belong to agencies and go through the workflow (and 保密审查). */
export type AgencyOwnedCollection = Extract<GongkaiCollectionKey, 'policies' | 'interpretations' | 'decisions' | 'participation' | 'catalogues'>

/** Collections whose documents are delivered (one per core `DocumentKind`: policy, interpretation, decision). */
export type DeliveredCollection = Extract<GongkaiCollectionKey, 'policies' | 'interpretations' | 'decisions'>

/** Slug of each collection the plugin adds. */
export type GongkaiSlugs = Record<GongkaiCollectionKey, string>

/**
 * One 有效性 (validity) status. `value` becomes a PostgreSQL enum value, so it must be ASCII snake_case;
 * changing the list changes the database schema (run a migration). `requiresExpiryDate`: a policy in this status
 * must have a 失效日期; `requiresReplacement`: it must link the document that replaces it (`supersededBy`).
 */
export type ValidityStatusOption = ValidityStatus

/** One branch of the 主题分类 taxonomy to seed. */
export type TopicSeed = {
  code: string
  name: string
  children: readonly { code: string; name: string }[]
}

/** Receives the collection the plugin built and returns the one to use. */
export type CollectionOverride = (args: { defaultCollection: CollectionConfig }) => CollectionConfig

export type GongkaiPluginOptions = {
  /**
   * Keeps every collection and field (so the database schema does not change) but adds no hooks and
   * seeds nothing. Use it to switch the plugin's behaviour off without a migration.
   * @default false
   */
  disabled?: boolean
  /**
   * Slugs of the collections the plugin adds.
   * @default defaultSlugs — agencies, topics, policies, interpretations, decisions, participation, gongkai-attachments
   * @example { policies: 'policy-documents' }
   */
  slugs?: Partial<GongkaiSlugs>
  /**
   * Slug of an existing upload collection to use for attachments and interpretation media. When it is
   * not given, the plugin adds its own upload collection (`slugs.attachments`, default `gongkai-attachments`).
   * The collection must be in the config before this plugin runs.
   * @default undefined — the plugin adds `gongkai-attachments`
   * @example 'media'
   */
  uploadsCollection?: string
  /**
   * The 有效性 statuses policies can have. The first is the default for new policies.
   * @default core's defaultValidityStatuses: 有效 (effective), 失效 (expired, needs 失效日期),
   * 废止 (repealed, needs 失效日期), 已修订 (amended, needs the replacing document)
   * @example [{ value: 'effective', label: { zh: '现行有效', en: 'In force' } }, { value: 'expired', label: { zh: '已失效', en: 'Expired' }, requiresExpiryDate: true }]
   */
  validityStatuses?: readonly ValidityStatusOption[]
  /**
   * Minimum length, in days, of a major decision's public comment period (征求意见).
   * @default 30
   */
  commentPeriodMinDays?: number
  /**
   * Seed the 主题分类 taxonomy when the topics collection is empty on start. Editors can change it afterwards;
   * it is never seeded again while any topic exists.
   * @default true
   */
  seedTopics?: boolean
  /**
   * The taxonomy to seed.
   * @default core's topicTaxonomy (State Council 主题分类)
   */
  topicTaxonomy?: readonly TopicSeed[]
  /**
   * Languages the plugin's collection, field and option labels are given in.
   * @default ['zh', 'en']
   * @example ['zh']
   */
  labelLanguages?: readonly LabelLanguage[]
  /**
   * Admin sidebar group of the plugin's collections.
   * @default { zh: '政务公开', en: 'Government Disclosure' }
   */
  adminGroup?: LocalizedLabel
  /**
   * Rich-text editor of the plugin's rich-text fields.
   * @default Lexical with the config's features plus tables (`EXPERIMENTAL_TableFeature`) for 正文; the config's `editor` elsewhere
   */
  editor?: RichTextAdapterProvider
  /**
   * Versions kept per document in the collections with drafts.
   * @default 50
   */
  maxVersionsPerDoc?: number
  /**
   * Time zone in which dates are read as calendar days (成文日期 vs 发布日期, comment periods).
   * @default 'Asia/Shanghai'
   */
  timeZone?: string
  /**
   * 解读形式 that are videos: an interpretation in one of these needs uploaded media or a video URL.
   * @default ['animation', 'short_video'] (视频动漫, 短视频)
   */
  videoInterpretationForms?: readonly InterpretationForm[]
  /**
   * Change any collection the plugin builds. Spread what you extend.
   * @example { policies: ({ defaultCollection }) => ({ ...defaultCollection, fields: [...defaultCollection.fields, { name: 'note', type: 'text' }] }) }
   */
  overrides?: Partial<Record<GongkaiCollectionKey, CollectionOverride>>
  /**
   * Slug of the auth collection that gets the roles fields (`isSiteAdmin`, `agencyRoles`). When no collection
   * with `auth` exists, the plugin adds `users`.
   * @default `config.admin.user`, else the first collection with `auth`, else `'users'`
   * @example 'editors'
   */
  usersCollection?: string
  /**
   * 索引号 后段码 format: `year` gives `YYYY-NNNNN` (national guideline), `year_month` gives `YYYYMM-NNNNN`
   * (some provinces). The serial runs per 前段码 per year, or per year and month.
   * @default 'year'
   */
  indexNumberFormat?: 'year' | 'year_month'
  /**
   * Months between 公开属性 reviews of documents that are 依申请公开 or 不予公开 (`nextDisclosureReviewDate`).
   * @default 12
   */
  disclosureReviewIntervalMonths?: number
  /**
   * Jobs queue of the scheduled-publication task (`gongkaiScheduledPublish`). Run it with Payload's
   * `jobs.autoRun` (e.g. `{ cron: '* * * * *', queue: 'gongkai' }`) or `payload.jobs.run({ queue })` from a cron.
   * @default 'gongkai'
   */
  jobsQueue?: string
  /**
   * 公众代表列席 target per year and government level, as `GET /api/gongkai/participation-compliance` measures it
   * (Wuqing 2022 work plan point 19: 不少于3次).
   * @default 3
   */
  participationTarget?: number
  /**
   * 决策会议 kinds whose public attendances count towards `participationTarget`.
   * @default ['executive_meeting', 'plenary_meeting'] (政府常务会议, 政府全体会议)
   * @example ['executive_meeting', 'plenary_meeting', 'special_meeting']
   */
  countedMeetingKinds?: readonly MeetingKind[]
  /**
   * Replace Payload's dashboard with the 工作台 (what each role has to do, per agency). Set to false to keep
   * Payload's dashboard (or your own `admin.components.views.dashboard`, which is always kept);
   * `GET /api/gongkai/workbench` answers either way.
   * @default true
   */
  workbench?: boolean
  /**
   * Delivery of published documents to the policy library (政策文件库) and new-media channels through an outbox
   * in the publishing transaction (see `docs/decisions/0006-delivery-outbox.md`). Off when omitted.
   * @default undefined — nothing is delivered
   * @example { library: { url: process.env.GONGKAI_LIBRARY_URL, adminToken: process.env.GONGKAI_LIBRARY_ADMIN_TOKEN }, publicUrl: 'https://www.example.gov.cn' }
   */
  delivery?: DeliveryOptions
}

/** Where and how published documents are delivered. */
export type DeliveryOptions = {
  /**
   * The policy library. Every 主动公开 policy, interpretation and decision goes there.
   * @default undefined — no library target
   */
  library?: LibraryTargetOptions
  /**
   * New-media channels by name (the name is the target shown to editors and stored on deliveries).
   * @default {}
   * @example { wuqingWeChat: { kind: 'wechat', label: '武清发布公众号', appId: 'wx…', appSecret: process.env.WECHAT_SECRET } }
   */
  channels?: Record<string, ChannelTargetOptions>
  /**
   * Base URL of the public website; links, images and attachments in what goes out are made absolute with it,
   * and each document's canonical page is `${publicUrl}/${collection}/${id}` unless `documentUrl` says otherwise.
   * @example 'https://www.wuqing.gov.cn'
   */
  publicUrl: string
  /**
   * The canonical page of a document on the public website.
   * @default ({ collection, id, publicUrl }) => `${publicUrl}/${collection}/${id}`
   */
  documentUrl?: (args: { collection: string; id: number | string; publicUrl: string; doc: Record<string, unknown> }) => string
  /**
   * Jobs queue of delivery jobs.
   * @default 'gongkai-delivery'
   */
  queue?: string
  /**
   * Retries of a retryable failure (network, 5xx, 429, platform busy), with exponential backoff.
   * @default { attempts: 8, initialDelayMs: 2000, maxDelayMs: 600000 }
   */
  retry?: { attempts?: number; initialDelayMs?: number; maxDelayMs?: number }
  /**
   * Follow-up of a post the platform accepted but still reviews or publishes (WeChat publish_status 1,
   * 已提交平台): its status is checked again with exponential backoff from `initialDelayMs` up to `maxDelayMs`
   * until it is published or failed; after `timeoutMs` from the submission the delivery becomes 推送失败 with
   * the reason (a 签发 can retry it, which resumes the same post).
   * @default { initialDelayMs: 30000, maxDelayMs: 900000, timeoutMs: 86400000 }
   * @example { initialDelayMs: 10000, maxDelayMs: 300000, timeoutMs: 7200000 }
   */
  statusCheck?: { initialDelayMs?: number; maxDelayMs?: number; timeoutMs?: number }
  /**
   * Run delivery jobs inside this process: right after each publishing transaction commits, and every
   * `pollIntervalMs` for retries and deliveries left by a crashed worker. Turn it off when a separate worker
   * (`payload gongkai:deliver`) runs them.
   * @default { isEnabled: true, pollIntervalMs: 5000 }
   */
  worker?: { isEnabled?: boolean; pollIntervalMs?: number }
  /**
   * How long a worker holds a delivery it started before another worker may take it over (a crashed worker's).
   * @default 120000
   */
  leaseMs?: number
  /** fetch used for every call (tests, proxies). @default globalThis.fetch */
  fetch?: (input: Request) => Promise<Response>
}

export type LibraryTargetOptions = {
  /** Base URL of the library, e.g. `http://127.0.0.1:4000`. */
  url: string
  /**
   * Push tokens per library agency id (see `agencyId`). Wins over provisioned tokens.
   * @default {}
   * @example { '11120114mb1841520': process.env.GONGKAI_LIBRARY_TOKEN_FGW }
   */
  tokens?: Record<string, string>
  /**
   * The library's admin token. With it the plugin registers each agency in the library on its first delivery
   * and issues its push token, which it keeps encrypted (AES-256-GCM, keyed from the Payload secret).
   * @default undefined — only `tokens` are used
   */
  adminToken?: string
  /**
   * The library agency id of an agency (lower-case letters, digits and `-`).
   * @default the agency's 组织机构代码／统一社会信用代码 in lower case
   */
  agencyId?: (agency: Record<string, unknown>) => string
  /** Label shown to editors. @default '政策文件库' */
  label?: string
}

type ChannelRouting = {
  /** Shown to editors, e.g. 武清发布公众号. @default the channel's name */
  label?: string
  /**
   * Collection keys whose documents may go to this channel.
   * @default ['policies', 'interpretations']
   */
  collections?: readonly DeliveredCollection[]
  /**
   * Agency ids (Payload ids) whose documents may go to this channel.
   * @default undefined — every agency
   */
  agencies?: readonly (number | string)[]
  /**
   * Preselected for new documents in the editor's 推送渠道 field.
   * @default true
   */
  isDefault?: boolean
}

export type ChannelTargetOptions = ChannelRouting &
  (
    | {
        kind: 'wechat'
        /** 公众号 AppID (公众平台 › 设置与开发 › 基本配置). */
        appId: string
        /** 公众号 AppSecret; keep it in the environment. The server's outbound IP must be on the account's IP 白名单. */
        appSecret: string
        /** WeChat API origin (tests point it at a local server). @default 'https://api.weixin.qq.com' */
        baseUrl?: string
        /** Permanent material media_id used as the cover when a document has none. @default undefined — a document without a cover image is not sent (封面 required) */
        defaultCoverMediaId?: string
      }
    | {
        kind: 'weibo'
        /** OAuth2 access token of the account, with the app's 分享 (statuses/share) permission. */
        accessToken: string
        /** 安全域名 registered for the Weibo app; the canonical URL must be under it. */
        safeDomain: string
        /** Weibo API origin. @default 'https://api.weibo.com' */
        baseUrl?: string
      }
    | {
        kind: 'webhook'
        /** Where documents are POSTed as signed JSON (your bridge to another platform). */
        url: string
        /** Shared secret of the HMAC-SHA256 `x-gongkai-signature` header; the receiver checks it with `verifyWebhookSignature`. */
        secret: string
      }
  )

/** A delivery target after sanitizing. */
export type SanitizedDeliveryTarget = {
  name: string
  label: string
  kind: 'library' | 'wechat' | 'weibo' | 'webhook'
  collections: readonly DeliveredCollection[]
  agencies: readonly string[] | undefined
  isDefault: boolean
}

export type SanitizedDeliveryOptions = {
  isEnabled: boolean
  library: (Omit<LibraryTargetOptions, 'tokens' | 'label'> & { tokens: Record<string, string>; url: string }) | undefined
  channels: Record<string, ChannelTargetOptions>
  /** Every target in order: `library` first, then the channels. */
  targets: readonly SanitizedDeliveryTarget[]
  publicUrl: string
  documentUrl: NonNullable<DeliveryOptions['documentUrl']>
  queue: string
  retry: { attempts: number; initialDelayMs: number; maxDelayMs: number }
  statusCheck: { initialDelayMs: number; maxDelayMs: number; timeoutMs: number }
  worker: { isEnabled: boolean; pollIntervalMs: number }
  leaseMs: number
  fetch: ((input: Request) => Promise<Response>) | undefined
  deliveriesSlug: string
  storeSlug: string
}

/** The options with defaults applied, as every collection, hook and seed function receives them. */
export type SanitizedGongkaiPluginOptions = {
  isDisabled: boolean
  slugs: GongkaiSlugs
  /** Upload collection used by attachments and media. */
  uploadsSlug: string
  /** True when the plugin adds its own upload collection (no `uploadsCollection` given). */
  hasOwnUploadsCollection: boolean
  validityStatuses: readonly ValidityStatusOption[]
  commentPeriodMinDays: number
  shouldSeedTopics: boolean
  topicTaxonomy: readonly TopicSeed[]
  labelLanguages: readonly LabelLanguage[]
  adminGroup: LocalizedLabel
  editor: RichTextAdapterProvider | undefined
  maxVersionsPerDoc: number
  timeZone: string
  videoInterpretationForms: readonly InterpretationForm[]
  overrides: Partial<Record<GongkaiCollectionKey, CollectionOverride>>
  /** The auth collection that carries the roles fields. */
  usersSlug: string
  /** True when the config has no auth collection and the plugin adds `users`. */
  hasOwnUsersCollection: boolean
  indexNumberFormat: 'year' | 'year_month'
  disclosureReviewIntervalMonths: number
  jobsQueue: string
  delivery: SanitizedDeliveryOptions
  participationTarget: number
  countedMeetingKinds: readonly MeetingKind[]
  shouldReplaceDashboard: boolean
}

/** An ID, or the related document when read with depth ≥ 1. */
export type Relation<T> = number | string | T

type Timestamps = { id: number | string; createdAt: string; updatedAt: string }
type Drafts = { _status?: 'draft' | 'published' | null }

/** 工作流状态 (see the README's Workflow section): core's `WorkflowState`. */
export type WorkflowStateValue = WorkflowState

type UserRelation = number | string | { id: number | string } | null

/** Fields the editorial workflow adds to policies, interpretations, decisions and participation (written only by it). */
export type WorkflowFields = {
  workflowState?: WorkflowStateValue | null
  /**
   * Virtual (never stored): the rules a draft breaks, each with its field's path and label, computed when one document
   * is read by a signed-in user; 提交审核 refuses the same problems.
   */
  ruleWarnings?: { path: string; label: string; message: string }[] | null
  /** Who last changed the content of this version (the four-eyes rule keeps them from approving it). */
  lastEditedBy?: UserRelation
  contentChangedAt?: string | null
  /** Who did what and when. */
  workflow?: {
    submittedBy?: UserRelation
    submittedAt?: string | null
    returnedBy?: UserRelation
    returnedAt?: string | null
    returnReason?: string | null
    approvedBy?: UserRelation
    approvedAt?: string | null
    scheduledBy?: UserRelation
    scheduledFor?: string | null
    scheduledJobId?: string | null
    publishedBy?: UserRelation
    publishedAt?: string | null
    firstPublishedAt?: string | null
    forcePublishReason?: string | null
    /** 已认定: who signed off a document that is not public (依申请公开, 不予公开), and when. */
    recordedBy?: UserRelation
    recordedAt?: string | null
    withdrawnBy?: UserRelation
    withdrawnAt?: string | null
    withdrawReason?: string | null
    invalidatedBy?: UserRelation
    invalidatedAt?: string | null
    deletedBy?: UserRelation
    deletedAt?: string | null
    deleteReason?: string | null
  } | null
}

/** 推送渠道: the editor's choice of new-media channels (names of `delivery.channels`); the library gets every 主动公开 document. */
export type DeliveryChannelsField = { deliveryChannels?: string[] | null }

/** 保密审查 record on policies, interpretations, decisions and participation (written only by the record-review action). */
export type ConfidentialityReviewFields = {
  confidentialityReview?: {
    reviewer?: UserRelation
    reviewedAt?: string | null
    /** 通过 / 不通过 */
    conclusion?: 'passed' | 'failed' | null
    /** 审查依据 */
    basis?: string | null
    /** `updatedAt` of the version that was reviewed. */
    reviewedVersionUpdatedAt?: string | null
    /** Fingerprint of the reviewed text fields and 密级; the review is stale once they change. */
    reviewedContentHash?: string | null
  } | null
}

/** Policies only: 公开属性 review date and 有效性 history. */
export type PolicyWorkflowFields = {
  /** Next 公开属性 review of a 依申请公开 / 不予公开 document. */
  nextDisclosureReviewDate?: string | null
  validityHistory?:
    | {
        id?: string | null
        validity?: string | null
        effectiveDate?: string | null
        supersededBy?: number | string | null | { id: number | string }
        recordedAt?: string | null
        recordedBy?: UserRelation
      }[]
    | null
}

/** 发布机构: an agency that issues documents and, later, owns them as a tenant. */
export type Agency = Timestamps & {
  /** 机关全称, e.g. 天津市武清区人民政府办公室 */
  name: string
  /** 机关简称 */
  shortName?: string | null
  /** 机关代字 used in its 发文字号, e.g. 津武政办发 */
  agencyCode?: string | null
  /** 组织机构代码 (9 chars, GB 11714) or 统一社会信用代码 (18 chars, GB 32100); the 索引号 前段码 */
  organizationCode?: string | null
  /** Which kind of code `organizationCode` is (set on save). */
  organizationCodeKind?: 'organization_code' | 'credit_code' | null
  parent?: Relation<Agency> | null
}

/** 主题分类: a two-level topic tree. */
export type Topic = Timestamps & {
  name: string
  /** Stable code, e.g. `02.01` */
  code: string
  /** `综合政务\政务公开` for a child, the name for a top-level topic (set on save). */
  fullName?: string | null
  parent?: Relation<Topic> | null
}

/** An uploaded file (the plugin's own attachments collection). */
export type Attachment = Timestamps & {
  title?: string | null
  /** 上传机关: its members read the file until a published 主动公开 document links it. */
  uploadingAgency?: Relation<Agency> | null
  /** The text read from the file for 保密审查: never returned by the API (field access), only by trusted reads. */
  textExtraction?: { status?: 'extracted' | 'unreadable' | null; reason?: string | null; segments?: { location: string | null; text: string }[] | null } | null
  /** 人工审查确认 of a file whose text cannot be read; reset when the file is replaced. */
  manualReview?: { confirmedBy?: UserRelation; confirmedAt?: string | null; note?: string | null } | null
  url?: string | null
  filename?: string | null
  mimeType?: string | null
  filesize?: number | null
}

/** 政策文件 */
export type Policy = Timestamps &
  Drafts &
  WorkflowFields &
  DeliveryChannelsField &
  ConfidentialityReviewFields &
  PolicyWorkflowFields & {
    /** 标题 */
    title: string
    /** 发文字号, normalised on save, e.g. 津武政办发〔2022〕12号 */
    documentNumber?: string | null
    /** What the last save changed in the 发文字号, e.g. 将“[”改为“〔”; empty when nothing changed. */
    documentNumberCorrections?: string | null
    /** 索引号, assigned by the publishing workflow; not writable through the API. */
    indexNumber?: string | null
    /** 发文机关 (lead agency) */
    issuingAgency: Relation<Agency>
    /** 联合发文机关 */
    jointIssuers?: Relation<Agency>[] | null
    /** 成文日期 */
    writtenDate: string
    /** 发布日期 */
    publishDate?: string | null
    /** 文种 */
    documentType: DocumentType
    /** 主题分类 */
    topic: Relation<Topic>
    /** 主题词 */
    keywords?: string | null
    /** 有效性 (one of the configured statuses) */
    validity: string
    /** 失效日期 */
    expiryDate?: string | null
    /** The document that replaces this one. */
    supersededBy?: Relation<Policy> | null
    /** Documents this one replaces. */
    supersedes?: Relation<Policy>[] | null
    /** 公开属性 */
    disclosure: DisclosureType
    /** 不予公开理由 */
    nonDisclosureReason?: NonDisclosureReason | null
    /** 理由说明 (legal basis) */
    nonDisclosureExplanation?: string | null
    /** 密级 */
    classification: ClassificationLevel
    /** 是否规范性文件 */
    isNormative?: boolean | null
    /** 需要政策解读 (三同步); defaults to `isNormative` */
    needsInterpretation?: boolean | null
    /** 摘要 (≤ 1500 characters) */
    summary?: string | null
    /** 正文 (rich text) */
    body?: unknown
    /** 附件 */
    attachments?: Relation<Attachment>[] | null
    /** Interpretations whose `policies` include this one (join; read-only). */
    interpretations?: { docs?: Relation<Interpretation>[]; hasNextPage?: boolean } | null
  }

/** 政策解读 */
export type Interpretation = Timestamps &
  Drafts &
  WorkflowFields &
  DeliveryChannelsField &
  ConfidentialityReviewFields & {
    title: string
    /** The policies interpreted (at least one). */
    policies: Relation<Policy>[]
    /** 解读形式 */
    form: InterpretationForm
    /** 解读机构 */
    interpretingAgency?: Relation<Agency> | null
    /** 解读人 (a public official speaking in office, e.g. 区发展改革委主任) */
    interpreterName?: string | null
    summary?: string | null
    body?: unknown
    media?: Relation<Attachment>[] | null
    /** http(s) URL of the video */
    videoUrl?: string | null
    /** 有效性 of the interpreted policies when any is no longer 有效 (computed on read). */
    policyValidity?: string | null
  }

/** One public comment received on a decision draft. */
export type PublicComment = {
  id?: string | null
  summary: string
  receivedDate?: string | null
  adoption: AdoptionState
  adoptionReason?: string | null
}

/** One 执行情况 record of a decision. */
export type ImplementationRecord = {
  id?: string | null
  date: string
  kind: ImplementationRecordKind
  content: string
}

/** 重大行政决策 */
export type Decision = Timestamps &
  Drafts &
  WorkflowFields &
  DeliveryChannelsField &
  ConfidentialityReviewFields & {
    /** 目录年度 */
    catalogueYear: number
    /** 目录序号, unique within the year */
    catalogueNumber: number
    title: string
    /** 承办单位 */
    responsibleAgency: Relation<Agency>
    stage: DecisionStage
    /** 决策草案全文 */
    draftText?: unknown
    /** 草案说明 */
    draftingExplanation?: unknown
    /** 决策背景 */
    background?: unknown
    /** Files of the 决策草案, 草案说明 and 决策背景 (uploads; public only once the decision is published) */
    draftTextAttachments?: Relation<Attachment>[] | null
    draftingExplanationAttachments?: Relation<Attachment>[] | null
    backgroundAttachments?: Relation<Attachment>[] | null
    /** 征求意见方式; only 公开征求意见 has the minimum period */
    consultationForm?: ConsultationForm | null
    commentPeriodStart?: string | null
    commentPeriodEnd?: string | null
    /** 缩短期限的理由, required for a public period shorter than `commentPeriodMinDays` */
    shortenedPeriodReason?: string | null
    /** 征求意见公告: a policy of 文种 公告 */
    commentNotice?: Relation<Policy> | null
    publicComments?: PublicComment[] | null
    /** 意见采纳情况, generated on read from `publicComments` */
    adoptionSummary?: string | null
    /** 专家论证不适用: its elements are then not required (decree 713 art. 19); the reason is */
    expertReviewNotApplicable?: boolean | null
    expertReviewNotApplicableReason?: string | null
    /** 风险评估不适用 (art. 22), as `expertReviewNotApplicable` */
    riskAssessmentNotApplicable?: boolean | null
    riskAssessmentNotApplicableReason?: string | null
    /** 专家论证意见 (read only where `expertReviewDisclosure` is 公开, or by the 承办单位) */
    expertReview?: unknown
    expertReviewDate?: string | null
    expertReviewDisclosure?: SectionDisclosure | null
    expertReviewNonDisclosureReason?: string | null
    /** 风险评估结论 (视情况公开, as `expertReview`) */
    riskAssessment?: unknown
    riskAssessmentDate?: string | null
    riskAssessmentDisclosure?: SectionDisclosure | null
    riskAssessmentNonDisclosureReason?: string | null
    /** 合法性审查意见 */
    legalityReview?: unknown
    /** 合法性审查日期: no later than the decision meeting */
    legalityReviewDate?: string | null
    legalityReviewConclusion?: LegalityConclusion | null
    meeting?: { date?: string | null; kind?: MeetingKind | null; name?: string | null } | null
    /** 决策结果 */
    result?: unknown
    /** 执行情况记录 */
    implementationRecords?: ImplementationRecord[] | null
    /** 效果评估 (决策后评估; 视情况公开, as `expertReview`) */
    effectEvaluation?: unknown
    effectEvaluationDate?: string | null
    effectEvaluationDisclosure?: SectionDisclosure | null
    effectEvaluationNonDisclosureReason?: string | null
    /** Participation records whose `decision` is this one (join; read-only). */
    participationRecords?: { docs?: Relation<Participation>[]; hasNextPage?: boolean } | null
    /** Policies that carry out the decision. */
    resultingPolicies?: Relation<Policy>[] | null
  }

/** One participant, shown publicly under a display name without personal data. */
export type Participant = {
  id?: string | null
  /** 公开显示名称, e.g. 居民代表甲, 张先生 */
  displayName: string
  /** 遴选方式 */
  selectionMethod: SelectionMethod
  /** 界别 */
  sector: ParticipantSector
}

/** One opinion expressed by a participant. */
export type Opinion = {
  id?: string | null
  /** The participant's display name. */
  speaker: string
  content: string
  adoption: AdoptionState
  adoptionReason?: string | null
}

/** 公众参与 */
export type Participation = Timestamps &
  Drafts &
  WorkflowFields &
  ConfidentialityReviewFields & {
    kind: ParticipationKind
    /** 会议或活动名称 */
    meetingName: string
    meetingDate: string
    decision?: Relation<Decision> | null
    /** 决策会议类型 of a 列席会议 record; 常务会议 and 全体会议 count towards the yearly target by default */
    meetingKind?: MeetingKind | null
    /** 遴选方式 of the attendees */
    selectionMethod?: SelectionMethod | null
    selectionDate?: string | null
    /** 遴选情况 (public): how many registered, who was selected and why, without personal data */
    selectionNote?: string | null
    /** 列席人员意见采纳情况, generated on read from `opinions` */
    opinionAdoptionSummary?: string | null
    /** 承办单位: owns the record (who may edit and review it); defaults to the decision's responsible agency. */
    agency?: Relation<Agency> | null
    participants?: Participant[] | null
    opinions?: Opinion[] | null
    /** 公开摘要 */
    publicSummary?: string | null
  }

/** 公众代表报名: one open registration for a meeting, with personal data that is never public. */
export type Registration = Timestamps & {
  participation: Relation<Participation>
  /** 承办单位, taken from the meeting */
  agency?: Relation<Agency> | null
  /** 姓名 (personal data) */
  name: string
  /** 联系电话 (personal data) */
  phone: string
  /** 身份证号 (personal data) */
  idNumber?: string | null
  sector: ParticipantSector
  /** 报名理由 */
  statement?: string | null
  registeredAt: string
  /** 遴选结果 */
  status: RegistrationStatus
  /** 公开显示名称 once selected */
  displayName?: string | null
  /** 遴选理由 */
  selectionReason?: string | null
}

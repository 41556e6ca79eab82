import type { InterpretationForm, MeetingKind, ValidityStatus, WorkflowState } from '@gongkai/core'
import type { CollectionConfig, RichTextAdapterProvider } from 'payload'

import type { Agency, Decision, Participation, Policy } from './generated/payload-types.js'

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
   * The holder renews it every third of it while it delivers.
   * @default 30000
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
  agencyId?: (agency: Agency) => string
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

/*
 * Document types. They are generated from the collections by Payload's type generator (`payload generate:types`
 * on a config with the plugin and its default options: scripts/payloadTypes.config.ts) into
 * src/generated/payload-types.ts, so they cannot drift from the fields; test/generatedTypes.test.ts fails when the
 * committed file is stale. An app that changes the options (slugs, 有效性 statuses, overrides) should generate its
 * own types with `payload generate:types`; these describe the defaults.
 */
export type {
  Agency,
  Decision,
  DecisionCatalogue,
  Interpretation,
  Participation,
  Policy,
  Topic,
  GongkaiAttachment as Attachment,
  GongkaiAuditLog as AuditLogEntry,
  ParticipationRegistration as Registration,
} from './generated/payload-types.js'

/** One public comment received on a decision draft. */
export type PublicComment = NonNullable<Decision['publicComments']>[number]

/** One 执行情况 record of a decision. */
export type ImplementationRecord = NonNullable<Decision['implementationRecords']>[number]

/** One participant, shown publicly under a display name without personal data. */
export type Participant = NonNullable<Participation['participants']>[number]

/** One opinion expressed by a participant. */
export type Opinion = NonNullable<Participation['opinions']>[number]

/** 工作流状态 (see the README's Workflow section): core's `WorkflowState`. */
export type WorkflowStateValue = WorkflowState

/** Fields the editorial workflow adds to policies, interpretations, decisions, participation and catalogues (written only by it). */
export type WorkflowFields = Pick<Policy, 'workflowState' | 'ruleWarnings' | 'lastEditedBy' | 'contentChangedAt' | 'workflow'>

/** 推送渠道: the editor's choice of new-media channels (names of `delivery.channels`); the library gets every 主动公开 document. */
export type DeliveryChannelsField = Pick<Policy, 'deliveryChannels'>

/** 保密审查 record on policies, interpretations, decisions, participation and catalogues (written only by the record-review action). */
export type ConfidentialityReviewFields = Pick<Policy, 'confidentialityReview'>

/** Policies only: 公开属性 review date and 有效性 history. */
export type PolicyWorkflowFields = Pick<Policy, 'nextDisclosureReviewDate' | 'validityHistory'>

import type { InterpretationForm } from '@gongkai/core'

import type { GongkaiSlugs, LabelLanguage, LocalizedLabel } from './types.js'

/** Collection slugs used when `slugs` does not override them. */
export const defaultSlugs = {
  agencies: 'agencies',
  topics: 'topics',
  policies: 'policies',
  interpretations: 'interpretations',
  decisions: 'decisions',
  participation: 'participation',
  registrations: 'participation-registrations',
  catalogues: 'decision-catalogues',
  attachments: 'gongkai-attachments',
  auditLog: 'gongkai-audit-log',
  indexCounters: 'gongkai-index-counters',
} as const satisfies GongkaiSlugs

/** The admin sidebar group every Gongkai collection is listed under. */
export const defaultAdminGroup: LocalizedLabel = { zh: '政务公开', en: 'Government Disclosure' }

export const defaultLabelLanguages: readonly LabelLanguage[] = ['zh', 'en']

/** 征求意见 must last at least this many days (重大行政决策程序暂行条例 art. 15: generally not less than 30 days). */
export const defaultCommentPeriodMinDays = 30

export const defaultMaxVersionsPerDoc = 50

/** Calendar dates (成文日期, 发布日期, comment periods) are compared as days in this time zone. */
export const defaultTimeZone = 'Asia/Shanghai'

/** 解读形式 that are videos: they need an uploaded video or a video URL. */
export const defaultVideoInterpretationForms: readonly InterpretationForm[] = ['animation', 'short_video']

/**
 * MIME types the plugin's own attachments collection accepts: documents as governments publish them
 * (PDF, OFD, Word/WPS, Excel, PowerPoint, plain text), images, audio and video. Executables and archives are refused.
 */
export const defaultAttachmentMimeTypes: readonly string[] = [
  'application/pdf',
  'application/ofd',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/wps-office.wps',
  'text/plain',
  'text/csv',
  'image/*',
  'audio/*',
  'video/*',
]

/** 公开属性 of 依申请公开 and 不予公开 documents is reviewed again after this many months. */
export const defaultDisclosureReviewIntervalMonths = 12

/** Jobs queue of the scheduled-publication task. */
export const defaultJobsQueue = 'gongkai'

/** Jobs queue of delivery jobs. */
export const defaultDeliveryQueue = 'gongkai-delivery'

/** Collection of delivery records (one per document version and target). */
export const defaultDeliveriesSlug = 'deliveries'

/** Internal collection of channel progress and encrypted provisioned tokens. */
export const defaultDeliveryStoreSlug = 'gongkai-delivery-store'

export const defaultDeliveryRetry = { attempts: 8, initialDelayMs: 2000, maxDelayMs: 600_000 } as const

/** Follow-up of posts a platform still reviews: first check after 30 s, at most every 15 min, for a day. */
export const defaultDeliveryStatusCheck = { initialDelayMs: 30_000, maxDelayMs: 900_000, timeoutMs: 86_400_000 } as const

export const defaultDeliveryPollIntervalMs = 5000

/**
 * A worker renews its lease every third of it while it delivers, so 30 s (as BullMQ's lock) only lets another
 * worker take over when the holder is gone: a process killed mid-attempt (as `next start` exits on SIGTERM
 * without stopping Payload) has its delivery taken over by the next start within half a minute, not minutes.
 */
export const defaultDeliveryLeaseMs = 30_000

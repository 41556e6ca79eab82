import { defaultCountedMeetingKinds, defaultParticipationTarget, defaultValidityStatuses, isOptionValue, meetingKinds, topicTaxonomy } from '@gongkai/core'
import type { Config } from 'payload'

import {
  defaultAdminGroup,
  defaultCommentPeriodMinDays,
  defaultDisclosureReviewIntervalMonths,
  defaultJobsQueue,
  defaultLabelLanguages,
  defaultMaxVersionsPerDoc,
  defaultSlugs,
  defaultTimeZone,
  defaultVideoInterpretationForms,
} from './defaults.js'
import { sanitizeDeliveryOptions } from './delivery/sanitizeDeliveryOptions.js'
import type { GongkaiPluginOptions, GongkaiSlugs, SanitizedGongkaiPluginOptions, ValidityStatusOption } from './types.js'

const enumValuePattern = /^[a-z][a-z0-9_]*$/

function configError(message: string): Error {
  return new Error(`gongkaiPlugin: ${message}`)
}

function sanitizeValidityStatuses(statuses: readonly ValidityStatusOption[] | undefined): readonly ValidityStatusOption[] {
  const list: readonly ValidityStatusOption[] =
    statuses ??
    defaultValidityStatuses.map((status) => ({
      value: status.value,
      label: { zh: status.label.zh, en: status.label.en },
      requiresExpiryDate: 'requiresExpiryDate' in status && status.requiresExpiryDate,
      requiresReplacement: 'requiresReplacement' in status && status.requiresReplacement,
    }))
  if (list.length === 0) throw configError('validityStatuses must list at least one status')
  const seen = new Set<string>()
  for (const status of list) {
    if (!enumValuePattern.test(status.value)) {
      throw configError(`validityStatuses value "${status.value}" must be ASCII snake_case (it becomes a database enum value)`)
    }
    if (seen.has(status.value)) throw configError(`validityStatuses lists "${status.value}" twice`)
    seen.add(status.value)
  }
  return list
}

/** Applies defaults once and checks the options against the config they will extend. */
export function sanitizeOptions(options: GongkaiPluginOptions, config: Config): SanitizedGongkaiPluginOptions {
  const slugs: GongkaiSlugs = { ...defaultSlugs, ...options.slugs }
  const slugValues = Object.values(slugs)
  const duplicate = slugValues.find((slug, index) => slugValues.indexOf(slug) !== index)
  if (duplicate) throw configError(`two collections would share the slug "${duplicate}"`)

  const hasOwnUploadsCollection = options.uploadsCollection === undefined
  const ownSlugs = Object.entries(slugs)
    .filter(([key]) => key !== 'attachments' || hasOwnUploadsCollection)
    .map(([, slug]) => slug)
  for (const collection of config.collections ?? []) {
    if (ownSlugs.includes(collection.slug)) {
      throw configError(
        `the config already has a collection "${collection.slug}"; give the plugin another slug with the \`slugs\` option`,
      )
    }
  }
  if (options.uploadsCollection !== undefined) {
    const uploads = config.collections?.find((collection) => collection.slug === options.uploadsCollection)
    if (!uploads) {
      throw configError(
        `uploadsCollection "${options.uploadsCollection}" is not in the config; add it before gongkaiPlugin or omit the option to use the plugin's own attachments collection`,
      )
    }
    if (!uploads.upload) throw configError(`uploadsCollection "${options.uploadsCollection}" is not an upload collection`)
  }

  const commentPeriodMinDays = options.commentPeriodMinDays ?? defaultCommentPeriodMinDays
  if (!Number.isInteger(commentPeriodMinDays) || commentPeriodMinDays < 0) {
    throw configError('commentPeriodMinDays must be a whole number of days ≥ 0')
  }
  const maxVersionsPerDoc = options.maxVersionsPerDoc ?? defaultMaxVersionsPerDoc
  if (!Number.isInteger(maxVersionsPerDoc) || maxVersionsPerDoc < 0) {
    throw configError('maxVersionsPerDoc must be a whole number ≥ 0 (0 keeps every version)')
  }
  const timeZone = options.timeZone ?? defaultTimeZone
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone })
  } catch {
    throw configError(`timeZone "${timeZone}" is not an IANA time zone`)
  }
  const labelLanguages = options.labelLanguages ?? defaultLabelLanguages
  if (labelLanguages.length === 0) throw configError('labelLanguages must name at least one language')

  const authCollections = (config.collections ?? []).filter((collection) => Boolean(collection.auth))
  const usersSlug = options.usersCollection ?? config.admin?.user ?? authCollections[0]?.slug ?? 'users'
  const hasOwnUsersCollection = authCollections.length === 0 && options.usersCollection === undefined && config.admin?.user === undefined
  if (!hasOwnUsersCollection && !authCollections.some((collection) => collection.slug === usersSlug)) {
    throw configError(`usersCollection "${usersSlug}" is not an auth collection in the config; add it before gongkaiPlugin`)
  }

  const disclosureReviewIntervalMonths = options.disclosureReviewIntervalMonths ?? defaultDisclosureReviewIntervalMonths
  if (!Number.isInteger(disclosureReviewIntervalMonths) || disclosureReviewIntervalMonths < 1) {
    throw configError('disclosureReviewIntervalMonths must be a whole number of months ≥ 1')
  }
  const indexNumberFormat = options.indexNumberFormat ?? 'year'
  if (indexNumberFormat !== 'year' && indexNumberFormat !== 'year_month') {
    throw configError(`indexNumberFormat must be 'year' or 'year_month', not "${String(indexNumberFormat)}"`)
  }

  const participationTarget = options.participationTarget ?? defaultParticipationTarget
  if (!Number.isInteger(participationTarget) || participationTarget < 0 || participationTarget > 1000) {
    throw configError('participationTarget must be a whole number of meetings between 0 and 1000')
  }
  const countedMeetingKinds = options.countedMeetingKinds ?? defaultCountedMeetingKinds
  const unknownKind = countedMeetingKinds.find((kind) => !isOptionValue(meetingKinds, kind))
  if (unknownKind !== undefined) throw configError(`countedMeetingKinds lists "${String(unknownKind)}", which is not a meetingKinds value`)

  return {
    isDisabled: options.disabled ?? false,
    slugs,
    uploadsSlug: options.uploadsCollection ?? slugs.attachments,
    hasOwnUploadsCollection,
    validityStatuses: sanitizeValidityStatuses(options.validityStatuses),
    commentPeriodMinDays,
    shouldSeedTopics: options.seedTopics ?? true,
    topicTaxonomy: options.topicTaxonomy ?? topicTaxonomy,
    labelLanguages,
    adminGroup: options.adminGroup ?? defaultAdminGroup,
    editor: options.editor,
    maxVersionsPerDoc,
    timeZone,
    videoInterpretationForms: options.videoInterpretationForms ?? defaultVideoInterpretationForms,
    overrides: options.overrides ?? {},
    usersSlug,
    hasOwnUsersCollection,
    indexNumberFormat,
    disclosureReviewIntervalMonths,
    jobsQueue: options.jobsQueue ?? defaultJobsQueue,
    delivery: sanitizeDeliveryOptions(options.delivery),
    participationTarget,
    countedMeetingKinds,
    shouldReplaceDashboard: options.workbench ?? true,
  }
}

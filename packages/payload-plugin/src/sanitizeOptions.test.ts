import type { Config } from 'payload'
import { describe, expect, it } from 'vitest'

import { defaultSlugs } from './defaults.js'
import { sanitizeOptions } from './sanitizeOptions.js'

const emptyConfig = {} as Partial<Config> as Config
const baseConfig = {
  collections: [
    { slug: 'media', upload: true, fields: [] },
    { slug: 'pages', fields: [] },
  ],
} as Partial<Config> as Config

describe('sanitizeOptions', () => {
  it('applies the defaults', () => {
    const options = sanitizeOptions({}, emptyConfig)
    expect(options).toMatchObject({
      isDisabled: false,
      slugs: defaultSlugs,
      uploadsSlug: 'gongkai-attachments',
      hasOwnUploadsCollection: true,
      commentPeriodMinDays: 30,
      shouldSeedTopics: true,
      labelLanguages: ['zh', 'en'],
      timeZone: 'Asia/Shanghai',
      maxVersionsPerDoc: 50,
      videoInterpretationForms: ['animation', 'short_video'],
      participationTarget: 3,
      countedMeetingKinds: ['executive_meeting', 'plenary_meeting'],
    })
    expect(options.validityStatuses.map((status) => [status.value, status.label.zh, !!status.requiresExpiryDate, !!status.requiresReplacement])).toEqual([
      ['effective', '有效', false, false],
      ['expired', '失效', true, false],
      ['repealed', '废止', true, false],
      ['amended', '已修订', false, true],
    ])
    expect(options.topicTaxonomy.length).toBeGreaterThan(20)
  })

  it('refuses a participation target that is not a whole number and meeting kinds that do not exist', () => {
    expect(() => sanitizeOptions({ participationTarget: 2.5 }, emptyConfig)).toThrow('participationTarget must be a whole number of meetings between 0 and 1000')
    expect(() => sanitizeOptions({ participationTarget: -1 }, emptyConfig)).toThrow('participationTarget')
    expect(() => sanitizeOptions({ countedMeetingKinds: ['party' as never] }, emptyConfig)).toThrow('countedMeetingKinds lists "party", which is not a meetingKinds value')
    expect(sanitizeOptions({ participationTarget: 5, countedMeetingKinds: ['special_meeting'] }, emptyConfig)).toMatchObject({ participationTarget: 5, countedMeetingKinds: ['special_meeting'] })
  })

  it('uses an existing upload collection', () => {
    const options = sanitizeOptions({ uploadsCollection: 'media' }, baseConfig)
    expect(options).toMatchObject({ uploadsSlug: 'media', hasOwnUploadsCollection: false })
  })

  it.each([
    [{ uploadsCollection: 'files' }, /uploadsCollection "files" is not in the config/],
    [{ uploadsCollection: 'pages' }, /uploadsCollection "pages" is not an upload collection/],
    [{ slugs: { policies: 'pages' } }, /already has a collection "pages"/],
    [{ slugs: { policies: 'topics' } }, /two collections would share the slug "topics"/],
    [{ validityStatuses: [] }, /at least one status/],
    [{ validityStatuses: [{ value: '有效', label: { zh: '有效', en: 'Valid' } }] }, /must be ASCII snake_case/],
    [{ commentPeriodMinDays: -1 }, /commentPeriodMinDays/],
    [{ timeZone: 'Mars/Olympus' }, /not an IANA time zone/],
    [{ labelLanguages: [] }, /labelLanguages/],
  ])('rejects %o with a clear message', (options, message) => {
    expect(() => sanitizeOptions(options, baseConfig)).toThrow(message)
  })

  it('defaults the 列席会议 target to 3 and the workbench to on, and refuses a target that is not a whole number ≥ 0', () => {
    expect(sanitizeOptions({}, emptyConfig)).toMatchObject({ participationTarget: 3, shouldReplaceDashboard: true })
    expect(sanitizeOptions({ participationTarget: 6, workbench: false }, emptyConfig)).toMatchObject({ participationTarget: 6, shouldReplaceDashboard: false })
    expect(() => sanitizeOptions({ participationTarget: -1 }, emptyConfig)).toThrow('participationTarget must be a whole number of meetings between 0 and 1000')
    expect(() => sanitizeOptions({ participationTarget: 2.5 }, emptyConfig)).toThrow('participationTarget must be a whole number of meetings between 0 and 1000')
  })
})

/**
 * What the sensitive-content scanner looks for:
 * - `resident_id` 居民身份证号 (only numbers passing the GB 11643 check digit and birth-date test)
 * - `mobile` 手机号 (mainland mobile numbers)
 * - `bank_card` 银行卡号 (16–19 digits passing Luhn)
 * - `email` 电子邮箱
 * - `classification_mark` 密级标志 such as `秘密★1年`, `机密★20年`, `绝密★启用前`
 * - `internal_mark` 内部标志 such as 内部资料, 内部文件, 注意保密, 不得外传
 */
export type FindingKind =
  | 'resident_id'
  | 'mobile'
  | 'bank_card'
  | 'email'
  | 'classification_mark'
  | 'internal_mark'

/** What a finding's message says (see {@link Finding.code}). */
export type FindingCode = 'resident_id' | 'legacy_resident_id' | 'mobile' | 'bank_card' | 'email' | 'classification_mark' | 'classification_mark_too_long' | 'internal_mark'

/** The values a finding's message quotes. */
export type FindingParams = { match: string; level?: string; maxYears?: number; years?: number }

/** `blocking`: must be resolved before publishing; `warning`: an editor should look at it. */
export type Severity = 'blocking' | 'warning'

/** Every finding kind, in the order they take precedence when two findings overlap. */
export const findingKinds = [
  'resident_id',
  'classification_mark',
  'bank_card',
  'email',
  'mobile',
  'internal_mark',
] as const satisfies readonly FindingKind[]

/**
 * Default severity of each kind: ID numbers, mobile numbers and 密级 marks block publishing (a document
 * with any 密级 must never be published; ID and phone numbers are personal information under 民法典
 * art. 1034, and a mobile number is almost always a person's); the rest are warnings because they are
 * often legitimately public (an office e-mail, a fee account). Where a mobile is an office's published
 * hotline, `severities: { mobile: 'warning' }` relaxes it.
 */
export const defaultSeverities: Readonly<Record<FindingKind, Severity>> = {
  resident_id: 'blocking',
  classification_mark: 'blocking',
  mobile: 'blocking',
  bank_card: 'warning',
  email: 'warning',
  internal_mark: 'warning',
}

/**
 * One piece of sensitive content. `start`/`end` are UTF-16 offsets (`text.slice(start, end) === match`)
 * into the scanned text; for rich text they are offsets into the text content of the block
 * (paragraph, heading, list item, …) that `path` points to.
 */
export type Finding = {
  kind: FindingKind
  severity: Severity
  start: number
  end: number
  /** The text as it appears in the input. */
  match: string
  /**
   * Suggested replacement: `35*************123` for an ID number, `138****1234` for a mobile,
   * `6222********1234` for a bank card, `z***@example.com` for an e-mail. Marks are returned unchanged:
   * hiding a 密级 mark does not make a classified document publishable — its 密级 has to be resolved.
   */
  masked: string
  /** Chinese message for the editor. */
  message: string
  /**
   * What `message` says, as a code and its values, for an application that words it in another language:
   * `resident_id`, `legacy_resident_id` (15 digits), `mobile`, `bank_card`, `email`, `classification_mark`,
   * `classification_mark_too_long` (`level`, `maxYears`, `years`: the 保密期限 exceeds the level's maximum),
   * `internal_mark`. `match` is the text found.
   */
  code: FindingCode
  params: FindingParams
  /**
   * Rich text only: path from the editor state to the block whose text content `start`/`end` index,
   * e.g. `['root', 'children', 2]`; usable with lodash `get`.
   */
  path?: (string | number)[]
}

/** Options shared by the scanner functions. */
export type ScanOptions = {
  /**
   * Override the severity of some kinds, e.g. `{ mobile: 'blocking' }` where a local rule forbids
   * publishing any phone number.
   * @default defaultSeverities
   */
  severities?: Partial<Record<FindingKind, Severity>>
  /**
   * Only look for these kinds.
   * @default all kinds
   */
  kinds?: readonly FindingKind[]
  /**
   * Also report 15-digit first-generation ID numbers (with a valid `YYMMDD` birth date). They carry
   * no check digit, so this produces false positives on other 15-digit numbers; off by default.
   * @default false
   */
  shouldIncludeLegacyResidentIds?: boolean
  /**
   * Reference date for "birth date not in the future" in ID numbers.
   * @default new Date()
   */
  today?: Date
}

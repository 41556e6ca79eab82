import { classificationMaxYears, type ClassificationLevel } from '../enumerations'
import { passesLuhn } from '../identifiers/bankCard'
import { validateResidentId } from '../identifiers/residentId'
import { toHalfWidth } from '../toHalfWidth'
import { defaultSeverities, findingKinds, type Finding, type FindingKind, type ScanOptions } from './finding'
import { maskBankCard, maskEmail, maskMobileNumber, maskResidentId } from './masks'

type Span = { start: number; end: number }
type Candidate = Omit<Finding, 'severity' | 'path'>

// All patterns run on toHalfWidth(text), which has the same offsets as the input.
// "Not part of a longer token": no digit or Latin letter directly before/after, no decimal point
// joining another number (so 13812345678.5 or a serial inside an order number is left alone).
const BEFORE = String.raw`(?<![0-9A-Za-z])(?<![0-9]\.)`
const AFTER = String.raw`(?![0-9A-Za-z])(?!\.[0-9])`

const RESIDENT_ID = new RegExp(String.raw`${BEFORE}(?:\d{17}[\dXx]|\d{6}([ -])\d{8}\1\d{3}[\dXx])${AFTER}`, 'gu')
const LEGACY_RESIDENT_ID = new RegExp(String.raw`${BEFORE}\d{15}${AFTER}`, 'gu')
// 16–19 digits, either unbroken or in groups of four with one consistent separator.
const BANK_CARD = new RegExp(
  String.raw`${BEFORE}(?<![0-9][ -])(?:\d{16,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?)${AFTER}(?![ -][0-9])`,
  'gu',
)
// 11 digits 1[3-9]…, unbroken or grouped 3-4-4 with one consistent separator, optional +86 prefix.
const MOBILE = new RegExp(
  String.raw`${BEFORE}(?<!\+)(?:(?:\+|00)?86[ -]?)?1[3-9]\d(?:\d{8}|([ -])\d{4}\1\d{4}(?![ -][0-9]))${AFTER}`,
  'gu',
)
const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}(?![A-Za-z0-9-])/gu
// URLs end at whitespace, quotes, CJK punctuation or Han characters.
const URL = /(?:(?:https?|ftp):\/\/|www\.)[^\s<>"'“”‘’()（）【】《》，。；：！？、\u3000-\u303f\u4e00-\u9fff]+/giu
// 索引号 (前段码/后段码) — its serials must not be taken for phone or card numbers.
const INDEX_NUMBER = /(?<![0-9A-Za-z])[0-9A-Za-z]{9}(?:[0-9A-Za-z]{9})?\/\d{4}(?:\d{2})?-\d{5}(?![0-9])/gu

const LEVEL = '(绝密|机密|秘密)'
const STAR = '[★☆✩✭✮✯*]'
const PERIOD = String.raw`(?:[ \t]*(?:(\d{1,3}|[一二三四五六七八九十两]{1,3})[ \t]*(年|个月)|长期|启用前|解密前))?`
const CLASSIFICATION_WITH_STAR = new RegExp(String.raw`${LEVEL}[ \t]*${STAR}${PERIOD}`, 'gu')
const CLASSIFICATION_FIELD = new RegExp(String.raw`密级[ \t]*[:]?[ \t]*${LEVEL}(?:[ \t]*${STAR}${PERIOD})?`, 'gu')
// A level alone on its line (how a mark sits at the top of a document when typed without ★).
// Inside prose the words are ordinary vocabulary (商业秘密, “绝密”“机密”“秘密”三级) and are not flagged.
const CLASSIFICATION_ALONE = new RegExp(String.raw`(?<=^|\n)[ \t]*${LEVEL}(?:[ \t]+(\d{1,3})(年))?[ \t]*(?=\r?\n|$)`, 'gu')
const INTERNAL_MARK =
  /内部(?:资料|文件|材料|参考|发行)|仅供内部(?:使用|参考|传阅)?|限内部使用|注意保密|(?:不得|严禁|禁止|请勿|不准)外传/gu

const LEVEL_VALUES: Record<string, Exclude<ClassificationLevel, 'unclassified'>> = {
  秘密: 'secret',
  机密: 'confidential',
  绝密: 'top_secret',
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/** 1–99 written in Chinese numerals (十, 二十, 十五, 三十) or ASCII digits. */
function parseSmallNumber(text: string): number | undefined {
  if (/^\d+$/u.test(text)) return Number(text)
  const match = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(text)
  if (!match) return undefined
  const [, tens, ten, ones] = match
  if (!ten) return tens && !ones ? CHINESE_DIGITS[tens] : undefined
  return (tens ? CHINESE_DIGITS[tens]! : 1) * 10 + (ones ? CHINESE_DIGITS[ones]! : 0)
}

/**
 * Marks which characters of the text are covered, so "does this span overlap anything taken?" costs
 * the span's length instead of a pass over every earlier span (long documents have many findings).
 */
function coverage(length: number): { add: (span: Span) => void; isCovered: (span: Span) => boolean } {
  const covered = new Uint8Array(length)
  return {
    add: (span) => covered.fill(1, span.start, span.end),
    isCovered: (span) => covered.subarray(span.start, span.end).includes(1),
  }
}

function* matches(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  pattern.lastIndex = 0
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    yield match
    if (match[0] === '') pattern.lastIndex++
  }
}

function classificationCandidate(text: string, match: RegExpExecArray, levelGroup = 1): Candidate {
  let start = match.index
  let matched = match[0]
  // Trim the surrounding blanks a whole-line match may include.
  const leading = matched.length - matched.trimStart().length
  start += leading
  matched = matched.trim()
  const levelText = match[levelGroup]!
  const level = LEVEL_VALUES[levelText]!
  const amount = match[levelGroup + 1]
  const unit = match[levelGroup + 2]
  const original = text.slice(start, start + matched.length)
  let message = `发现密级标志“${original}”：标有密级的文件不得公开发布，请核实密级`
  if (amount !== undefined && unit === '年') {
    const years = parseSmallNumber(amount)
    const maxYears = classificationMaxYears[level]
    if (years !== undefined && years > maxYears) {
      message += `（${levelText}级保密期限最长${maxYears}年，标注的${years}年超出上限）`
    }
  }
  const end = start + matched.length
  return { kind: 'classification_mark', start, end, match: original, masked: original, message }
}

const MESSAGES = {
  resident_id: '发现居民身份证号，公开前应屏蔽，只保留前2位和后3位',
  legacy_resident_id: '发现疑似15位旧版居民身份证号，公开前应屏蔽，只保留前2位和后3位',
  mobile: '发现手机号码，如属个人信息，公开前应屏蔽中间4位',
  bank_card: '发现银行卡号，公开前应屏蔽，只保留前4位和后4位',
  email: '发现电子邮箱地址，如属个人信息，公开前应屏蔽',
}

function findCandidates(
  text: string,
  normalized: string,
  kinds: ReadonlySet<FindingKind>,
  options: ScanOptions,
): Candidate[] {
  const candidates: Candidate[] = []
  const spanOf = (match: RegExpExecArray): Span & { match: string } => ({
    start: match.index,
    end: match.index + match[0].length,
    match: text.slice(match.index, match.index + match[0].length),
  })
  const spansOf = (pattern: RegExp): (Span & { match: string })[] => [...matches(pattern, normalized)].map(spanOf)
  const today = options.today

  // A 索引号's 前段码 is an organisation's code, and an all-digit credit code can pass the ID checksum.
  const indexNumbers = coverage(text.length)
  const indexNumberSpans = spansOf(INDEX_NUMBER)
  for (const span of indexNumberSpans) indexNumbers.add(span)

  if (kinds.has('resident_id')) {
    for (const span of spansOf(RESIDENT_ID)) {
      const digits = toHalfWidth(span.match).replace(/[ -]/gu, '')
      if (!validateResidentId(digits, { today }).ok || indexNumbers.isCovered(span)) continue
      const masked = maskResidentId(span.match)
      candidates.push({ kind: 'resident_id', ...span, masked, message: MESSAGES.resident_id })
    }
    if (options.shouldIncludeLegacyResidentIds) {
      for (const span of spansOf(LEGACY_RESIDENT_ID)) {
        const isValid = validateResidentId(span.match, { today, allowLegacy: true }).ok
        if (!isValid || indexNumbers.isCovered(span)) continue
        const masked = maskResidentId(span.match)
        candidates.push({ kind: 'resident_id', ...span, masked, message: MESSAGES.legacy_resident_id })
      }
    }
  }

  if (kinds.has('classification_mark')) {
    for (const pattern of [CLASSIFICATION_FIELD, CLASSIFICATION_WITH_STAR, CLASSIFICATION_ALONE]) {
      for (const match of matches(pattern, normalized)) candidates.push(classificationCandidate(text, match))
    }
  }

  // Numbers inside URLs, e-mail addresses and 索引号 identify pages, mailboxes and documents;
  // they are not phone or card numbers.
  const emails = spansOf(EMAIL)
  const shielded = coverage(text.length)
  for (const span of [...spansOf(URL), ...indexNumberSpans, ...emails]) shielded.add(span)

  if (kinds.has('email')) {
    for (const span of emails) {
      candidates.push({ kind: 'email', ...span, masked: maskEmail(span.match), message: MESSAGES.email })
    }
  }
  if (kinds.has('bank_card')) {
    for (const span of spansOf(BANK_CARD)) {
      if (shielded.isCovered(span) || !passesLuhn(toHalfWidth(span.match).replace(/[ -]/gu, ''))) continue
      candidates.push({ kind: 'bank_card', ...span, masked: maskBankCard(span.match), message: MESSAGES.bank_card })
    }
  }
  if (kinds.has('mobile')) {
    for (const span of spansOf(MOBILE)) {
      if (shielded.isCovered(span)) continue
      candidates.push({ kind: 'mobile', ...span, masked: maskMobileNumber(span.match), message: MESSAGES.mobile })
    }
  }
  if (kinds.has('internal_mark')) {
    for (const span of spansOf(INTERNAL_MARK)) {
      const message = `发现内部标志“${span.match}”，请确认该内容可以公开`
      candidates.push({ kind: 'internal_mark', ...span, masked: span.match, message })
    }
  }
  return candidates
}

/**
 * Finds sensitive content in plain text: 居民身份证号 (checksum and birth date verified — a number that
 * fails is not reported), mobile numbers, bank card numbers (Luhn-valid, never overlapping an ID),
 * e-mail addresses, 密级 marks and internal-use marks. Full-width digits and `3-4-4` / `4-4-4-4`
 * groupings with spaces or hyphens are recognised; a number inside a longer digit run, a decimal,
 * a URL, an e-mail address or a 索引号 is not taken for a phone or card number.
 *
 * Findings never overlap and are sorted by `start`.
 *
 * @example
 * scanText('联系人手机13812345678')
 * // [{ kind: 'mobile', severity: 'warning', start: 5, end: 16, match: '13812345678', masked: '138****5678', message: '发现手机号码…' }]
 */
export function scanText(text: string, options: ScanOptions = {}): Finding[] {
  if (typeof text !== 'string' || text === '') return []
  const kinds = new Set(options.kinds ?? findingKinds)
  const severities = { ...defaultSeverities, ...options.severities }
  const candidates = findCandidates(text, toHalfWidth(text), kinds, options)

  // Resolve overlaps by kind precedence (findingKinds order), then the longer match, then the earlier.
  const rank = (kind: FindingKind): number => findingKinds.indexOf(kind)
  candidates.sort((a, b) => rank(a.kind) - rank(b.kind) || b.end - b.start - (a.end - a.start) || a.start - b.start)
  const kept: Candidate[] = []
  const taken = coverage(text.length)
  for (const candidate of candidates) {
    if (taken.isCovered(candidate)) continue
    taken.add(candidate)
    kept.push(candidate)
  }
  return kept
    .sort((a, b) => a.start - b.start)
    .map((candidate) => ({ ...candidate, severity: severities[candidate.kind] }))
}

/**
 * Returns `text` with every finding replaced by its `masked` form. Without `findings` it scans first
 * (with `options`). Findings must refer to this same text (as returned by {@link scanText}); of two
 * overlapping findings the one starting first is applied, and findings outside the text are ignored.
 *
 * @example maskText('身份证11010519491231002X') // '身份证11*************02X'
 */
export function maskText(text: string, findings?: readonly Finding[], options?: ScanOptions): string {
  const ordered = [...(findings ?? scanText(text, options))].sort((a, b) => a.start - b.start || b.end - a.end)
  const pieces: string[] = []
  let cursor = 0
  for (const finding of ordered) {
    // Skip findings that overlap one already applied or do not belong to this text.
    if (finding.start < cursor || finding.end > text.length || finding.end < finding.start) continue
    pieces.push(text.slice(cursor, finding.start), finding.masked)
    cursor = finding.end
  }
  pieces.push(text.slice(cursor))
  return pieces.join('')
}

/** Whether any finding blocks publishing. */
export function hasBlockingFindings(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === 'blocking')
}

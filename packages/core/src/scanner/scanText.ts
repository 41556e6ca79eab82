import { classificationMaxYears, type ClassificationLevel } from '../enumerations.js'
import { passesLuhn } from '../identifiers/bankCard.js'
import { validateResidentId } from '../identifiers/residentId.js'
import { validateIndexPrefix } from '../indexNumber.js'
import { defaultSeverities, findingKinds, type Finding, type FindingKind, type ScanOptions } from './finding.js'
import { foldForScan, type FoldedText } from './foldForScan.js'
import { maskBankCard, maskEmail, maskMobileNumber, maskResidentId } from './masks.js'

type Span = { start: number; end: number }
type Candidate = Omit<Finding, 'severity' | 'path'>

// All patterns run on foldForScan(text): full-width forms, every kind of space, dashes and traditional
// 密级 characters folded, invisible characters removed. Spans are mapped back to the original text.
// "Not part of a longer token": no digit or Latin letter directly before/after, no decimal point
// joining another number (so 13812345678.5 or a serial inside an order number is left alone).
const BEFORE = String.raw`(?<![0-9A-Za-z])(?<![0-9]\.)`
const AFTER = String.raw`(?![0-9A-Za-z])(?!\.[0-9])`
// ID numbers are verified (checksum, birth date, province), so only digits bound them: `ID120114…`
// and `身份证号:120114…` are both IDs.
const NOT_AFTER_NUMBER = String.raw`(?<![0-9])(?<![0-9]\.)`
const ID_CHECK = '[0-9Xx×]'

// 18 characters, unbroken or in groups separated by one or two spaces or a hyphen (6-8-4, 6-4-4-4,
// 4-4-4-4-2 …); the grouping itself is checked in code (one separator kind, groups of two or more).
const RESIDENT_ID = new RegExp(
  String.raw`${NOT_AFTER_NUMBER}\d(?:[ -]{0,2}\d){16}[ -]{0,2}${ID_CHECK}(?![0-9])(?!\.[0-9])`,
  'gu',
)
// The first and the last 18 characters of a longer digit run: an ID run together with a mobile
// number or another number (`13812345678120114198506124877`). The first:
const RESIDENT_ID_AT_RUN_START = new RegExp(String.raw`${NOT_AFTER_NUMBER}\d{17}${ID_CHECK}(?=[0-9])`, 'gu')
// A whole digit run, anchored at its start so the engine does not try every position inside a long
// run, and with nothing after it that could fail and make it backtrack: what follows (a digit after
// an X, a decimal part) is checked in code, and so are the run's last 18 characters.
const DIGIT_RUN = new RegExp(String.raw`${NOT_AFTER_NUMBER}\d{18,}[Xx×]?`, 'gu')
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
// Domain labels are written `[A-Za-z0-9](?:-*[A-Za-z0-9])*` (no hyphen at either end) rather than
// `[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?`, whose two overlapping parts backtrack polynomially.
const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@(?:[A-Za-z0-9](?:-*[A-Za-z0-9])*\.)+[A-Za-z]{2,}(?![A-Za-z0-9-])/gu
// URLs end at whitespace, quotes, CJK punctuation or Han characters.
const URL = /(?:(?:https?|ftp):\/\/|www\.)[^\s<>"'“”‘’()（）【】《》，。；：！？、\u3000-\u303f\u4e00-\u9fff]+/giu
// 索引号 (前段码/后段码) — its serials must not be taken for phone or card numbers. Shielded only when
// the 前段码 is a valid organisation or credit code (checked in code).
const INDEX_NUMBER = /(?<![0-9A-Za-z])([0-9A-Za-z]{9}(?:[0-9A-Za-z]{9})?)\/\d{4}(?:\d{2})?-\d{5}(?![0-9])/gu

// A level, with a space allowed inside (`秘\u3000密★1年` after folding the ideographic space).
const LEVEL = '(绝 ?密|机 ?密|秘 ?密)'
const STAR = '[★☆✩✭✮✯*]'
const PERIOD = String.raw`(?: *(?:(\d{1,3}|[一二三四五六七八九十两]{1,3}) *(年|个月)|长期|启用前|解密前))?`
const CLASSIFICATION_WITH_STAR = new RegExp(String.raw`${LEVEL} *${STAR}${PERIOD}`, 'gu')
// One run of spaces on each side of the optional colon: `密级[ \t]*:?[ \t]*` backtracked
// quadratically on a long run of blanks with no colon.
const CLASSIFICATION_FIELD = new RegExp(String.raw`密 ?级 *(?:: *)?${LEVEL}(?: *${STAR}${PERIOD})?`, 'gu')
// A level alone on its line (how a mark sits at the top of a document when typed without ★).
// Inside prose the words are ordinary vocabulary (商业秘密, “绝密”“机密”“秘密”三级) and are not flagged.
const CLASSIFICATION_ALONE = new RegExp(String.raw`(?<=^|\n) *${LEVEL}(?: +(\d{1,3})(年))? *(?=\r?\n|$)`, 'gu')
const INTERNAL_MARK =
  /内部(?:资料|文件|材料|参考|发行)|仅供内部(?:使用|参考|传阅)?|限内部使用|注意保密|(?:不得|严禁|禁止|请勿|不准)外传/gu

/**
 * Every pattern the scanner runs, exported so the test suite can check each with a ReDoS analyser
 * (a pattern added here is checked automatically). Not part of the package's public API.
 */
export const scannerPatterns = {
  RESIDENT_ID,
  RESIDENT_ID_AT_RUN_START,
  DIGIT_RUN,
  LEGACY_RESIDENT_ID,
  BANK_CARD,
  MOBILE,
  EMAIL,
  URL,
  INDEX_NUMBER,
  CLASSIFICATION_WITH_STAR,
  CLASSIFICATION_FIELD,
  CLASSIFICATION_ALONE,
  INTERNAL_MARK,
} as const

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

/**
 * Every match of a global pattern. With `isAccepted`, a rejected match is skipped and the search
 * resumes one character after its start, so a valid match overlapping a rejected one is not lost.
 */
function* matches(
  pattern: RegExp,
  text: string,
  isAccepted: (match: RegExpExecArray) => boolean = () => true,
): Generator<RegExpExecArray> {
  pattern.lastIndex = 0
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (!isAccepted(match)) {
      pattern.lastIndex = match.index + 1
      continue
    }
    yield match
    if (match[0] === '') pattern.lastIndex++
  }
}

type Located = Span & { match: string }

function classificationCandidate(located: Located, match: RegExpExecArray): Candidate {
  const levelText = match[1]!.replace(/ /gu, '')
  const level = LEVEL_VALUES[levelText]!
  const amount = match[2]
  const unit = match[3]
  const message = `发现密级标志“${located.match}”：标有密级的文件不得公开发布，请核实密级`
  if (amount !== undefined && unit === '年') {
    const years = parseSmallNumber(amount)
    const maxYears = classificationMaxYears[level]
    if (years !== undefined && years > maxYears) {
      return {
        kind: 'classification_mark',
        ...located,
        masked: located.match,
        message: `${message}（${levelText}级保密期限最长${maxYears}年，标注的${years}年超出上限）`,
        code: 'classification_mark_too_long',
        params: { match: located.match, level: levelText, maxYears, years },
      }
    }
  }
  return { kind: 'classification_mark', ...located, masked: located.match, message, code: 'classification_mark', params: { match: located.match } }
}

const MESSAGES = {
  resident_id: '发现居民身份证号，公开前应屏蔽，只保留前2位和后3位',
  legacy_resident_id: '发现疑似15位旧版居民身份证号，公开前应屏蔽，只保留前2位和后3位',
  mobile: '发现手机号码，如属个人信息，公开前应屏蔽中间4位',
  bank_card: '发现银行卡号，公开前应屏蔽，只保留前4位和后4位',
  email: '发现电子邮箱地址，如属个人信息，公开前应屏蔽',
}

/**
 * Whether an ID-shaped match is written the way people group ID numbers: unbroken, or groups of at
 * least two characters with one kind of separator throughout (`6-8-4`, `6-4-4-4`, `4-4-4-4-2`).
 */
function isPlausibleGrouping(folded: string): boolean {
  const separators = folded.match(/[ -]+/gu)
  if (!separators) return true
  if (separators.some((separator) => separator !== separators[0])) return false
  return folded.split(/[ -]+/u).every((group) => group.length >= 2)
}

function findCandidates(
  text: string,
  folded: FoldedText,
  kinds: ReadonlySet<FindingKind>,
  options: ScanOptions,
): Candidate[] {
  const candidates: Candidate[] = []
  const locate = (start: number, end: number): Located => {
    const originalStart = folded.originalIndex[start]!
    const originalEnd = folded.originalIndex[end - 1]! + 1
    return { start: originalStart, end: originalEnd, match: text.slice(originalStart, originalEnd) }
  }
  const spanOf = (match: RegExpExecArray): Located => locate(match.index, match.index + match[0].length)
  const spansOf = (pattern: RegExp): Located[] => [...matches(pattern, folded.text)].map(spanOf)
  const today = options.today

  // A 索引号's 前段码 is an organisation's code, and an all-digit credit code can pass the ID checksum.
  // Only a prefix that is a valid code shields: an ID number followed by `/2024-00001` is still an ID.
  const indexNumbers = coverage(text.length)
  const indexNumberSpans: Located[] = []
  for (const match of matches(INDEX_NUMBER, folded.text)) {
    if (!validateIndexPrefix(match[1]!).ok) continue
    const span = spanOf(match)
    indexNumberSpans.push(span)
    indexNumbers.add(span)
  }

  if (kinds.has('resident_id')) {
    const found = coverage(text.length)
    const report = (span: Located): void => {
      if (indexNumbers.isCovered(span) || found.isCovered(span)) return
      found.add(span)
      candidates.push({ kind: 'resident_id', ...span, masked: maskResidentId(span.match), message: MESSAGES.resident_id, code: 'resident_id', params: { match: span.match } })
    }
    for (const pattern of [RESIDENT_ID, RESIDENT_ID_AT_RUN_START]) {
      for (const match of matches(pattern, folded.text, (candidate) => {
        const compact = candidate[0].replace(/[ -]/gu, '')
        return isPlausibleGrouping(candidate[0]) && validateResidentId(compact, { today }).ok
      })) {
        report(spanOf(match))
      }
    }
    for (const match of matches(DIGIT_RUN, folded.text)) {
      const end = match.index + match[0].length
      const after = folded.text.slice(end, end + 2)
      if (/^[0-9]|^\.[0-9]/u.test(after)) continue
      if (validateResidentId(folded.text.slice(end - 18, end), { today }).ok) report(locate(end - 18, end))
    }
    if (options.shouldIncludeLegacyResidentIds) {
      for (const match of matches(LEGACY_RESIDENT_ID, folded.text)) {
        const span = spanOf(match)
        const isValid = validateResidentId(match[0], { today, allowLegacy: true }).ok
        if (!isValid || indexNumbers.isCovered(span)) continue
        const masked = maskResidentId(span.match)
        candidates.push({ kind: 'resident_id', ...span, masked, message: MESSAGES.legacy_resident_id, code: 'legacy_resident_id', params: { match: span.match } })
      }
    }
  }

  if (kinds.has('classification_mark')) {
    for (const pattern of [CLASSIFICATION_FIELD, CLASSIFICATION_WITH_STAR, CLASSIFICATION_ALONE]) {
      for (const match of matches(pattern, folded.text)) {
        // Trim the surrounding blanks a whole-line match may include.
        const leading = match[0].length - match[0].trimStart().length
        const start = match.index + leading
        candidates.push(classificationCandidate(locate(start, start + match[0].trim().length), match))
      }
    }
  }

  // Numbers inside URLs, e-mail addresses and 索引号 identify pages, mailboxes and documents;
  // they are not phone or card numbers.
  const emails = spansOf(EMAIL)
  const shielded = coverage(text.length)
  for (const span of [...spansOf(URL), ...indexNumberSpans, ...emails]) shielded.add(span)

  if (kinds.has('email')) {
    for (const span of emails) {
      candidates.push({ kind: 'email', ...span, masked: maskEmail(span.match), message: MESSAGES.email, code: 'email', params: { match: span.match } })
    }
  }
  if (kinds.has('bank_card')) {
    for (const match of matches(BANK_CARD, folded.text)) {
      const span = spanOf(match)
      if (shielded.isCovered(span) || !passesLuhn(match[0].replace(/[ -]/gu, ''))) continue
      candidates.push({ kind: 'bank_card', ...span, masked: maskBankCard(span.match), message: MESSAGES.bank_card, code: 'bank_card', params: { match: span.match } })
    }
  }
  if (kinds.has('mobile')) {
    for (const span of spansOf(MOBILE)) {
      if (shielded.isCovered(span)) continue
      candidates.push({ kind: 'mobile', ...span, masked: maskMobileNumber(span.match), message: MESSAGES.mobile, code: 'mobile', params: { match: span.match } })
    }
  }
  if (kinds.has('internal_mark')) {
    for (const span of spansOf(INTERNAL_MARK)) {
      const message = `发现内部标志“${span.match}”，请确认该内容可以公开`
      candidates.push({ kind: 'internal_mark', ...span, masked: span.match, message, code: 'internal_mark', params: { match: span.match } })
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
 * // [{ kind: 'mobile', severity: 'blocking', start: 5, end: 16, match: '13812345678', masked: '138****5678', message: '发现手机号码…' }]
 */
export function scanText(text: string, options: ScanOptions = {}): Finding[] {
  if (typeof text !== 'string' || text === '') return []
  const kinds = new Set(options.kinds ?? findingKinds)
  const severities = { ...defaultSeverities, ...options.severities }
  const candidates = findCandidates(text, foldForScan(text), kinds, options)

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

/**
 * 发文字号 — the document number of an official document (GB/T 9704-2012 §7.2.4):
 * 机关代字 (the issuing agency's abbreviation) + the four-digit year in hexagonal brackets 〔〕
 * (U+3014, U+3015) + the sequence number + 号, with no 第 and no zero padding:
 * `津武政办发〔2022〕12号`, `国办发〔2018〕123号`, `国发明电〔2020〕5号`.
 * A joint document (联合行文) carries only the lead agency's number.
 */
export type DocumentNumber = {
  /** 机关代字, e.g. `津武政办发`. */
  agencyCode: string
  /** Four-digit year, e.g. `2022`. */
  year: number
  /** 序号 (sequence within the agency code and year), a positive integer, e.g. `12`. */
  sequence: number
}

/** One change {@link parseDocumentNumber} made to the input, to show the editor (e.g. 将“[”改为“〔”). */
export type Correction = { from: string; to: string; message: string }

/** The part of a 发文字号 that is wrong. */
export type DocumentNumberPart = 'agencyCode' | 'year' | 'sequence' | 'suffix' | 'brackets' | 'whole'

/** Result of {@link parseDocumentNumber}. `normalized` is the canonical string to store. */
export type DocumentNumberResult =
  | { ok: true; value: DocumentNumber; normalized: string; corrections: Correction[] }
  | { ok: false; error: { part: DocumentNumberPart; message: string } }

/** Options for {@link parseDocumentNumber}. */
export type ParseDocumentNumberOptions = {
  /**
   * Also repair structural slips instead of rejecting them: drop a `第` before the sequence, drop
   * zero padding (`012号` → `12号`) and add a missing trailing `号`. Each repair is reported in
   * `corrections`. Look-alike brackets, full-width digits, stray spaces and the traditional `號` are
   * always repaired, since they cannot change which document is meant.
   * @default false
   */
  shouldRepair?: boolean
  /**
   * Reference date: the year may be at most one after this date's year (numbers are sometimes
   * reserved in late December for the next year).
   * @default new Date()
   */
  today?: Date
}

/** Earliest year accepted: 1949, the founding of the People's Republic. */
export const EARLIEST_DOCUMENT_YEAR = 1949

/** Opening look-alikes editors type for 〔 (ASCII, full-width, small, lenticular, white and tortoise-shell forms). */
const OPENING_LOOKALIKES = '[(（﹝【［{｛〖〘⦗﹙'
/** Closing look-alikes for 〕, in the same order as {@link OPENING_LOOKALIKES}. */
const CLOSING_LOOKALIKES = '])）﹞】］}｝〗〙⦘﹚'
const OPEN = '〔'
const CLOSE = '〕'

type Failure = Extract<DocumentNumberResult, { ok: false }>

function fail(part: DocumentNumberPart, message: string): Failure {
  return { ok: false, error: { part, message } }
}

const FULL_WIDTH_DIGITS = /[０-９]+/gu
/** Format characters (Unicode category Cf): zero-width space/joiners U+200B–U+200D, U+2060, BOM U+FEFF, soft hyphen U+00AD, bidi marks. */
const INVISIBLE_CHARACTERS = /\p{Cf}/gu

/**
 * Parses and normalises a 发文字号.
 *
 * Always repaired (and reported in `corrections`): look-alike brackets (`[] () （） ﹝﹞ 【】 ［］ {}` …)
 * around the year become 〔〕, full-width digits become ASCII, spaces and invisible characters (zero-width spaces and joiners, the
 * BOM, soft hyphens) are removed, `號` becomes `号`.
 * With `shouldRepair`, a `第`, zero padding and a missing `号` are repaired too; otherwise they are
 * rejected. Anything else that is malformed is rejected with the part that is wrong and a Chinese
 * message for the editor.
 *
 * @example
 * parseDocumentNumber('国办发[2018]123号')
 * // { ok: true, value: { agencyCode: '国办发', year: 2018, sequence: 123 },
 * //   normalized: '国办发〔2018〕123号', corrections: [{ from: '[', to: '〔', message: '将“[”改为“〔”' }, …] }
 */
export function parseDocumentNumber(
  input: string,
  options: ParseDocumentNumberOptions = {},
): DocumentNumberResult {
  const corrections: Correction[] = []
  const shouldRepair = options.shouldRepair ?? false
  const latestYear = (options.today ?? new Date()).getFullYear() + 1

  if (typeof input !== 'string' || input.trim() === '') return fail('whole', '发文字号不能为空')

  let text = input
  // Zero-width spaces, joiners, the BOM and soft hyphens come in with pasted text: invisible, but they
  // would make two numbers that look the same compare different.
  const invisible = text.match(INVISIBLE_CHARACTERS)
  if (invisible) {
    text = text.replace(INVISIBLE_CHARACTERS, '')
    corrections.push({ from: invisible.join(''), to: '', message: '删除不可见字符（零宽空格、软连字符等）' })
  }
  if (/\s/u.test(text)) {
    text = text.replace(/\s+/gu, '')
    corrections.push({ from: ' ', to: '', message: '删除多余的空格' })
  }

  // Brackets: find every opening/closing form, canonical or look-alike.
  const openings: number[] = []
  const closings: number[] = []
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!
    if (character === OPEN || OPENING_LOOKALIKES.includes(character)) openings.push(index)
    else if (character === CLOSE || CLOSING_LOOKALIKES.includes(character)) closings.push(index)
  }
  if (openings.length > 1 || closings.length > 1) {
    // A second opening bracket after a 号 starts a second number (checked by index: a pattern like
    // /号.+〔/ backtracks quadratically on a long run of 号).
    const firstSuffix = text.search(/[号號]/u)
    const hasSecondNumber = firstSuffix >= 0 && openings.some((index) => index > firstSuffix + 1)
    return hasSecondNumber || /[、，,；;]/u.test(text)
      ? fail('whole', '联合行文只填写主办机关的发文字号，请只保留一个发文字号')
      : fail('brackets', '年份括号只能出现一对')
  }
  if (openings.length === 0 && closings.length === 0) {
    return fail('brackets', '缺少年份括号，年份应写在六角括号“〔〕”内，如“国办发〔2018〕123号”')
  }
  const openIndex = openings[0]
  const closeIndex = closings[0]
  if (openIndex === undefined) return fail('brackets', '缺少年份的左括号“〔”')
  if (closeIndex === undefined) return fail('brackets', '缺少年份的右括号“〕”')
  if (closeIndex < openIndex) return fail('brackets', '年份括号顺序颠倒，应为“〔年份〕”')

  for (const [index, canonical] of [
    [openIndex, OPEN],
    [closeIndex, CLOSE],
  ] as const) {
    const character = text[index]!
    if (character !== canonical) {
      corrections.push({ from: character, to: canonical, message: `将“${character}”改为“${canonical}”` })
    }
  }

  let agencyCode = text.slice(0, openIndex)
  let yearText = text.slice(openIndex + 1, closeIndex)
  let rest = text.slice(closeIndex + 1)

  const halfWidthDigits = (part: string): string =>
    part.replace(FULL_WIDTH_DIGITS, (run) => {
      const ascii = run.replace(/[０-９]/gu, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
      corrections.push({ from: run, to: ascii, message: `将全角数字“${run}”改为“${ascii}”` })
      return ascii
    })
  yearText = halfWidthDigits(yearText)
  rest = halfWidthDigits(rest)
  if (rest.includes('號')) {
    rest = rest.replace(/號/gu, '号')
    corrections.push({ from: '號', to: '号', message: '将“號”改为“号”' })
  }

  // 机关代字
  if (agencyCode === '') return fail('agencyCode', '缺少机关代字，如“国办发”')
  if (!/\p{Script=Han}/u.test(agencyCode)) {
    return fail('agencyCode', `机关代字“${agencyCode}”应为发文机关的汉字简称，如“国办发”`)
  }
  if (/[0-9０-９]/u.test(agencyCode)) return fail('agencyCode', `机关代字“${agencyCode}”不应包含数字`)
  agencyCode = agencyCode.normalize('NFC')

  // 年份
  if (yearText === '') return fail('year', '缺少年份，年份应为四位数字')
  if (!/^\d{4}$/u.test(yearText)) {
    if (/年/u.test(yearText)) return fail('year', `年份“${yearText}”应为四位数字，不加“年”字`)
    if (/^\d{2}$/u.test(yearText)) return fail('year', `年份“${yearText}”应为四位数字，如“20${yearText}”`)
    return fail('year', `年份“${yearText}”应为四位阿拉伯数字`)
  }
  const year = Number(yearText)
  if (year < EARLIEST_DOCUMENT_YEAR || year > latestYear) {
    return fail('year', `年份“${yearText}”不在合理范围内（${EARLIEST_DOCUMENT_YEAR}年至${latestYear}年）`)
  }

  // 序号
  if (rest.startsWith('第')) {
    if (!shouldRepair) return fail('sequence', '序号前不应加“第”')
    rest = rest.slice(1)
    corrections.push({ from: '第', to: '', message: '删除序号前的“第”' })
  }
  const digitMatch = /^\d+/u.exec(rest)
  if (!digitMatch) {
    if (rest === '' || rest === '号') return fail('sequence', '缺少序号')
    return fail('sequence', `序号应为阿拉伯数字，不应是“${rest.replace(/号$/u, '')}”`)
  }
  let sequenceText = digitMatch[0]
  const suffix = rest.slice(sequenceText.length)
  if (/^0+$/u.test(sequenceText)) return fail('sequence', '序号应从1开始，不能为0')
  if (sequenceText.startsWith('0')) {
    if (!shouldRepair) return fail('sequence', `序号不应补零，“${sequenceText}”应写作“${sequenceText.replace(/^0+/u, '')}”`)
    const unpadded = sequenceText.replace(/^0+/u, '')
    corrections.push({ from: sequenceText, to: unpadded, message: `删除序号前补的零：将“${sequenceText}”改为“${unpadded}”` })
    sequenceText = unpadded
  }
  if (sequenceText.length > 9) return fail('sequence', `序号“${sequenceText}”过长`)

  // 号
  if (suffix === '') {
    if (!shouldRepair) return fail('suffix', '缺少“号”字')
    corrections.push({ from: '', to: '号', message: '在序号后补上“号”字' })
  } else if (suffix !== '号') {
    if (suffix.startsWith('号')) return fail('suffix', `“号”字后不应有其他内容“${suffix.slice(1)}”`)
    return fail('suffix', `序号后应为“号”字，不应是“${suffix}”`)
  }

  const value: DocumentNumber = { agencyCode, year, sequence: Number(sequenceText) }
  return { ok: true, value, normalized: formatDocumentNumber(value), corrections }
}

/**
 * Formats a 发文字号 in its canonical form `机关代字〔YYYY〕N号`.
 * @throws RangeError when a part is invalid (empty agency code, year not four digits, sequence not a positive integer)
 */
export function formatDocumentNumber(value: DocumentNumber): string {
  const agencyCode = value.agencyCode.trim()
  if (agencyCode === '') throw new RangeError('机关代字不能为空')
  if (!Number.isInteger(value.year) || value.year < 1000 || value.year > 9999) {
    throw new RangeError(`年份“${value.year}”应为四位数字`)
  }
  if (!Number.isSafeInteger(value.sequence) || value.sequence < 1) {
    throw new RangeError(`序号“${value.sequence}”应为正整数`)
  }
  return `${agencyCode}${OPEN}${value.year}${CLOSE}${value.sequence}号`
}

/**
 * Orders 发文字号 by agency code (by code point, so the order is the same on every machine), then
 * year, then sequence number numerically — so `国办发〔2018〕9号` sorts before `国办发〔2018〕10号`.
 * Usable directly as an `Array.prototype.sort` comparator.
 */
export function compareDocumentNumbers(a: DocumentNumber, b: DocumentNumber): number {
  if (a.agencyCode !== b.agencyCode) return a.agencyCode < b.agencyCode ? -1 : 1
  if (a.year !== b.year) return a.year - b.year
  return a.sequence - b.sequence
}

/**
 * Whether two 发文字号 denote the same document number, however they were typed
 * (`国办发[2018]123号` and `国办发〔2018〕123号` are the same). Strings that do not parse are never equal.
 */
export function isSameDocumentNumber(a: string | DocumentNumber, b: string | DocumentNumber): boolean {
  const toValue = (input: string | DocumentNumber): DocumentNumber | undefined => {
    if (typeof input !== 'string') return input
    const result = parseDocumentNumber(input, { shouldRepair: true })
    return result.ok ? result.value : undefined
  }
  const left = toValue(a)
  const right = toValue(b)
  return left !== undefined && right !== undefined && compareDocumentNumbers(left, right) === 0
}

/**
 * Normalises a search for a 发文字号, whole or partial (`津武政规[2022`, `（2022）3號`): look-alike brackets become
 * 〔〕, full-width digits half-width, 號 becomes 号 and spaces go — the same repairs `parseDocumentNumber` makes on
 * save, so a search finds what was stored. Text without any of them is returned unchanged.
 */
export function normalizeDocumentNumberQuery(query: string): string {
  let text = query.replace(/\s+/gu, '')
  text = text.replace(/[０-９]/gu, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
  text = text.replace(/號/gu, '号')
  return [...text]
    .map((character) => (OPENING_LOOKALIKES.includes(character) ? OPEN : CLOSING_LOOKALIKES.includes(character) ? CLOSE : character))
    .join('')
}

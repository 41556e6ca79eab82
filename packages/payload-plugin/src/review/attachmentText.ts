/**
 * Text of an uploaded attachment, for 保密审查. Each format is read by a maintained library, never by a parser of
 * our own: PDF by `unpdf` (Mozilla's PDF.js built for servers, page by page), DOCX by `mammoth`, XLSX by `exceljs`
 * (sheet by sheet), Word 97–2003 .doc and WPS by `word-extractor`; plain text as UTF-8. Whatever yields no text —
 * images, OFD, audio, video, a scanned PDF without a text layer, a file a library cannot open — is `unreadable`
 * and a reviewer must look at it (需人工审查).
 */

/** A piece of the text and where it is in the file: 第2页, 工作表“名单”. */
export type AttachmentTextSegment = { location: string | null; text: string }

export type AttachmentText =
  | { status: 'extracted'; segments: AttachmentTextSegment[] }
  | { status: 'unreadable'; reason: string }

/** No more text than this is kept from one file (characters); longer files are reviewed by hand past it. */
export const maxAttachmentTextLength = 2_000_000

const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const wordBinary = new Set(['application/msword', 'application/wps-office.wps', 'application/vnd.ms-works', 'application/x-ole-storage'])

function unreadable(reason: string): AttachmentText {
  return { status: 'unreadable', reason }
}

/** Segments are cut to at most this many characters (at a line break or space), so scanning one is short. */
export const maxSegmentLength = 50_000

/** Cuts a long text at line breaks (else spaces) so that no piece is longer than `maxSegmentLength`. */
function pieces(text: string): string[] {
  const result: string[] = []
  let rest = text
  while (rest.length > maxSegmentLength) {
    const window = rest.slice(0, maxSegmentLength)
    const at = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '), window.lastIndexOf('\u3000'))
    const end = at > maxSegmentLength / 2 ? at + 1 : maxSegmentLength
    result.push(rest.slice(0, end))
    rest = rest.slice(end)
  }
  result.push(rest)
  return result
}

function extracted(segments: AttachmentTextSegment[]): AttachmentText {
  const kept: AttachmentTextSegment[] = []
  let length = 0
  for (const segment of segments) {
    if (length >= maxAttachmentTextLength) break
    const text = segment.text.slice(0, maxAttachmentTextLength - length)
    length += text.length
    for (const piece of pieces(text)) kept.push({ location: segment.location, text: piece })
  }
  if (kept.every((segment) => segment.text.trim() === '')) return unreadable('文件中没有可提取的文字（可能是扫描件或图片）')
  return { status: 'extracted', segments: kept }
}

let hidden: { count: number; restore: () => void } | undefined

/**
 * Runs PDF.js with `Array.prototype` free of enumerable properties. PDF.js refuses to open a document otherwise,
 * and drizzle-kit — which @payloadcms/db-postgres loads for schema push and migrations — adds an enumerable
 * `random`. Such properties are made non-enumerable (they still work) while any PDF is being read, and restored
 * when the last one is done.
 */
async function withPlainArrayPrototype<T>(run: () => Promise<T>): Promise<T> {
  if (!hidden) {
    const added = Object.keys(Array.prototype).map((name) => [name, Object.getOwnPropertyDescriptor(Array.prototype, name)] as const)
    for (const [name, descriptor] of added) Object.defineProperty(Array.prototype, name, { ...descriptor, enumerable: false })
    hidden = {
      count: 0,
      restore: () => {
        for (const [name, descriptor] of added) if (descriptor) Object.defineProperty(Array.prototype, name, descriptor)
      },
    }
  }
  const current = hidden
  current.count += 1
  try {
    return await run()
  } finally {
    current.count -= 1
    if (current.count === 0 && hidden === current) {
      hidden = undefined
      current.restore()
    }
  }
}

function pdfText(data: Uint8Array): Promise<AttachmentText> {
  return withPlainArrayPrototype(async () => {
    const { extractText, getDocumentProxy } = await import('unpdf')
    const pdf = await getDocumentProxy(data)
    try {
      const { text } = await extractText(pdf, { mergePages: false })
      return extracted(text.map((page, index) => ({ location: `第${index + 1}页`, text: page })))
    } finally {
      await pdf.loadingTask.destroy()
    }
  })
}

async function docxText(data: Buffer): Promise<AttachmentText> {
  const mammoth = (await import('mammoth')).default
  const { value } = await mammoth.extractRawText({ buffer: data })
  return extracted([{ location: null, text: value }])
}

async function xlsxText(data: Buffer): Promise<AttachmentText> {
  const ExcelJS = (await import('exceljs')).default
  const workbook = new ExcelJS.Workbook()
  // exceljs types its load() argument with an older Buffer type than Node 20's.
  await workbook.xlsx.load(data as unknown as ArrayBuffer)
  const segments: AttachmentTextSegment[] = []
  workbook.eachSheet((sheet) => {
    const lines: string[] = []
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = []
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells.push(cell.text)
      })
      lines.push(cells.join('\t'))
    })
    segments.push({ location: `工作表“${sheet.name}”`, text: lines.join('\n') })
  })
  return extracted(segments)
}

async function wordBinaryText(data: Buffer): Promise<AttachmentText> {
  const WordExtractor = (await import('word-extractor')).default
  const document = await new WordExtractor().extract(data)
  return extracted([
    { location: null, text: document.getBody() },
    { location: '页眉页脚', text: document.getHeaders({ includeFooters: true }) },
    { location: '脚注', text: document.getFootnotes() },
    { location: '文本框', text: document.getTextboxes({ includeHeadersAndFooters: true, includeBody: true }) },
  ])
}

/** Reads the text of a file by its MIME type; never throws (a file that cannot be read is `unreadable`). */
export async function extractAttachmentText({ data, mimetype }: { data: Buffer; mimetype: string }): Promise<AttachmentText> {
  try {
    if (mimetype === 'application/pdf') return await pdfText(new Uint8Array(data))
    if (mimetype === docx) return await docxText(data)
    if (mimetype === xlsx) return await xlsxText(data)
    if (wordBinary.has(mimetype)) return await wordBinaryText(data)
    if (mimetype.startsWith('text/')) return extracted([{ location: null, text: data.toString('utf8') }])
  } catch {
    return unreadable('文件无法读取（可能已损坏、加密或格式不受支持）')
  }
  if (mimetype.startsWith('image/')) return unreadable('图片中的文字无法自动审查')
  if (mimetype === 'application/ofd') return unreadable('OFD 版式文件无法自动提取文字')
  if (mimetype.startsWith('audio/') || mimetype.startsWith('video/')) return unreadable('音视频内容无法自动审查')
  return unreadable(`“${mimetype}”格式的文件无法自动提取文字`)
}

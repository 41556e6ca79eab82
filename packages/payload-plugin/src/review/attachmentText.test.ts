import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'

import { extractAttachmentText, maxSegmentLength } from './attachmentText.js'

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

describe('extractAttachmentText', () => {
  it('reads an XLSX sheet by sheet, naming each sheet', async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('说明').addRow(['补贴发放说明'])
    const list = workbook.addWorksheet('名单')
    list.addRow(['姓名', '身份证号'])
    list.addRow(['张三', '120114198506124877'])
    const data = Buffer.from(await workbook.xlsx.writeBuffer())
    expect(await extractAttachmentText({ data, mimetype: xlsx })).toEqual({
      status: 'extracted',
      segments: [
        { location: '工作表“说明”', text: '补贴发放说明' },
        { location: '工作表“名单”', text: '姓名\t身份证号\n张三\t120114198506124877' },
      ],
    })
  })

  it('reads plain text as UTF-8', async () => {
    expect(await extractAttachmentText({ data: Buffer.from('联系电话：13812345678'), mimetype: 'text/plain' })).toEqual({
      status: 'extracted',
      segments: [{ location: null, text: '联系电话：13812345678' }],
    })
  })

  it('marks a file a library cannot open, OFD, images and media as unreadable, with the reason in Chinese', async () => {
    expect(await extractAttachmentText({ data: Buffer.from('not a zip'), mimetype: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })).toEqual({
      status: 'unreadable',
      reason: '文件无法读取（可能已损坏、加密或格式不受支持）',
    })
    expect(await extractAttachmentText({ data: Buffer.from('PK'), mimetype: 'application/ofd' })).toEqual({ status: 'unreadable', reason: 'OFD 版式文件无法自动提取文字' })
    expect(await extractAttachmentText({ data: Buffer.alloc(8), mimetype: 'image/png' })).toEqual({ status: 'unreadable', reason: '图片中的文字无法自动审查' })
    expect(await extractAttachmentText({ data: Buffer.alloc(8), mimetype: 'video/mp4' })).toEqual({ status: 'unreadable', reason: '音视频内容无法自动审查' })
    expect(await extractAttachmentText({ data: Buffer.from('   \n'), mimetype: 'text/plain' })).toEqual({ status: 'unreadable', reason: '文件中没有可提取的文字（可能是扫描件或图片）' })
  })

  it('keeps Array.prototype as it was after reading a PDF', async () => {
    const { PDFDocument, StandardFonts } = await import('pdf-lib')
    const pdf = await PDFDocument.create()
    pdf.addPage().drawText('Page one', { font: await pdf.embedFont(StandardFonts.Helvetica) })
    const data = Buffer.from(await pdf.save())
    Object.defineProperty(Array.prototype, 'gongkaiTestProperty', { value: () => 1, enumerable: true, configurable: true, writable: true })
    try {
      expect(await extractAttachmentText({ data, mimetype: 'application/pdf' })).toEqual({ status: 'extracted', segments: [{ location: '第1页', text: 'Page one' }] })
      expect(Object.keys(Array.prototype)).toContain('gongkaiTestProperty')
    } finally {
      Reflect.deleteProperty(Array.prototype, 'gongkaiTestProperty')
    }
  })
})

describe('long files', () => {
  it('cuts long text into pieces at line breaks, keeping every line whole and the location', async () => {
    const line = `申请人张三，身份证号120114198506124877，住址天津市武清区。\n`
    const text = line.repeat(5000)
    const result = await extractAttachmentText({ data: Buffer.from(text), mimetype: 'text/plain' })
    expect(result.status).toBe('extracted')
    const segments = result.status === 'extracted' ? result.segments : []
    expect(segments.length).toBeGreaterThan(1)
    expect(segments.every((segment) => segment.text.length <= maxSegmentLength && segment.location === null)).toBe(true)
    expect(segments.map((segment) => segment.text).join('')).toBe(text)
    expect(segments.every((segment) => segment.text.endsWith('\n'))).toBe(true)
  })
})

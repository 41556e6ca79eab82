import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { Document, Packer, Paragraph, TextRun } from 'docx'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import type { File, Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { getConfidentialityFindings, recordConfidentialityReview } from '../src/review/reviewActions.js'
import type { Reader } from './support/readPaths.js'
import { readers } from './support/readPaths.js'
import { startRestServer } from './support/rest.js'
import type { RestServer } from './support/rest.js'
import { startPayload } from './support/startPayload.js'
import type { StartedPayload } from './support/startPayload.js'
import { createWorkflowWorld, failure } from './support/workflowWorld.js'
import type { WorkflowActor, WorkflowWorld } from './support/workflowWorld.js'

const key = 'gongkai-attachments'
const slug = 'gongkai-attachments'
let started: StartedPayload
let payload: Payload
let world: WorkflowWorld
let server: RestServer
const tokens: Partial<Record<Reader | 'reviewer', string>> = {}
const users: Partial<Record<Reader, Record<string, unknown>>> = {}
const readerActor: Record<Exclude<Reader, 'anonymous'>, WorkflowActor> = { otherAgency: 'publisherB', member: 'editor', admin: 'admin' }

/** A valid 居民身份证号 (checksum and date), as personal data in an attachment. */
const idNumber = '120114198506124877'

beforeAll(async () => {
  started = await startPayload({ key })
  payload = started.payload
  world = await createWorkflowWorld(payload)
  server = await startRestServer({ payload, payloadInstanceCacheKey: key })
  for (const [reader, actor] of Object.entries(readerActor) as [Exclude<Reader, 'anonymous'>, WorkflowActor][]) {
    tokens[reader] = await server.login({ email: `${actor.toLowerCase()}@example.gov.cn`, password: 'gongkai-test-password' })
    users[reader] = world.users[actor]
  }
  tokens.reviewer = await server.login({ email: 'reviewer@example.gov.cn', password: 'gongkai-test-password' })
})

afterAll(async () => {
  await server?.close()
  await started?.stop()
})

async function pdfWith(lines: string[], name: string): Promise<File> {
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  pdf.addPage().drawText('Notice of the district government', { x: 50, y: 750, size: 12, font })
  const page = pdf.addPage()
  lines.forEach((line, index) => page.drawText(line, { x: 50, y: 750 - index * 20, size: 12, font }))
  const data = Buffer.from(await pdf.save())
  return { data, mimetype: 'application/pdf', name, size: data.length }
}

/** A PDF with pages but no text layer, as a scanned document is. */
async function scannedPdf(name: string): Promise<File> {
  const pdf = await PDFDocument.create()
  pdf.addPage().drawRectangle({ x: 50, y: 50, width: 200, height: 100 })
  const data = Buffer.from(await pdf.save())
  return { data, mimetype: 'application/pdf', name, size: data.length }
}

async function docxWith(text: string, name: string): Promise<File> {
  const document = new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun(text)] })] }] })
  const data = await Packer.toBuffer(document)
  return { data, mimetype: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', name, size: data.length }
}

async function jpegWithGps(name: string): Promise<File> {
  const data = await sharp({ create: { width: 16, height: 16, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .withExif({ IFD0: { Make: 'GongkaiPhone', Artist: '张三' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 7/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '117/1 2/1 0/1' } })
    .toBuffer()
  return { data, mimetype: 'image/jpeg', name, size: data.length }
}

/** Uploads as agency A's 撰稿 (access applies), as the admin's upload field does. */
async function upload(file: File, title?: string) {
  return (await payload.create({ collection: slug, data: title ? { title } : {}, file, overrideAccess: false, user: world.users.editor, depth: 0 })) as Record<string, unknown> & {
    id: number
    filename: string
  }
}

describe('保密审查 of attachments', () => {
  it('finds a valid ID number in an attached PDF and DOCX, names the file and page, and blocks 审核通过', async () => {
    const pdf = await upload(await pdfWith(['Applicant: Zhang San', `ID ${idNumber}`], '申请人名单.pdf'), '申请人名单')
    const docx = await upload(await docxWith(`联系人：李四，身份证号码${idNumber}。`, '联系人.docx'))
    expect(pdf.uploadingAgency).toBe(world.agencyA)
    // The text read from the file is kept for the review but never served.
    expect(pdf.textExtraction).toBeUndefined()
    const draft = await world.createDraft('policies', world.policyData(world.agencyA, { title: '附件含身份证号的通知', attachments: [pdf.id, docx.id] }))
    await world.act('editor', { collection: 'policies', id: draft.id, action: 'submit' })

    const result = await getConfidentialityFindings({ payload, collection: 'policies', id: draft.id })
    expect(result.hasBlockingFindings).toBe(true)
    expect(result.attachmentFindings.map((finding) => [finding.fieldPath, finding.kind, finding.severity, finding.attachment.title, finding.attachment.location])).toEqual([
      ['attachments.0', 'resident_id', 'blocking', '申请人名单', '第2页'],
      ['attachments.1', 'resident_id', 'blocking', '联系人.docx', null],
    ])
    expect(result.attachmentFindings[0]?.message).toBe('附件“申请人名单”第2页：发现居民身份证号，公开前应屏蔽，只保留前2位和后3位')
    expect(JSON.stringify(result.attachmentFindings)).not.toContain(idNumber)

    const review = await failure(recordConfidentialityReview({ payload, user: world.users.reviewer, collection: 'policies', id: draft.id, conclusion: 'passed', basis: '《中华人民共和国保守国家秘密法》' }))
    expect(review.status).toBe(400)
    expect(review.errors).toEqual([
      { path: 'attachments.0', message: '保密审查不能通过：“附件”中附件“申请人名单”第2页：发现居民身份证号，公开前应屏蔽，只保留前2位和后3位' },
      { path: 'attachments.1', message: '保密审查不能通过：“附件”中附件“联系人.docx”：发现居民身份证号，公开前应屏蔽，只保留前2位和后3位' },
    ])
    const approval = await failure(world.act('reviewer', { collection: 'policies', id: draft.id, action: 'approve' }))
    expect(approval.status).toBe(409)
    expect(approval.message).toContain('政策文件“附件含身份证号的通知”未通过保密审查，不能审核通过：附件：附件“申请人名单”第2页：发现居民身份证号')
    expect(approval.message).toContain('附件：附件“联系人.docx”：发现居民身份证号')

    // Over HTTP the reviewer sees the same findings.
    const findings = await server.request({ path: `/policies/${draft.id}/confidentiality-review/findings`, token: tokens.reviewer })
    expect(findings.status).toBe(200)
    expect(findings.body.attachmentFindings).toHaveLength(2)
  })

  it('lists a file it cannot read as 需人工审查 until a reviewer confirms it; a new file must be confirmed again', async () => {
    const scan = await upload(await scannedPdf('扫描件.pdf'), '盖章扫描件')
    const image = await upload(await jpegWithGps('现场照片.jpg'), '现场照片')
    const draft = await world.createDraft('policies', world.policyData(world.agencyA, { title: '附件需人工审查的通知', attachments: [scan.id, image.id] }))
    await world.act('editor', { collection: 'policies', id: draft.id, action: 'submit' })
    const before = await getConfidentialityFindings({ payload, collection: 'policies', id: draft.id })
    expect(before.attachmentFindings.map((finding) => [finding.attachment.title, finding.kind, finding.severity])).toEqual([
      ['盖章扫描件', 'needs_manual_review', 'blocking'],
      ['现场照片', 'needs_manual_review', 'blocking'],
    ])
    expect(before.attachmentFindings[0]?.message).toBe('附件“盖章扫描件”需人工审查：文件中没有可提取的文字（可能是扫描件或图片），须由审核人员打开文件逐一确认不含敏感信息')
    expect(before.attachmentFindings[1]?.message).toBe('附件“现场照片”需人工审查：图片中的文字无法自动审查，须由审核人员打开文件逐一确认不含敏感信息')
    expect((await failure(world.act('reviewer', { collection: 'policies', id: draft.id, action: 'approve' }))).message).toContain('附件“盖章扫描件”需人工审查')

    const post = (attachment: number, token?: string) =>
      server.request({ method: 'POST', path: `/policies/${draft.id}/confidentiality-review/attachments/${attachment}/confirm`, body: { note: '已逐页查看，无个人信息' }, token })
    expect((await post(scan.id, tokens.otherAgency)).status).toBe(403)
    expect((await post(scan.id)).status).toBe(401)
    const confirmed = await post(scan.id, tokens.reviewer)
    expect(confirmed).toMatchObject({ status: 200, body: { message: '已确认附件“盖章扫描件”经人工审查' } })
    expect((await post(image.id, tokens.reviewer)).status).toBe(200)
    const stored = await payload.findByID({ collection: slug, id: scan.id, depth: 0 })
    expect(stored.manualReview).toMatchObject({ confirmedBy: world.users.reviewer.id, note: '已逐页查看，无个人信息' })
    expect(typeof (stored.manualReview as { confirmedAt?: unknown }).confirmedAt).toBe('string')

    await world.passReview('policies', draft.id)
    expect((await world.act('reviewer', { collection: 'policies', id: draft.id, action: 'approve' })).state).toBe('approved')

    // A new file in place of the confirmed one is looked at again.
    await payload.update({ collection: slug, id: scan.id, data: {}, file: await scannedPdf('扫描件（新）.pdf'), overrideAccess: true, depth: 0 })
    const after = await getConfidentialityFindings({ payload, collection: 'policies', id: draft.id })
    expect(after.attachmentFindings.map((finding) => [finding.attachment.title, finding.severity])).toEqual([
      ['盖章扫描件', 'blocking'],
      ['现场照片', 'warning'],
    ])
  })

  it('removes EXIF and GPS metadata from an uploaded image before storing it', async () => {
    const file = await jpegWithGps('带定位的照片.jpg')
    expect((await sharp(file.data).metadata()).exif).toBeDefined()
    const image = await upload(file)
    const storedFile = await readFile(path.join(started.uploadDir, image.filename))
    const metadata = await sharp(storedFile).metadata()
    expect(metadata.exif).toBeUndefined()
    expect(metadata.xmp).toBeUndefined()
    expect(metadata).toMatchObject({ format: 'jpeg', width: 16, height: 16 })
    expect(storedFile.includes(Buffer.from('GongkaiPhone'))).toBe(false)
  })
})

describe('who reads an attachment', () => {
  type Path = { name: string; read: (attachment: { id: number; filename: string }, reader: Reader) => Promise<boolean> }
  const paths: Path[] = [
    {
      name: 'REST by id',
      read: async (attachment, reader) => (await server.request({ path: `/${slug}/${attachment.id}`, token: tokens[reader] })).status === 200,
    },
    {
      name: 'REST list',
      read: async (attachment, reader) =>
        ((await server.request({ path: `/${slug}?where[id][equals]=${attachment.id}`, token: tokens[reader] })).body?.docs ?? []).some((doc: { id: number }) => doc.id === attachment.id),
    },
    {
      name: 'GraphQL by id',
      read: async (attachment, reader) => Boolean((await server.graphql({ query: `query { GongkaiAttachment(id: ${attachment.id}) { id filename } }`, token: tokens[reader] })).body?.data?.GongkaiAttachment),
    },
    {
      name: 'GraphQL list',
      read: async (attachment, reader) =>
        ((await server.graphql({ query: `query { GongkaiAttachments(where: { id: { equals: ${attachment.id} } }) { docs { id } } }`, token: tokens[reader] })).body?.data?.GongkaiAttachments?.docs ?? []).length === 1,
    },
    {
      name: 'file URL',
      read: async (attachment, reader) => {
        const response = await fetch(`${server.origin}/api/${slug}/file/${encodeURIComponent(attachment.filename)}`, { headers: tokens[reader] ? { authorization: `JWT ${tokens[reader]}` } : {} })
        const body = Buffer.from(await response.arrayBuffer())
        if (response.status === 200) return body.subarray(0, 5).toString('latin1') === '%PDF-'
        expect([403, 404]).toContain(response.status)
        return false
      },
    },
    {
      name: 'local API (overrideAccess: false)',
      read: async (attachment, reader) =>
        (await payload.find({ collection: slug, where: { id: { equals: attachment.id } }, overrideAccess: false, user: users[reader], depth: 0 })).docs.length === 1,
    },
  ]

  async function readsOf(attachment: { id: number; filename: string }) {
    const result: Record<string, Record<string, boolean>> = {}
    for (const path of paths) {
      result[path.name] = {}
      for (const reader of readers) result[path.name]![reader] = await path.read(attachment, reader)
    }
    return result
  }
  const expectReads = (expected: (reader: Reader) => boolean) => Object.fromEntries(paths.map((path) => [path.name, Object.fromEntries(readers.map((reader) => [reader, expected(reader)]))]))
  const membersOnly = (reader: Reader) => reader === 'member' || reader === 'admin'

  it('is read only by its agency before review, by everyone once a published 主动公开 document links it, and not while only a recorded one does', async () => {
    const attachment = await upload(await pdfWith(['Annex 1'], '附件一.pdf'), '附件一')
    expect(await readsOf(attachment)).toEqual(expectReads(membersOnly))

    const recorded = await world.createDraft('policies', world.policyData(world.agencyA, { title: '引用附件的依申请公开文件', disclosure: 'on_request', nonDisclosureReason: 'process_information', attachments: [attachment.id] }))
    await world.approve('policies', recorded.id)
    await world.act('publisher', { collection: 'policies', id: recorded.id, action: 'publish' })
    expect(await readsOf(attachment)).toEqual(expectReads(membersOnly))

    const proactive = await world.createDraft('policies', world.policyData(world.agencyA, { title: '引用附件的主动公开文件', attachments: [attachment.id] }))
    await world.approve('policies', proactive.id)
    expect(await readsOf(attachment)).toEqual(expectReads(membersOnly))
    await world.act('publisher', { collection: 'policies', id: proactive.id, action: 'publish' })
    expect(await readsOf(attachment)).toEqual(expectReads(() => true))

    await world.act('publisher', { collection: 'policies', id: proactive.id, action: 'withdraw', reason: '附件有误' })
    expect(await readsOf(attachment)).toEqual(expectReads(membersOnly))
  })

  it('lets members of an agency whose document links the file read it, not only the uploading agency', async () => {
    const attachment = await upload(await pdfWith(['Annex 2'], '附件二.pdf'), '附件二')
    const tokenB = await server.login({ email: 'editorb@example.gov.cn', password: 'gongkai-test-password' })
    const read = async () => (await server.request({ path: `/${slug}/${attachment.id}`, token: tokenB })).status
    expect(await read()).toBe(404)
    await world.createDraft('policies', world.policyData(world.agencyB, { title: '教育局引用的附件', attachments: [attachment.id] }), 'editorB')
    expect(await read()).toBe(200)
  })
})

describe('admin', () => {
  it('shows the attachment findings (and the 需人工审查 confirmations) after the policies’ and interpretations’ upload fields', () => {
    const afterInput = (collection: string, name: string) =>
      (payload.collections[collection]?.config.fields.find((field) => 'name' in field && field.name === name) as { admin?: { components?: { afterInput?: unknown[] } } } | undefined)?.admin
        ?.components?.afterInput
    // After the field's rule warning (shown on every field of a workflow document).
    expect(afterInput('policies', 'attachments')).toEqual(['@gongkai/payload-plugin/client#RuleWarning', '@gongkai/payload-plugin/client#AttachmentFindings'])
    expect(afterInput('interpretations', 'media')).toEqual(['@gongkai/payload-plugin/client#RuleWarning', '@gongkai/payload-plugin/client#AttachmentFindings'])
  })
})

describe('hostile uploads', () => {
  it('refuses an image that cannot be decoded with a 400 naming the file, and stores nothing', async () => {
    const data = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 0x41)])
    const before = await payload.count({ collection: slug, overrideAccess: true })
    const refused = await failure(upload({ data, mimetype: 'image/jpeg', name: '损坏的照片.jpg', size: data.length }))
    expect(refused.status).toBe(400)
    expect(refused.message).toBe('图片“损坏的照片.jpg”无法读取，不能去除其中的拍摄地点等元数据：请转换为 JPEG 或 PNG 后重新上传')
    expect((await payload.count({ collection: slug, overrideAccess: true })).totalDocs).toBe(before.totalDocs)
  })

  it('refuses an 上传机关 where the uploader is not 撰稿, naming the field', async () => {
    const file = await pdfWith(['Annex'], '别的机关的附件.pdf')
    const refused = await failure(payload.create({ collection: slug, data: { uploadingAgency: world.agencyB }, file, overrideAccess: false, user: world.users.editor }))
    expect(refused.status).toBe(400)
    expect(refused.errors).toEqual([{ path: 'uploadingAgency', message: '上传机关须是您担任撰稿的机关' }])
  })
})

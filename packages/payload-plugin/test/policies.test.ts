import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { creditCode, day, lexicalText } from './support/fixtures.js'
import { mp4File, pdfFile } from './support/files.js'
import { startPayload } from './support/startPayload.js'
import type { StartedPayload } from './support/startPayload.js'
import { validationErrors } from './support/validationErrors.js'

let started: StartedPayload
let payload: Payload
let office: { id: number | string }
let finance: { id: number | string }
let publicAffairs: { id: number | string }
let generalBranch: { id: number | string }
let otherTopLevel: { id: number | string }
let attachment: { id: number | string }

async function topicId(code: string) {
  const { docs } = await payload.find({ collection: 'topics', where: { code: { equals: code } }, depth: 0 })
  const topic = docs[0]
  if (!topic) throw new Error(`no topic ${code}`)
  return { id: topic.id }
}

let nextSequence = 100

/** The Wuqing district notice (../shared/seed) as a complete, valid policy, with a 发文字号 not used yet. */
function wuqingNotice(overrides: Record<string, unknown> = {}) {
  nextSequence += 1
  return {
    title: '天津市武清区人民政府办公室关于印发武清区政务公开工作要点的通知',
    documentNumber: `津武政办发〔2022〕${nextSequence}号`,
    issuingAgency: office.id,
    writtenDate: day('2022-06-30'),
    publishDate: day('2022-07-05'),
    documentType: 'notice',
    topic: publicAffairs.id,
    disclosure: 'proactive',
    ...overrides,
  }
}

beforeAll(async () => {
  started = await startPayload()
  payload = started.payload
  office = await payload.create({
    collection: 'agencies',
    data: { name: '天津市武清区人民政府办公室', agencyCode: '津武政办发', organizationCode: creditCode('11120222MB0000001') },
  })
  finance = await payload.create({ collection: 'agencies', data: { name: '天津市武清区财政局', agencyCode: '津武财' } })
  publicAffairs = await topicId('02.01')
  generalBranch = await topicId('02')
  otherTopLevel = await topicId('22')
  attachment = await payload.create({ collection: 'gongkai-attachments', data: {}, file: pdfFile() })
})

afterAll(async () => {
  await started?.stop()
})

describe('policies (政策文件)', () => {
  it('saves a complete policy, normalises the 发文字号, shows the corrections and reads its relations back', async () => {
    const created = await payload.create({
      collection: 'policies',
      data: wuqingNotice({
        documentNumber: '津武政办发[2022]12号',
        jointIssuers: [finance.id],
        keywords: '政务公开 工作要点',
        summary: '印发2022年武清区政务公开工作要点。',
        body: lexicalText('各镇人民政府，各街道办事处，区政府各委、局……'),
        attachments: [attachment.id],
        _status: 'published',
      }),
      // Publishing outside the workflow is refused except as a historical import (issue 3).
      context: { gongkaiImport: true },
    })
    const policy = await payload.findByID({ collection: 'policies', id: created.id, depth: 1 })
    expect(policy).toMatchObject({
      documentNumber: '津武政办发〔2022〕12号',
      documentNumberCorrections: '将“[”改为“〔”；将“]”改为“〕”',
      documentType: 'notice',
      validity: 'effective',
      disclosure: 'proactive',
      classification: 'unclassified',
      isNormative: false,
      needsInterpretation: false,
      _status: 'published',
    })
    // An import still gets the next 索引号 of its agency and year.
    expect(policy.indexNumber).toBe(`${creditCode('11120222MB0000001')}/2022-00001`)
    expect(policy.issuingAgency).toMatchObject({ name: '天津市武清区人民政府办公室', agencyCode: '津武政办发' })
    expect(policy.jointIssuers).toMatchObject([{ name: '天津市武清区财政局' }])
    expect(policy.topic).toMatchObject({ fullName: '综合政务\\政务公开' })
    expect(policy.attachments).toMatchObject([{ title: '附件1.pdf', mimeType: 'application/pdf' }])
    expect(JSON.stringify(policy.body)).toContain('各镇人民政府')
  })

  it('clears the corrections once the 发文字号 is saved already normalised', async () => {
    const created = await payload.create({ collection: 'policies', data: wuqingNotice({ documentNumber: '津武政办发（2022）13号' }) })
    expect(created.documentNumberCorrections).toBe('将“（”改为“〔”；将“）”改为“〕”')
    const updated = await payload.update({ collection: 'policies', id: created.id, data: { documentNumber: '津武政办发〔2022〕14号' } })
    expect(updated.documentNumber).toBe('津武政办发〔2022〕14号')
    expect(updated.documentNumberCorrections ?? null).toBeNull()
  })

  it('marks a 规范性文件 as needing an interpretation unless the editor says otherwise', async () => {
    const normative = await payload.create({ collection: 'policies', data: wuqingNotice({ isNormative: true }) })
    expect(normative.needsInterpretation).toBe(true)
    const declined = await payload.create({
      collection: 'policies',
      data: wuqingNotice({ isNormative: true, needsInterpretation: false }),
    })
    expect(declined.needsInterpretation).toBe(false)
  })

  it('refuses attachments that are not documents or media, such as archives', async () => {
    const before = await payload.count({ collection: 'gongkai-attachments' })
    // A ZIP archive: local file header signature and an empty end-of-central-directory record.
    const zip = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00]),
      Buffer.alloc(20),
      Buffer.from([0x50, 0x4b, 0x05, 0x06]),
      Buffer.alloc(18),
    ])
    const errors = await validationErrors(
      payload.create({
        collection: 'gongkai-attachments',
        data: {},
        file: { data: zip, mimetype: 'application/zip', name: '附件.zip', size: zip.length },
      }),
    )
    expect(errors.map((error) => error.path)).toEqual(['file'])
    expect((await payload.count({ collection: 'gongkai-attachments' })).totalDocs).toBe(before.totalDocs)
  })

  it('keeps the 不予公开理由 of a document on request and drops it once the document is 主动公开', async () => {
    const onRequest = await payload.create({
      collection: 'policies',
      data: wuqingNotice({ disclosure: 'on_request', nonDisclosureReason: 'process_information', nonDisclosureExplanation: '条例第十六条' }),
    })
    expect(onRequest).toMatchObject({ disclosure: 'on_request', nonDisclosureReason: 'process_information' })
    const proactive = await payload.update({ collection: 'policies', id: onRequest.id, data: { disclosure: 'proactive' } })
    expect(proactive.disclosure).toBe('proactive')
    expect(proactive.nonDisclosureReason ?? null).toBeNull()
    expect(proactive.nonDisclosureExplanation ?? null).toBeNull()
  })

  it('rejects a 发文字号 another policy already has, whatever brackets it is typed with', async () => {
    await payload.create({ collection: 'policies', data: wuqingNotice({ title: '原文件', documentNumber: '津武政办发〔2023〕7号' }) })
    const before = await payload.count({ collection: 'policies' })
    const errors = await validationErrors(
      payload.create({ collection: 'policies', data: wuqingNotice({ title: '重号文件', documentNumber: '津武政办发【2023】7号' }) }),
    )
    expect(errors).toEqual([
      { path: 'documentNumber', message: '发文字号“津武政办发〔2023〕7号”已被“原文件”使用，一个发文字号只对应一份文件' },
    ])
    expect((await payload.count({ collection: 'policies' })).totalDocs).toBe(before.totalDocs)
  })

  it('accepts a top-level topic that has no children (其他)', async () => {
    const policy = await payload.create({ collection: 'policies', data: wuqingNotice({ topic: otherTopLevel.id }), depth: 0 })
    expect(policy.topic).toBe(otherTopLevel.id)
  })

  it('saves an incomplete draft: rules are checked when publishing, as Payload does for drafts', async () => {
    const draft = await payload.create({ collection: 'policies', data: { title: '未完成的草稿' }, draft: true })
    expect(draft._status).toBe('draft')
    const errors = await validationErrors(
      payload.update({ collection: 'policies', id: draft.id, data: { _status: 'published' }, context: { gongkaiImport: true } }),
    )
    expect(errors.map((error) => error.path).sort()).toEqual(['documentType', 'issuingAgency', 'topic', 'writtenDate'])
  })

  it('never takes the 索引号 from the API; only the workflow (trusted local API) sets it, and it stays unique', async () => {
    const user = await payload.create({ collection: 'users', data: { email: 'editor@example.gov.cn', password: 'correct horse battery' } })
    const created = await payload.create({
      collection: 'policies',
      data: wuqingNotice({ indexNumber: '000014349/2022-00001' }),
      overrideAccess: false,
      user,
    })
    expect(created.indexNumber ?? null).toBeNull()
    // Hook-computed read-only fields are still written under the user's access.
    expect(created.documentNumberCorrections ?? null).toBeNull()
    const updated = await payload.update({
      collection: 'policies',
      id: created.id,
      data: { indexNumber: '000014349/2022-00002', documentNumber: '津武政办发〔2022〕１５号', documentNumberCorrections: '伪造' },
      overrideAccess: false,
      user,
    })
    expect(updated.indexNumber ?? null).toBeNull()
    expect(updated.documentNumber).toBe('津武政办发〔2022〕15号')
    expect(updated.documentNumberCorrections).toBe('将全角数字“１５”改为“15”')

    const assigned = await payload.update({ collection: 'policies', id: created.id, data: { indexNumber: '000014349/2022-00003' } })
    expect(assigned.indexNumber).toBe('000014349/2022-00003')
    const errors = await validationErrors(
      payload.create({ collection: 'policies', data: wuqingNotice({ indexNumber: '000014349/2022-00003' }) }),
    )
    expect(errors.map((error) => error.path)).toEqual(['indexNumber'])
  })

  describe('rejects bad input with a field-level Chinese message and writes nothing', () => {
    const rejected = '被拒绝的文件'
    const cases: [string, () => Record<string, unknown>, { path: string; message: string }[]][] = [
      [
        'a 发文字号 with a two-digit year',
        () => ({ documentNumber: '津武政办发〔22〕12号' }),
        [{ path: 'documentNumber', message: '发文字号“津武政办发〔22〕12号”有误：年份“22”应为四位数字，如“2022”' }],
      ],
      [
        'a 发文字号 without 机关代字',
        () => ({ documentNumber: '〔2022〕12号' }),
        [{ path: 'documentNumber', message: '发文字号“〔2022〕12号”有误：缺少机关代字，如“国办发”' }],
      ],
      [
        'a 发布日期 before the 成文日期',
        () => ({ publishDate: day('2022-06-29') }),
        [{ path: 'publishDate', message: '发布日期不得早于成文日期（2022-06-30）' }],
      ],
      [
        'joint issuers that include the lead agency',
        () => ({ jointIssuers: [finance.id, office.id] }),
        [{ path: 'jointIssuers', message: '联合发文机关不得包含主办的发文机关' }],
      ],
      [
        'a top-level topic that has second-level topics',
        () => ({ topic: generalBranch.id }),
        [{ path: 'topic', message: '主题分类须选到二级分类：“综合政务”下设 9 个二级分类，请选择其中之一' }],
      ],
      [
        'an expired policy without 失效日期',
        () => ({ validity: 'expired' }),
        [{ path: 'expiryDate', message: '有效性为“失效”时须填写失效日期' }],
      ],
      [
        'a 失效日期 before the 成文日期',
        () => ({ validity: 'repealed', expiryDate: day('2021-01-01') }),
        [{ path: 'expiryDate', message: '失效日期不得早于成文日期（2022-06-30）' }],
      ],
      [
        'an amended policy without the replacing document',
        () => ({ validity: 'amended' }),
        [{ path: 'supersededBy', message: '有效性为“已修订”时须关联替代它的新文件' }],
      ],
      [
        '依申请公开 without a reason',
        () => ({ disclosure: 'on_request' }),
        [{ path: 'nonDisclosureReason', message: '公开属性为“依申请公开”时须选择不予公开理由' }],
      ],
      [
        'the reason 其他 without an explanation',
        () => ({ disclosure: 'not_disclosed', nonDisclosureReason: 'other' }),
        [{ path: 'nonDisclosureExplanation', message: '不予公开理由为“其他”时须写明理由和法律依据' }],
      ],
      [
        'a 密级 that is not in the list',
        () => ({ classification: 'restricted' }),
        [{ path: 'classification', message: '该字段有一个无效的选择。' }],
      ],
      [
        'a summary longer than 1500 characters',
        () => ({ summary: '要'.repeat(1501) }),
        [{ path: 'summary', message: '该值必须小于 1500 字符的最大长度' }],
      ],
      [
        'several problems at once, each on its field',
        () => ({ publishDate: day('2022-01-01'), disclosure: 'not_disclosed', documentNumber: '津武政办发〔2022〕第12号' }),
        [
          { path: 'documentNumber', message: '发文字号“津武政办发〔2022〕第12号”有误：序号前不应加“第”' },
          { path: 'nonDisclosureReason', message: '公开属性为“不予公开”时须选择不予公开理由' },
          { path: 'publishDate', message: '发布日期不得早于成文日期（2022-06-30）' },
        ],
      ],
    ]

    it.each(cases)('rejects %s', async (_, data, expected) => {
      const before = await payload.count({ collection: 'policies' })
      const versionsBefore = await payload.countVersions({ collection: 'policies' })
      const errors = await validationErrors(payload.create({ collection: 'policies', data: wuqingNotice({ title: rejected, ...data() }) }))
      expect(errors).toEqual(expected)
      expect((await payload.count({ collection: 'policies' })).totalDocs).toBe(before.totalDocs)
      expect((await payload.countVersions({ collection: 'policies' })).totalDocs).toBe(versionsBefore.totalDocs)
      expect((await payload.find({ collection: 'policies', where: { title: { equals: rejected } } })).totalDocs).toBe(0)
    })

    it('rejects a policy that supersedes itself, keeping the stored document unchanged', async () => {
      const policy = await payload.create({ collection: 'policies', data: wuqingNotice() })
      const replacement = await payload.create({ collection: 'policies', data: wuqingNotice({ title: '新文件' }) })
      const selfReplacing = await validationErrors(
        payload.update({ collection: 'policies', id: policy.id, data: { validity: 'amended', supersededBy: policy.id } }),
      )
      expect(selfReplacing).toEqual([{ path: 'supersededBy', message: '替代文件不能是本文件' }])
      const selfSuperseding = await validationErrors(
        payload.update({ collection: 'policies', id: policy.id, data: { supersedes: [replacement.id, policy.id] } }),
      )
      expect(selfSuperseding).toEqual([{ path: 'supersedes', message: '被替代文件不能是本文件' }])
      const stored = await payload.findByID({ collection: 'policies', id: policy.id, depth: 0 })
      expect(stored.validity).toBe('effective')
      expect(stored.supersededBy ?? null).toBeNull()

      const amended = await payload.update({
        collection: 'policies',
        id: policy.id,
        data: { validity: 'amended', supersededBy: replacement.id },
        depth: 1,
      })
      expect(amended.supersededBy).toMatchObject({ title: '新文件' })
    })
  })
})

describe('interpretations (政策解读)', () => {
  let policy: { id: number | string }
  let secondPolicy: { id: number | string }

  beforeAll(async () => {
    policy = await payload.create({ collection: 'policies', data: wuqingNotice({ title: '被解读的文件' }) })
    secondPolicy = await payload.create({ collection: 'policies', data: wuqingNotice({ title: '另一份被解读的文件' }) })
  })

  it('saves an interpretation of two policies and reads them back', async () => {
    const created = await payload.create({
      collection: 'interpretations',
      data: {
        title: '《武清区政务公开工作要点》政策解读',
        policies: [policy.id, secondPolicy.id],
        form: 'text',
        interpretingAgency: office.id,
        interpreterName: '区政府办公室主任',
        body: lexicalText('一、制定背景……'),
      },
    })
    const read = await payload.findByID({ collection: 'interpretations', id: created.id, depth: 1 })
    expect(read.policies).toMatchObject([{ title: '被解读的文件' }, { title: '另一份被解读的文件' }])
    expect(read.interpretingAgency).toMatchObject({ name: '天津市武清区人民政府办公室' })
    expect(read.form).toBe('text')
    const interpreted = await payload.findByID({ collection: 'policies', id: secondPolicy.id, depth: 1 })
    expect(interpreted.interpretations).toMatchObject({ docs: [{ id: created.id, title: '《武清区政务公开工作要点》政策解读' }] })
  })

  it('accepts a short video as an uploaded file or as a URL', async () => {
    const video = await payload.create({ collection: 'gongkai-attachments', data: { title: '解读短视频' }, file: mp4File() })
    const uploaded = await payload.create({
      collection: 'interpretations',
      data: { title: '短视频解读', policies: [policy.id], form: 'short_video', interpreterName: '区政务服务办', media: [video.id] },
      depth: 1,
    })
    expect(uploaded.media).toMatchObject([{ title: '解读短视频', mimeType: 'video/mp4' }])
    const linked = await payload.create({
      collection: 'interpretations',
      data: { title: '视频解读', policies: [policy.id], form: 'animation', interpreterName: '区政务服务办', videoUrl: 'https://v.example.gov.cn/1.mp4' },
    })
    expect(linked.videoUrl).toBe('https://v.example.gov.cn/1.mp4')
  })

  const cases: [string, () => Record<string, unknown>, { path: string; message: string }[]][] = [
    ['no policy', () => ({ policies: [] }), [{ path: 'policies', message: '该字段为必填项目。' }]],
    [
      'a short video without media or URL',
      () => ({ form: 'short_video' }),
      [{ path: 'videoUrl', message: '解读形式为“短视频”时须上传视频文件或填写视频地址' }],
    ],
    [
      'a video URL that is not http(s)',
      () => ({ videoUrl: 'ftp://v.example.gov.cn/1.mp4' }),
      [{ path: 'videoUrl', message: '视频地址须以 http:// 或 https:// 开头，不能使用“ftp:”' }],
    ],
    [
      'a video URL that is not a URL',
      () => ({ videoUrl: 'v.example.gov.cn/1.mp4' }),
      [{ path: 'videoUrl', message: '视频地址“v.example.gov.cn/1.mp4”不是完整网址，应以 http:// 或 https:// 开头' }],
    ],
    [
      'neither an interpreting agency nor an interpreter',
      () => ({ interpreterName: '' }),
      [{ path: 'interpreterName', message: '解读机构和解读人至少填写一项' }],
    ],
    ['an unknown form', () => ({ form: 'poster' }), [{ path: 'form', message: '该字段有一个无效的选择。' }]],
  ]

  it.each(cases)('rejects %s and writes nothing', async (_, data, expected) => {
    const before = await payload.count({ collection: 'interpretations' })
    const errors = await validationErrors(
      payload.create({
        collection: 'interpretations',
        data: { title: '被拒绝的解读', policies: [policy.id], form: 'text', interpreterName: '区政府办公室主任', ...data() },
      }),
    )
    expect(errors).toEqual(expected)
    expect((await payload.count({ collection: 'interpretations' })).totalDocs).toBe(before.totalDocs)
    expect((await payload.find({ collection: 'interpretations', where: { title: { equals: '被拒绝的解读' } } })).totalDocs).toBe(0)
  })
})

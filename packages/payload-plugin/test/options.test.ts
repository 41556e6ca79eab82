import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { CollectionConfig, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { day } from './support/fixtures.js'
import { pdfFile } from './support/files.js'
import { startPayload } from './support/startPayload.js'
import type { StartedPayload } from './support/startPayload.js'
import { validationErrors } from './support/validationErrors.js'

let started: StartedPayload
let payload: Payload
let mediaDir: string
const noteHookCalls: string[] = []

beforeAll(async () => {
  mediaDir = await mkdtemp(path.join(tmpdir(), 'gongkai-media-'))
  const media: CollectionConfig = { slug: 'media', upload: { staticDir: mediaDir }, fields: [{ name: 'alt', type: 'text' }] }
  started = await startPayload({
    collections: [media],
    pluginOptions: {
      slugs: { policies: 'policy-documents', topics: 'subjects', agencies: 'organs' },
      uploadsCollection: 'media',
      labelLanguages: ['zh'],
      adminGroup: { zh: '信息公开', en: 'Disclosure' },
      seedTopics: true,
      topicTaxonomy: [
        { code: 'A', name: '综合政务', children: [{ code: 'A1', name: '政务公开' }] },
        { code: 'B', name: '其他', children: [] },
      ],
      validityStatuses: [
        { value: 'in_force', label: { zh: '现行有效', en: 'In force' } },
        { value: 'lapsed', label: { zh: '已失效', en: 'Lapsed' }, requiresExpiryDate: true },
      ],
      overrides: {
        policies: ({ defaultCollection }) => ({
          ...defaultCollection,
          fields: [...defaultCollection.fields, { name: 'note', type: 'text' }],
          hooks: {
            ...defaultCollection.hooks,
            beforeChange: [
              ...(defaultCollection.hooks?.beforeChange ?? []),
              ({ data }) => {
                noteHookCalls.push(String(data.documentNumber))
                return data
              },
            ],
          },
        }),
      },
    },
  })
  payload = started.payload
})

afterAll(async () => {
  await started?.stop()
  await rm(mediaDir, { recursive: true, force: true })
})

describe('plugin options', () => {
  it('uses the given slugs and an existing upload collection instead of adding its own', () => {
    const slugs = Object.keys(payload.collections)
    expect(slugs).toEqual(expect.arrayContaining(['policy-documents', 'subjects', 'organs', 'interpretations', 'media']))
    expect(slugs).not.toContain('policies')
    expect(slugs).not.toContain('topics')
    expect(slugs).not.toContain('agencies')
    expect(slugs).not.toContain('gongkai-attachments')
  })

  it('writes labels only in the chosen languages and groups collections under the given name', () => {
    const config = payload.collections['policy-documents']?.config
    expect(config?.labels.singular).toEqual({ zh: '政策文件' })
    expect(config?.admin.group).toEqual({ zh: '信息公开' })
  })

  it('seeds the given taxonomy into the renamed collection', async () => {
    const { docs } = await payload.find({ collection: 'subjects', sort: 'code', depth: 0 })
    expect(docs.map((topic) => [topic.code, topic.fullName])).toEqual([
      ['A', '综合政务'],
      ['A1', '综合政务\\政务公开'],
      ['B', '其他'],
    ])
  })

  it('links renamed collections and the existing upload collection, runs the override’s field and hook after ours', async () => {
    const organ = await payload.create({ collection: 'organs', data: { name: '某区政府办公室' } })
    const topic = (await payload.find({ collection: 'subjects', where: { code: { equals: 'A1' } } })).docs[0]
    const file = await payload.create({ collection: 'media', data: { alt: '附件' }, file: pdfFile() })
    const policy = await payload.create({
      collection: 'policy-documents',
      data: {
        title: '改名后的政策文件',
        documentNumber: '某政办发【2023】3号',
        issuingAgency: organ.id,
        writtenDate: day('2023-01-05'),
        documentType: 'notice',
        topic: topic?.id,
        attachments: [file.id],
        note: '备注',
      },
      depth: 1,
    })
    expect(policy).toMatchObject({ note: '备注', validity: 'in_force', documentNumber: '某政办发〔2023〕3号' })
    expect(policy.issuingAgency).toMatchObject({ name: '某区政府办公室' })
    expect(policy.topic).toMatchObject({ fullName: '综合政务\\政务公开' })
    expect(policy.attachments).toMatchObject([{ alt: '附件', mimeType: 'application/pdf' }])
    // The override's hook ran after the plugin's normalisation.
    expect(noteHookCalls).toEqual(['某政办发〔2023〕3号'])
  })

  it('applies the rules with the configured 有效性 list and the renamed topics collection', async () => {
    const organ = await payload.create({ collection: 'organs', data: { name: '某区财政局' } })
    const branch = (await payload.find({ collection: 'subjects', where: { code: { equals: 'A' } } })).docs[0]
    const errors = await validationErrors(
      payload.create({
        collection: 'policy-documents',
        data: {
          title: '被拒绝',
          issuingAgency: organ.id,
          writtenDate: day('2023-01-05'),
          documentType: 'notice',
          topic: branch?.id,
          validity: 'lapsed',
        },
      }),
    )
    expect(errors).toEqual([
      { path: 'expiryDate', message: '有效性为“已失效”时须填写失效日期' },
      { path: 'topic', message: '主题分类须选到二级分类：“综合政务”下设 1 个二级分类，请选择其中之一' },
    ])
    expect((await payload.find({ collection: 'policy-documents', where: { title: { equals: '被拒绝' } } })).totalDocs).toBe(0)
  })
})

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { creditCode, day } from './support/fixtures.js'
import { startPayload } from './support/startPayload.js'
import type { StartedPayload } from './support/startPayload.js'
import { describeSchema } from './support/schema.js'
import { validationErrors } from './support/validationErrors.js'

let enabled: StartedPayload
let disabled: StartedPayload
let payload: Payload
let appInitRuns = 0

beforeAll(async () => {
  enabled = await startPayload({ key: 'enabled' })
  disabled = await startPayload({
    key: 'disabled',
    pluginOptions: { disabled: true },
    onInit: () => {
      appInitRuns += 1
    },
  })
  payload = disabled.payload
})

afterAll(async () => {
  await disabled?.stop()
  await enabled?.stop()
})

describe('disabled: true', () => {
  it('creates exactly the same database schema as the enabled plugin', async () => {
    const enabledSchema = await describeSchema(enabled.payload)
    const disabledSchema = await describeSchema(disabled.payload)
    expect(enabledSchema.some((line) => line.startsWith('column policies.document_number '))).toBe(true)
    expect(enabledSchema.some((line) => line.startsWith('column _policies_v.version_index_number '))).toBe(true)
    expect(disabledSchema).toEqual(enabledSchema)
  })

  it('seeds no topics but still runs the app’s own onInit', async () => {
    expect((await enabled.payload.count({ collection: 'topics' })).totalDocs).toBeGreaterThan(100)
    expect((await payload.count({ collection: 'topics' })).totalDocs).toBe(0)
    expect(appInitRuns).toBe(1)
  })

  it('runs no hooks: the 发文字号 and organisation code are stored as typed', async () => {
    const code = creditCode('11120222MB0000009')
    const agency = await payload.create({ collection: 'agencies', data: { name: '某机关', organizationCode: code.toLowerCase() } })
    expect(agency.organizationCode).toBe(code.toLowerCase())
    expect(agency.organizationCodeKind ?? null).toBeNull()
    const topic = await payload.create({ collection: 'topics', data: { name: '其他', code: '22' } })
    expect(topic.fullName ?? null).toBeNull()
    const policy = await payload.create({
      collection: 'policies',
      data: {
        title: '停用插件时保存的文件',
        documentNumber: '津武政办发[2022]12号',
        issuingAgency: agency.id,
        writtenDate: day('2022-06-30'),
        documentType: 'notice',
        topic: topic.id,
        isNormative: true,
      },
    })
    expect(policy.documentNumber).toBe('津武政办发[2022]12号')
    expect(policy.documentNumberCorrections ?? null).toBeNull()
    expect(policy.needsInterpretation ?? null).toBeNull()
  })

  it('keeps the field rules, which are part of the schema definition', async () => {
    const errors = await validationErrors(payload.create({ collection: 'agencies', data: { name: '某机关', organizationCode: '123' } }))
    expect(errors.map((error) => error.path)).toEqual(['organizationCode'])
  })
})

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { creditCode, organizationCode } from './support/fixtures.js'
import { startPayload } from './support/startPayload.js'
import type { StartedPayload } from './support/startPayload.js'
import { validationErrors } from './support/validationErrors.js'

let started: StartedPayload
let payload: Payload

beforeAll(async () => {
  started = await startPayload({ pluginOptions: { seedTopics: false } })
  payload = started.payload
})

afterAll(async () => {
  await started?.stop()
})

const wuqingCode = creditCode('11120222MB1234567')

describe('agencies (发布机构)', () => {
  it('saves an agency with its parent and reads the parent back at depth 1', async () => {
    const district = await payload.create({
      collection: 'agencies',
      data: { name: '天津市武清区人民政府', agencyCode: '津武政发', organizationCode: organizationCode('00001434') },
    })
    const office = await payload.create({
      collection: 'agencies',
      data: {
        name: '天津市武清区人民政府办公室',
        shortName: '区政府办',
        agencyCode: '津武政办发',
        organizationCode: ` ${wuqingCode.toLowerCase()} `,
        parent: district.id,
      },
    })
    const read = await payload.findByID({ collection: 'agencies', id: office.id, depth: 1 })
    expect(read.name).toBe('天津市武清区人民政府办公室')
    expect(read.agencyCode).toBe('津武政办发')
    expect(read.organizationCode).toBe(wuqingCode)
    expect(read.organizationCodeKind).toBe('credit_code')
    expect(read.parent).toMatchObject({ id: district.id, name: '天津市武清区人民政府', organizationCodeKind: 'organization_code' })
  })

  it('stores a hyphenated 组织机构代码 without the hyphen and recognises its kind', async () => {
    const code = organizationCode('12345678')
    const agency = await payload.create({
      collection: 'agencies',
      data: { name: '某区统计局', organizationCode: `${code.slice(0, 8)}-${code.slice(8)}` },
    })
    expect(agency.organizationCode).toBe(code)
    expect(agency.organizationCodeKind).toBe('organization_code')
  })

  it('ignores a code kind sent through the API and records the one it recognises', async () => {
    const user = await payload.create({ collection: 'users', data: { email: 'admin@example.gov.cn', password: 'correct horse battery' } })
    const agency = await payload.create({
      collection: 'agencies',
      data: { name: '某区民政局', organizationCode: creditCode('11120222MB0000017'), organizationCodeKind: 'organization_code' },
      overrideAccess: false,
      user,
    })
    expect(agency.organizationCodeKind).toBe('credit_code')
  })

  it('rejects a 统一社会信用代码 with a wrong check character, names the field and writes nothing', async () => {
    const valid = creditCode('11120222MB7654321')
    const wrong = `${valid.slice(0, 17)}${valid.endsWith('0') ? '1' : '0'}`
    const before = await payload.count({ collection: 'agencies' })
    const errors = await validationErrors(payload.create({ collection: 'agencies', data: { name: '错误代码机关', organizationCode: wrong } }))
    expect(errors).toEqual([
      { path: 'organizationCode', message: `机构代码“${wrong}”有误：统一社会信用代码校验码错误，应为“${valid.slice(17)}”` },
    ])
    expect((await payload.count({ collection: 'agencies' })).totalDocs).toBe(before.totalDocs)
    expect((await payload.find({ collection: 'agencies', where: { name: { equals: '错误代码机关' } } })).totalDocs).toBe(0)
  })

  it('rejects a code that is neither 18 nor 9 characters long', async () => {
    const errors = await validationErrors(payload.create({ collection: 'agencies', data: { name: '某机关', organizationCode: '1234567' } }))
    expect(errors).toEqual([{ path: 'organizationCode', message: '机构代码“1234567”应为 18 位统一社会信用代码或 9 位组织机构代码，实为 7 位' }])
  })

  it('rejects a 机关代字 that carries a year or sequence', async () => {
    const errors = await validationErrors(
      payload.create({ collection: 'agencies', data: { name: '某机关', agencyCode: '津武政办发〔2022〕12号' } }),
    )
    expect(errors).toEqual([
      { path: 'agencyCode', message: '机关代字“津武政办发〔2022〕12号”不能用于发文字号：应为不含年份、括号和序号的机关代字，如“津武政办发”' },
    ])
  })

  it('rejects the agency itself as its parent', async () => {
    const agency = await payload.create({ collection: 'agencies', data: { name: '自指机关' } })
    const errors = await validationErrors(
      payload.update({ collection: 'agencies', id: agency.id, data: { parent: agency.id } }),
    )
    expect(errors).toEqual([{ path: 'parent', message: '上级机关不能是本机关' }])
    const read = await payload.findByID({ collection: 'agencies', id: agency.id, depth: 0 })
    expect(read.parent ?? null).toBeNull()
  })

  it('rejects a subordinate (an agency further down the tree) as the parent, so no cycle can form', async () => {
    const top = await payload.create({ collection: 'agencies', data: { name: '市政府' } })
    const middle = await payload.create({ collection: 'agencies', data: { name: '区政府', parent: top.id } })
    const bottom = await payload.create({ collection: 'agencies', data: { name: '区政府办公室', parent: middle.id } })
    const errors = await validationErrors(payload.update({ collection: 'agencies', id: top.id, data: { parent: bottom.id } }))
    expect(errors).toEqual([{ path: 'parent', message: '上级机关不能是本机关的下级机关：“区政府办公室”隶属于本机关，会形成循环' }])
    const read = await payload.findByID({ collection: 'agencies', id: top.id, depth: 0 })
    expect(read.parent ?? null).toBeNull()
  })

  it('rejects a second agency with the same organisation code', async () => {
    const before = await payload.count({ collection: 'agencies' })
    const errors = await validationErrors(
      payload.create({ collection: 'agencies', data: { name: '重复代码机关', organizationCode: wuqingCode } }),
    )
    expect(errors.map((error) => error.path)).toEqual(['organizationCode'])
    expect((await payload.count({ collection: 'agencies' })).totalDocs).toBe(before.totalDocs)
  })
})

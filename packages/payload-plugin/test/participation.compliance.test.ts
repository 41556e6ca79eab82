import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { day } from './support/fixtures.js'
import { createGraphQLClient } from './support/graphql.js'
import type { GraphQLClient } from './support/graphql.js'
import { startRestServer } from './support/rest.js'
import type { RestServer } from './support/rest.js'
import { startPayload } from './support/startPayload.js'
import type { StartedPayload } from './support/startPayload.js'
import { validationErrors } from './support/validationErrors.js'
import { createWorkflowWorld } from './support/workflowWorld.js'
import type { WorkflowWorld } from './support/workflowWorld.js'

const key = 'gongkai-participation-compliance'
let started: StartedPayload
let payload: Payload
let world: WorkflowWorld
let server: RestServer
let query: GraphQLClient
let government: number

beforeAll(async () => {
  started = await startPayload({ key, pluginOptions: { participationTarget: 4 } })
  payload = started.payload
  world = await createWorkflowWorld(payload)
  server = await startRestServer({ payload, payloadInstanceCacheKey: key })
  query = createGraphQLClient(payload)
  government = (await payload.create({ collection: 'agencies', data: { name: '天津市武清区人民政府' } })).id as number
  await payload.update({ collection: 'agencies', id: world.agencyA, data: { parent: government } })
})

afterAll(async () => {
  await server?.close()
  await started?.stop()
})

function attendance(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'meeting_attendance',
    meetingKind: 'executive_meeting',
    meetingName: '区政府第35次常务会议',
    meetingDate: day('2026-04-20'),
    agency: world.agencyA,
    selectionMethod: 'open_registration',
    selectionDate: day('2026-04-10'),
    selectionNote: '共 12 人报名，按界别和报名先后遴选 2 人',
    participants: [
      { displayName: '居民代表甲', selectionMethod: 'open_registration', sector: 'resident' },
      { displayName: '企业代表乙', selectionMethod: 'open_registration', sector: 'enterprise' },
    ],
    opinions: [
      { speaker: '居民代表甲', content: '建议在老旧小区增设养老服务站', adoption: 'adopted' },
      { speaker: '企业代表乙', content: '建议放宽社会资本准入', adoption: 'not_adopted', adoptionReason: '准入条件由市级规定' },
    ],
    publicSummary: '2 名公众代表列席会议，发表意见 2 条。',
    ...overrides,
  }
}

async function publishAttendance(overrides: Record<string, unknown> = {}) {
  const record = await world.createDraft('participation', attendance(overrides))
  await world.approve('participation', record.id)
  await world.act('publisher', { collection: 'participation', id: record.id, action: 'publish' })
  return record
}

describe('yearly 公众参与 compliance', () => {
  beforeAll(async () => {
    await publishAttendance()
    // The same meeting recorded for a second decision counts once.
    await publishAttendance({ publicSummary: '同一次会议的另一议题。' })
    await publishAttendance({ meetingName: '区政府第40次常务会议', meetingDate: day('2026-06-15') })
    await publishAttendance({ meetingKind: 'plenary_meeting', meetingName: '区政府第3次全体会议', meetingDate: day('2026-09-01') })
    // Not counted: a 专题会议, a meeting of 2025, one on 1 January 2027 in Beijing, and a draft.
    await publishAttendance({ meetingKind: 'special_meeting', meetingName: '养老服务专题会议', meetingDate: day('2026-05-05') })
    await publishAttendance({ meetingName: '区政府第20次常务会议', meetingDate: day('2025-12-31') })
    await publishAttendance({ meetingName: '区政府第50次常务会议', meetingDate: '2026-12-31T17:00:00.000Z' })
    await world.createDraft('participation', attendance({ meetingName: '区政府第45次常务会议', meetingDate: day('2026-10-10') }))
  })

  it('counts each public attendance of a 常务会议 or 全体会议 once, for the government and the agencies under it, against the configured target', async () => {
    const response = await server.request({ path: `/gongkai/participation-compliance?year=2026&agency=${government}` })
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({
      year: 2026,
      agency: { id: government, name: '天津市武清区人民政府' },
      count: 3,
      target: 4,
      isMet: false,
      shortfall: 1,
      countedMeetingKinds: [
        { value: 'executive_meeting', label: '政府常务会议' },
        { value: 'plenary_meeting', label: '政府全体会议' },
      ],
    })
    expect(response.body.meetings.map((meeting: Record<string, unknown>) => [meeting.date, meeting.name, meeting.isCounted, (meeting.records as unknown[]).length])).toEqual([
      ['2026-04-20', '区政府第35次常务会议', true, 2],
      ['2026-05-05', '养老服务专题会议', false, 1],
      ['2026-06-15', '区政府第40次常务会议', true, 1],
      ['2026-09-01', '区政府第3次全体会议', true, 1],
    ])
    expect(response.body.meetings[0]).toMatchObject({ participantCount: 2, opinionCount: 4, adoptionSummary: '共收到列席人员意见 4 条：采纳 2 条，未采纳 2 条。' })
  })

  it('counts per government level: another agency has none', async () => {
    const response = await server.request({ path: `/gongkai/participation-compliance?year=2026&agency=${world.agencyB}` })
    expect(response.body).toMatchObject({ count: 0, isMet: false, shortfall: 4, meetings: [] })
    const previous = await server.request({ path: `/gongkai/participation-compliance?year=2025&agency=${government}` })
    expect(previous.body).toMatchObject({ count: 1, meetings: [{ date: '2025-12-31' }] })
  })

  it.each([
    ['year=abc&agency=1', 400, 'year', '参数“年度”（year）须为 2000 至 2100 之间的四位年份，而不是“abc”'],
    ['year=99999&agency=1', 400, 'year', '参数“年度”（year）须为 2000 至 2100 之间的四位年份，而不是“99999”'],
    ['year=2026%00&agency=1', 400, 'year', undefined],
    ['agency=1', 400, 'year', undefined],
    ['year=2026&agency=1%20or%201%3D1', 400, 'agency', '参数“政府层级机关”（agency）须为机关的ID，而不是“1 or 1=1”'],
    ['year=2026&agency=999999999', 404, 'agency', '找不到ID为“999999999”的机关'],
  ])('answers %s with %i naming the parameter', async (search, status, path, message) => {
    const response = await server.request({ path: `/gongkai/participation-compliance?${search}` })
    expect(response.status).toBe(status)
    const error = response.body.errors[0]
    expect(error.data.errors[0].path).toBe(path)
    if (message) expect(error.message).toBe(message)
  })
})

describe('participation records', () => {
  it('publishes the selection record and the adoption of each attendee’s opinion, generated from the opinions', async () => {
    const record = await publishAttendance({ meetingName: '区政府第41次常务会议', meetingDate: day('2026-07-01') })
    const response = await server.request({ path: `/participation/${record.id}?depth=0` })
    expect(response.body).toMatchObject({
      meetingKind: 'executive_meeting',
      selectionMethod: 'open_registration',
      selectionNote: '共 12 人报名，按界别和报名先后遴选 2 人',
      opinionAdoptionSummary: '共收到列席人员意见 2 条：采纳 1 条，未采纳 1 条。',
    })
  })

  it('refuses personal data in the public selection record, and an attendance without its meeting kind', async () => {
    const errors = await validationErrors(
      payload.create({ collection: 'participation', data: attendance({ selectionNote: '入选：张伟 13812345678', meetingKind: null }) }),
    )
    expect(errors).toEqual([
      { path: 'meetingKind', message: '参与形式为“列席会议”时须选择决策会议类型' },
      { path: 'selectionNote', message: '遴选情况将公开，不得含个人信息或涉密标志：含有手机号码“13812345678”' },
    ])
  })

  it('links an attendance to its decision’s meeting: same day', async () => {
    const decision = await payload.create({
      collection: 'decisions',
      data: {
        catalogueYear: 2026,
        catalogueNumber: 1,
        title: '武清区养老服务设施布局规划',
        responsibleAgency: world.agencyA,
        stage: 'drafting',
        legalityReviewDate: day('2026-04-15'),
        legalityReviewConclusion: 'lawful',
        meeting: { date: day('2026-04-20'), kind: 'executive_meeting', name: '区政府第35次常务会议' },
      },
    })
    const errors = await validationErrors(payload.create({ collection: 'participation', data: attendance({ decision: decision.id, meetingDate: day('2026-04-21') }) }))
    expect(errors).toEqual([{ path: 'meetingKind', message: '列席的会议日期（2026-04-21）与所关联决策“武清区养老服务设施布局规划”的集体讨论决定会议日期（2026-04-20）不一致' }])
    const linked = await payload.create({ collection: 'participation', data: attendance({ decision: decision.id }) })
    expect(linked.decision).toMatchObject({ id: decision.id })
  })
})

describe('报名 (open registration): personal data never public', () => {
  let meetingId: number
  let registrationId: number

  beforeAll(async () => {
    meetingId = (await publishAttendance({ meetingName: '区政府第42次常务会议', meetingDate: day('2026-08-01') })).id
    const registration = await payload.create({
      collection: 'participation-registrations',
      data: {
        participation: meetingId,
        name: '张伟',
        phone: '13812345678',
        idNumber: '11010519491231002X',
        sector: 'resident',
        statement: '长期关注社区养老',
        status: 'selected',
        displayName: '居民代表丙',
        selectionReason: '居住在规划涉及的社区，按报名先后入选',
      },
      depth: 0,
      overrideAccess: false,
      user: world.users.editor,
    })
    registrationId = registration.id as number
    expect(registration).toMatchObject({ agency: world.agencyA, phone: '13812345678' })
  })

  it('is read by the 承办单位 only: never anonymously (REST, GraphQL, local API) nor by another agency', async () => {
    const anonymous = await server.request({ path: `/participation-registrations/${registrationId}` })
    expect(anonymous.status).toBe(403)
    const anonymousList = await server.request({ path: '/participation-registrations' })
    expect(anonymousList.status).toBe(403)
    expect(JSON.stringify(anonymousList.body)).not.toContain('13812345678')

    const graphql = await query({ query: '{ ParticipationRegistrations { docs { name phone idNumber } } }' })
    expect(graphql.data?.ParticipationRegistrations ?? null).toBeNull()
    expect(graphql.errors.length).toBeGreaterThan(0)
    const graphqlOther = await query({ query: '{ ParticipationRegistrations { docs { name phone idNumber } } }', user: world.users.editorB })
    expect(JSON.stringify(graphqlOther)).not.toContain('13812345678')

    await expect(payload.find({ collection: 'participation-registrations', overrideAccess: false })).rejects.toThrow()
    const otherAgency = await payload.find({ collection: 'participation-registrations', overrideAccess: false, user: world.users.reviewerB })
    expect(otherAgency.docs).toEqual([])

    const owner = await payload.findByID({ collection: 'participation-registrations', id: registrationId, overrideAccess: false, user: world.users.reviewer })
    expect(owner).toMatchObject({ name: '张伟', phone: '13812345678', idNumber: '11010519491231002X' })
    const ownerGraphql = await query({ query: '{ ParticipationRegistrations { docs { phone } } }', user: world.users.publisher })
    expect(ownerGraphql.data.ParticipationRegistrations.docs).toEqual([{ phone: '13812345678' }])
  })

  it('keeps registrations out of the published meeting record', async () => {
    const response = await server.request({ path: `/participation/${meetingId}?depth=2` })
    expect(response.status).toBe(200)
    expect(JSON.stringify(response.body)).not.toContain('13812345678')
    expect(JSON.stringify(response.body)).not.toContain('11010519491231002X')
  })

  it('refuses a registration for another agency’s meeting, and checks the ID, the phone and the selection', async () => {
    const other = await validationErrors(
      payload.create({
        collection: 'participation-registrations',
        data: { participation: meetingId, name: '李女士', phone: '13912345678', sector: 'resident' },
        overrideAccess: false,
        user: world.users.editorB,
      }),
    )
    expect(other).toEqual([{ path: 'participation', message: '你在“区政府第42次常务会议”的承办单位没有“撰稿”角色，不能登记其报名' }])
    const errors = await validationErrors(
      payload.create({
        collection: 'participation-registrations',
        data: { participation: meetingId, name: '王先生', phone: '12345', idNumber: '110105194912310021', sector: 'resident', status: 'selected', displayName: '王先生 13812345678' },
        overrideAccess: false,
        user: world.users.editor,
      }),
    )
    expect(errors).toEqual([
      { path: 'displayName', message: '公开显示名称不得含个人信息：含有手机号码“13812345678”，请改用“居民代表甲”“张先生”等称呼' },
      { path: 'idNumber', message: '身份证号校验码错误，应为“X”' },
      { path: 'phone', message: expect.stringMatching(/^联系电话“12345”无效：/) },
      { path: 'selectionReason', message: '遴选结果为“入选”时须写明遴选理由' },
    ])
  })
})

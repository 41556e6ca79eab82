import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { day, lexicalText } from './support/fixtures.js'
import { startPayload } from './support/startPayload.js'
import type { StartedPayload } from './support/startPayload.js'
import { validationErrors } from './support/validationErrors.js'

let started: StartedPayload
let payload: Payload
let agency: { id: number | string }
let policy: { id: number | string }
let notice: { id: number | string }

beforeAll(async () => {
  started = await startPayload({ pluginOptions: { commentPeriodMinDays: 30 } })
  payload = started.payload
  agency = await payload.create({ collection: 'agencies', data: { name: '天津市武清区发展和改革委员会' } })
  const topic = (await payload.find({ collection: 'topics', where: { code: { equals: '03.01' } } })).docs[0]
  policy = await payload.create({
    collection: 'policies',
    data: {
      title: '武清区促进数字经济发展若干措施',
      issuingAgency: agency.id,
      writtenDate: day('2024-09-01'),
      documentType: 'notice',
      topic: topic?.id,
    },
  })
  notice = await payload.create({
    collection: 'policies',
    data: {
      title: '关于公开征求《武清区数字经济发展规划（征求意见稿）》意见的公告',
      issuingAgency: agency.id,
      writtenDate: day('2024-02-28'),
      documentType: 'announcement',
      topic: topic?.id,
    },
  })
})

afterAll(async () => {
  await started?.stop()
})

let nextNumber = 10
/** A decision that passes every rule; catalogue numbers do not repeat across tests. */
function decision(overrides: Record<string, unknown> = {}) {
  nextNumber += 1
  return {
    catalogueYear: 2024,
    catalogueNumber: nextNumber,
    title: '武清区数字经济发展规划',
    responsibleAgency: agency.id,
    stage: 'drafting',
    commentPeriodStart: day('2024-03-01'),
    commentPeriodEnd: day('2024-03-31'),
    ...overrides,
  }
}

function participation(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'symposium',
    meetingName: '数字经济发展规划企业座谈会',
    meetingDate: day('2024-03-15'),
    participants: [
      { displayName: '企业代表甲', selectionMethod: 'invitation', sector: 'enterprise' },
      { displayName: '张先生', selectionMethod: 'open_registration', sector: 'resident' },
    ],
    ...overrides,
  }
}

describe('decisions (重大行政决策)', () => {
  let saved: { id: number | string }

  it('saves a decision with comments, reviews and meeting, and reads back its policies and participation records', async () => {
    saved = await payload.create({
      collection: 'decisions',
      data: decision({
        catalogueNumber: 1,
        draftText: lexicalText('第一条 为促进数字经济发展……'),
        draftingExplanation: lexicalText('起草说明……'),
        background: lexicalText('背景……'),
        commentNotice: notice.id,
        publicComments: [
          { summary: '建议增加人才引进措施', receivedDate: day('2024-03-10'), adoption: 'adopted' },
          { summary: '建议取消企业用地限制', adoption: 'not_adopted', adoptionReason: '与国土空间规划不符' },
        ],
        riskAssessment: lexicalText('社会稳定风险评估结论：低风险'),
        riskAssessmentDate: day('2024-04-10'),
        riskAssessmentDisclosure: 'public',
        expertReview: lexicalText('专家论证意见……'),
        expertReviewDate: day('2024-04-12'),
        expertReviewDisclosure: 'not_public',
        expertReviewNonDisclosureReason: '涉及尚未公开的产业布局',
        legalityReview: lexicalText('合法性审查意见：合法'),
        legalityReviewDate: day('2024-04-20'),
        legalityReviewConclusion: 'lawful',
        meeting: { date: day('2024-05-10'), kind: 'executive_meeting', name: '区政府第12次常务会议' },
        result: lexicalText('会议原则通过'),
        effectEvaluation: lexicalText('实施一年后评估……'),
        resultingPolicies: [policy.id],
        stage: 'decided',
      }),
    })
    await payload.create({ collection: 'participation', data: participation({ decision: saved.id }) })
    const read = await payload.findByID({ collection: 'decisions', id: saved.id, depth: 1 })
    expect(read).toMatchObject({
      catalogueYear: 2024,
      catalogueNumber: 1,
      stage: 'decided',
      meeting: { kind: 'executive_meeting', name: '区政府第12次常务会议' },
      publicComments: [
        { summary: '建议增加人才引进措施', adoption: 'adopted' },
        { summary: '建议取消企业用地限制', adoption: 'not_adopted', adoptionReason: '与国土空间规划不符' },
      ],
    })
    expect(read.responsibleAgency).toMatchObject({ name: '天津市武清区发展和改革委员会' })
    expect(read.resultingPolicies).toMatchObject([{ title: '武清区促进数字经济发展若干措施' }])
    expect(read.participationRecords).toMatchObject({ docs: [{ meetingName: '数字经济发展规划企业座谈会' }] })
  })

  it('accepts the same catalogue number in another year', async () => {
    const other = await payload.create({ collection: 'decisions', data: decision({ catalogueYear: 2025, catalogueNumber: 1 }) })
    expect(other).toMatchObject({ catalogueYear: 2025, catalogueNumber: 1 })
  })

  it('checks the comment period against the configured minimum, counting calendar days in Beijing', async () => {
    // Beijing dates picked late in the evening are the next UTC day; the rule is about Beijing days.
    const exact = await payload.create({
      collection: 'decisions',
      data: decision({ commentPeriodStart: '2024-02-29T16:30:00.000Z', commentPeriodEnd: '2024-03-30T23:00:00.000Z' }),
    })
    expect(exact.commentPeriodEnd).toBe('2024-03-30T23:00:00.000Z')
  })

  const cases: [string, () => Record<string, unknown>, { path: string; message: string }[]][] = [
    [
      'a catalogue number already used that year',
      () => ({ catalogueNumber: 1 }),
      [{ path: 'catalogueNumber', message: '目录年度、目录序号为“2024、1”的记录已存在（“武清区数字经济发展规划”），两者组合不得重复' }],
    ],
    [
      'a comment period shorter than 30 days',
      () => ({ commentPeriodEnd: day('2024-03-30') }),
      [{ path: 'commentPeriodEnd', message: '征求意见期限不得少于 30 日：开始日期为 2024-03-01，结束日期不得早于 2024-03-31；因情况紧急等原因缩短期限的，须填写缩短期限的理由' }],
    ],
    [
      'a comment period with a start but no end',
      () => ({ commentPeriodEnd: null }),
      [{ path: 'commentPeriodEnd', message: '已填写征求意见开始日期，须同时填写结束日期' }],
    ],
    [
      'a comment not adopted without a reason',
      () => ({ publicComments: [{ summary: '建议暂缓实施', adoption: 'adopted' }, { summary: '建议取消', adoption: 'not_adopted' }] }),
      [{ path: 'publicComments.1.adoptionReason', message: '采纳情况为“未采纳”时须说明理由' }],
    ],
    [
      'a comment partly adopted without a reason',
      () => ({ publicComments: [{ summary: '建议扩大范围', adoption: 'partially_adopted', adoptionReason: '  ' }] }),
      [{ path: 'publicComments.0.adoptionReason', message: '采纳情况为“部分采纳”时须说明理由' }],
    ],
    [
      'an unknown meeting kind',
      () => ({ meeting: { kind: 'party' } }),
      [{ path: 'meeting.kind', message: '该字段有一个无效的选择。' }],
    ],
    ['a missing responsible agency', () => ({ responsibleAgency: null }), [{ path: 'responsibleAgency', message: '该字段为必填项目。' }]],
  ]

  it.each(cases)('rejects %s and writes nothing', async (_, data, expected) => {
    const before = await payload.count({ collection: 'decisions' })
    const versionsBefore = await payload.countVersions({ collection: 'decisions' })
    const errors = await validationErrors(payload.create({ collection: 'decisions', data: decision({ title: '被拒绝的决策', ...data() }) }))
    expect(errors).toEqual(expected)
    expect((await payload.count({ collection: 'decisions' })).totalDocs).toBe(before.totalDocs)
    expect((await payload.countVersions({ collection: 'decisions' })).totalDocs).toBe(versionsBefore.totalDocs)
    expect((await payload.find({ collection: 'decisions', where: { title: { equals: '被拒绝的决策' } } })).totalDocs).toBe(0)
  })

  it('keeps a decision’s catalogue number when it is saved again', async () => {
    const updated = await payload.update({ collection: 'decisions', id: saved.id, data: { title: '武清区数字经济发展规划（修订）' } })
    expect(updated).toMatchObject({ catalogueNumber: 1, title: '武清区数字经济发展规划（修订）' })
  })
})

describe('participation (公众参与)', () => {
  it('saves participants and their opinions and reads the related decision back', async () => {
    const related = await payload.create({ collection: 'decisions', data: decision() })
    const created = await payload.create({
      collection: 'participation',
      data: participation({
        kind: 'meeting_attendance',
        meetingKind: 'executive_meeting',
        decision: related.id,
        opinions: [
          { speaker: '企业代表甲', content: '建议加大算力补贴', adoption: 'partially_adopted', adoptionReason: '补贴上限按财力确定' },
          { speaker: '张先生', content: '建议公开申报流程', adoption: 'adopted' },
        ],
        publicSummary: '共 2 名公众代表列席会议，提出意见 2 条，采纳 1 条，部分采纳 1 条。',
      }),
    })
    const read = await payload.findByID({ collection: 'participation', id: created.id, depth: 1 })
    expect(read).toMatchObject({
      kind: 'meeting_attendance',
      participants: [
        { displayName: '企业代表甲', selectionMethod: 'invitation', sector: 'enterprise' },
        { displayName: '张先生', selectionMethod: 'open_registration', sector: 'resident' },
      ],
      opinions: [
        { speaker: '企业代表甲', adoption: 'partially_adopted', adoptionReason: '补贴上限按财力确定' },
        { speaker: '张先生', adoption: 'adopted' },
      ],
    })
    expect(read.decision).toMatchObject({ id: related.id, title: '武清区数字经济发展规划' })
  })

  it('checks an opinion added later against the participants already stored', async () => {
    const record = await payload.create({ collection: 'participation', data: participation() })
    const updated = await payload.update({
      collection: 'participation',
      id: record.id,
      data: { opinions: [{ speaker: '张先生', content: '建议分批实施', adoption: 'pending' }] },
    })
    expect(updated.opinions).toMatchObject([{ speaker: '张先生', adoption: 'pending' }])
    const errors = await validationErrors(
      payload.update({
        collection: 'participation',
        id: record.id,
        data: { opinions: [{ speaker: '王女士', content: '建议暂缓', adoption: 'pending' }] },
      }),
    )
    expect(errors).toEqual([
      { path: 'opinions.0.speaker', message: '发言人“王女士”不在参与人名单中；请填写参与人的公开显示名称（企业代表甲、张先生）' },
    ])
    const stored = await payload.findByID({ collection: 'participation', id: record.id, depth: 0 })
    expect(stored.opinions).toMatchObject([{ speaker: '张先生' }])
  })

  const participant = (displayName: string) => ({ displayName, selectionMethod: 'open_registration', sector: 'resident' })
  const cases: [string, () => Record<string, unknown>, { path: string; message: string }[]][] = [
    [
      'a display name with a mobile number',
      () => ({ participants: [participant('居民代表 13812345678')] }),
      [{ path: 'participants.0.displayName', message: '公开显示名称不得含个人信息：含有手机号码“13812345678”，请改用“居民代表甲”“张先生”等称呼' }],
    ],
    [
      'a display name with an ID number',
      () => ({ participants: [participant('企业代表甲'), participant('居民11010519491231002X')] }),
      [{ path: 'participants.1.displayName', message: '公开显示名称不得含个人信息：含有居民身份证号“11010519491231002X”，请改用“居民代表甲”“张先生”等称呼' }],
    ],
    [
      'a display name with an e-mail address',
      () => ({ participants: [participant('zhang.wei@example.com')] }),
      [{ path: 'participants.0.displayName', message: '公开显示名称不得含个人信息：含有电子邮箱地址“zhang.wei@example.com”，请改用“居民代表甲”“张先生”等称呼' }],
    ],
    [
      'a display name that is a real full name',
      () => ({ participants: [participant('张伟')] }),
      [{ path: 'participants.0.displayName', message: '公开显示名称“张伟”疑似真实姓名，不得公开；请改用“张先生”“居民代表甲”等不含个人信息的称呼' }],
    ],
    [
      'two participants with the same display name',
      () => ({ participants: [participant('居民代表甲'), participant('居民代表甲')] }),
      [{ path: 'participants.1.displayName', message: '公开显示名称“居民代表甲”与第 1 位参与人重复；发言人按名称区分，名称须唯一' }],
    ],
    [
      'an opinion by someone who is not a participant',
      () => ({ opinions: [{ speaker: '李女士', content: '建议延长征求意见期', adoption: 'adopted' }] }),
      [{ path: 'opinions.0.speaker', message: '发言人“李女士”不在参与人名单中；请填写参与人的公开显示名称（企业代表甲、张先生）' }],
    ],
    [
      'an opinion not adopted without a reason',
      () => ({ opinions: [{ speaker: '张先生', content: '建议取消该项目', adoption: 'not_adopted' }] }),
      [{ path: 'opinions.0.adoptionReason', message: '采纳情况为“未采纳”时须说明理由' }],
    ],
    [
      'an unknown selection method',
      () => ({ participants: [{ displayName: '居民代表乙', selectionMethod: 'lottery', sector: 'resident' }] }),
      [{ path: 'participants.0.selectionMethod', message: '该字段有一个无效的选择。' }],
    ],
    ['a missing kind', () => ({ kind: null }), [{ path: 'kind', message: '该字段为必填项目。' }]],
  ]

  it.each(cases)('rejects %s and writes nothing', async (_, data, expected) => {
    const before = await payload.count({ collection: 'participation' })
    const errors = await validationErrors(
      payload.create({ collection: 'participation', data: participation({ meetingName: '被拒绝的记录', ...data() }) }),
    )
    expect(errors).toEqual(expected)
    expect((await payload.count({ collection: 'participation' })).totalDocs).toBe(before.totalDocs)
    expect((await payload.find({ collection: 'participation', where: { meetingName: { equals: '被拒绝的记录' } } })).totalDocs).toBe(0)
  })
})

import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { documentInput, schemaErrors, startLibrary, type Call, type RunningLibrary } from './helpers.js'

/**
 * 决策专栏: a decision is stored with its structured dossier (steps with dates, sections, comment statistics,
 * participation records), read back with the document and on its own, kept per version, and refused — 4xx
 * naming the field, nothing stored — when hostile or inconsistent.
 */
let library: RunningLibrary
let token: string

function dossier(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    stage: 'implementing',
    catalogueYear: 2024,
    catalogueNumber: '2024-03',
    steps: [
      { step: 'public_participation', status: 'complete', date: '2024-03-01', endDate: '2024-03-31' },
      { step: 'expert_review', status: 'complete', date: '2024-04-08' },
      { step: 'risk_assessment', status: 'withheld', date: '2024-04-12' },
      { step: 'legality_review', status: 'complete', date: '2024-04-18' },
      { step: 'collective_decision', status: 'complete', date: '2024-04-25' },
      { step: 'publication', status: 'complete', date: '2024-04-28' },
      { step: 'implementation', status: 'complete', date: '2024-06-01' },
      { step: 'post_evaluation', status: 'incomplete' },
    ],
    sections: [
      { section: 'draftText', title: '决策草案全文', html: '<p>武清区老旧小区改造实施方案（草案）</p>', text: '武清区老旧小区改造实施方案（草案）' },
      { section: 'draftingExplanation', title: '草案说明', text: '一、起草背景。二、主要内容。' },
      { section: 'expertReview', title: '专家论证意见', text: '专家组认为方案总体可行。' },
      { section: 'result', title: '决策结果', text: '区政府常务会议审议通过。' },
    ],
    consultation: { consultationForm: 'public_solicitation', startDate: '2024-03-01', endDate: '2024-03-31', noticeContentId: 'policies-7', noticeTitle: '关于公开征求意见的公告' },
    comments: {
      adoption: { total: 2, adopted: 1, partiallyAdopted: 0, notAdopted: 1, pending: 0, summary: '共收到意见 2 条：采纳 1 条，未采纳 1 条。' },
      entries: [
        { summary: '建议增加电梯加装内容', adoption: 'adopted' },
        { summary: '建议全部拆除重建', adoption: 'not_adopted', adoptionReason: '超出本次改造范围' },
      ],
    },
    legalityConclusion: 'lawful',
    decisionMeeting: { meetingDate: '2024-04-25', meetingKind: 'executive_meeting', meetingName: '区政府第12次常务会议' },
    implementation: [{ date: '2024-06-01', recordKind: 'progress', content: '首批12个小区开工。' }],
    participation: [
      {
        participationKind: 'meeting_attendance',
        meetingName: '区政府第12次常务会议',
        meetingDate: '2024-04-25',
        meetingKind: 'executive_meeting',
        selectionMethod: 'open_registration',
        selectionNote: '报名 9 人，按界别随机抽取 3 人。',
        participants: [
          { displayName: '居民代表甲', sector: 'resident', selectionMethod: 'open_registration' },
          { displayName: '企业代表乙', sector: 'enterprise', selectionMethod: 'open_registration' },
        ],
        opinions: [{ speaker: '居民代表甲', content: '希望优先改造管网。', adoption: 'adopted' }],
        adoption: { total: 1, adopted: 1, partiallyAdopted: 0, notAdopted: 0, pending: 0, summary: '共收到列席人员意见 1 条：采纳 1 条。' },
      },
    ],
    ...overrides,
  }
}

/** 专家论证 marked 不适用, its reason given, and no 专家论证意见 among the sections. */
function notApplicableDossier(reason: unknown = '本事项不涉及专业性、技术性较强的问题', step = 'expert_review'): Record<string, unknown> {
  return dossier({
    steps: (dossier().steps as Record<string, unknown>[]).map((entry) => (entry.step === step ? { step, status: 'not_applicable', ...(reason === null ? {} : { notApplicableReason: reason }) } : entry)),
    sections: (dossier().sections as Record<string, unknown>[]).filter((section) => section.section !== 'expertReview'),
  })
}

function decision(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return documentInput({
    kind: 'decision',
    title: '武清区老旧小区改造实施方案',
    documentNumber: undefined,
    documentType: undefined,
    bodyText: '区政府常务会议审议通过。',
    dossier: dossier(),
    ...overrides,
  })
}

async function storedRows(): Promise<number> {
  const client = new pg.Client({ connectionString: library.database.url })
  await client.connect()
  try {
    const { rows } = await client.query<{ count: string }>(
      'SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM document_versions) + (SELECT count(*) FROM events) + (SELECT count(*) FROM idempotency_keys) AS count',
    )
    return Number(rows[0]?.count)
  } finally {
    await client.end()
  }
}

function expectFieldProblem(answer: Call, pointer: string, rules?: string[]): void {
  expect(answer.status, answer.text.slice(0, 400)).toBeGreaterThanOrEqual(400)
  expect(answer.status).toBeLessThan(500)
  expect(answer.headers.get('content-type')).toContain('application/problem+json')
  const errors = answer.body.errors as { pointer: string; detail: string; rule?: string }[]
  const named = errors.find((error) => error.pointer === pointer)
  expect(named, `${pointer} in ${JSON.stringify(errors).slice(0, 400)}`).toBeDefined()
  if (rules) expect(rules).toContain(named?.rule)
  expect(named?.detail).toMatch(/[\u4e00-\u9fff]/)
  // An unknown field is named by its key (the pointer names where it was).
  expect(named?.detail).toContain(named?.rule === 'additionalProperties' ? (pointer.split('/').pop() as string) : pointer)
}

beforeAll(async () => {
  library = await startLibrary('pl_dossier')
  token = await library.agencyWithToken('wuqing')
}, 60_000)
afterAll(async () => {
  await library?.stop()
})

describe('a decision with its dossier', () => {
  it('stores the dossier and answers it with the document and on its own', async () => {
    const created = await library.call('PUT', '/v1/documents/decisions-1', { token, body: decision() })
    expect(created.status, created.text).toBe(201)
    expect(created.body.dossier).toEqual(dossier())

    const read = await library.call('GET', '/v1/documents/decisions-1')
    expect(read.status).toBe(200)
    expect(schemaErrors('Document', read.body)).toEqual([])
    expect(read.body.dossier.participation[0].participants.map((participant: { displayName: string }) => participant.displayName)).toEqual(['居民代表甲', '企业代表乙'])

    const own = await library.call('GET', '/v1/documents/decisions-1/dossier')
    expect(own.status).toBe(200)
    expect(schemaErrors('DossierDocument', own.body)).toEqual([])
    expect(own.body).toMatchObject({ contentId: 'decisions-1', version: 1, title: '武清区老旧小区改造实施方案', publishedAt: '2024-03-01', issuers: [{ id: 'wuqing' }] })
    expect(own.body.dossier.steps.map((step: { status: string }) => step.status)).toEqual([
      'complete',
      'complete',
      'withheld',
      'complete',
      'complete',
      'complete',
      'complete',
      'incomplete',
    ])
    expect(own.body.dossier.comments.adoption.summary).toBe('共收到意见 2 条：采纳 1 条，未采纳 1 条。')
  })

  it('stores a step marked 不适用 with its reason and reads it back', async () => {
    const created = await library.call('PUT', '/v1/documents/decisions-na', { token, body: decision({ dossier: notApplicableDossier() }) })
    expect(created.status, created.text).toBe(201)
    const own = await library.call('GET', '/v1/documents/decisions-na/dossier')
    expect(own.status).toBe(200)
    expect(schemaErrors('DossierDocument', own.body)).toEqual([])
    expect(own.body.dossier.steps[1]).toEqual({ step: 'expert_review', status: 'not_applicable', notApplicableReason: '本事项不涉及专业性、技术性较强的问题' })
    const read = await library.call('GET', '/v1/documents/decisions-na')
    expect(read.body.dossier).toEqual(notApplicableDossier())
  })

  it('keeps the earlier dossier with the earlier version when a later stage is pushed', async () => {
    const evaluated = dossier({
      stage: 'evaluated',
      steps: (dossier().steps as Record<string, unknown>[]).map((step) => (step.step === 'post_evaluation' ? { step: 'post_evaluation', status: 'complete', date: '2025-06-30' } : step)),
      sections: [...(dossier().sections as unknown[]), { section: 'effectEvaluation', title: '效果评估', text: '改造小区居民满意度达96%。' }],
    })
    const updated = await library.call('PUT', '/v1/documents/decisions-1', { token, body: decision({ version: 2, previousVersion: 1, dossier: evaluated }) })
    expect(updated.status, updated.text).toBe(200)
    expect((await library.call('GET', '/v1/documents/decisions-1/dossier')).body.dossier.stage).toBe('evaluated')
    const first = await library.call('GET', '/v1/documents/decisions-1/versions/1')
    expect(first.body.dossier.stage).toBe('implementing')
    expect(first.body.dossier.sections.some((section: { section: string }) => section.section === 'effectEvaluation')).toBe(false)
  })

  it('answers 404 for a document without a dossier and 410 for a withdrawn decision', async () => {
    await library.call('PUT', '/v1/documents/policy-1', { token, body: documentInput() })
    const policy = await library.call('GET', '/v1/documents/policy-1/dossier')
    expect(policy.status).toBe(404)
    expect(policy.body.detail).toContain('没有决策专栏')
    expect((await library.call('GET', '/v1/documents/nothing-here/dossier')).status).toBe(404)

    await library.call('PUT', '/v1/documents/decisions-2', { token, body: decision({ title: '武清区某决策' }) })
    const withdrawn = await library.call('POST', '/v1/documents/decisions-2/withdrawal', { token, body: { version: 2, previousVersion: 1, notice: '决策事项调出目录。' } })
    expect(withdrawn.status, withdrawn.text).toBe(200)
    const gone = await library.call('GET', '/v1/documents/decisions-2/dossier')
    expect(gone.status).toBe(410)
    expect(gone.text).not.toContain('居民代表甲')
  })

  it('leaves feeds and search as they were: the dossier is read from the document, not listed', async () => {
    const feed = await library.call('GET', '/v1/agencies/wuqing/feed.atom')
    expect(feed.status).toBe(200)
    expect(feed.text).toContain('武清区老旧小区改造实施方案')
    expect(feed.text).not.toContain('居民代表甲')
    const search = await library.call('GET', '/v1/documents?kind=decision')
    expect(search.status).toBe(200)
    expect(search.body.items.map((item: { contentId: string }) => item.contentId)).toContain('decisions-1')
    expect(search.body.items.every((item: Record<string, unknown>) => !('dossier' in item))).toBe(true)
  })
})

describe('refused dossiers: 4xx naming the field, nothing stored', () => {
  const hostileTexts: [string, string][] = [
    ['NUL', '关于\u0000通知'],
    ['a lone high surrogate', '通知\ud800'],
    ['a lone low surrogate', '\udfff'],
  ]
  const textFields: [string, (text: string) => Record<string, unknown>, string][] = [
    ['a section text', (text) => dossier({ sections: [{ section: 'draftText', title: '决策草案全文', text }] }), '/dossier/sections/0/text'],
    ['a comment summary', (text) => dossier({ comments: { ...(dossier().comments as object), entries: [{ summary: text, adoption: 'adopted' }] } }), '/dossier/comments/entries/0/summary'],
    [
      'a participant display name',
      (text) => dossier({ participation: [{ ...(dossier().participation as Record<string, unknown>[])[0], participants: [{ displayName: text }] }] }),
      '/dossier/participation/0/participants/0/displayName',
    ],
    ['a meeting name', (text) => dossier({ decisionMeeting: { meetingName: text } }), '/dossier/decisionMeeting/meetingName'],
    ['a 不适用 reason', (text) => notApplicableDossier(text), '/dossier/steps/1/notApplicableReason'],
  ]
  for (const [field, build, pointer] of textFields) {
    for (const [name, text] of hostileTexts) {
      it(`refuses ${name} in ${field}`, async () => {
        const before = await storedRows()
        const answer = await library.call('PUT', '/v1/documents/hostile-dossier', { token, body: decision({ dossier: build(text) }) })
        expectFieldProblem(answer, pointer, ['noNul', 'wellFormedUnicode'])
        expect(await storedRows()).toBe(before)
      })
    }
  }

  const refused: [string, () => unknown, string, string[]][] = [
    ['a huge participation array', () => dossier({ participation: Array.from({ length: 100_000 }, () => ({})) }), '/dossier/participation', ['maxItems']],
    ['more comment entries than allowed', () => dossier({ comments: { ...(dossier().comments as object), entries: Array.from({ length: 501 }, () => ({ summary: '意见', adoption: 'adopted' })) } }), '/dossier/comments/entries', ['maxItems']],
    ['more steps than there are', () => dossier({ steps: Array.from({ length: 9 }, () => ({ step: 'publication', status: 'complete' })) }), '/dossier/steps', ['maxItems']],
    ['a date before 1949', () => dossier({ implementation: [{ date: '1900-01-01', recordKind: 'progress', content: '开工' }] }), '/dossier/implementation/0/date', ['pattern']],
    ['an impossible date', () => dossier({ decisionMeeting: { meetingDate: '2024-02-30' } }), '/dossier/decisionMeeting/meetingDate', ['format']],
    ['a year after 2199', () => dossier({ catalogueYear: 2200 }), '/dossier/catalogueYear', ['maximum']],
    ['an unknown stage', () => dossier({ stage: 'abandoned' }), '/dossier/stage', ['enum']],
    ['an unknown field (e.g. a registrant’s phone number)', () => dossier({ participation: [{ ...(dossier().participation as Record<string, unknown>[])[0], participants: [{ displayName: '居民代表甲', phone: '13800000000' }] }] }), '/dossier/participation/0/participants/0/phone', ['additionalProperties']],
    ['an over-long opinion', () => dossier({ participation: [{ ...(dossier().participation as Record<string, unknown>[])[0], opinions: [{ speaker: '甲', content: '长'.repeat(2001), adoption: 'adopted' }] }] }), '/dossier/participation/0/opinions/0/content', ['maxLength']],
    ['a section sent twice', () => dossier({ sections: [{ section: 'result', title: '决策结果', text: '一' }, { section: 'result', title: '决策结果', text: '二' }] }), '/dossier/sections/1/section', ['unique']],
    ['an over-long 不适用 reason', () => notApplicableDossier('长'.repeat(1001)), '/dossier/steps/1/notApplicableReason', ['maxLength']],
    ['an empty 不适用 reason', () => notApplicableDossier(''), '/dossier/steps/1/notApplicableReason', ['minLength']],
    ['a 不适用 step without its reason', () => notApplicableDossier(null), '/dossier/steps/1/notApplicableReason', ['required']],
    ['a 不适用 reason on a step that is not 专家论证/风险评估', () => notApplicableDossier('不需要', 'legality_review'), '/dossier/steps/3/status', ['notApplicableStep']],
    [
      'a 不适用 reason on a step not marked 不适用',
      () => dossier({ steps: (dossier().steps as Record<string, unknown>[]).map((entry) => (entry.step === 'publication' ? { ...entry, notApplicableReason: '不需要' } : entry)) }),
      '/dossier/steps/5/notApplicableReason',
      ['notApplicableReason'],
    ],
    ['the content of a section whose step is 不适用', () => dossier({ ...notApplicableDossier(), sections: dossier().sections }), '/dossier/sections/2/section', ['notApplicableSection']],
    ['the content of a section marked 不公开', () => dossier({ sections: [{ section: 'riskAssessment', title: '风险评估结论', text: '风险可控。' }] }), '/dossier/sections/0/section', ['withheldSection']],
  ]
  for (const [name, build, pointer, rules] of refused) {
    it(`refuses ${name}`, async () => {
      const before = await storedRows()
      const answer = await library.call('PUT', '/v1/documents/hostile-dossier', { token, body: decision({ dossier: build() }) })
      expectFieldProblem(answer, pointer, rules)
      expect(await storedRows()).toBe(before)
    })
  }

  it('refuses a dossier nested too deep', async () => {
    const body = JSON.stringify(decision({ dossier: { ...dossier(), stage: '@deep@' } })).replace('"@deep@"', `${'{"nested":'.repeat(10_000)}"专栏"${'}'.repeat(10_000)}`)
    const before = await storedRows()
    const answer = await library.call('PUT', '/v1/documents/hostile-dossier', { token, rawBody: body })
    expect(answer.status).toBe(400)
    expect(answer.body.errors[0].rule).toBe('maxDepth')
    expect(answer.body.errors[0].pointer).toMatch(/^\/dossier\/stage\/nested/u)
    expect(await storedRows()).toBe(before)
  })

  it('refuses a dossier on a policy (422) and in a batch item (400 in its result), storing neither', async () => {
    const before = await storedRows()
    const policy = await library.call('PUT', '/v1/documents/hostile-dossier', { token, body: documentInput({ dossier: dossier() }) })
    expect(policy.status).toBe(422)
    expectFieldProblem(policy, '/dossier', ['dossierKind'])
    const batch = await library.call('POST', '/v1/document-batches', {
      token,
      body: { items: [{ contentId: 'hostile-batch', document: decision({ dossier: dossier({ steps: [{ step: 'publication', status: 'done' }] }) }) }] },
    })
    expect(batch.status).toBe(200)
    expect(batch.body.failed).toBe(1)
    expect(batch.body.results[0].problem.errors.map((error: { pointer: string }) => error.pointer)).toContain('/dossier/steps/0/status')
    expect(await storedRows()).toBe(before)
  })

  it('the database itself refuses a dossier on anything but a decision', async () => {
    const client = new pg.Client({ connectionString: library.database.url })
    await client.connect()
    try {
      await expect(client.query(`UPDATE documents SET document = document || '{"dossier": {}}'::jsonb WHERE content_id = 'policy-1'`)).rejects.toThrow(/documents_dossier_kind/u)
    } finally {
      await client.end()
    }
  })
})

import { createLocalReq, getLocalI18n, ValidationError } from 'payload'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { creditCode, day } from './support/fixtures.js'
import { startRestServer } from './support/rest.js'
import type { RestServer } from './support/rest.js'
import { startPayload } from './support/startPayload.js'
import type { StartedPayload } from './support/startPayload.js'

// Issue 12: a value a unique constraint already holds is refused before the database, naming the field by its
// label (never its key) and the document that holds the value, in the request's language; what still reaches the
// database (two saves racing) comes back labelled too.

const key = 'gongkai-unique-constraints'
let started: StartedPayload
let payload: Payload
let rest: RestServer
let token: string
let agency: { id: number | string }
let topic: { id: number | string }

beforeAll(async () => {
  started = await startPayload({ key, pluginOptions: { seedTopics: false } })
  payload = started.payload
  rest = await startRestServer({ payload, payloadInstanceCacheKey: key })
  // The first user is the site admin.
  await payload.create({ collection: 'users', data: { email: 'admin@example.gov.cn', password: 'correct horse battery' } })
  token = await rest.login({ email: 'admin@example.gov.cn', password: 'correct horse battery' })
  agency = await payload.create({ collection: 'agencies', data: { name: '天津市武清区人民政府', organizationCode: creditCode('11120222MB1234567') } })
  topic = await payload.create({ collection: 'topics', data: { name: '综合政务', code: '02' } })
})

afterAll(async () => {
  await rest?.close()
  await started?.stop()
})

type Constraint = {
  collection: string
  /** The field the refusal is shown at, its key, and the keys it must never name. */
  path: string
  keys: string[]
  labels: { zh: string[]; en: string[] }
  /** A document's data holding the value; `n` makes each call otherwise distinct. */
  data: (n: number) => Record<string, unknown>
  /** The title the refusal names the holder by. */
  title: (data: Record<string, unknown>) => string
  /** Whether REST may set the value (the 索引号 is the workflow's). */
  rest: boolean
}

const constraints: Constraint[] = [
  {
    collection: 'agencies',
    path: 'organizationCode',
    keys: ['organizationCode'],
    labels: { zh: ['组织机构代码／统一社会信用代码'], en: ['Organisation code / unified social credit code'] },
    data: (n) => ({ name: `某区第${n}局`, organizationCode: creditCode('11120222MB7654321') }),
    title: (data) => String(data.name),
    rest: true,
  },
  {
    collection: 'topics',
    path: 'code',
    keys: ['code'],
    labels: { zh: ['分类代码'], en: ['Code'] },
    data: (n) => ({ name: `主题${n}`, code: '09' }),
    title: () => '主题1',
    rest: true,
  },
  {
    collection: 'policies',
    path: 'indexNumber',
    keys: ['indexNumber'],
    labels: { zh: ['索引号'], en: ['Index number'] },
    data: (n) => ({
      title: `政策文件${n}`,
      documentNumber: `津武政办发〔2022〕${n}号`,
      issuingAgency: agency.id,
      writtenDate: day('2022-06-30'),
      publishDate: day('2022-07-05'),
      documentType: 'notice',
      topic: topic.id,
      disclosure: 'proactive',
      indexNumber: '000014349/2022-00001',
    }),
    title: () => '政策文件1',
    rest: false,
  },
  {
    collection: 'decision-catalogues',
    path: 'agency',
    keys: ['year', 'agency'],
    labels: { zh: ['目录年度', '决策机关'], en: ['Year', 'Deciding government'] },
    data: (n) => ({ title: `目录${n}`, year: 2030, agency: agency.id }),
    title: () => '目录1',
    rest: true,
  },
  {
    collection: 'decisions',
    path: 'catalogueNumber',
    keys: ['catalogueYear', 'catalogueNumber'],
    labels: { zh: ['目录年度', '目录序号'], en: ['Catalogue year', 'Catalogue number'] },
    data: (n) => ({ title: `决策事项${n}`, catalogueYear: 2030, catalogueNumber: 7, responsibleAgency: agency.id, stage: 'catalogued' }),
    title: () => '决策事项1',
    rest: true,
  },
]

/** Every message of a REST error answer. */
function messagesOf(body: { errors?: { message?: string; data?: { errors?: { message?: string }[] } }[] }): string[] {
  return (body.errors ?? []).flatMap((error) => [error.message ?? '', ...(error.data?.errors ?? []).map((entry) => entry.message ?? '')])
}

function expectNamed(messages: string[], constraint: Constraint, language: 'zh' | 'en'): void {
  expect(messages.length).toBeGreaterThan(0)
  for (const text of messages) for (const key of constraint.keys) expect(text).not.toContain(key)
  const detail = messages.slice(1).join(' ') || messages[0]
  for (const label of constraint.labels[language]) expect(detail).toContain(label)
}

describe.each(constraints)('the unique constraint of $collection ($keys)', (constraint) => {
  let holder: Record<string, unknown> & { id: number | string }

  beforeAll(async () => {
    holder = (await payload.create({ collection: constraint.collection as never, data: constraint.data(1) as never })) as never
  })

  const count = async (): Promise<number> => (await payload.count({ collection: constraint.collection as never })).totalDocs

  it('refuses a second document through the local API, naming the field’s label and the holder, writing nothing', async () => {
    const before = await count()
    for (const draft of [false, true]) {
      const error: unknown = await payload.create({ collection: constraint.collection as never, data: constraint.data(2) as never, draft }).then(
        () => undefined,
        (caught: unknown) => caught,
      )
      expect(error).toBeInstanceOf(ValidationError)
      const { errors } = (error as ValidationError).data
      expect(errors).toHaveLength(1)
      expect(errors[0]?.path).toBe(constraint.path)
      expect(errors[0]?.message).toContain(`“${constraint.title(holder)}”`)
      expectNamed([(error as ValidationError).message, errors[0]?.message ?? ''], constraint, 'zh')
    }
    expect(await count()).toBe(before)
  })

  it('refuses a second document through REST in Chinese and in English with a 400 that never names a key', async () => {
    if (!constraint.rest) return
    const before = await count()
    for (const language of ['zh', 'en'] as const) {
      const response = await rest.request({
        method: 'POST',
        path: `/${constraint.collection}?depth=0`,
        body: constraint.data(3),
        token,
        headers: { 'accept-language': language },
      })
      expect(response.status).toBe(400)
      const messages = messagesOf(response.body)
      expectNamed(messages, constraint, language)
      expect(messages.join(' ')).toContain(`“${constraint.title(holder)}”`)
    }
    expect(await count()).toBe(before)
  })

  it('saves the document that holds the value when it keeps it', async () => {
    const data = constraint.data(1)
    const updated = await payload.update({ collection: constraint.collection as never, id: holder.id, data: data as never })
    expect(updated.id).toBe(holder.id)
    if (payload.collections[constraint.collection as never]?.config.versions?.drafts) {
      const draft = await payload.update({ collection: constraint.collection as never, id: holder.id, data: data as never, draft: true })
      expect(draft.id).toBe(holder.id)
    }
    if (constraint.rest) {
      const response = await rest.request({ method: 'PATCH', path: `/${constraint.collection}/${holder.id}?depth=0`, body: data, token, headers: { 'accept-language': 'en' } })
      expect(response.status).toBe(200)
    }
  })

  it('labels what still reaches the database: the adapter’s error becomes the field’s label in the request’s language', async () => {
    // The adapter writes without the collection's hooks, as a save racing another would reach the index.
    const error: unknown = await payload.db
      .create({ collection: constraint.collection, data: constraint.data(4), req: await createLocalReq({}, payload) })
      .then(
        () => undefined,
        (caught: unknown) => caught,
      )
    expect(error).toBeInstanceOf(ValidationError)
    const hooks = payload.collections[constraint.collection as never]?.config.hooks.afterError ?? []
    expect(hooks.length).toBeGreaterThan(0)
    for (const language of ['zh', 'en'] as const) {
      const req = await createLocalReq({}, payload)
      req.i18n = await getLocalI18n({ config: payload.config, language })
      req.t = req.i18n.t
      let response: Record<string, unknown> | undefined = { errors: [{ message: (error as Error).message }] }
      let status = 500
      for (const hook of hooks) {
        const result = await hook({ collection: payload.collections[constraint.collection as never]!.config, context: {}, error: error as Error, req, result: response as never })
        if (result) {
          response = result.response ?? response
          status = result.status ?? status
        }
      }
      expect(status).toBe(400)
      expectNamed(messagesOf(response as never), constraint, language)
    }
  })
})

describe('a document already saved', () => {
  it('is refused a unique value another document holds, though its own unchanged values are not looked up again', async () => {
    const first = await payload.create({ collection: 'topics', data: { name: '主题甲', code: '77' } })
    const second = await payload.create({ collection: 'topics', data: { name: '主题乙', code: '78' } })
    // Its own value, unchanged, with another field edited: saved.
    expect((await payload.update({ collection: 'topics', id: second.id, data: { name: '主题乙（改）', code: '78' } })).name).toBe('主题乙（改）')
    // Changed to the value the first holds: refused by the hook (it names the holder), nothing written.
    const error: unknown = await payload.update({ collection: 'topics', id: second.id, data: { code: '77' } }).then(
      () => undefined,
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).data.errors[0]?.path).toBe('code')
    expect((error as ValidationError).data.errors[0]?.message).toContain('“主题甲”')
    expect((await payload.findByID({ collection: 'topics', id: second.id })).code).toBe('78')
    // The holder keeps its value and is the only one with it.
    expect((await payload.findByID({ collection: 'topics', id: first.id })).code).toBe('77')
    expect((await payload.find({ collection: 'topics', where: { code: { equals: '77' } } })).docs.map((topic) => topic.id)).toEqual([first.id])
  })
})

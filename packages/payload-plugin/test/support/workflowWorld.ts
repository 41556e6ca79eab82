import type { Payload } from 'payload'

import { transition } from '../../src/workflow/transition.js'
import type { TransitionArgs, TransitionResult } from '../../src/workflow/transition.js'
import { creditCode, day, lexicalText } from './fixtures.js'

export type WorkflowActor =
  | 'admin'
  | 'editor'
  | 'editorReviewer'
  | 'reviewer'
  | 'secondReviewer'
  | 'publisher'
  | 'editorB'
  | 'reviewerB'
  | 'publisherB'

type User = Record<string, unknown> & { id: number | string }

export type WorkflowWorld = {
  payload: Payload
  /** 武清区发展和改革委员会 (统一社会信用代码) */
  agencyA: number
  /** 武清区教育局 (9-character 组织机构代码) */
  agencyB: number
  codeA: string
  codeB: string
  topic: number
  users: Record<WorkflowActor, User>
  /** Complete data of a policy of `agency` (unique title and 发文字号). */
  policyData: (agency: number, overrides?: Record<string, unknown>) => Record<string, unknown>
  /** Creates a draft as the agency's editor (the version's author), through the local API with access control. */
  createDraft: (collection: string, data: Record<string, unknown>, author?: WorkflowActor) => Promise<Record<string, unknown> & { id: number }>
  /** Runs a transition as `actor`. */
  act: (actor: WorkflowActor, args: Omit<TransitionArgs, 'payload' | 'user'>) => Promise<TransitionResult>
  /** Records a passed 保密审查 when the collection has the review field (A's action), as `reviewer`. */
  passReview: (collection: string, id: number | string, reviewer?: WorkflowActor) => Promise<void>
  /** submit (editor) → review → approve (reviewer). */
  approve: (collection: string, id: number | string, actors?: { editor?: WorkflowActor; reviewer?: WorkflowActor }) => Promise<void>
  /** Reads the public (published) document, as the REST API without draft would. */
  published: (collection: string, id: number | string) => Promise<Record<string, unknown>>
  /** Reads the latest version (the draft when there is one). */
  latest: (collection: string, id: number | string) => Promise<Record<string, unknown>>
}

let serial = 0

export async function createWorkflowWorld(payload: Payload): Promise<WorkflowWorld> {
  const usersSlug = payload.config.admin.user
  const codeA = creditCode('11120114MB1841520')
  const codeB = '12345678' + (await import('@gongkai/core')).organizationCodeCheckCharacter('12345678')
  const agencyA = (await payload.create({ collection: 'agencies', data: { name: '天津市武清区发展和改革委员会', organizationCode: codeA } })).id as number
  const agencyB = (await payload.create({ collection: 'agencies', data: { name: '天津市武清区教育局', organizationCode: codeB } })).id as number
  const topic = (await payload.find({ collection: 'topics', where: { code: { equals: '02.01' } } })).docs[0]?.id as number

  const roles: Record<WorkflowActor, Record<string, unknown>> = {
    admin: {},
    editor: { agencyRoles: [{ agency: agencyA, roles: ['editor'] }] },
    editorReviewer: { agencyRoles: [{ agency: agencyA, roles: ['editor', 'reviewer'] }] },
    reviewer: { agencyRoles: [{ agency: agencyA, roles: ['reviewer'] }] },
    secondReviewer: { agencyRoles: [{ agency: agencyA, roles: ['reviewer'] }] },
    publisher: { agencyRoles: [{ agency: agencyA, roles: ['publisher'] }] },
    editorB: { agencyRoles: [{ agency: agencyB, roles: ['editor'] }] },
    reviewerB: { agencyRoles: [{ agency: agencyB, roles: ['reviewer'] }] },
    publisherB: { agencyRoles: [{ agency: agencyB, roles: ['publisher'] }] },
  }
  const users = {} as Record<WorkflowActor, User>
  // The first user ever created becomes the site administrator.
  for (const actor of Object.keys(roles) as WorkflowActor[]) {
    const user = await payload.create({
      collection: usersSlug,
      data: { email: `${actor.toLowerCase()}@example.gov.cn`, password: 'gongkai-test-password', ...roles[actor] },
      overrideAccess: true,
    })
    users[actor] = { ...user, collection: usersSlug } as User
  }

  const policyData: WorkflowWorld['policyData'] = (agency, overrides = {}) => {
    serial += 1
    return {
      title: `武清区关于推进政务公开工作的通知（${serial}）`,
      documentNumber: `津武发改〔2024〕${serial}号`,
      issuingAgency: agency,
      writtenDate: day('2024-06-28'),
      publishDate: day('2024-07-01'),
      documentType: 'notice',
      topic,
      disclosure: 'proactive',
      body: lexicalText('各镇人民政府，各街道办事处，区政府各委、局：现将有关事项通知如下。'),
      ...overrides,
    }
  }
  const authorOf = (data: Record<string, unknown>): WorkflowActor => {
    const agency = data.issuingAgency ?? data.interpretingAgency ?? data.responsibleAgency ?? data.agency
    return agency === agencyB ? 'editorB' : 'editor'
  }
  const createDraft: WorkflowWorld['createDraft'] = async (collection, data, author) =>
    (await payload.create({
      collection,
      data,
      draft: true,
      depth: 0,
      overrideAccess: false,
      user: users[author ?? authorOf(data)],
    })) as Record<string, unknown> & { id: number }
  const act: WorkflowWorld['act'] = (actor, args) => transition({ payload, user: users[actor], ...args })
  const passReview: WorkflowWorld['passReview'] = async (collection, id, reviewer = 'reviewer') => {
    const config = payload.collections[collection]?.config
    if (!config?.fields.some((field) => 'name' in field && field.name === 'confidentialityReview')) return
    const { recordConfidentialityReview } = await import('../../src/review/reviewActions.js')
    await recordConfidentialityReview({ payload, user: users[reviewer], collection, id, conclusion: 'passed', basis: '《中华人民共和国保守国家秘密法》及本机关保密审查规定' })
  }
  const approve: WorkflowWorld['approve'] = async (collection, id, actors = {}) => {
    await act(actors.editor ?? 'editor', { collection, id, action: 'submit' })
    await passReview(collection, id, actors.reviewer ?? 'reviewer')
    await act(actors.reviewer ?? 'reviewer', { collection, id, action: 'approve' })
  }
  const published: WorkflowWorld['published'] = async (collection, id) =>
    (await payload.findByID({ collection, id, depth: 0, draft: false, overrideAccess: true })) as Record<string, unknown>
  const latest: WorkflowWorld['latest'] = async (collection, id) =>
    (await payload.findByID({ collection, id, depth: 0, draft: true, overrideAccess: true })) as Record<string, unknown>
  return { payload, agencyA, agencyB, codeA, codeB, topic, users, policyData, createDraft, act, passReview, approve, published, latest }
}

/** Awaits an operation that must fail and returns its status and message (and field errors). */
export async function failure(operation: Promise<unknown>): Promise<{ status: number; message: string; errors: { path: string; message: string }[] }> {
  try {
    await operation
  } catch (error) {
    const failed = error as { status?: number; message: string; data?: { errors?: { path: string; message: string }[] } }
    return { status: failed.status ?? 500, message: failed.message, errors: failed.data?.errors ?? [] }
  }
  throw new Error('expected the operation to fail, but it succeeded')
}

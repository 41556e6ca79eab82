import type { Payload, PayloadRequest, Where } from 'payload'
import { stringify } from 'qs-esm'

import { ownedByWhere } from '../access/documentAccess.js'
import type { AgencyOwnedCollection } from '../access/documentAgencies.js'
import { agencyIdsOf, agencyIdsWithRole, isSiteAdmin } from '../access/roles.js'
import type { AgencyRole } from '../access/roles.js'
import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { toCalendarDate } from '../utilities/calendarDate.js'
import { relationId } from '../utilities/relationIds.js'
import type { StoredDocument, WorkflowRecord } from '../infrastructure/documents.js'
import { titleOf, workflowCollections } from '../infrastructure/runtime.js'
import { personName } from '../utilities/personName.js'

/** Who a line is for: one of the agency roles, or every member of an agency (and site admins). */
export type WorkbenchAudience = AgencyRole | 'agency'

/** The lines of the workbench, in the order they are shown. */
export type WorkbenchLineKey =
  | 'myDrafts'
  | 'returned'
  | 'pendingReview'
  | 'approved'
  | 'scheduled'
  | 'needsInterpretation'
  | 'disclosureReviewDue'
  | 'failedDeliveries'
  | 'publicAttendance'

/** One collection's share of a line, linking to that collection's list filtered to it. */
export type WorkbenchEntry = { collection: string; label: string; count: number; href: string }

/** A document shown under a line: the oldest waiting ones, or the returned ones with their reason. */
export type WorkbenchItem = {
  collection: string
  id: number | string
  title: string
  href: string
  /** When it started waiting (submitted, returned, approved) or when it goes out (scheduled). */
  since: string | null
  /** Who returned, submitted or approved it, by 姓名 (or e-mail). */
  by: string | null
  reason: string | null
}

export type WorkbenchLine = {
  key: WorkbenchLineKey
  audience: WorkbenchAudience
  label: string
  count: number
  /** The filtered list of the line's first collection with documents (or of its only collection). */
  href: string
  entries: WorkbenchEntry[]
  items: WorkbenchItem[]
  /** 列席会议 target of the agency this year (publicAttendance). */
  target?: number
  /** The agency the line is about (publicAttendance). */
  agency?: { id: number | string; name: string }
}

export type Workbench = {
  isSiteAdmin: boolean
  /** Roles of the user per agency, e.g. 武清区政府办公室 · 撰稿. */
  agencies: { id: number | string; name: string; roles: AgencyRole[] }[]
  lines: WorkbenchLine[]
}

type User = Record<string, unknown> & { id: number | string }

const collectionLabels: Record<AgencyOwnedCollection, string> = {
  policies: '政策文件',
  interpretations: '政策解读',
  decisions: '重大行政决策',
  participation: '公众参与',
  catalogues: '重大行政决策年度目录',
}

/** How many documents a line lists below its counts. */
const itemsPerLine = 5

/** `/admin/collections/<slug>?where…`: the list view filtered as the line counts. */
export function listHref(adminRoute: string, slug: string, where: Where): string {
  return `${adminRoute}/collections/${slug}?${stringify({ where }, { addQueryPrefix: false, encode: true })}`
}

function and(...conditions: (Where | undefined)[]): Where {
  const parts = conditions.filter((condition): condition is Where => condition !== undefined)
  return parts.length === 1 ? (parts[0] as Where) : { and: parts }
}

/**
 * What the signed-in user has to do, line by line: 撰稿 — my drafts and the returned documents with their
 * reasons; 审核 — what waits for review, oldest first; 签发 — what waits for release and what is scheduled;
 * every member — policies that need an interpretation, 公开属性 reviews due, failed deliveries and this year's
 * 列席会议 against the target. Site administrators see every line across agencies; everyone else only their
 * agencies' documents. Everything is read as the user (`overrideAccess: false`): a few counts and small
 * finds run in parallel, never one query per document.
 */
export async function buildWorkbench(args: { payload: Payload; req: PayloadRequest; user: User; options: SanitizedGongkaiPluginOptions; now?: Date }): Promise<Workbench> {
  const { payload, req, user, options } = args
  const now = args.now ?? new Date()
  const adminRoute = payload.config.routes.admin
  const isAdmin = isSiteAdmin(user)
  const asUser = { overrideAccess: false, user, req } as const
  /** How many documents match, counted on their latest versions as the admin's list shows them. */
  const countLatest = async (collection: string, where: Where) =>
    (await payload.find({ collection, where, draft: true, depth: 0, limit: 1, select: {}, ...asUser })).totalDocs
  const titleFieldOf = (key: AgencyOwnedCollection) => String(payload.collections[options.slugs[key]]?.config.admin?.useAsTitle ?? 'title')

  /** Restricts a collection to the agencies in which the user has the role; `false` when it has it in none. */
  const scope = (key: AgencyOwnedCollection, audience: WorkbenchAudience): Where | undefined | false => {
    if (isAdmin) return undefined
    const agencyIds = audience === 'agency' ? agencyIdsOf(user) : agencyIdsWithRole(user, audience)
    if (agencyIds.length === 0) return false
    return ownedByWhere({ collection: key, agencyIds })
  }
  const hasAudience = (audience: WorkbenchAudience) =>
    isAdmin || (audience === 'agency' ? agencyIdsOf(user).length > 0 : agencyIdsWithRole(user, audience).length > 0)

  type StateLine = {
    key: WorkbenchLineKey
    audience: WorkbenchAudience
    label: string
    where: Where
    /** The group field the items are sorted by (oldest first) and shown with. */
    since?: 'submittedAt' | 'returnedAt' | 'approvedAt' | 'scheduledFor'
    by?: 'submittedBy' | 'returnedBy' | 'approvedBy' | 'scheduledBy'
    hasReason?: boolean
  }
  const stateLines: StateLine[] = [
    { key: 'myDrafts', audience: 'editor', label: '我的草稿', where: and({ workflowState: { equals: 'draft' } }, { lastEditedBy: { equals: user.id } }) },
    { key: 'returned', audience: 'editor', label: '已退回', where: { workflowState: { equals: 'returned' } }, since: 'returnedAt', by: 'returnedBy', hasReason: true },
    { key: 'pendingReview', audience: 'reviewer', label: '待审核', where: { workflowState: { equals: 'pending_review' } }, since: 'submittedAt', by: 'submittedBy' },
    { key: 'approved', audience: 'publisher', label: '已审核，待签发', where: { workflowState: { equals: 'approved' } }, since: 'approvedAt', by: 'approvedBy' },
    { key: 'scheduled', audience: 'publisher', label: '定时发布', where: { workflowState: { equals: 'scheduled' } }, since: 'scheduledFor', by: 'scheduledBy' },
  ]

  const userIdsToName = new Set<string>()
  const rawItems = new Map<WorkbenchLineKey, { key: AgencyOwnedCollection; doc: Record<string, unknown>; line: StateLine }[]>()

  const stateLineTasks = stateLines
    .filter((line) => hasAudience(line.audience))
    .map(async (line): Promise<WorkbenchLine> => {
      const perCollection = await Promise.all(
        workflowCollections.map(async (key) => {
          const scoped = scope(key, line.audience)
          if (scoped === false) return null
          const slug = options.slugs[key]
          const where = and(line.where, scoped)
          const href = listHref(adminRoute, slug, where)
          if (!line.since) {
            const totalDocs = await countLatest(slug, where)
            return { key, entry: { collection: slug, label: collectionLabels[key], count: totalDocs, href }, docs: [] }
          }
          const titleField = titleFieldOf(key)
          const result = await payload.find({
            collection: slug,
            where,
            draft: true,
            depth: 0,
            limit: itemsPerLine,
            sort: `workflow.${line.since}`,
            select: { [titleField]: true, workflow: true, workflowState: true },
            ...asUser,
          })
          const docs: StoredDocument[] = result.docs
          return { key, entry: { collection: slug, label: collectionLabels[key], count: result.totalDocs, href }, docs }
        }),
      )
      const found = perCollection.filter((value): value is NonNullable<typeof value> => value !== null)
      const items = found.flatMap(({ key, docs }) => docs.map((doc) => ({ key, doc, line })))
      for (const { doc } of items) {
        const by = line.by ? relationId(doc.workflow?.[line.by]) : undefined
        if (by) userIdsToName.add(by)
      }
      rawItems.set(line.key, items)
      const entries = found.map(({ entry }) => entry)
      return {
        key: line.key,
        audience: line.audience,
        label: line.label,
        count: entries.reduce((sum, entry) => sum + entry.count, 0),
        href: (entries.find((entry) => entry.count > 0) ?? entries[0])?.href ?? '',
        entries: entries.filter((entry) => entry.count > 0 || entry.collection === options.slugs.policies),
        items: [],
      }
    })

  const agencyLineTasks: Promise<WorkbenchLine | WorkbenchLine[] | null>[] = hasAudience('agency')
    ? [needsInterpretationLine(), disclosureReviewDueLine(), failedDeliveriesLine(), publicAttendanceLines()]
    : []

  async function needsInterpretationLine(): Promise<WorkbenchLine | null> {
    const policiesScope = scope('policies', 'agency')
    if (policiesScope === false) return null
    // Interpretations that count: approved, scheduled or published (a draft interpretation does not).
    const interpretations = await payload.find({
      collection: options.slugs.interpretations,
      where: { workflowState: { in: ['approved', 'scheduled', 'published'] } },
      draft: true,
      depth: 0,
      pagination: false,
      select: { policies: true },
      ...asUser,
    })
    const interpreted = [...new Set(interpretations.docs.flatMap((doc) => (Array.isArray(doc.policies) ? doc.policies : []).map(relationId)))].filter(
      (id): id is string => id !== undefined,
    )
    const where = and(
      { needsInterpretation: { equals: true } },
      { workflowState: { not_in: ['withdrawn', 'invalidated', 'deleted'] } },
      interpreted.length > 0 ? { id: { not_in: interpreted.map((id) => (/^\d+$/.test(id) ? Number(id) : id)) } } : undefined,
      policiesScope,
    )
    const slug = options.slugs.policies
    const totalDocs = await countLatest(slug, where)
    const href = listHref(adminRoute, slug, where)
    return {
      key: 'needsInterpretation',
      audience: 'agency',
      label: '需要解读、尚无已审核解读的政策文件',
      count: totalDocs,
      href,
      entries: [{ collection: slug, label: collectionLabels.policies, count: totalDocs, href }],
      items: [],
    }
  }

  async function disclosureReviewDueLine(): Promise<WorkbenchLine | null> {
    const policiesScope = scope('policies', 'agency')
    if (policiesScope === false) return null
    const where = and(
      { nextDisclosureReviewDate: { less_than_equal: now.toISOString() } },
      { disclosure: { not_equals: 'proactive' } },
      { _status: { equals: 'published' } },
      policiesScope,
    )
    const slug = options.slugs.policies
    const { totalDocs } = await payload.count({ collection: slug, where, ...asUser })
    const href = listHref(adminRoute, slug, where)
    return {
      key: 'disclosureReviewDue',
      audience: 'agency',
      label: '公开属性到期复审',
      count: totalDocs,
      href,
      entries: [{ collection: slug, label: collectionLabels.policies, count: totalDocs, href }],
      items: [],
    }
  }

  /** Only when delivery is configured: the deliveries collection exists either way (disabled keeps the schema). */
  async function failedDeliveriesLine(): Promise<WorkbenchLine | null> {
    if (!options.delivery.isEnabled) return null
    const slug = options.delivery.deliveriesSlug
    const agencyIds = agencyIdsOf(user)
    const where = and({ state: { equals: 'failed' } }, isAdmin ? undefined : { agency: { in: agencyIds } })
    const { totalDocs } = await payload.count({ collection: slug, where, ...asUser })
    const href = listHref(adminRoute, slug, where)
    return {
      key: 'failedDeliveries',
      audience: 'agency',
      label: '推送失败',
      count: totalDocs,
      href,
      entries: [{ collection: slug, label: '推送记录', count: totalDocs, href }],
      items: [],
    }
  }

  /**
   * One line per agency: published 列席会议 records of the counted meeting kinds (`countedMeetingKinds`) dated this
   * year (in the configured time zone), against `participationTarget` — the compliance endpoint's own measure.
   */
  async function publicAttendanceLines(): Promise<WorkbenchLine[]> {
    const year = Number((toCalendarDate(now, options.timeZone) ?? now.toISOString()).slice(0, 4))
    const slug = options.slugs.participation
    // A day's margin either side covers every time zone; the calendar year is then read in the configured one.
    const window: Where = and(
      { kind: { equals: 'meeting_attendance' } },
      { meetingKind: { in: [...options.countedMeetingKinds] } },
      { _status: { equals: 'published' } },
      { meetingDate: { greater_than_equal: new Date(Date.UTC(year - 1, 11, 31)).toISOString() } },
      { meetingDate: { less_than: new Date(Date.UTC(year + 1, 0, 2)).toISOString() } },
    )
    const agencyIds = agencyIdsOf(user)
    const [records, agencies] = await Promise.all([
      payload.find({
        collection: slug,
        where: and(window, isAdmin ? undefined : { agency: { in: agencyIds } }),
        depth: 0,
        pagination: false,
        select: { agency: true, meetingDate: true },
        ...asUser,
      }),
      payload.find({
        collection: options.slugs.agencies,
        where: isAdmin ? undefined : { id: { in: agencyIds } },
        depth: 0,
        pagination: false,
        sort: 'name',
        select: { name: true, shortName: true },
        ...asUser,
      }),
    ])
    const counts = new Map<string, number>()
    for (const record of records.docs) {
      if (toCalendarDate(record.meetingDate, options.timeZone)?.slice(0, 4) !== String(year)) continue
      const agency = relationId(record.agency)
      if (agency !== undefined) counts.set(agency, (counts.get(agency) ?? 0) + 1)
    }
    const startOfYear = `${year}-01-01`
    const endOfYear = `${year + 1}-01-01`
    return agencies.docs.map((agency) => {
      const count = counts.get(String(agency.id)) ?? 0
      const where = and(
        { kind: { equals: 'meeting_attendance' } },
        { meetingKind: { in: [...options.countedMeetingKinds] } },
        { _status: { equals: 'published' } },
        { agency: { equals: agency.id } },
        { meetingDate: { greater_than_equal: startOfYear } },
        { meetingDate: { less_than: endOfYear } },
      )
      const href = listHref(adminRoute, slug, where)
      const name = String(agency.shortName || agency.name)
      return {
        key: 'publicAttendance' as const,
        audience: 'agency' as const,
        label: `${year}年公众列席决策会议`,
        count,
        href,
        entries: [{ collection: slug, label: collectionLabels.participation, count, href }],
        items: [],
        target: options.participationTarget,
        agency: { id: agency.id, name },
      }
    })
  }

  const [stateResults, agencyResults, membershipAgencies] = await Promise.all([
    Promise.all(stateLineTasks),
    Promise.all(agencyLineTasks),
    membershipAgenciesOf(),
  ])

  async function membershipAgenciesOf(): Promise<Workbench['agencies']> {
    const memberships = Array.isArray(user.agencyRoles) ? (user.agencyRoles as { agency?: unknown; roles?: AgencyRole[] | null }[]) : []
    const ids = [...new Set(memberships.map((membership) => relationId(membership.agency)).filter((id): id is string => id !== undefined))]
    if (ids.length === 0) return []
    const { docs } = await payload.find({
      collection: options.slugs.agencies,
      where: { id: { in: ids } },
      depth: 0,
      pagination: false,
      select: { name: true, shortName: true },
      ...asUser,
    })
    const nameOf = new Map(docs.map((doc) => [String(doc.id), String(doc.shortName || doc.name)]))
    return memberships
      .filter((membership) => relationId(membership.agency) !== undefined && (membership.roles ?? []).length > 0)
      .map((membership) => {
        const id = relationId(membership.agency) as string
        return { id: /^\d+$/.test(id) ? Number(id) : id, name: nameOf.get(id) ?? `#${id}`, roles: membership.roles ?? [] }
      })
  }

  // Names of the people shown under the lines, in one query.
  const names = new Map<string, string>()
  if (userIdsToName.size > 0) {
    const { docs } = await payload.find({
      collection: options.usersSlug,
      where: { id: { in: [...userIdsToName] } },
      depth: 0,
      pagination: false,
      ...asUser,
    })
    for (const doc of docs) names.set(String(doc.id), personName(doc))
  }
  for (const line of stateResults) {
    line.items = (rawItems.get(line.key) ?? [])
      .map(({ key, doc, line: definition }) => {
        const workflow: WorkflowRecord = doc.workflow ?? {}
        const by = definition.by ? relationId(workflow[definition.by]) : undefined
        const since = definition.since ? workflow[definition.since] : undefined
        const reason = definition.hasReason ? workflow.returnReason : undefined
        return {
          collection: options.slugs[key],
          id: doc.id as number | string,
          title: titleOf({ ...doc, title: doc[titleFieldOf(key)] }),
          href: `${adminRoute}/collections/${options.slugs[key]}/${String(doc.id)}`,
          since: typeof since === 'string' ? since : null,
          by: by === undefined ? null : (names.get(by) ?? null),
          reason: typeof reason === 'string' && reason !== '' ? reason : null,
        }
      })
      .sort((a, b) => String(a.since ?? '').localeCompare(String(b.since ?? '')))
      .slice(0, itemsPerLine)
  }

  return {
    isSiteAdmin: isAdmin,
    agencies: membershipAgencies,
    lines: [...stateResults, ...agencyResults.flat().filter((line): line is WorkbenchLine => line !== null)],
  }
}

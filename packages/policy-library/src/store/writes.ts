import type pg from 'pg'
import { buildDocument, dossierErrors, searchableBody, type AgencyRef, type DocumentInput, type StoredDocument } from '../documents.js'
import { problem, type Problem } from '../http/problem.js'
import { documentGoneProblem, type DeletedDocument } from '../removal.js'
import { indexText } from '../search/segment.js'
import type { IndexedDocument, IndexUpdate } from '../search/types.js'

export type PushItem = { contentId: string; input: DocumentInput }
export type PushResult =
  | { contentId: string; status: 200 | 201; document: StoredDocument }
  | { contentId: string; status: number; problem: Problem }

type ExistingRow = { content_id: string; version: number; issuers: string[]; created_at: string; document: StoredDocument | DeletedDocument }

export type WriteContext = {
  client: pg.PoolClient
  /** The agency whose token makes the change. */
  agencyId: string
  validityStatuses: readonly string[]
  /** Filled with what was written, for the search index once the transaction commits. */
  indexUpdates: IndexUpdate[]
}

/**
 * A deleted content id is never used again (410): its 索引号 and history stay reserved for audit, and a
 * new push under it would bring the erased document back at the same address.
 */
function deletedProblem(document: DeletedDocument): Problem {
  return {
    ...documentGoneProblem(document),
    detail: `文件 ${document.contentId} 已删除，contentId 不能再使用；请以新的 contentId 推送`,
    errors: [{ pointer: 'path/contentId', detail: '已删除的文件的 contentId 不能再使用', rule: 'deletedContentId' }],
  }
}

function versionProblem(detail: string, currentVersion?: number): Problem {
  return problem('versionConflict', detail, currentVersion === undefined ? {} : { currentVersion })
}

/**
 * Applies pushes (one for PUT, up to 500 for a batch) in the caller's transaction. Each item is judged
 * on its own — scope, agencies, validity, versions, 索引号 — and the accepted ones are written with
 * one statement per table, which is what makes bulk loads fast.
 */
export async function pushDocuments(context: WriteContext, items: PushItem[]): Promise<PushResult[]> {
  const { client, agencyId, validityStatuses } = context
  const results = new Map<number, PushResult>()
  const contentIds = [...new Set(items.map((item) => item.contentId))]
  const agencyIds = [...new Set(items.flatMap((item) => item.input.issuers))]
  const [agencyRows, existingRows] = await Promise.all([
    client.query<AgencyRef>('SELECT id, name FROM agencies WHERE id = ANY ($1)', [agencyIds]),
    client.query<ExistingRow>(
      `SELECT content_id, version, issuers, created_at, document FROM documents WHERE content_id = ANY ($1) ORDER BY content_id FOR UPDATE`,
      [contentIds],
    ),
  ])
  const agencies = new Map(agencyRows.rows.map((row) => [row.id, row]))
  const existing = new Map(existingRows.rows.map((row) => [row.content_id, row]))
  const indexNumbers = [...new Set(items.flatMap((item) => (item.input.indexNumber ? [item.input.indexNumber] : [])))]
  const indexOwners = new Map<string, string>()
  if (indexNumbers.length > 0) {
    const owners = await client.query<{ content_id: string; index_number: string }>(
      'SELECT content_id, index_number FROM documents WHERE index_number = ANY ($1)',
      [indexNumbers],
    )
    for (const row of owners.rows) indexOwners.set(row.index_number, row.content_id)
  }

  const seen = new Set<string>()
  const now = new Date().toISOString()
  const accepted: { index: number; document: StoredDocument; isNew: boolean }[] = []
  items.forEach((item, index) => {
    const { contentId, input } = item
    const fail = (details: Problem): void => {
      results.set(index, { contentId, status: details.status, problem: details })
    }
    if (seen.has(contentId)) return fail(problem('unprocessable', `同一批次中 contentId “${contentId}” 重复出现`, { errors: [{ pointer: '/contentId', detail: 'contentId 在批次中重复', rule: 'unique' }] }))
    seen.add(contentId)
    // The lead agency owns a document: naming co-issuers gives them no rights over it (see README).
    if (input.issuers[0] !== agencyId) {
      return fail(problem('forbidden', `只有牵头机关（发文机关第一项）能推送本文件；机关 ${agencyId} 不是牵头机关`, { errors: [{ pointer: '/issuers/0', detail: `发文机关（/issuers/0）应为推送令牌所属的机关 ${agencyId}`, rule: 'leadAgency' }] }))
    }
    const unknown = input.issuers.flatMap((issuer, position) => (agencies.has(issuer) ? [] : [{ issuer, position }]))
    if (unknown.length > 0) {
      return fail(problem('unprocessable', '发文机关未在文件库中登记', {
        errors: unknown.map(({ issuer, position }) => ({ pointer: `/issuers/${position}`, detail: `未登记的机关 ${issuer}`, rule: 'registeredAgency' })),
      }))
    }
    if (input.validity !== undefined && !validityStatuses.includes(input.validity)) {
      return fail(problem('unprocessable', '有效性取值不在允许列表中', {
        errors: [{ pointer: '/validity', detail: `有效性应为 ${validityStatuses.join('、')} 之一`, rule: 'enum' }],
      }))
    }
    const dossierProblems = dossierErrors(input)
    if (dossierProblems.length > 0) return fail(problem('unprocessable', '决策专栏不符合规则', { errors: dossierProblems }))
    const previousVersion = input.previousVersion ?? undefined
    if (previousVersion !== undefined && input.version <= previousVersion) {
      return fail(problem('unprocessable', 'version 必须大于 previousVersion', {
        errors: [{ pointer: '/version', detail: `version 应大于 ${previousVersion}`, rule: 'exclusiveMinimum' }],
      }))
    }
    const stored = existing.get(contentId)
    if (stored?.document.status === 'deleted') return fail(deletedProblem(stored.document))
    if (stored) {
      if (stored.issuers[0] !== agencyId) {
        return fail(problem('forbidden', `文件 ${contentId} 的牵头机关是 ${stored.issuers[0] ?? '其他机关'}，${agencyId} 不能修改`))
      }
      if (previousVersion !== stored.version) {
        return fail(versionProblem(
          previousVersion === undefined
            ? `文件 ${contentId} 已存在（版本 ${stored.version}）；更新时请提供 previousVersion`
            : `previousVersion ${previousVersion} 与已存储的版本 ${stored.version} 不一致`,
          stored.version,
        ))
      }
    } else if (previousVersion !== undefined) {
      return fail(versionProblem(`文件 ${contentId} 尚不存在；新建时不应提供 previousVersion`))
    }
    if (input.indexNumber) {
      const owner = indexOwners.get(input.indexNumber)
      if (owner !== undefined && owner !== contentId) {
        return fail(problem('conflict', `索引号 ${input.indexNumber} 已被文件 ${owner} 使用`, {
          errors: [{ pointer: '/indexNumber', detail: '索引号已被其他文件使用', rule: 'unique' }],
        }))
      }
      indexOwners.set(input.indexNumber, contentId)
    }
    const document = buildDocument({
      contentId,
      input,
      issuers: input.issuers.map((issuer) => agencies.get(issuer) as AgencyRef),
      defaultValidity: validityStatuses[0] ?? 'effective',
      createdAt: stored ? stored.document.createdAt : now,
      updatedAt: now,
    })
    accepted.push({ index, document, isNew: !stored })
  })

  const inserted = await writeDocuments(client, accepted.filter((entry) => entry.isNew).map((entry) => entry.document), 'insert')
  const updated = await writeDocuments(client, accepted.filter((entry) => !entry.isNew).map((entry) => entry.document), 'update')
  const created = inserted.written
  const indexed = new Map([...inserted.indexed, ...updated.indexed])
  const written: StoredDocument[] = []
  for (const { index, document, isNew } of accepted) {
    if (isNew && !created.has(document.contentId)) {
      // Another request created it between our read and our insert.
      results.set(index, { contentId: document.contentId, status: 409, problem: versionProblem(`文件 ${document.contentId} 刚被另一请求创建；请以 previousVersion 重试`) })
      continue
    }
    results.set(index, { contentId: document.contentId, status: isNew ? 201 : 200, document })
    written.push(document)
  }
  // The versions table keeps superseded versions; the current one lives in documents.
  await recordVersions(
    client,
    written.flatMap((document) => {
      const previous = existing.get(document.contentId)
      return previous && previous.document.status !== 'deleted' ? [previous.document] : []
    }),
  )
  await recordEvents(
    context,
    indexed,
    written.map((document) => ({
      contentId: document.contentId,
      version: document.version,
      type: existing.has(document.contentId) ? 'updated' : 'created',
      agencyId,
      details: {},
    })),
  )
  return items.map((_, index) => results.get(index) as PushResult)
}

type DocumentRecord = {
  content_id: string
  version: number
  status: string
  kind: string
  document_type: string | null
  validity: string
  issuers: string[]
  topics: string[]
  index_number: string | null
  published_at: string
  title: string
  search_vector: string
  document_length: number
  document: StoredDocument
  created_at: string
  updated_at: string
}

function recordOf(document: StoredDocument): { record: DocumentRecord; indexed: IndexedDocument } {
  // A withdrawn document is found by its title and 发文字号 only: its text is no longer served, so it
  // must not be searchable either (status=withdrawn lists would otherwise confirm words of it).
  const body = document.status === 'withdrawn' ? (document.documentNumber ?? '') : searchableBody(document)
  const indexed = indexText({ title: document.title, body })
  const record: DocumentRecord = {
    content_id: document.contentId,
    version: document.version,
    status: document.status,
    kind: document.kind,
    document_type: document.documentType ?? null,
    validity: document.validity,
    issuers: document.issuers.map((issuer) => issuer.id),
    topics: document.topics,
    index_number: document.indexNumber ?? null,
    published_at: document.publishedAt,
    title: document.title,
    search_vector: indexed.vector,
    document_length: indexed.length,
    document,
    created_at: document.createdAt,
    updated_at: document.updatedAt,
  }
  return {
    record,
    indexed: {
      contentId: document.contentId,
      version: document.version,
      status: document.status,
      kind: document.kind,
      documentType: record.document_type,
      validity: document.validity,
      issuers: record.issuers,
      topics: document.topics,
      publishedAt: document.publishedAt,
      length: indexed.length,
      frequencies: indexed.frequencies,
    },
  }
}

const recordType = `r(content_id text, version integer, status text, kind text, document_type text, validity text,
  issuers text[], topics text[], index_number text, published_at date, title text, search_vector text,
  document_length integer, document jsonb, created_at timestamptz, updated_at timestamptz)`

/** Inserts new documents (returning the ids actually inserted) or updates existing ones. */
async function writeDocuments(
  client: pg.PoolClient,
  documents: StoredDocument[],
  mode: 'insert' | 'update',
): Promise<{ written: Set<string>; indexed: Map<string, IndexedDocument> }> {
  if (documents.length === 0) return { written: new Set(), indexed: new Map() }
  const built = documents.map(recordOf)
  const indexed = new Map(built.map((entry) => [entry.indexed.contentId, entry.indexed]))
  const records = JSON.stringify(built.map((entry) => entry.record))
  if (mode === 'insert') {
    const { rows } = await client.query<{ content_id: string }>(
      `INSERT INTO documents (content_id, version, status, kind, document_type, validity, issuers, topics, index_number,
         published_at, title, search_vector, document_length, document, created_at, updated_at)
       SELECT content_id, version, status, kind, document_type, validity, issuers, topics, index_number, published_at, title,
         search_vector::tsvector, document_length, document, created_at, updated_at
       FROM jsonb_to_recordset($1::jsonb) AS ${recordType}
       ORDER BY content_id COLLATE "C"
       ON CONFLICT (content_id) DO NOTHING RETURNING content_id`,
      // Inserted in one order whatever the request's: two batches creating the same new ids in
      // opposite orders then wait for each other instead of deadlocking (40P01).
      [records],
    )
    return { written: new Set(rows.map((row) => row.content_id)), indexed }
  }
  await client.query(
    `UPDATE documents AS d SET version = r.version, status = r.status, kind = r.kind, document_type = r.document_type,
       validity = r.validity, issuers = r.issuers, topics = r.topics, index_number = r.index_number,
       published_at = r.published_at, title = r.title, search_vector = r.search_vector::tsvector,
       document_length = r.document_length, document = r.document, updated_at = r.updated_at
     FROM jsonb_to_recordset($1::jsonb) AS ${recordType}
     WHERE d.content_id = r.content_id`,
    [records],
  )
  return { written: new Set(documents.map((document) => document.contentId)), indexed }
}

async function recordVersions(client: pg.PoolClient, documents: StoredDocument[]): Promise<void> {
  if (documents.length === 0) return
  await client.query(
    `INSERT INTO document_versions (content_id, version, document)
     SELECT content_id, version, document FROM jsonb_to_recordset($1::jsonb) AS r(content_id text, version integer, document jsonb)`,
    [JSON.stringify(documents.map((document) => ({ content_id: document.contentId, version: document.version, document })))],
  )
}

type EventInput = { contentId: string; version: number; type: string; agencyId: string; details: Record<string, unknown> }

async function recordEvents(context: WriteContext, indexed: Map<string, IndexedDocument>, events: EventInput[]): Promise<void> {
  if (events.length === 0) return
  const { rows } = await context.client.query<{ sequence: string; content_id: string }>(
    `INSERT INTO events (content_id, version, type, agency_id, details)
     SELECT * FROM unnest($1::text[], $2::integer[], $3::text[], $4::text[], $5::jsonb[])
     RETURNING sequence::text AS sequence, content_id`,
    [
      events.map((event) => event.contentId),
      events.map((event) => event.version),
      events.map((event) => event.type),
      events.map((event) => event.agencyId),
      events.map((event) => JSON.stringify(event.details)),
    ],
  )
  for (const row of rows) {
    const document = indexed.get(row.content_id)
    if (document) context.indexUpdates.push({ sequence: Number(row.sequence), document })
  }
}

type ChangeRequest = { version: number; previousVersion: number }

/** Loads and checks the document a withdrawal or validity change applies to. */
async function lockForChange(
  context: WriteContext,
  contentId: string,
  request: ChangeRequest,
): Promise<{ document: StoredDocument } | { problem: Problem }> {
  const { rows } = await context.client.query<{ issuers: string[]; document: StoredDocument | DeletedDocument }>(
    'SELECT issuers, document FROM documents WHERE content_id = $1 FOR UPDATE',
    [contentId],
  )
  const row = rows[0]
  if (!row) return { problem: problem('notFound', `文件 ${contentId} 不存在`) }
  if (row.document.status === 'deleted') return { problem: deletedProblem(row.document) }
  if (row.issuers[0] !== context.agencyId) return { problem: problem('forbidden', `文件 ${contentId} 的牵头机关是 ${row.issuers[0] ?? '其他机关'}，${context.agencyId} 不能修改`) }
  if (request.version <= request.previousVersion) {
    return { problem: problem('unprocessable', 'version 必须大于 previousVersion', { errors: [{ pointer: '/version', detail: `version 应大于 ${request.previousVersion}`, rule: 'exclusiveMinimum' }] }) }
  }
  if (row.document.version !== request.previousVersion) {
    return { problem: versionProblem(`previousVersion ${request.previousVersion} 与已存储的版本 ${row.document.version} 不一致`, row.document.version) }
  }
  return { document: row.document }
}

async function storeChange(context: WriteContext, previous: StoredDocument, document: StoredDocument, event: EventInput): Promise<void> {
  await recordVersions(context.client, [previous])
  const { indexed } = await writeDocuments(context.client, [document], 'update')
  await recordEvents(context, indexed, [event])
}

export async function withdrawDocument(
  context: WriteContext,
  contentId: string,
  request: ChangeRequest & { notice: string; withdrawnAt?: string },
): Promise<{ document: StoredDocument } | { problem: Problem }> {
  const locked = await lockForChange(context, contentId, request)
  if ('problem' in locked) return locked
  const now = new Date().toISOString()
  const withdrawnAt = request.withdrawnAt ? new Date(request.withdrawnAt).toISOString() : now
  const document: StoredDocument = {
    ...locked.document,
    version: request.version,
    status: 'withdrawn',
    withdrawal: { notice: request.notice, withdrawnAt },
    updatedAt: now,
  }
  await storeChange(context, locked.document, document, {
    contentId,
    version: request.version,
    type: 'withdrawn',
    agencyId: context.agencyId,
    details: { notice: request.notice },
  })
  return { document }
}

export async function changeValidity(
  context: WriteContext,
  contentId: string,
  request: ChangeRequest & { validity: string; changedAt?: string; expiresAt?: string; note?: string },
): Promise<{ document: StoredDocument } | { problem: Problem }> {
  if (!context.validityStatuses.includes(request.validity)) {
    return {
      problem: problem('unprocessable', '有效性取值不在允许列表中', {
        errors: [{ pointer: '/validity', detail: `有效性应为 ${context.validityStatuses.join('、')} 之一`, rule: 'enum' }],
      }),
    }
  }
  const locked = await lockForChange(context, contentId, request)
  if ('problem' in locked) return locked
  const now = new Date().toISOString()
  const document: StoredDocument = {
    ...locked.document,
    version: request.version,
    validity: request.validity,
    validityChangedAt: request.changedAt ? new Date(request.changedAt).toISOString() : now,
    ...(request.expiresAt === undefined ? {} : { expiresAt: request.expiresAt }),
    updatedAt: now,
  }
  await storeChange(context, locked.document, document, {
    contentId,
    version: request.version,
    type: 'validity_changed',
    agencyId: context.agencyId,
    details: { validity: request.validity, ...(request.note === undefined ? {} : { note: request.note }) },
  })
  return { document }
}

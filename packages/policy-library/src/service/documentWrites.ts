import type pg from 'pg'
import { buildDocument } from '../domain/documents.js'
import { Conflict, Forbidden, NotFound, RuleViolation, VersionConflict, type DomainError } from '../domain/errors.js'
import { deletedContentIdGone } from '../domain/removal.js'
import type { AgencyRef, DocumentInput, StoredDocument, ValidityChangeRequest, WithdrawalRequest } from '../domain/types.js'
import type { IndexUpdate } from '../search/types.js'
import { loadPushState, lockDocument, recordEvents, recordVersions, storeChange, writeDocuments } from '../store/writes.js'

export type PushItem = { contentId: string; input: DocumentInput }
export type PushResult = { contentId: string; status: 200 | 201; document: StoredDocument } | { contentId: string; error: DomainError }

export type WriteContext = {
  client: pg.PoolClient
  /** The agency whose token makes the change. */
  agencyId: string
  validityStatuses: readonly string[]
  /** Filled with what was written, for the search index once the transaction commits. */
  indexUpdates: IndexUpdate[]
}

const notLead = (contentId: string, lead: string | undefined, agencyId: string): Forbidden =>
  new Forbidden(`文件 ${contentId} 的牵头机关是 ${lead ?? '其他机关'}，${agencyId} 不能修改`)

const versionNotGreater = (previousVersion: number): RuleViolation =>
  new RuleViolation('version 必须大于 previousVersion', [{ pointer: '/version', detail: `version 应大于 ${previousVersion}`, rule: 'exclusiveMinimum' }])

const validityNotAllowed = (validityStatuses: readonly string[]): RuleViolation =>
  new RuleViolation('有效性取值不在允许列表中', [{ pointer: '/validity', detail: `有效性应为 ${validityStatuses.join('、')} 之一`, rule: 'enum' }])

/**
 * Applies pushes (one for PUT, up to the spec's batch limit) in the caller's transaction. Each item is
 * judged on its own — scope, agencies, validity, versions, 索引号 — and answered with its document or
 * the rule it breaks; the accepted ones are written with one statement per table, which is what makes
 * bulk loads fast.
 */
export async function pushDocuments(context: WriteContext, items: PushItem[]): Promise<PushResult[]> {
  const { client, agencyId, validityStatuses } = context
  const results = new Map<number, PushResult>()
  const { agencies, existing, indexOwners } = await loadPushState(client, {
    contentIds: [...new Set(items.map((item) => item.contentId))],
    agencyIds: [...new Set(items.flatMap((item) => item.input.issuers))],
    indexNumbers: [...new Set(items.flatMap((item) => (item.input.indexNumber ? [item.input.indexNumber] : [])))],
  })

  const seen = new Set<string>()
  const now = new Date().toISOString()
  const accepted: { index: number; document: StoredDocument; isNew: boolean }[] = []
  items.forEach((item, index) => {
    const { contentId, input } = item
    const fail = (error: DomainError): void => {
      results.set(index, { contentId, error })
    }
    if (seen.has(contentId)) {
      return fail(new RuleViolation(`同一批次中 contentId “${contentId}” 重复出现`, [{ pointer: '/contentId', detail: 'contentId 在批次中重复', rule: 'unique' }]))
    }
    seen.add(contentId)
    // The lead agency owns a document: naming co-issuers gives them no rights over it (see README).
    if (input.issuers[0] !== agencyId) {
      return fail(
        new Forbidden(`只有牵头机关（发文机关第一项）能推送本文件；机关 ${agencyId} 不是牵头机关`, [
          { pointer: '/issuers/0', detail: `发文机关（/issuers/0）应为推送令牌所属的机关 ${agencyId}`, rule: 'leadAgency' },
        ]),
      )
    }
    const unknown = input.issuers.flatMap((issuer, position) => (agencies.has(issuer) ? [] : [{ issuer, position }]))
    if (unknown.length > 0) {
      return fail(
        new RuleViolation(
          '发文机关未在文件库中登记',
          unknown.map(({ issuer, position }) => ({ pointer: `/issuers/${position}`, detail: `未登记的机关 ${issuer}`, rule: 'registeredAgency' })),
        ),
      )
    }
    if (input.validity !== undefined && !validityStatuses.includes(input.validity)) return fail(validityNotAllowed(validityStatuses))
    const previousVersion = input.previousVersion ?? undefined
    if (previousVersion !== undefined && input.version <= previousVersion) return fail(versionNotGreater(previousVersion))
    const stored = existing.get(contentId)
    if (stored?.document.status === 'deleted') return fail(deletedContentIdGone(stored.document))
    if (stored) {
      if (stored.issuers[0] !== agencyId) return fail(notLead(contentId, stored.issuers[0], agencyId))
      if (previousVersion !== stored.version) {
        return fail(
          new VersionConflict(
            previousVersion === undefined
              ? `文件 ${contentId} 已存在（版本 ${stored.version}）；更新时请提供 previousVersion`
              : `previousVersion ${previousVersion} 与已存储的版本 ${stored.version} 不一致`,
            stored.version,
          ),
        )
      }
    } else if (previousVersion !== undefined) {
      return fail(new VersionConflict(`文件 ${contentId} 尚不存在；新建时不应提供 previousVersion`))
    }
    if (input.indexNumber) {
      const owner = indexOwners.get(input.indexNumber)
      if (owner !== undefined && owner !== contentId) {
        return fail(
          new Conflict(`索引号 ${input.indexNumber} 已被文件 ${owner} 使用`, {
            errors: [{ pointer: '/indexNumber', detail: '索引号已被其他文件使用', rule: 'unique' }],
          }),
        )
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
      results.set(index, { contentId: document.contentId, error: new VersionConflict(`文件 ${document.contentId} 刚被另一请求创建；请以 previousVersion 重试`) })
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

/** One push (`PUT`): its document, or the rule it breaks thrown. */
export async function pushDocument(context: WriteContext, item: PushItem): Promise<{ status: 200 | 201; document: StoredDocument }> {
  const [result] = await pushDocuments(context, [item])
  if (!result) throw new Error('push returned no result')
  if ('error' in result) throw result.error
  return result
}

type ChangeRequest = { version: number; previousVersion: number }

/** Loads and checks the document a withdrawal or validity change applies to. */
async function lockForChange(context: WriteContext, contentId: string, request: ChangeRequest): Promise<StoredDocument> {
  const row = await lockDocument(context.client, contentId)
  if (!row) throw new NotFound(`文件 ${contentId} 不存在`)
  if (row.document.status === 'deleted') throw deletedContentIdGone(row.document)
  if (row.issuers[0] !== context.agencyId) throw notLead(contentId, row.issuers[0], context.agencyId)
  if (request.version <= request.previousVersion) throw versionNotGreater(request.previousVersion)
  if (row.document.version !== request.previousVersion) {
    throw new VersionConflict(`previousVersion ${request.previousVersion} 与已存储的版本 ${row.document.version} 不一致`, row.document.version)
  }
  return row.document
}

/** 撤回: the document stays with its notice; from then on it answers 410. */
export async function withdrawDocument(context: WriteContext, contentId: string, request: WithdrawalRequest): Promise<StoredDocument> {
  const previous = await lockForChange(context, contentId, request)
  const now = new Date().toISOString()
  const withdrawnAt = request.withdrawnAt ? new Date(request.withdrawnAt).toISOString() : now
  const document: StoredDocument = {
    ...previous,
    version: request.version,
    status: 'withdrawn',
    withdrawal: { notice: request.notice, withdrawnAt },
    updatedAt: now,
  }
  await storeChange(context, previous, document, {
    contentId,
    version: request.version,
    type: 'withdrawn',
    agencyId: context.agencyId,
    details: { notice: request.notice },
  })
  return document
}

/** 有效性 change: a new version with the new validity (and expiry), the text unchanged. */
export async function changeValidity(context: WriteContext, contentId: string, request: ValidityChangeRequest): Promise<StoredDocument> {
  if (!context.validityStatuses.includes(request.validity)) throw validityNotAllowed(context.validityStatuses)
  const previous = await lockForChange(context, contentId, request)
  const now = new Date().toISOString()
  const document: StoredDocument = {
    ...previous,
    version: request.version,
    validity: request.validity,
    validityChangedAt: request.changedAt ? new Date(request.changedAt).toISOString() : now,
    ...(request.expiresAt === undefined ? {} : { expiresAt: request.expiresAt }),
    updatedAt: now,
  }
  await storeChange(context, previous, document, {
    contentId,
    version: request.version,
    type: 'validity_changed',
    agencyId: context.agencyId,
    details: { validity: request.validity, ...(request.note === undefined ? {} : { note: request.note }) },
  })
  return document
}

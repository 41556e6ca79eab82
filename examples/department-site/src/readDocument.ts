import { PolicyLibraryError, type PolicyDocument, type PolicyLibraryClient, type Problem } from '@gongkai/sdk'

/**
 * A document readers may no longer read: 已撤回 (withdrawn, with its notice) or 已删除 (published in
 * error and deleted, without one). The site answers 410 Gone for both.
 */
export type GoneDocument = {
  contentId: string
  reason: 'withdrawn' | 'deleted'
  title?: string
  /** 索引号 */
  indexNumber?: string
  /** 发文字号 */
  documentNumber?: string
  /** 发文机关 ids, when the library names them. */
  issuerIds?: string[]
  withdrawal?: { notice: string; withdrawnAt?: string }
}

export type DocumentRead =
  | { state: 'published'; document: PolicyDocument }
  | { state: 'gone'; gone: GoneDocument }
  | { state: 'missing' }

type Fields = Record<string, unknown>

const isRecord = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value)
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined)

function withdrawalOf(value: unknown): GoneDocument['withdrawal'] {
  if (!isRecord(value)) return undefined
  const notice = text(value.notice)
  if (notice === undefined) return undefined
  const withdrawnAt = text(value.withdrawnAt)
  return { notice, ...(withdrawnAt ? { withdrawnAt } : {}) }
}

/**
 * The gone document described by a library answer: a withdrawn `Document` (a library that answers 200
 * with `status: 'withdrawn'`) or a 410 `GoneProblem` body (a library that answers 410 Gone: `removal`
 * `withdrawn` with `withdrawal`, or `deleted`; `document` carries what cites it — 标题 (not for a deleted
 * document), 索引号, 发文字号, 发文机关 — and never text). The problem's own `title` is the problem's name.
 */
export function goneDocumentOf(contentId: string, answer: PolicyDocument | Problem | undefined): GoneDocument {
  const body: Fields = isRecord(answer) ? answer : {}
  const isWithdrawnDocument = body.status === 'withdrawn'
  // The withdrawn document itself, or the problem's citation of the gone one.
  const cited: Fields = isWithdrawnDocument ? body : isRecord(body.document) ? body.document : {}
  const withdrawal = withdrawalOf(body.withdrawal)
  const isWithdrawn = isWithdrawnDocument || body.removal === 'withdrawn' || (body.removal === undefined && withdrawal !== undefined)
  const title = text(cited.title)
  const indexNumber = text(cited.indexNumber)
  const documentNumber = text(cited.documentNumber)
  const issuerIds = Array.isArray(cited.issuers) ? cited.issuers.flatMap((issuer) => (isRecord(issuer) && text(issuer.id) ? [issuer.id as string] : [])) : []
  return {
    contentId,
    reason: isWithdrawn ? 'withdrawn' : 'deleted',
    ...(title ? { title } : {}),
    ...(indexNumber ? { indexNumber } : {}),
    ...(documentNumber ? { documentNumber } : {}),
    ...(issuerIds.length > 0 ? { issuerIds } : {}),
    ...(isWithdrawn && withdrawal ? { withdrawal } : {}),
  }
}

/** Reads one document, telling a published one from a gone (410) and a missing (404) one. */
export async function readDocument(library: PolicyLibraryClient, contentId: string): Promise<DocumentRead> {
  try {
    const document = await library.get(contentId)
    if (!document) return { state: 'missing' }
    if (document.status === 'withdrawn') return { state: 'gone', gone: goneDocumentOf(contentId, document) }
    return { state: 'published', document }
  } catch (error) {
    if (error instanceof PolicyLibraryError && error.status === 410) return { state: 'gone', gone: goneDocumentOf(contentId, error.problem) }
    throw error
  }
}

/** Linked documents (解读 ↔ 政策) that readers can open; withdrawn, deleted and unknown ones are left out. */
export async function readPublishedDocuments(library: PolicyLibraryClient, contentIds: readonly string[]): Promise<PolicyDocument[]> {
  const reads = await Promise.all([...new Set(contentIds)].slice(0, 50).map((contentId) => readDocument(library, contentId)))
  return reads.flatMap((read) => (read.state === 'published' ? [read.document] : []))
}

import { Gone, type Removal } from './errors.js'
import type { DeletedDocument, GoneDocument, GoneProblem, Redaction, StoredDocument } from './types.js'

function goneDocumentOf(document: StoredDocument | DeletedDocument): GoneDocument {
  return {
    contentId: document.contentId,
    version: document.version,
    kind: document.kind,
    ...(document.status !== 'deleted' ? { title: document.title } : {}),
    ...(document.indexNumber ? { indexNumber: document.indexNumber } : {}),
    ...(document.documentNumber ? { documentNumber: document.documentNumber } : {}),
    issuers: document.issuers,
    publishedAt: document.publishedAt,
  }
}

/** A withdrawn or deleted document is gone (any of its versions, by content id or 索引号). */
export function documentGone(document: StoredDocument | DeletedDocument): Gone {
  if (document.status === 'deleted') {
    return new Gone(`文件 ${document.contentId} 因误发已删除：${document.deletion.reason}`, {
      removal: 'deleted',
      document: goneDocumentOf(document),
      deletion: document.deletion,
    })
  }
  const withdrawal = document.withdrawal ?? { notice: '', withdrawnAt: document.updatedAt }
  return new Gone(`文件 ${document.contentId} 已撤回：${withdrawal.notice}`, { removal: 'withdrawn', document: goneDocumentOf(document), withdrawal })
}

/** One redacted version of a document that is otherwise still published is gone. */
export function versionGone(current: StoredDocument, redaction: Redaction): Gone {
  return new Gone(`文件 ${current.contentId} 的版本 ${redaction.version} 已抹除：${redaction.reason}`, {
    removal: 'redacted',
    document: goneDocumentOf(current),
    redaction,
  })
}

/**
 * A deleted content id is never used again: its 索引号 and history stay reserved for audit, and a new
 * push under it would bring the erased document back at the same address.
 */
export function deletedContentIdGone(document: DeletedDocument): Gone {
  return new Gone(`文件 ${document.contentId} 已删除，contentId 不能再使用；请以新的 contentId 推送`, documentGone(document).removal, [
    { pointer: 'path/contentId', detail: '已删除的文件的 contentId 不能再使用', rule: 'deletedContentId' },
  ])
}

/**
 * The spec's `GoneProblem` of a removal: the 410 answer, also written over the stored Idempotency-Key
 * answers of a deleted document or redacted version (so a replay answers 410, not the erased text).
 */
export function goneProblemOf(gone: Gone): GoneProblem {
  const removal: Removal = gone.removal
  return {
    type: 'https://gongkai.dev/problems/gone',
    title: 'Gone',
    status: 410,
    detail: gone.message,
    ...(gone.errors ? { errors: gone.errors } : {}),
    ...removal,
  }
}

/**
 * A reason (删除原因, 抹除原因) the database can store: PostgreSQL's jsonb refuses NUL and unpaired
 * surrogates, so they are answered 400 here instead of failing the write.
 */
export function unstorableTextProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return '不能包含 NUL 字符（\\u0000）'
  if (/[\uD800-\uDFFF]/u.test(text)) return '不能包含不成对的 UTF-16 代理项'
  return undefined
}

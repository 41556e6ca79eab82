import type { AgencyRef, StoredDocument } from './documents.js'
import type { Problem } from './http/problem.js'

/** 删除: why and when a document published in error was erased, and by whom (an agency id or `admin`). */
export type Deletion = { reason: string; deletedAt: string; deletedBy: string }

/** 删除 leaves this in place of the document: identifying metadata for audit, no text and no title. */
export type DeletedDocument = {
  contentId: string
  status: 'deleted'
  /** The version the deletion took (the last published version + 1). */
  version: number
  kind: StoredDocument['kind']
  indexNumber?: string
  /** 发文字号 */
  documentNumber?: string
  issuers: AgencyRef[]
  publishedAt: string
  /** Every version the document had before it was deleted; their text is erased too. */
  versions: number[]
  deletion: Deletion
  createdAt: string
  updatedAt: string
}

/** 抹除: one superseded version's text erased (e.g. personal data masked in a later correction). */
export type Redaction = { version: number; reason: string; redactedAt: string; redactedBy: string }

/** What a redacted version keeps in `document_versions`. */
export type RedactedVersion = { contentId: string; version: number; status: 'redacted'; redaction: Redaction }

/** What the library still tells about a document that is gone: who issued it and how to cite it. */
export type GoneDocument = {
  contentId: string
  version: number
  kind: StoredDocument['kind']
  /** Absent for a deleted document: a title can itself carry what had to be erased. */
  title?: string
  indexNumber?: string
  documentNumber?: string
  issuers: AgencyRef[]
  publishedAt: string
}

/** The 410 answer for a withdrawn or deleted document, or a redacted version (RFC 9457 with extension members). */
export type GoneProblem = Problem & {
  removal: 'withdrawn' | 'deleted' | 'redacted'
  document: GoneDocument
  withdrawal?: { notice: string; withdrawnAt: string }
  deletion?: Deletion
  redaction?: Redaction
}

const goneType = 'https://gongkai.dev/problems/gone'

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

/** 410 for a withdrawn or deleted document (any of its versions, by content id or 索引号). */
export function documentGoneProblem(document: StoredDocument | DeletedDocument): GoneProblem {
  if (document.status === 'deleted') {
    return {
      type: goneType,
      title: 'Gone',
      status: 410,
      detail: `文件 ${document.contentId} 因误发已删除：${document.deletion.reason}`,
      removal: 'deleted',
      document: goneDocumentOf(document),
      deletion: document.deletion,
    }
  }
  const withdrawal = document.withdrawal ?? { notice: '', withdrawnAt: document.updatedAt }
  return {
    type: goneType,
    title: 'Gone',
    status: 410,
    detail: `文件 ${document.contentId} 已撤回：${withdrawal.notice}`,
    removal: 'withdrawn',
    document: goneDocumentOf(document),
    withdrawal,
  }
}

/** 410 for one redacted version of a document that is otherwise still published. */
export function versionGoneProblem(current: StoredDocument, redaction: Redaction): GoneProblem {
  return {
    type: goneType,
    title: 'Gone',
    status: 410,
    detail: `文件 ${current.contentId} 的版本 ${redaction.version} 已抹除：${redaction.reason}`,
    removal: 'redacted',
    document: goneDocumentOf(current),
    redaction,
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

import type pg from 'pg'
import { NotFound } from '../domain/errors.js'
import { documentGone, versionGone } from '../domain/removal.js'
import type { DocumentEvent, EventList, StoredDocument } from '../domain/types.js'
import { findDocument, findDocumentByIndexNumber, findDocumentVersion, type CurrentDocument } from '../store/documents.js'
import { eventsAfter, eventsOfDocument } from '../store/events.js'

// Withdrawn and deleted documents are gone (410 with their notice and metadata), never shown with text.
function published(document: CurrentDocument | undefined, missing: string): StoredDocument {
  if (!document) throw new NotFound(missing)
  if (document.status !== 'published') throw documentGone(document)
  return document
}

/** A published document by content id. */
export async function getDocument(pool: pg.Pool, contentId: string): Promise<StoredDocument> {
  return published(await findDocument(pool, contentId), `文件 ${contentId} 不存在`)
}

/** A published document by its 索引号. */
export async function getDocumentByIndexNumber(pool: pg.Pool, indexNumber: string): Promise<StoredDocument> {
  return published(await findDocumentByIndexNumber(pool, indexNumber), `索引号 ${indexNumber} 没有对应的文件`)
}

/** One version of a published document: the current one, or a superseded one unless it was redacted. */
export async function getDocumentVersion(pool: pg.Pool, contentId: string, version: number): Promise<StoredDocument> {
  const found = await findDocumentVersion(pool, contentId, version)
  const missing = new NotFound(`文件 ${contentId} 没有版本 ${version}`)
  if (!found || version > found.document.version) throw missing
  const current = published(found.document, missing.message)
  if (version === current.version) return current
  const stored = found.version_document
  if (!stored) throw missing
  if (stored.status === 'redacted') throw versionGone(current, stored.redaction)
  return stored
}

/** The change log of one document (every event; a document that never existed has none). */
export async function listDocumentEvents(pool: pg.Pool, contentId: string): Promise<EventList> {
  const items = await eventsOfDocument(pool, contentId)
  const last = items[items.length - 1]
  if (!last) throw new NotFound(`文件 ${contentId} 不存在`)
  return { items, nextAfter: last.sequence }
}

/** The library-wide change log after `after`. */
export async function listEvents(pool: pg.Pool, page: { after: number; limit: number }): Promise<{ items: DocumentEvent[]; nextAfter: number | null }> {
  const items = await eventsAfter(pool, page)
  return { items, nextAfter: items[items.length - 1]?.sequence ?? null }
}

import express, { type Response, type Router } from 'express'
import type { StoredDocument } from '../documents.js'
import { handle, validated, type RouteContext } from '../http/routeContext.js'
import { problem, ProblemError } from '../http/problem.js'
import { documentGoneProblem, versionGoneProblem, type DeletedDocument, type RedactedVersion } from '../removal.js'

/** Reading one document (by content id, 索引号 or version) and the change log. */
export function documentReadRoutes(context: RouteContext): Router {
  const { pool, validate } = context
  const router = express.Router()
  type CurrentRow = { document: StoredDocument | DeletedDocument; version_document?: StoredDocument | RedactedVersion | null }
  // Withdrawn and deleted documents answer 410 with their notice and metadata, never their text.
  const sendDocument = async (response: Response, sql: string, values: unknown[], missing: string): Promise<void> => {
    const { rows } = await pool.query<CurrentRow>(sql, values)
    const row = rows[0]
    if (!row) throw new ProblemError(problem('notFound', missing))
    if (row.document.status !== 'published') throw new ProblemError(documentGoneProblem(row.document))
    response.json(row.document)
  }
  router.get(
    '/v1/documents/:contentId',
    validate('getDocument'),
    handle(async (request, response) => {
      const contentId = request.params.contentId as string
      await sendDocument(response, 'SELECT document FROM documents WHERE content_id = $1', [contentId], `文件 ${contentId} 不存在`)
    }),
  )
  // 决策专栏: the dossier of the current version with what cites the decision; gone documents answer 410 as above.
  router.get(
    '/v1/documents/:contentId/dossier',
    validate('getDecisionDossier'),
    handle(async (request, response) => {
      const contentId = request.params.contentId as string
      const { rows } = await pool.query<CurrentRow>('SELECT document FROM documents WHERE content_id = $1', [contentId])
      const document = rows[0]?.document
      if (!document) throw new ProblemError(problem('notFound', `文件 ${contentId} 不存在`))
      if (document.status !== 'published') throw new ProblemError(documentGoneProblem(document))
      if (!document.dossier) throw new ProblemError(problem('notFound', `文件 ${contentId} 没有决策专栏`))
      const { version, title, issuers, publishedAt, url, dossier } = document
      response.json({ contentId, version, title, issuers, publishedAt, ...(url ? { url } : {}), dossier })
    }),
  )
  router.get(
    '/v1/documents/:contentId/versions/:version',
    validate('getDocumentVersion'),
    handle(async (_request, response) => {
      const { contentId, version } = validated(response).params as { contentId: string; version: number }
      const { rows } = await pool.query<CurrentRow>(
        `SELECT document, (SELECT v.document FROM document_versions AS v WHERE v.content_id = d.content_id AND v.version = $2) AS version_document
         FROM documents AS d WHERE content_id = $1`,
        [contentId, version],
      )
      const row = rows[0]
      const missing = new ProblemError(problem('notFound', `文件 ${contentId} 没有版本 ${version}`))
      if (!row || version > row.document.version) throw missing
      if (row.document.status !== 'published') throw new ProblemError(documentGoneProblem(row.document))
      if (version === row.document.version) return void response.json(row.document)
      const stored = row.version_document
      if (!stored) throw missing
      if (stored.status === 'redacted') throw new ProblemError(versionGoneProblem(row.document, stored.redaction))
      response.json(stored)
    }),
  )
  router.get(
    '/v1/index-numbers/:indexNumber',
    validate('getDocumentByIndexNumber'),
    handle(async (request, response) => {
      const indexNumber = request.params.indexNumber as string
      await sendDocument(response, 'SELECT document FROM documents WHERE index_number = $1', [indexNumber], `索引号 ${indexNumber} 没有对应的文件`)
    }),
  )

  type EventRow = { sequence: string; content_id: string; version: number; type: string; agency_id: string; occurred_at: Date; details: Record<string, unknown> }
  const eventOf = (row: EventRow) => ({
    sequence: Number(row.sequence),
    contentId: row.content_id,
    version: row.version,
    type: row.type,
    occurredAt: row.occurred_at.toISOString(),
    agencyId: row.agency_id,
    ...row.details,
  })
  const eventColumns = 'sequence::text AS sequence, content_id, version, type, agency_id, occurred_at, details'
  router.get(
    '/v1/documents/:contentId/events',
    validate('listDocumentEvents'),
    handle(async (request, response) => {
      const contentId = request.params.contentId as string
      const { rows } = await pool.query<EventRow>(`SELECT ${eventColumns} FROM events WHERE content_id = $1 ORDER BY events.sequence`, [contentId])
      if (rows.length === 0) throw new ProblemError(problem('notFound', `文件 ${contentId} 不存在`))
      const last = rows[rows.length - 1] as EventRow
      response.json({ items: rows.map(eventOf), nextAfter: Number(last.sequence) })
    }),
  )
  router.get(
    '/v1/events',
    validate('listEvents'),
    handle(async (_request, response) => {
      const { after = 0, limit = 100 } = validated(response).query as { after?: number; limit?: number }
      const { rows } = await pool.query<EventRow>(`SELECT ${eventColumns} FROM events WHERE sequence > $1 ORDER BY events.sequence LIMIT $2`, [after, limit])
      const last = rows[rows.length - 1]
      response.json({ items: rows.map(eventOf), nextAfter: last ? Number(last.sequence) : null })
    }),
  )

  return router
}

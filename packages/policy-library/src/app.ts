import { createRequire } from 'node:module'
import { defaultValidityStatuses, documentTypes, findTopic, labelOf } from '@gongkai/core'
import path from 'node:path'
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express'
import { rateLimit } from 'express-rate-limit'
import type pg from 'pg'
import type { Logger } from 'pino'
import { pinoHttp } from 'pino-http'
import type { DocumentInput, StoredDocument } from './documents.js'
import { maxSitemapUrls, renderAtomFeed, renderSitemap, renderSitemapIndex } from './feeds.js'
import { createAuth, generateToken, hashToken, principalOf } from './http/auth.js'
import { problem, ProblemError, sendProblem } from './http/problem.js'
import type { OpenApiDocument } from './openapi.js'
import { escapeHtml, highlight, snippet } from './search/highlight.js'
import { queryTerms } from './search/segment.js'
import {
  decodeCursor,
  encodeCursor,
  type IndexUpdate,
  type SearchEngine,
  type SearchFilters,
  type SearchSort,
} from './search/types.js'
import { answer, fingerprintOf, runWrite, type WriteAnswer } from './store/idempotency.js'
import { changeValidity, pushDocuments, withdrawDocument, type PushItem, type PushResult, type WriteContext } from './store/writes.js'
import type { Ajv2020 } from 'ajv/dist/2020.js'
import {
  batchEnvelopeValidator,
  fieldErrors,
  schemaValidator,
  type RequestValidator,
  type ValidatedRequest,
} from './validation/requestValidator.js'

export type AppContext = {
  pool: pg.Pool
  logger: Logger
  engine: SearchEngine
  document: OpenApiDocument
  validate: RequestValidator
  ajv: Ajv2020
  adminToken: string | undefined
  publicUrl: string | undefined
  validityStatuses: readonly string[]
  rateLimit: { windowMs: number; limit: number } | false
  maxBodyBytes: number
  maxBatchBodyBytes: number
  /** Readiness beyond the engine: migrations applied and not shutting down. */
  isReady: () => boolean
  /** Migrates and loads the search index once; requests wait for it (so a mounted app works without listen). */
  ensureStarted: () => Promise<void>
}

const kindLabels: Record<string, string> = { policy: '政策文件', interpretation: '政策解读', decision: '重大决策' }

const validated = (response: Response): ValidatedRequest => response.locals.validated as ValidatedRequest

/** Wraps an async handler so rejections reach the error handler. */
const handle =
  (run: (request: Request, response: Response) => Promise<void>): RequestHandler =>
  (request, response, next) => {
    run(request, response).catch(next)
  }

export function createApp(context: AppContext): express.Express {
  const { pool, engine, validate, validityStatuses } = context
  const validateDocumentInput = schemaValidator(context.ajv, 'DocumentInput')
  const app = express()
  app.disable('x-powered-by')
  app.set('query parser', 'simple')
  app.set('trust proxy', 'loopback')
  app.use(
    pinoHttp({
      logger: context.logger,
      customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info'),
      // Never log bearer secrets.
      redact: ['req.headers.authorization'],
    }),
  )
  const json = express.json({ limit: context.maxBodyBytes, type: 'application/json' })
  const batchJson = express.json({ limit: context.maxBatchBodyBytes, type: 'application/json' })
  const auth = createAuth({ pool, adminToken: context.adminToken })
  const limiter: RequestHandler = context.rateLimit
    ? rateLimit({
        windowMs: context.rateLimit.windowMs,
        limit: context.rateLimit.limit,
        standardHeaders: 'draft-7',
        legacyHeaders: false,
        keyGenerator: (_request, response) => {
          const principal = principalOf(response)
          return principal.kind === 'admin' ? 'admin' : principal.tokenId
        },
        handler: (_request, response) => {
          sendProblem(response, problem('rateLimited', '请求过于频繁；请在 Retry-After 秒后重试'))
        },
      })
    : (_request, _response, next) => next()
  const baseUrlOf = (request: Request): string => context.publicUrl ?? `${request.protocol}://${request.get('host') ?? 'localhost'}`

  /** Answers a write, replaying stored answers of repeated Idempotency-Keys. */
  const write = async (
    request: Request,
    response: Response,
    run: (client: pg.PoolClient, indexUpdates: IndexUpdate[]) => Promise<WriteAnswer>,
  ): Promise<void> => {
    const principal = principalOf(response)
    const key = request.get('idempotency-key')
    const indexUpdates: IndexUpdate[] = []
    const result = await runWrite({
      pool,
      scope: principal.kind === 'admin' ? 'admin' : principal.tokenId,
      key,
      fingerprint: fingerprintOf({ method: request.method, path: request.originalUrl, body: request.body }),
      run: (client) => run(client, indexUpdates),
    })
    if (indexUpdates.length > 0) await engine.applyCommitted(indexUpdates)
    if (result.isReplayed) response.set('Idempotent-Replayed', 'true')
    const isProblem = result.status >= 400
    response
      .status(result.status)
      .type(isProblem ? 'application/problem+json' : 'application/json')
      .send(JSON.stringify(result.body))
  }
  const writeContext = (client: pg.PoolClient, indexUpdates: IndexUpdate[], response: Response): WriteContext => {
    const principal = principalOf(response)
    if (principal.kind !== 'agency') throw new Error('agency route without agency principal')
    return { client, agencyId: principal.agencyId, validityStatuses, indexUpdates }
  }

  // ---- Operations -------------------------------------------------------------------------
  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' })
  })
  app.get(
    '/readyz',
    handle(async (_request, response) => {
      const checks: Record<string, string> = {}
      checks.database = await pool.query('SELECT 1').then(
        () => 'ok',
        (error: unknown) => `unavailable: ${error instanceof Error ? error.message : String(error)}`,
      )
      checks.migrations = context.isReady() ? 'ok' : 'pending'
      checks.search = engine.isReady() ? 'ok' : 'loading'
      const isReady = Object.values(checks).every((value) => value === 'ok')
      response.status(isReady ? 200 : 503).json({ status: isReady ? 'ok' : 'unavailable', checks })
    }),
  )
  app.use((_request, _response, next) => {
    context.ensureStarted().then(
      () => next(),
      (error: unknown) => {
        context.logger.error({ err: error }, 'policy library could not start')
        next(new ProblemError(problem('unavailable', '文件库暂不可用（数据库无法连接或迁移失败）；请稍后重试')))
      },
    )
  })
  app.get('/openapi.json', (request, response) => {
    // Served with this server first, so "Try it out" in /docs talks to the library that served it.
    const servers = (context.document as { servers?: { url: string }[] }).servers ?? []
    response.json({ ...context.document, servers: [{ url: baseUrlOf(request), description: 'This library' }, ...servers] })
  })
  const swaggerUiPath = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/absolute-path.js'))
  app.use('/docs/assets', express.static(swaggerUiPath, { index: false, maxAge: '1d' }))
  app.get('/docs', (_request, response) => {
    response.type('html').send(renderDocsPage(context.document.info.title))
  })
  app.get('/docs/init.js', (_request, response) => {
    response
      .type('application/javascript')
      .send(`window.ui = SwaggerUIBundle({ url: new URL('openapi.json', document.baseURI).href, dom_id: '#reference', deepLinking: true })\n`)
  })

  // ---- Documents: read ----------------------------------------------------------------------
  app.get(
    '/v1/documents',
    validate('searchDocuments'),
    handle(async (_request, response) => {
      const query = validated(response).query as {
        q?: string
        sort?: SearchSort
        limit?: number
        cursor?: string
        facets?: boolean
      } & Omit<Partial<SearchFilters>, 'status'> & { status?: SearchFilters['status'] }
      const parsed = query.q ? queryTerms(query.q) : { terms: [], words: [] }
      const sort: SearchSort = query.sort ?? (query.q ? 'relevance' : 'newest')
      let cursor
      if (query.cursor !== undefined) {
        cursor = decodeCursor(query.cursor)
        if (!cursor) {
          throw new ProblemError(problem('validation', 'cursor 无效', { errors: [{ pointer: 'query/cursor', detail: 'cursor 应为上一页返回的 nextCursor', rule: 'cursor' }] }))
        }
      }
      const filters: SearchFilters = { status: query.status ?? 'published' }
      for (const name of ['agency', 'year', 'topic', 'kind', 'documentType', 'validity', 'publishedFrom', 'publishedTo'] as const) {
        if (query[name] !== undefined) Object.assign(filters, { [name]: query[name] })
      }
      const withFacets = query.facets ?? true
      const limit = query.limit ?? 20
      // A query with no searchable word (only punctuation) matches nothing rather than everything.
      const isEmptyQuery = query.q !== undefined && parsed.terms.length === 0
      const result = isEmptyQuery
        ? { hits: [], total: 0, facets: withFacets ? { agency: [], year: [], topic: [], kind: [], documentType: [], validity: [] } : undefined }
        : await engine.search({ terms: parsed.terms, filters, sort, limit, withFacets, ...(cursor ? { cursor } : {}) })
      const ids = result.hits.map((hit) => hit.contentId)
      const agencyIds = result.facets?.agency.map((bucket) => bucket.value) ?? []
      const [documents, agencies] = await Promise.all([
        ids.length === 0
          ? { rows: [] }
          : pool.query<{ document: StoredDocument }>(
              // Snippets come from the first 50,000 characters: a page of 100 long documents stays small.
              `SELECT (document - 'bodyHtml' - 'attachments' - 'links')
                 || jsonb_build_object('bodyText', left(document->>'bodyText', 50000)) AS document
               FROM documents WHERE content_id = ANY ($1)`,
              [ids],
            ),
        agencyIds.length === 0 ? { rows: [] } : pool.query<{ id: string; name: string }>('SELECT id, name FROM agencies WHERE id = ANY ($1)', [agencyIds]),
      ])
      const byId = new Map(documents.rows.map((row) => [row.document.contentId, row.document]))
      const agencyNames = new Map(agencies.rows.map((row) => [row.id, row.name]))
      const items = result.hits.flatMap((hit) => {
        const document = byId.get(hit.contentId)
        if (!document) return []
        const text = document.bodyText || document.summary || ''
        return [
          {
            contentId: document.contentId,
            version: document.version,
            status: document.status,
            kind: document.kind,
            title: document.title,
            titleHighlight: highlight(document.title, parsed.words),
            snippet: parsed.words.length > 0 ? snippet(text, parsed.words) : escapeHtml(document.summary ?? text.slice(0, 120)),
            ...(hit.score === undefined ? {} : { score: hit.score }),
            ...(document.indexNumber ? { indexNumber: document.indexNumber } : {}),
            ...(document.documentNumber ? { documentNumber: document.documentNumber } : {}),
            ...(document.documentType ? { documentType: document.documentType } : {}),
            issuers: document.issuers,
            topics: document.topics,
            publishedAt: document.publishedAt,
            validity: document.validity,
            ...(document.url ? { url: document.url } : {}),
          },
        ]
      })
      const labelled = (buckets: { value: string; count: number }[], label: (value: string) => string | undefined) =>
        buckets.map((bucket) => {
          const text = label(bucket.value)
          return text === undefined || text === bucket.value ? bucket : { ...bucket, label: text }
        })
      const facets = result.facets
        ? {
            agency: labelled(result.facets.agency, (value) => agencyNames.get(value)),
            year: result.facets.year,
            topic: labelled(result.facets.topic, (value) => findTopic(value)?.path),
            kind: labelled(result.facets.kind, (value) => kindLabels[value]),
            documentType: labelled(result.facets.documentType, (value) => labelOf(documentTypes, value)),
            validity: labelled(result.facets.validity, (value) => labelOf(defaultValidityStatuses, value)),
          }
        : undefined
      response.json({
        items,
        total: result.total,
        nextCursor: result.nextCursor ? encodeCursor(result.nextCursor) : null,
        ...(facets ? { facets } : {}),
      })
    }),
  )

  const sendDocument = async (response: Response, sql: string, values: unknown[], missing: string): Promise<void> => {
    const { rows } = await pool.query<{ document: StoredDocument }>(sql, values)
    const row = rows[0]
    if (!row) throw new ProblemError(problem('notFound', missing))
    response.json(row.document)
  }
  app.get(
    '/v1/documents/:contentId',
    validate('getDocument'),
    handle(async (request, response) => {
      const contentId = request.params.contentId as string
      await sendDocument(response, 'SELECT document FROM documents WHERE content_id = $1', [contentId], `文件 ${contentId} 不存在`)
    }),
  )
  app.get(
    '/v1/documents/:contentId/versions/:version',
    validate('getDocumentVersion'),
    handle(async (request, response) => {
      const { contentId, version } = validated(response).params as { contentId: string; version: number }
      await sendDocument(
        response,
        `SELECT document FROM documents WHERE content_id = $1 AND version = $2
         UNION ALL SELECT document FROM document_versions WHERE content_id = $1 AND version = $2 LIMIT 1`,
        [contentId, version],
        `文件 ${contentId} 没有版本 ${version}`,
      )
      void request
    }),
  )
  app.get(
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
  app.get(
    '/v1/documents/:contentId/events',
    validate('listDocumentEvents'),
    handle(async (request, response) => {
      const contentId = request.params.contentId as string
      const { rows } = await pool.query<EventRow>(`SELECT ${eventColumns} FROM events WHERE content_id = $1 ORDER BY sequence`, [contentId])
      if (rows.length === 0) throw new ProblemError(problem('notFound', `文件 ${contentId} 不存在`))
      const last = rows[rows.length - 1] as EventRow
      response.json({ items: rows.map(eventOf), nextAfter: Number(last.sequence) })
    }),
  )
  app.get(
    '/v1/events',
    validate('listEvents'),
    handle(async (_request, response) => {
      const { after = 0, limit = 100 } = validated(response).query as { after?: number; limit?: number }
      const { rows } = await pool.query<EventRow>(`SELECT ${eventColumns} FROM events WHERE sequence > $1 ORDER BY sequence LIMIT $2`, [after, limit])
      const last = rows[rows.length - 1]
      response.json({ items: rows.map(eventOf), nextAfter: last ? Number(last.sequence) : null })
    }),
  )

  // ---- Documents: write ---------------------------------------------------------------------
  app.put(
    '/v1/documents/:contentId',
    auth.requireAgency,
    limiter,
    json,
    validate('pushDocument'),
    handle(async (request, response) => {
      const contentId = request.params.contentId as string
      await write(request, response, async (client, indexUpdates) => {
        const [result] = await pushDocuments(writeContext(client, indexUpdates, response), [{ contentId, input: request.body as DocumentInput }])
        if (!result) throw new Error('push returned no result')
        return 'document' in result ? { status: result.status, body: result.document } : answer(result.problem)
      })
    }),
  )
  app.post(
    '/v1/documents/:contentId/withdrawal',
    auth.requireAgency,
    limiter,
    json,
    validate('withdrawDocument'),
    handle(async (request, response) => {
      const contentId = request.params.contentId as string
      await write(request, response, async (client, indexUpdates) => {
        const result = await withdrawDocument(writeContext(client, indexUpdates, response), contentId, request.body as Parameters<typeof withdrawDocument>[2])
        return 'document' in result ? { status: 200, body: result.document } : answer(result.problem)
      })
    }),
  )
  app.post(
    '/v1/documents/:contentId/validity',
    auth.requireAgency,
    limiter,
    json,
    validate('changeValidity'),
    handle(async (request, response) => {
      const contentId = request.params.contentId as string
      await write(request, response, async (client, indexUpdates) => {
        const result = await changeValidity(writeContext(client, indexUpdates, response), contentId, request.body as Parameters<typeof changeValidity>[2])
        return 'document' in result ? { status: 200, body: result.document } : answer(result.problem)
      })
    }),
  )
  app.post(
    '/v1/document-batches',
    auth.requireAgency,
    limiter,
    batchJson,
    validate('pushDocumentBatch', { body: batchEnvelopeValidator(context.ajv) }),
    handle(async (request, response) => {
      const { items } = request.body as { items: { contentId: string; document: DocumentInput }[] }
      await write(request, response, async (client, indexUpdates) => {
        // Items with an invalid document are answered 400 in their result; the others are applied.
        const invalid = new Map<number, PushResult>()
        const valid: { index: number; item: PushItem }[] = []
        items.forEach((item, index) => {
          if (validateDocumentInput(item.document)) valid.push({ index, item: { contentId: item.contentId, input: item.document } })
          else {
            const errors = fieldErrors(validateDocumentInput.errors, '')
            invalid.set(index, {
              contentId: item.contentId,
              status: 400,
              problem: problem('validation', `第 ${index + 1} 项的文件有 ${errors.length} 处不符合接口定义`, { errors }),
            })
          }
        })
        const applied = await pushDocuments(writeContext(client, indexUpdates, response), valid.map((entry) => entry.item))
        const byIndex = new Map(valid.map((entry, position) => [entry.index, applied[position] as PushResult]))
        const results = items.map((_, index) => (invalid.get(index) ?? byIndex.get(index)) as PushResult)
        const succeeded = results.filter((result) => result.status < 300).length
        return {
          status: 200,
          body: {
            results: results.map((result) =>
              'document' in result
                ? { contentId: result.contentId, status: result.status, version: result.document.version }
                : { contentId: result.contentId, status: result.status, problem: result.problem },
            ),
            succeeded,
            failed: results.length - succeeded,
          },
        }
      })
    }),
  )

  // ---- Agencies and tokens -----------------------------------------------------------------
  type AgencyRow = { id: string; name: string; index_prefix: string | null; created_at: Date }
  const agencyOf = (row: AgencyRow) => ({
    id: row.id,
    name: row.name,
    ...(row.index_prefix ? { indexPrefix: row.index_prefix } : {}),
    createdAt: row.created_at.toISOString(),
  })
  type TokenRow = { id: string; agency_id: string; name: string; created_at: Date; revoked_at: Date | null; last_used_at: Date | null }
  const tokenOf = (row: TokenRow) => ({
    id: row.id,
    agencyId: row.agency_id,
    name: row.name,
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  })
  app.get(
    '/v1/agencies',
    validate('listAgencies'),
    handle(async (_request, response) => {
      const { rows } = await pool.query<AgencyRow>('SELECT * FROM agencies ORDER BY id')
      response.json({ items: rows.map(agencyOf) })
    }),
  )
  app.post(
    '/v1/agencies',
    auth.requireAdmin,
    limiter,
    json,
    validate('createAgency'),
    handle(async (request, response) => {
      const input = request.body as { id: string; name: string; indexPrefix?: string }
      await write(request, response, async (client) => {
        const { rows } = await client.query<AgencyRow>(
          'INSERT INTO agencies (id, name, index_prefix) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING *',
          [input.id, input.name, input.indexPrefix ?? null],
        )
        const row = rows[0]
        return row ? { status: 201, body: agencyOf(row) } : answer(problem('conflict', `机关 ${input.id} 已存在`, { errors: [{ pointer: '/id', detail: '机关标识已存在', rule: 'unique' }] }))
      })
    }),
  )
  app.get(
    '/v1/agencies/:agencyId',
    validate('getAgency'),
    handle(async (request, response) => {
      const agencyId = request.params.agencyId as string
      const { rows } = await pool.query<AgencyRow>('SELECT * FROM agencies WHERE id = $1', [agencyId])
      const row = rows[0]
      if (!row) throw new ProblemError(problem('notFound', `机关 ${agencyId} 不存在`))
      response.json(agencyOf(row))
    }),
  )
  const requireAgencyExists = async (agencyId: string): Promise<void> => {
    const { rowCount } = await pool.query('SELECT 1 FROM agencies WHERE id = $1', [agencyId])
    if (!rowCount) throw new ProblemError(problem('notFound', `机关 ${agencyId} 不存在`))
  }
  app.get(
    '/v1/agencies/:agencyId/tokens',
    auth.requireAdmin,
    limiter,
    validate('listTokens'),
    handle(async (request, response) => {
      const agencyId = request.params.agencyId as string
      await requireAgencyExists(agencyId)
      const { rows } = await pool.query<TokenRow>(
        'SELECT id, agency_id, name, created_at, revoked_at, last_used_at FROM tokens WHERE agency_id = $1 ORDER BY created_at, id',
        [agencyId],
      )
      response.json({ items: rows.map(tokenOf) })
    }),
  )
  app.post(
    '/v1/agencies/:agencyId/tokens',
    auth.requireAdmin,
    limiter,
    json,
    validate('createToken'),
    handle(async (request, response) => {
      const agencyId = request.params.agencyId as string
      const { name } = request.body as { name: string }
      await requireAgencyExists(agencyId)
      const token = generateToken()
      const { rows } = await pool.query<TokenRow>(
        'INSERT INTO tokens (agency_id, name, token_hash) VALUES ($1, $2, $3) RETURNING id, agency_id, name, created_at, revoked_at, last_used_at',
        [agencyId, name, hashToken(token)],
      )
      response.status(201).json({ ...tokenOf(rows[0] as TokenRow), token })
    }),
  )
  app.delete(
    '/v1/tokens/:tokenId',
    auth.requireAdmin,
    limiter,
    validate('revokeToken'),
    handle(async (request, response) => {
      const tokenId = request.params.tokenId as string
      const { rowCount } = await pool.query('UPDATE tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1', [tokenId])
      if (!rowCount) throw new ProblemError(problem('notFound', `令牌 ${tokenId} 不存在`))
      response.status(204).end()
    }),
  )

  // ---- Feeds and sitemap -------------------------------------------------------------------
  const feedLimit = 50
  app.get(
    '/v1/agencies/:agencyId/feed.atom',
    validate('getAgencyFeed'),
    handle(async (request, response) => {
      const agencyId = request.params.agencyId as string
      const agency = await pool.query<{ name: string }>('SELECT name FROM agencies WHERE id = $1', [agencyId])
      const name = agency.rows[0]?.name
      if (name === undefined) throw new ProblemError(problem('notFound', `机关 ${agencyId} 不存在`))
      const { rows } = await pool.query<{ document: StoredDocument }>(
        `SELECT document FROM documents WHERE status = 'published' AND $1 = ANY (issuers) ORDER BY published_at DESC, content_id LIMIT ${feedLimit}`,
        [agencyId],
      )
      response.type('application/atom+xml').send(
        renderAtomFeed({ baseUrl: baseUrlOf(request), selfPath: `/v1/agencies/${agencyId}/feed.atom`, title: `${name} · 政策文件`, documents: rows.map((row) => row.document) }),
      )
    }),
  )
  app.get(
    '/v1/topics/:topicCode/feed.atom',
    validate('getTopicFeed'),
    handle(async (request, response) => {
      const topicCode = request.params.topicCode as string
      const { rows } = await pool.query<{ document: StoredDocument }>(
        `SELECT document FROM documents WHERE status = 'published'
           AND EXISTS (SELECT 1 FROM unnest(topics) AS topic WHERE topic = $1 OR topic LIKE $1 || '.%')
         ORDER BY published_at DESC, content_id LIMIT ${feedLimit}`,
        [topicCode],
      )
      response.type('application/atom+xml').send(
        renderAtomFeed({
          baseUrl: baseUrlOf(request),
          selfPath: `/v1/topics/${topicCode}/feed.atom`,
          title: `${findTopic(topicCode)?.path ?? `主题 ${topicCode}`} · 政策文件`,
          documents: rows.map((row) => row.document),
        }),
      )
    }),
  )
  const publishedCount = async (): Promise<number> => {
    const { rows } = await pool.query<{ count: string }>(`SELECT count(*)::text AS count FROM documents WHERE status = 'published'`)
    return Number(rows[0]?.count ?? 0)
  }
  app.get(
    '/sitemap.xml',
    validate('getSitemapIndex'),
    handle(async (request, response) => {
      const pages = Math.max(1, Math.ceil((await publishedCount()) / maxSitemapUrls))
      response.type('application/xml').send(renderSitemapIndex({ baseUrl: baseUrlOf(request), pages }))
    }),
  )
  app.get(
    '/sitemaps/:page.xml',
    validate('getSitemapPage'),
    handle(async (request, response) => {
      const { page } = validated(response).params as { page: number }
      const pages = Math.max(1, Math.ceil((await publishedCount()) / maxSitemapUrls))
      if (page > pages) throw new ProblemError(problem('notFound', `站点地图只有 ${pages} 页`))
      const { rows } = await pool.query<{ content_id: string; url: string | null; updated_at: Date }>(
        `SELECT content_id, document->>'url' AS url, updated_at FROM documents WHERE status = 'published'
         ORDER BY content_id OFFSET $1 LIMIT $2`,
        [(page - 1) * maxSitemapUrls, maxSitemapUrls],
      )
      const entries = rows.map((row) => ({ contentId: row.content_id, ...(row.url ? { url: row.url } : {}), updatedAt: row.updated_at.toISOString() }))
      response.type('application/xml').send(renderSitemap({ baseUrl: baseUrlOf(request), entries }))
    }),
  )

  app.use((request, _response, next) => {
    next(new ProblemError(problem('notFound', `没有 ${request.method} ${request.path} 这个接口；见 /docs`)))
  })
  app.use(errorHandler(context.logger))
  return app
}

function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, request, response, _next) => {
    if (response.headersSent) {
      request.socket.destroy()
      return
    }
    if (error instanceof ProblemError) {
      if (error.problem.status === 401) response.set('WWW-Authenticate', 'Bearer')
      sendProblem(response, error.problem)
      return
    }
    // body-parser errors carry a status and a type.
    const parserError = error as { status?: number; type?: string; message?: string }
    if (parserError.type === 'entity.parse.failed') {
      sendProblem(response, problem('malformedJson', `请求体不是合法的 JSON：${parserError.message ?? ''}`))
      return
    }
    if (parserError.type === 'entity.too.large') {
      sendProblem(response, problem('payloadTooLarge', '请求体超过大小上限'))
      return
    }
    if (parserError.type === 'encoding.unsupported' || parserError.type === 'charset.unsupported') {
      sendProblem(response, problem('unsupportedMediaType', '请求体应为 UTF-8 编码的 JSON'))
      return
    }
    if (typeof parserError.status === 'number' && parserError.status >= 400 && parserError.status < 500) {
      sendProblem(response, { ...problem('validation', parserError.message), status: parserError.status })
      return
    }
    const code = (error as { code?: string }).code
    if (code === '23505') {
      sendProblem(response, problem('conflict', '与已存储的数据冲突（唯一约束），例如索引号已被另一个文件使用；请重试'))
      return
    }
    logger.error({ err: error, method: request.method, url: request.originalUrl }, 'request failed')
    sendProblem(response, problem('internal', '服务器内部错误'))
  }
}

function renderDocsPage(title: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — API reference</title>
<link rel="stylesheet" href="docs/assets/swagger-ui.css">
</head>
<body>
<div id="reference"></div>
<script src="docs/assets/swagger-ui-bundle.js"></script>
<script src="docs/init.js"></script>
</body>
</html>
`
}

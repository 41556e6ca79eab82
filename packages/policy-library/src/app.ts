import { createRequire } from 'node:module'
import path from 'node:path'
import express, { type Request, type RequestHandler, type Response } from 'express'
import { rateLimit } from 'express-rate-limit'
import type pg from 'pg'
import { pinoHttp } from 'pino-http'
import { createAuth, principalOf } from './http/auth.js'
import { createAuthFailureLimiter } from './http/authFailures.js'
import { renderDocsPage } from './http/docsPage.js'
import { errorHandler } from './http/errorHandler.js'
import { allowedMethods, responseHeaders, specPathsOf } from './http/headers.js'
import { DomainError } from './domain/errors.js'
import { problem, problemOf, ProblemError, sendProblem } from './http/problem.js'
import type { AppContext, RouteContext } from './http/routeContext.js'
import { agencyRoutes } from './routes/agencyRoutes.js'
import { documentReadRoutes } from './routes/documentReadRoutes.js'
import { documentRemovalRoutes } from './routes/documentRemovalRoutes.js'
import { documentWriteRoutes } from './routes/documentWriteRoutes.js'
import { feedRoutes } from './routes/feedRoutes.js'
import { searchRoutes } from './routes/searchRoutes.js'
import type { IndexUpdate } from './search/types.js'
import { databaseStatus } from './store/health.js'
import { fingerprintOf, runWrite } from './store/idempotency.js'
import type { WriteContext } from './service/documentWrites.js'
import { schemaValidator } from './validation/requestValidator.js'

export type { AppContext } from './http/routeContext.js'

/** The express application of the library: operations routes, then the API's route groups. */
export function createApp(context: AppContext): express.Express {
  const { pool, engine, validityStatuses } = context
  const app = express()
  app.disable('x-powered-by')
  app.set('query parser', 'simple')
  app.set('trust proxy', 'loopback')
  // First of all, so every answer during shutdown tells keep-alive clients to reconnect elsewhere
  // (registered after the routes, it never ran: the 404 catch-all answers everything before it).
  app.use((_request, response, next) => {
    if (context.isShuttingDown()) response.set('Connection', 'close')
    next()
  })
  app.use(responseHeaders({ cors: context.cors, publicUrl: context.publicUrl }))
  app.use(
    pinoHttp({
      logger: context.logger,
      customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info'),
      // Never log bearer secrets.
      redact: ['req.headers.authorization'],
    }),
  )
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

  // Failed authentications per client address (a guessed token is a failure; a valid one costs nothing).
  const authFailures = context.authFailureLimit ? createAuthFailureLimiter(context.authFailureLimit) : undefined
  const auth = createAuth({ pool, adminToken: context.adminToken })
  const guarded = (check: RequestHandler): RequestHandler =>
    authFailures
      ? (request, response, next) => {
          authFailures.check(request, response, (error?: unknown) => {
            if (error) return next(error)
            check(request, response, (failure?: unknown) => {
              if (response.locals.isAuthFailure === true) authFailures.recordFailure(request.ip)
              next(failure)
            })
          })
        }
      : check

  const write: RouteContext['write'] = async (request: Request, response: Response, run) => {
    const principal = principalOf(response)
    const indexUpdates: IndexUpdate[] = []
    const result = await runWrite({
      pool,
      scope: principal.kind === 'admin' ? 'admin' : principal.tokenId,
      key: request.get('idempotency-key'),
      fingerprint: fingerprintOf({ method: request.method, path: request.originalUrl, body: request.body }),
      run: (client) => {
        // A retried transaction starts over: nothing of the failed attempt was committed.
        indexUpdates.length = 0
        return run(client, indexUpdates)
      },
      // A refusal is the answer kept with the Idempotency-Key (a retry replays the same 409, 403 …).
      refusalAnswer: (error) => {
        if (!(error instanceof DomainError)) return undefined
        const details = problemOf(error)
        return { status: details.status, body: details }
      },
    })
    if (indexUpdates.length > 0) await engine.applyCommitted(indexUpdates)
    if (result.isReplayed) response.set('Idempotent-Replayed', 'true')
    response
      .status(result.status)
      .type(result.status >= 400 ? 'application/problem+json' : 'application/json')
      .send(JSON.stringify(result.body))
  }
  const writeContext = (client: pg.PoolClient, indexUpdates: IndexUpdate[], response: Response): WriteContext => {
    const principal = principalOf(response)
    if (principal.kind !== 'agency') throw new Error('agency route without agency principal')
    return { client, agencyId: principal.agencyId, validityStatuses, indexUpdates }
  }
  const routeContext: RouteContext = {
    ...context,
    auth: { requireAgency: guarded(auth.requireAgency), requireAdmin: guarded(auth.requireAdmin) },
    limiter,
    json: express.json({ limit: context.maxBodyBytes, type: 'application/json' }),
    batchJson: express.json({ limit: context.maxBatchBodyBytes, type: 'application/json' }),
    write,
    writeContext,
    baseUrlOf: (request) => context.publicUrl ?? `${request.protocol}://${request.get('host') ?? 'localhost'}`,
    validateDocumentInput: schemaValidator(context.ajv, 'DocumentInput'),
  }

  // ---- Operations: answer before (and without) the start ------------------------------------
  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' })
  })
  app.get('/readyz', async (_request, response) => {
    const checks: Record<string, string> = {}
    checks.database = await databaseStatus(pool)
    checks.migrations = context.isReady() ? 'ok' : 'pending'
    checks.search = engine.isReady() ? 'ok' : 'loading'
    const isReady = Object.values(checks).every((value) => value === 'ok')
    response.status(isReady ? 200 : 503).json({ status: isReady ? 'ok' : 'unavailable', checks })
  })
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
    response.json({ ...context.document, servers: [{ url: routeContext.baseUrlOf(request), description: 'This library' }, ...servers] })
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

  // ---- The API -------------------------------------------------------------------------------
  app.use(searchRoutes(routeContext))
  app.use(documentReadRoutes(routeContext))
  app.use(documentWriteRoutes(routeContext))
  app.use(documentRemovalRoutes(routeContext))
  app.use(agencyRoutes(routeContext))
  app.use(feedRoutes(routeContext))

  // A known path with another method: 405 with the methods it has (OPTIONS answers just those).
  const specPaths = specPathsOf(context.document)
  app.use((request, response, next) => {
    const allowed = allowedMethods(specPaths, request.path)
    if (!allowed) return next()
    response.set('Allow', allowed.join(', '))
    if (request.method === 'OPTIONS') return void response.status(204).end()
    next(new ProblemError(problem('methodNotAllowed', `${request.path} 不支持 ${request.method}；可用的方法：${allowed.join('、')}`)))
  })
  app.use((request, _response, next) => {
    next(new ProblemError(problem('notFound', `没有 ${request.method} ${request.path} 这个接口；见 /docs`)))
  })
  app.use(errorHandler(context.logger))
  return app
}

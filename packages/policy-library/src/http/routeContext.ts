import type { Request, RequestHandler, Response } from 'express'
import type { ValidateFunction } from 'ajv'
import type { Ajv2020 } from 'ajv/dist/2020.js'
import type pg from 'pg'
import type { Logger } from 'pino'
import type { CorsOptions } from './headers.js'
import type { OpenApiDocument } from '../spec/openapiDocument.js'
import type { IndexUpdate, SearchEngine } from '../search/types.js'
import type { WriteAnswer } from '../store/idempotency.js'
import type { WriteContext } from '../service/documentWrites.js'
import type { RequestValidator, ValidatedRequest } from '../validation/requestValidator.js'

/** What `createPolicyLibrary` hands the express app. */
export type AppContext = {
  pool: pg.Pool
  logger: Logger
  engine: SearchEngine
  document: OpenApiDocument
  validate: RequestValidator
  ajv: Ajv2020
  adminToken: string | undefined
  publicUrl: string | undefined
  /** Page of a document pushed without `url`, with `{contentId}`; feeds and the sitemap link to it. */
  documentPageUrlTemplate: string | undefined
  validityStatuses: readonly string[]
  rateLimit: { windowMs: number; limit: number } | false
  /** Failed authentications allowed per client address and window; `false` turns the limit off. */
  authFailureLimit: { windowMs: number; limit: number } | false
  /** Browser origins that may read the public endpoints; `false` sends no CORS headers. */
  cors: CorsOptions | false
  maxBodyBytes: number
  maxBatchBodyBytes: number
  /** Readiness beyond the engine: migrations applied and not shutting down. */
  isReady: () => boolean
  /** True once `close()` began: answers then carry `Connection: close` so keep-alive clients leave. */
  isShuttingDown: () => boolean
  /** Migrates and loads the search index once; requests wait for it (so a mounted app works without listen). */
  ensureStarted: () => Promise<void>
}

/** What every group of routes uses, built once by `createApp`. */
export type RouteContext = AppContext & {
  auth: { requireAgency: RequestHandler; requireAdmin: RequestHandler }
  /** Per-token rate limit; placed after authentication. */
  limiter: RequestHandler
  /** JSON body parser for single writes. */
  json: RequestHandler
  /** JSON body parser for batches (larger limit). */
  batchJson: RequestHandler
  /** Runs a write in a transaction with Idempotency-Key handling, indexes it and answers it. */
  write: (
    request: Request,
    response: Response,
    run: (client: pg.PoolClient, indexUpdates: IndexUpdate[]) => Promise<WriteAnswer>,
  ) => Promise<void>
  /** The context of a write by the authenticated agency. */
  writeContext: (client: pg.PoolClient, indexUpdates: IndexUpdate[], response: Response) => WriteContext
  /** Public base URL for links in feeds and the sitemap. */
  baseUrlOf: (request: Request) => string
  validateDocumentInput: ValidateFunction
}

/** The parameters and body the request validator checked (and coerced). */
export const validated = (response: Response): ValidatedRequest => response.locals.validated as ValidatedRequest

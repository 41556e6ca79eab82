import createClient, { type Middleware } from 'openapi-fetch'
import { batchLimit } from '../generated/limits'
import type { paths } from '../generated/policy-library'
import { PolicyLibraryConflictError, PolicyLibraryError, PolicyLibraryGoneError } from './PolicyLibraryError'
import { createRetryingFetch, defaultTimeoutMs, type RetryOptions } from './retry'
import type {
  BatchItem,
  BatchResponse,
  DeletedDocument,
  DeletionRequest,
  DocumentEvent,
  DocumentInput,
  DocumentSummary,
  GoneProblem,
  PolicyDocument,
  Problem,
  RedactedVersion,
  RedactionRequest,
  SearchParams,
  SearchResponse,
  ValidityChangeRequest,
  WithdrawalRequest,
} from './types'

export type PolicyLibraryClientOptions = {
  /** Where the library runs, e.g. `https://zcwjk.example.gov.cn`. */
  baseUrl: string
  /** API token of your agency (writes); reads need none. A function is asked before every request, e.g. to read a rotated secret. */
  token?: string | (() => string | Promise<string>)
  /** fetch to use (Node 20+, browsers, or a test's). @default globalThis.fetch */
  fetch?: (input: Request) => Promise<Response>
  /** Retry policy for network errors, 408, 429 and 5xx; `false` turns retries off. */
  retry?: RetryOptions | false
  /** Makes the `Idempotency-Key` of a write. @default crypto.randomUUID */
  generateIdempotencyKey?: () => string
  /**
   * How long one attempt may take (request sent → whole answer read). A slower attempt is aborted and
   * retried with the back-off like a network error; `false` waits as long as the connection does.
   * @default 30_000
   * @example 10_000
   */
  timeoutMs?: number | false
}

/** Per-call options. */
export type CallOptions = {
  /** Aborts the call, its attempts and its waits; an aborted call is not retried. */
  signal?: AbortSignal
  /** This call's per-attempt timeout, instead of the client's `timeoutMs`. */
  timeoutMs?: number | false
  /**
   * Idempotency key of this logical write; generated when absent. Pass your own (e.g. a job id) to make
   * a write safe across process restarts too: the library answers a repeat with the stored answer.
   */
  idempotencyKey?: string
}

/** Per-call options of reads. */
export type ReadOptions = Pick<CallOptions, 'signal' | 'timeoutMs'>

export { batchLimit }

export type PushResult = {
  document: PolicyDocument
  /** `created` for a new document, `updated` otherwise. */
  outcome: 'created' | 'updated'
  /** True when the library answered from an earlier identical request with the same idempotency key. */
  isReplay: boolean
}

function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * A typed client of the policy library (政策文件库), generated from its OpenAPI document and built on
 * openapi-fetch. Uses only fetch, Request and Web Crypto, so it runs in Node 20+ and browsers.
 */
export function createPolicyLibraryClient(options: PolicyLibraryClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/$/u, '')
  const generateKey = options.generateIdempotencyKey ?? randomKey
  const fetchImpl = options.fetch ?? ((input: Request) => globalThis.fetch(input))
  const retry = options.retry ?? {}
  const client = createClient<paths>({ baseUrl, fetch: createRetryingFetch(fetchImpl, retry, { timeoutMs: options.timeoutMs ?? defaultTimeoutMs }) })
  // The signal of a call, and its own retrying fetch when it sets its own timeout.
  const transport = (call: ReadOptions) => ({
    signal: call.signal,
    ...(call.timeoutMs === undefined ? {} : { fetch: createRetryingFetch(fetchImpl, retry, { timeoutMs: call.timeoutMs }) }),
  })

  // Runs once per logical call (before the retrying fetch), so every retry carries the same key.
  const middleware: Middleware = {
    async onRequest({ request }) {
      if (options.token !== undefined) {
        const token = typeof options.token === 'string' ? options.token : await options.token()
        request.headers.set('authorization', `Bearer ${token}`)
      }
      if (writeMethods.has(request.method) && !request.headers.has('idempotency-key')) {
        request.headers.set('idempotency-key', generateKey())
      }
      return request
    },
  }
  client.use(middleware)

  function toError(response: Response, body: unknown, contentId?: string): PolicyLibraryError {
    const problem = typeof body === 'object' && body !== null ? (body as Problem) : undefined
    if (response.status === 409 && contentId !== undefined) return new PolicyLibraryConflictError({ contentId, problem })
    if (response.status === 410 && problem && 'removal' in problem) return new PolicyLibraryGoneError({ gone: problem as GoneProblem })
    const detail = problem?.errors?.map((error) => `${error.pointer}: ${error.detail}`).join('; ')
    return new PolicyLibraryError({
      message: `${response.status} ${problem?.title ?? response.statusText}${problem?.detail ? ` — ${problem.detail}` : ''}${detail ? ` (${detail})` : ''}`,
      status: response.status,
      problem,
    })
  }

  /** One page of search results with facet counts. Pass `nextCursor` back as `cursor` for the next page. */
  async function search(params: SearchParams = {}, call: ReadOptions = {}): Promise<SearchResponse> {
    const { data, error, response } = await client.GET('/v1/documents', { params: { query: params }, ...transport(call) })
    if (error !== undefined || !data) throw toError(response, error)
    return data
  }

  /** Every page of a search, following `nextCursor` until the last page; facets are counted on the first page only. */
  async function* pages(params: Omit<SearchParams, 'cursor'> = {}, call: ReadOptions = {}): AsyncGenerator<SearchResponse> {
    let cursor: string | undefined
    let isFirst = true
    do {
      const page = await search({ ...params, ...(cursor ? { cursor } : {}), ...(isFirst ? {} : { facets: false }) }, call)
      isFirst = false
      yield page
      cursor = page.nextCursor ?? undefined
    } while (cursor)
  }

  /** Every matching document across all pages: `for await (const document of client.searchAll({ agency }))`. */
  async function* searchAll(params: Omit<SearchParams, 'cursor'> = {}, call: ReadOptions = {}): AsyncGenerator<DocumentSummary> {
    for await (const page of pages({ facets: false, ...params }, call)) yield* page.items
  }

  const writeHeaders = (call: CallOptions) => (call.idempotencyKey ? { 'Idempotency-Key': call.idempotencyKey } : {})

  return {
    /**
     * Creates or updates a document (upsert by content id). Send `previousVersion` (the version you
     * replace) for an update and leave it out for a new document; a mismatch throws
     * `PolicyLibraryConflictError` carrying the stored `currentVersion`.
     */
    async push(contentId: string, document: DocumentInput, call: CallOptions = {}): Promise<PushResult> {
      const { data, error, response } = await client.PUT('/v1/documents/{contentId}', {
        params: { path: { contentId }, header: writeHeaders(call) },
        body: document,
        ...transport(call),
      })
      if (error !== undefined || !data) throw toError(response, error, contentId)
      return {
        document: data,
        outcome: response.status === 201 ? 'created' : 'updated',
        isReplay: response.headers.get('idempotent-replayed') === 'true',
      }
    },

    /**
     * Pushes many documents, `batchLimit` per request; each item is answered on its own (`status` is
     * what a single push would have answered, e.g. 409 for a version conflict). Results keep input order.
     */
    async pushBatch(items: BatchItem[], call: Omit<CallOptions, 'idempotencyKey'> = {}): Promise<BatchResponse> {
      const merged: BatchResponse = { results: [], succeeded: 0, failed: 0 }
      for (let start = 0; start < items.length; start += batchLimit) {
        const { data, error, response } = await client.POST('/v1/document-batches', {
          body: { items: items.slice(start, start + batchLimit) },
          ...transport(call),
        })
        if (error !== undefined || !data) throw toError(response, error)
        merged.results.push(...data.results)
        merged.succeeded += data.succeeded
        merged.failed += data.failed
      }
      return merged
    },

    /**
     * Withdraws a document (撤回). The library keeps it, answers the withdrawing call with it, and from
     * then on answers reads with the notice only (`PolicyLibraryGoneError`, `removal: 'withdrawn'`).
     */
    async withdraw(contentId: string, request: WithdrawalRequest, call: CallOptions = {}): Promise<PolicyDocument> {
      const { data, error, response } = await client.POST('/v1/documents/{contentId}/withdrawal', {
        params: { path: { contentId }, header: writeHeaders(call) },
        body: request,
        ...transport(call),
      })
      if (error !== undefined || !data) throw toError(response, error, contentId)
      return data
    },

    /** Changes 有效性 (e.g. to `repealed`), keeping the history. */
    async changeValidity(contentId: string, request: ValidityChangeRequest, call: CallOptions = {}): Promise<PolicyDocument> {
      const { data, error, response } = await client.POST('/v1/documents/{contentId}/validity', {
        params: { path: { contentId }, header: writeHeaders(call) },
        body: request,
        ...transport(call),
      })
      if (error !== undefined || !data) throw toError(response, error, contentId)
      return data
    },

    /**
     * The document, or undefined when the library has none with this content id. A withdrawn or deleted
     * document throws `PolicyLibraryGoneError` (410) carrying the withdrawal notice or deletion record
     * and the metadata to cite it by (`error.gone`); its text is no longer served.
     */
    async get(contentId: string, call: ReadOptions = {}): Promise<PolicyDocument | undefined> {
      const { data, error, response } = await client.GET('/v1/documents/{contentId}', { params: { path: { contentId } }, ...transport(call) })
      if (response.status === 404) return undefined
      if (error !== undefined || !data) throw toError(response, error)
      return data
    },

    /** The document with this 索引号, or undefined; `PolicyLibraryGoneError` when it was withdrawn or deleted. */
    async getByIndexNumber(indexNumber: string, call: ReadOptions = {}): Promise<PolicyDocument | undefined> {
      const { data, error, response } = await client.GET('/v1/index-numbers/{indexNumber}', {
        params: { path: { indexNumber } },
        ...transport(call),
      })
      if (response.status === 404) return undefined
      if (error !== undefined || !data) throw toError(response, error)
      return data
    },

    /**
     * The document as it was at one version, or undefined when there is no such version.
     * `PolicyLibraryGoneError` when the document was withdrawn or deleted (`removal` says which) or this
     * version was redacted (`removal: 'redacted'`, with `error.gone.redaction`).
     */
    async getVersion(contentId: string, version: number, call: ReadOptions = {}): Promise<PolicyDocument | undefined> {
      const { data, error, response } = await client.GET('/v1/documents/{contentId}/versions/{version}', {
        params: { path: { contentId, version } },
        ...transport(call),
      })
      if (response.status === 404) return undefined
      if (error !== undefined || !data) throw toError(response, error)
      return data
    },

    /**
     * Deletes a document published in error (删除): the library erases the text of every version and
     * keeps only metadata for audit (the returned record); reading it answers `PolicyLibraryGoneError`
     * from then on, and the content id can never be pushed again. Deleting again returns the same record.
     * Needs a token of an agency that issued the document, or the admin token.
     */
    async deleteDocument(contentId: string, request: DeletionRequest, call: CallOptions = {}): Promise<DeletedDocument> {
      const { data, error, response } = await client.POST('/v1/documents/{contentId}/deletion', {
        params: { path: { contentId }, header: writeHeaders(call) },
        body: request,
        ...transport(call),
      })
      if (error !== undefined || !data) throw toError(response, error)
      return data
    },

    /**
     * Erases one superseded version's text (抹除), e.g. the version before a correction that masked
     * personal data; reading that version answers `PolicyLibraryGoneError` from then on. The current
     * version cannot be redacted (409: push the corrected version first). Redacting again returns the
     * same record. Needs a token of an agency that issued the document, or the admin token.
     */
    async redactVersion(contentId: string, version: number, request: RedactionRequest, call: CallOptions = {}): Promise<RedactedVersion> {
      const { data, error, response } = await client.POST('/v1/documents/{contentId}/versions/{version}/redaction', {
        params: { path: { contentId, version }, header: writeHeaders(call) },
        body: request,
        ...transport(call),
      })
      if (error !== undefined || !data) throw toError(response, error)
      return data
    },

    /** The change history of a document (every push, withdrawal, validity change, deletion and redaction). */
    async events(contentId: string, call: ReadOptions = {}): Promise<DocumentEvent[]> {
      const { data, error, response } = await client.GET('/v1/documents/{contentId}/events', { params: { path: { contentId } }, ...transport(call) })
      if (error !== undefined || !data) throw toError(response, error)
      return data.items
    },

    search,
    pages,
    searchAll,
  }
}

export type PolicyLibraryClient = ReturnType<typeof createPolicyLibraryClient>

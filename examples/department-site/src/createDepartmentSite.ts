import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { PolicyLibraryError, type PolicyDocument, type PolicyLibraryClient, type SearchParams } from '@gongkai/sdk'
import { renderBadRequest, renderDocumentPage, renderGonePage, renderNotFound, renderSearchPage, renderServerError, renderUnavailable, type SiteInfo } from './pages'
import { readDocument, readPublishedDocuments } from './readDocument'

export type DepartmentSiteOptions = {
  /** A client from `createPolicyLibraryClient` (no token needed: the site only reads). */
  library: PolicyLibraryClient
  /** Site name shown in the header, e.g. `天津市武清区人民政府`. */
  title: string
  /** Show only documents this agency issued (its library agency id). @default all agencies */
  agency?: string
  /**
   * The library's address as readers reach it, for the Atom feed links (订阅) in page heads and pages.
   * @default no feed links
   * @example 'https://zcwjk.example.gov.cn'
   */
  libraryUrl?: string
  /** Results per page. @default 20 */
  pageSize?: number
}

const integerParams = ['year'] as const
const stringParams = ['q', 'topic', 'kind', 'documentType', 'validity', 'cursor'] as const

// Control characters (NUL and the like) are never part of a search or a filter; they would only reach the page.
const controlCharacters = /\p{Cc}/gu

function searchParamsOf(url: URL, options: DepartmentSiteOptions): SearchParams {
  const params: Record<string, string | number | boolean> = { limit: options.pageSize ?? 20 }
  for (const name of stringParams) {
    const value = url.searchParams.get(name)?.replace(controlCharacters, ' ').trim()
    if (value) params[name] = value
  }
  for (const name of integerParams) {
    const value = Number(url.searchParams.get(name))
    if (Number.isInteger(value) && value > 0) params[name] = value
  }
  const agency = options.agency ?? url.searchParams.get('agency')?.trim()
  if (agency) params.agency = agency
  return params as SearchParams
}

function send(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    // Error pages must not be cached as if they were the page.
    'cache-control': status < 400 || status === 404 || status === 410 ? 'public, max-age=60' : 'no-store',
    ...headers,
  })
  response.end(body)
}

/** The request handler of a department site: `/` lists and searches, `/documents/{contentId}` shows one. */
export function createDepartmentSiteHandler(options: DepartmentSiteOptions) {
  const site: SiteInfo = {
    title: options.title,
    ...(options.agency ? { agency: options.agency } : {}),
    ...(options.libraryUrl ? { libraryUrl: options.libraryUrl.replace(/\/+$/u, '') } : {}),
  }
  const isOnSite = (document: PolicyDocument) => !options.agency || document.issuers.some((issuer) => issuer.id === options.agency)

  async function documentPage(response: ServerResponse, contentId: string): Promise<void> {
    // An id the library refuses (400: not a content id) names no document.
    const read = await readDocument(options.library, contentId).catch((error: unknown) => {
      if (error instanceof PolicyLibraryError && error.status === 400) return { state: 'missing' as const }
      throw error
    })
    if (read.state === 'missing') return send(response, 404, renderNotFound(site, contentId))
    if (read.state === 'gone') {
      const { issuerIds } = read.gone
      if (options.agency && issuerIds && !issuerIds.includes(options.agency)) return send(response, 404, renderNotFound(site, contentId))
      return send(response, 410, renderGonePage(site, read.gone))
    }
    const { document } = read
    if (!isOnSite(document)) return send(response, 404, renderNotFound(site, contentId))
    // A policy lists its interpretations; an interpretation the policies it interprets (`links`, by content id).
    const relatedIds = document.kind === 'interpretation' ? (document.links.interprets ?? []) : (document.links.interpretations ?? [])
    const [related, events] = await Promise.all([
      readPublishedDocuments(options.library, relatedIds),
      options.library.events(contentId).catch((error: unknown) => {
        if (error instanceof PolicyLibraryError && error.status === 404) return []
        throw error
      }),
    ])
    return send(response, 200, renderDocumentPage(site, { document, related, events, isOnSite }))
  }

  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    try {
      const url = new URL(request.url ?? '/', 'http://localhost')
      if (url.pathname === '/healthz') return send(response, 200, 'ok', { 'content-type': 'text/plain' })
      if (url.pathname === '/') {
        const params = searchParamsOf(url, options)
        const result = await options.library.search(params)
        return send(response, 200, renderSearchPage(site, params, result))
      }
      const match = /^\/documents\/([^/]+)$/u.exec(url.pathname)
      if (match?.[1]) return await documentPage(response, decodeURIComponent(match[1]))
      return send(response, 404, renderNotFound(site, url.pathname))
    } catch (error) {
      // A bad filter in the URL (the library answers 400) is the visitor's.
      if (error instanceof PolicyLibraryError && error.status === 400) return send(response, 400, renderBadRequest(site, error.problem))
      if (error instanceof URIError || (error instanceof TypeError && /URL/u.test(error.message))) return send(response, 400, renderBadRequest(site, undefined))
      console.error(error)
      // The library is down or failing (after the client's retries): say so, and when to come back.
      if (error instanceof PolicyLibraryError) return send(response, 503, renderUnavailable(site), { 'retry-after': '30' })
      return send(response, 500, renderServerError(site))
    }
  }
}

/** A node:http server for the site; call `listen` on it. */
export function createDepartmentSite(options: DepartmentSiteOptions): Server {
  const handle = createDepartmentSiteHandler(options)
  return createServer((request, response) => void handle(request, response))
}

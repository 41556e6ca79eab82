import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { PolicyLibraryError, PolicyLibraryGoneError, type PolicyLibraryClient, type SearchParams } from '@gongkai/sdk'
import { renderDocumentPage, renderError, renderGonePage, renderNotFound, renderSearchPage, type SiteInfo } from './pages'

export type DepartmentSiteOptions = {
  /** A client from `createPolicyLibraryClient` (no token needed: the site only reads). */
  library: PolicyLibraryClient
  /** Site name shown in the header, e.g. `天津市武清区人民政府`. */
  title: string
  /** Show only documents this agency issued (its library agency id). @default all agencies */
  agency?: string
  /** Results per page. @default 20 */
  pageSize?: number
}

const integerParams = new Set(['year'])
const stringParams = ['q', 'topic', 'kind', 'documentType', 'validity', 'cursor'] as const

function searchParamsOf(url: URL, options: DepartmentSiteOptions): SearchParams {
  const params: Record<string, string | number | boolean> = { limit: options.pageSize ?? 20 }
  for (const name of stringParams) {
    const value = url.searchParams.get(name)?.trim()
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

function send(response: ServerResponse, status: number, body: string, contentType = 'text/html; charset=utf-8') {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'public, max-age=60' })
  response.end(body)
}

/** The request handler of a department site: `/` lists and searches, `/documents/{contentId}` shows one. */
export function createDepartmentSiteHandler(options: DepartmentSiteOptions) {
  const site: SiteInfo = { title: options.title, ...(options.agency ? { agency: options.agency } : {}) }
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    try {
      if (url.pathname === '/healthz') return send(response, 200, 'ok', 'text/plain')
      if (url.pathname === '/') {
        const params = searchParamsOf(url, options)
        const result = await options.library.search(params)
        return send(response, 200, renderSearchPage(site, params, result))
      }
      const match = /^\/documents\/([^/]+)$/u.exec(url.pathname)
      if (match?.[1]) {
        const contentId = decodeURIComponent(match[1])
        const document = await options.library.get(contentId).catch((error: unknown) => {
          if (!(error instanceof PolicyLibraryGoneError)) throw error
          return error.gone
        })
        if (document && 'removal' in document) {
          // Withdrawn or deleted: 410 with the notice, as the library answers.
          if (options.agency && !document.document.issuers.some((issuer) => issuer.id === options.agency)) return send(response, 404, renderNotFound(site, contentId))
          return send(response, 410, renderGonePage(site, document))
        }
        if (!document || (options.agency && !document.issuers.some((issuer) => issuer.id === options.agency))) {
          return send(response, 404, renderNotFound(site, contentId))
        }
        return send(response, 200, renderDocumentPage(site, document))
      }
      return send(response, 404, renderNotFound(site, url.pathname))
    } catch (error) {
      // A bad filter in the URL (the library answers 400) is the visitor's; anything else is ours.
      if (error instanceof PolicyLibraryError && error.status === 400) return send(response, 400, renderError(site))
      console.error(error)
      return send(response, 502, renderError(site))
    }
  }
}

/** A node:http server for the site; call `listen` on it. */
export function createDepartmentSite(options: DepartmentSiteOptions): Server {
  const handle = createDepartmentSiteHandler(options)
  return createServer((request, response) => void handle(request, response))
}

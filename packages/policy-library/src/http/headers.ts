import type { Request, RequestHandler } from 'express'
import type { OpenApiDocument } from '../spec/openapiDocument.js'

/**
 * Answers' headers decided in one place from the OpenAPI document: which paths exist with which
 * methods (405 with `Allow`), which are public reads (CORS), and how long each may be cached.
 */

export type CorsOptions = {
  /** Origins allowed to read the public endpoints from a browser: `'*'`, or a list like `['https://www.tjwq.gov.cn']`. */
  origins: '*' | readonly string[]
}

type SpecPath = { pattern: RegExp; path: string; methods: string[] }

const httpMethods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options']

export function specPathsOf(document: OpenApiDocument): SpecPath[] {
  return Object.entries(document.paths).map(([path, item]) => {
    const source = path
      .split(/(\{[^}]+\})/)
      .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
      .join('')
    return { pattern: new RegExp(`^${source}$`), path, methods: Object.keys(item).filter((key) => httpMethods.includes(key)).map((key) => key.toUpperCase()) }
  })
}

/** Methods the spec defines for a request path (HEAD with GET, OPTIONS always), or undefined for an unknown path. */
export function allowedMethods(paths: SpecPath[], requestPath: string): string[] | undefined {
  const matched = paths.filter((entry) => entry.pattern.test(requestPath))
  if (matched.length === 0) return undefined
  const methods = new Set(matched.flatMap((entry) => entry.methods))
  if (methods.has('GET')) methods.add('HEAD')
  methods.add('OPTIONS')
  return [...methods]
}

/** Paths read without a token that a browser on another site may read (the token list needs the admin token). */
const isPublicRead = (path: string): boolean => !/^\/v1\/agencies\/[^/]+\/tokens$/.test(path)

/** Cache-Control of a successful GET: feeds and the reference change slowly, documents within a minute, events and health never. */
function cacheControlOf(path: string): string {
  if (path === '/healthz' || path === '/readyz' || path.startsWith('/v1/events') || /\/events$/.test(path) || /\/tokens$/.test(path)) return 'no-store'
  if (path.endsWith('.atom') || path.endsWith('.xml') || path === '/openapi.json' || path === '/docs' || path === '/docs/init.js') return 'public, max-age=300'
  if (path.startsWith('/docs/assets/')) return 'public, max-age=86400'
  return 'public, max-age=60'
}

const apiPolicy = "default-src 'none'; frame-ancestors 'none'"

/** Security headers, Cache-Control and CORS on every answer; OPTIONS answered here. */
export function responseHeaders({ cors, publicUrl }: { cors: CorsOptions | false; publicUrl: string | undefined }): RequestHandler {
  // Swagger UI needs its own scripts and styles (inline styles included) and calls the API it documents.
  const docsPolicy = `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'${publicUrl ? ` ${publicUrl}` : ''}; frame-ancestors 'none'; base-uri 'self'; form-action 'self'`
  const allowOrigin = (request: Request): string | undefined => {
    if (!cors) return undefined
    if (cors.origins === '*') return '*'
    const origin = request.get('origin')
    return origin !== undefined && cors.origins.includes(origin) ? origin : undefined
  }
  return (request, response, next) => {
    const path = request.path
    response.set('X-Content-Type-Options', 'nosniff')
    response.set('Referrer-Policy', 'no-referrer')
    response.set('X-Frame-Options', 'DENY')
    response.set('Content-Security-Policy', path === '/docs' || path.startsWith('/docs/') ? docsPolicy : apiPolicy)
    const isRead = request.method === 'GET' || request.method === 'HEAD'
    response.set('Cache-Control', isRead ? cacheControlOf(path) : 'no-store')
    if (cors && cors.origins !== '*') response.vary('Origin')
    const isCorsRead = isPublicRead(path) && (isRead || request.method === 'OPTIONS')
    const origin = isCorsRead ? allowOrigin(request) : undefined
    if (origin !== undefined) {
      response.set('Access-Control-Allow-Origin', origin)
      response.set('Access-Control-Expose-Headers', 'RateLimit, RateLimit-Policy, Retry-After')
    }
    if (request.method === 'OPTIONS' && origin !== undefined) {
      response.set('Access-Control-Allow-Methods', 'GET, HEAD')
      response.set('Access-Control-Allow-Headers', 'Accept, Accept-Language, Content-Type')
      response.set('Access-Control-Max-Age', '600')
    }
    next()
  }
}

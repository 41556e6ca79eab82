import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import { configToSchema } from '@payloadcms/graphql'
import { createHandler } from 'graphql-http/lib/use/fetch'
import { createPayloadRequest, handleEndpoints } from 'payload'
import type { Payload, PayloadRequest } from 'payload'

export type RestServer = {
  /** `http://127.0.0.1:<port>` */
  origin: string
  /** Sends a request to `/api<path>`; a JSON `body` is serialised and `token` sent as `Authorization: JWT <token>`. */
  request: (args: { method?: string; path: string; body?: unknown; token?: string; headers?: Record<string, string> }) => Promise<RestResponse>
  /** Sends a GraphQL query to `POST /api/graphql` as Payload's Next.js route serves it. */
  graphql: (args: { query: string; variables?: Record<string, unknown>; token?: string }) => Promise<RestResponse>
  /** Logs in through `POST /api/<users>/login` and returns the JWT. */
  login: (args: { email: string; password: string }) => Promise<string>
  close: () => Promise<void>
}

// Response bodies are whatever Payload's JSON says; tests read them field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RestResponse = { status: number; body: any }

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

async function toWebRequest(request: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item)
    else if (value !== undefined) headers.set(name, value)
  }
  const method = request.method ?? 'GET'
  const body = method === 'GET' || method === 'HEAD' ? undefined : new Uint8Array(await readBody(request))
  return new Request(new URL(request.url ?? '/', origin), { method, headers, body })
}

async function sendWebResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status
  response.headers.forEach((value, name) => res.setHeader(name, value))
  res.end(Buffer.from(await response.arrayBuffer()))
}

/**
 * Payload's GraphQL endpoint as `@payloadcms/next`'s `POST /api/graphql` route runs it (the route itself needs
 * Next.js): a Payload request authenticated from the headers, the schema built from the config, graphql-http.
 */
function graphQLHandler({ payload, payloadInstanceCacheKey }: { payload: Payload; payloadInstanceCacheKey: string }): (request: Request) => Promise<Response> {
  const { schema, validationRules } = configToSchema(payload.config)
  return async (request) => {
    const req: PayloadRequest = await createPayloadRequest({ config: payload.config, request: request.clone(), payloadInstanceCacheKey, canSetHeaders: true })
    return createHandler({
      schema,
      context: { headers: {}, req },
      validationRules: (_request, args, defaultRules) => [...defaultRules, ...validationRules(args)],
    })(request)
  }
}

/**
 * Serves Payload's REST API (`/api/...`) and GraphQL (`/api/graphql`) from a real node:http server on 127.0.0.1 with a random port, using
 * `handleEndpoints` — the framework-agnostic handler the Next.js routes also call — on a running instance.
 */
export async function startRestServer({ payload, payloadInstanceCacheKey }: { payload: Payload; payloadInstanceCacheKey: string }): Promise<RestServer> {
  let origin = ''
  const graphQL = graphQLHandler({ payload, payloadInstanceCacheKey })
  const server: Server = createServer((req, res) => {
    toWebRequest(req, origin)
      .then((request) => (new URL(request.url).pathname === '/api/graphql' ? graphQL(request) : handleEndpoints({ config: payload.config, request, payloadInstanceCacheKey })))
      .then((response) => sendWebResponse(response, res))
      .catch((error: unknown) => {
        res.statusCode = 500
        res.end(JSON.stringify({ errors: [{ message: error instanceof Error ? error.message : String(error) }] }))
      })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const request: RestServer['request'] = async ({ method = 'GET', path, body, token, headers: extraHeaders }) => {
    const headers: Record<string, string> = { ...extraHeaders }
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (token) headers.authorization = `JWT ${token}`
    const response = await fetch(`${origin}/api${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      // Not JSON (e.g. an HTML error page): keep the text for the assertion message.
    }
    return { status: response.status, body: parsed }
  }
  const graphql: RestServer['graphql'] = ({ query, variables, token }) => request({ method: 'POST', path: '/graphql', body: { query, variables }, token })

  const usersSlug = payload.config.admin.user
  return {
    origin,
    request,
    graphql,
    login: async ({ email, password }) => {
      const response = await request({ method: 'POST', path: `/${usersSlug}/login`, body: { email, password } })
      if (response.status !== 200 || typeof response.body?.token !== 'string') {
        throw new Error(`login as ${email} failed: ${response.status} ${JSON.stringify(response.body)}`)
      }
      return response.body.token as string
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

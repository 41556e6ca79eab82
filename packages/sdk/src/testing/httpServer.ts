import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type ReceivedRequest = {
  method: string
  /** Path and query as received. */
  url: URL
  headers: IncomingMessage['headers']
  body: Buffer
}

export type Reply = {
  status?: number
  headers?: Record<string, string>
  body?: string | Buffer | object
  /** Close the connection without answering (the request was handled; its answer is lost on the way). */
  shouldDropConnection?: boolean
}

export type TestServer = { url: string; requests: ReceivedRequest[]; close: () => Promise<void> }

/** A real HTTP server on 127.0.0.1 with a random port, answering with `handle`. */
export async function startTestServer(handle: (request: ReceivedRequest) => Reply | Promise<Reply>): Promise<TestServer> {
  const requests: ReceivedRequest[] = []
  // node:http ignores what a listener returns: a failure while reading the request must end the connection
  // here, or it would be an unhandled rejection.
  const server = createServer((incoming, outgoing) => {
    answer(incoming, outgoing).catch((error: unknown) => outgoing.destroy(error instanceof Error ? error : new Error(String(error))))
  })
  async function answer(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of incoming) chunks.push(chunk as Buffer)
    const request: ReceivedRequest = {
      method: incoming.method ?? 'GET',
      url: new URL(incoming.url ?? '/', 'http://127.0.0.1'),
      headers: incoming.headers,
      body: Buffer.concat(chunks),
    }
    requests.push(request)
    try {
      const reply = await handle(request)
      if (reply.shouldDropConnection) {
        incoming.socket.destroy()
        return
      }
      const isJson = reply.body !== undefined && typeof reply.body === 'object' && !Buffer.isBuffer(reply.body)
      const payload = isJson ? JSON.stringify(reply.body) : (reply.body as string | Buffer | undefined)
      outgoing.writeHead(reply.status ?? 200, {
        ...(isJson ? { 'content-type': 'application/json; charset=utf-8' } : {}),
        ...reply.headers,
      })
      outgoing.end(payload)
    } catch (error) {
      outgoing.writeHead(500, { 'content-type': 'text/plain' })
      outgoing.end(String(error))
    }
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** Parses a multipart/form-data or urlencoded body the way a platform's server would. */
export async function parseForm(request: ReceivedRequest): Promise<FormData> {
  return await new Request('http://127.0.0.1/', {
    method: 'POST',
    headers: { 'content-type': String(request.headers['content-type'] ?? '') },
    body: new Uint8Array(request.body),
  }).formData()
}

export function parseJson(request: ReceivedRequest): Record<string, unknown> {
  return JSON.parse(request.body.toString('utf8')) as Record<string, unknown>
}

/** A tiny PNG of about `bytes` bytes (valid header, padded). */
export function fakePng(bytes = 200): Uint8Array {
  const header = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
  const data = Buffer.alloc(Math.max(bytes, header.length))
  header.copy(data)
  return new Uint8Array(data)
}

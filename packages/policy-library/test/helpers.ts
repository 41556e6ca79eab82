import { createTestDatabase, type TestDatabase } from '@gongkai/dev-postgres'
import { createPolicyLibrary, type PolicyLibrary, type PolicyLibraryOptions } from '../src/index.js'
import { loadOpenApiDocument } from '../src/spec/openapiDocument.js'
import { createAjv, schemaValidator } from '../src/validation/requestValidator.js'

export const adminToken = 'test-admin-token-0123456789abcdef'

export type Call = {
  status: number
  headers: Headers
  body: any // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string
}

export type RunningLibrary = {
  url: string
  library: PolicyLibrary
  database: TestDatabase
  call: (method: string, path: string, options?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> }) => Promise<Call>
  /** Registers an agency and returns a push token for it. */
  agencyWithToken: (id: string, name?: string) => Promise<string>
  stop: () => Promise<void>
}

/** Starts the real service on a random 127.0.0.1 port against a database of its own. */
export async function startLibrary(
  prefix: string,
  options: Partial<PolicyLibraryOptions> = {},
  database?: TestDatabase,
): Promise<RunningLibrary> {
  const db = database ?? (await createTestDatabase(prefix))
  const library = createPolicyLibrary({ databaseUrl: db.url, adminToken, logger: { level: 'silent' }, ...options })
  const { url } = await library.listen({ port: 0, host: '127.0.0.1' })
  const call: RunningLibrary['call'] = async (method, path, { token, body, rawBody, headers = {} } = {}) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined || rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(rawBody !== undefined ? { body: rawBody } : body !== undefined ? { body: JSON.stringify(body) } : {}),
    })
    const text = await response.text()
    let parsed: unknown = undefined
    if (/json/.test(response.headers.get('content-type') ?? '') && text) parsed = JSON.parse(text)
    return { status: response.status, headers: response.headers, body: parsed, text }
  }
  return {
    url,
    library,
    database: db,
    call,
    async agencyWithToken(id, name = `${id} 人民政府办公室`) {
      const created = await call('POST', '/v1/agencies', { token: adminToken, body: { id, name } })
      if (created.status !== 201) throw new Error(`agency ${id}: ${created.status} ${created.text}`)
      const token = await call('POST', `/v1/agencies/${id}/tokens`, { token: adminToken, body: { name: 'test' } })
      if (token.status !== 201) throw new Error(`token ${id}: ${token.status} ${token.text}`)
      return token.body.token as string
    },
    async stop() {
      await library.close()
      if (!database) await db.drop()
    },
  }
}

const ajv = createAjv(loadOpenApiDocument())

/** Checks a response body against a schema of the OpenAPI document; returns the errors (empty when valid). */
export function schemaErrors(schemaName: string, value: unknown): string[] {
  const validate = schemaValidator(ajv, schemaName)
  return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`)
}

export function documentInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: 1,
    kind: 'policy',
    title: '关于印发《武清区政务公开工作要点》的通知',
    documentNumber: '津武政办发〔2024〕3号',
    documentType: 'notice',
    issuers: ['wuqing'],
    topics: ['02.01'],
    publishedAt: '2024-03-01',
    writtenAt: '2024-02-27',
    bodyText: '为深入推进政务公开工作，现将《武清区政务公开工作要点》印发给你们，请认真贯彻执行。',
    ...overrides,
  }
}

import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createTestDatabase, type TestDatabase } from '@gongkai/dev-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { documentInput } from './helpers.js'

/**
 * The real `gongkai-policy-library` binary in a child process, stopped with SIGTERM while clients
 * keep keep-alive connections busy: every request it accepted must get its whole answer, and it must
 * exit promptly instead of serving keep-alive connections until the 10 s timeout cuts them.
 */
const packageRoot = fileURLToPath(new URL('..', import.meta.url))
// Beside dist/, so the bundle finds ../openapi and resolves express and pg from the package's node_modules.
const outDir = path.join(packageRoot, 'dist-test')

let database: TestDatabase
beforeAll(() => {
  const tsup = path.join(path.dirname(createRequire(import.meta.url).resolve('tsup/package.json')), 'dist', 'cli-default.js')
  const built = spawnSync(process.execPath, [tsup, '--entry.bin', 'src/bin.ts', '--entry.indexWorker', 'src/search/indexWorker.ts', '--no-config', '--format', 'esm', '--target', 'es2022', '--out-dir', outDir, '--silent'], { cwd: packageRoot, encoding: 'utf8' })
  if (built.status !== 0) throw new Error(`building the binary failed: ${built.stderr}`)
}, 120_000)
beforeAll(async () => {
  database = await createTestDatabase('pl_shutdown')
})
afterAll(async () => {
  await database?.drop()
})

async function startBinary(): Promise<{ child: ChildProcess; url: string; adminToken: string; exited: Promise<{ code: number | null; at: number }>; output: () => string }> {
  const adminToken = randomBytes(16).toString('hex')
  const child = spawn(process.execPath, [path.join(outDir, 'bin.js')], {
    cwd: packageRoot,
    env: { ...process.env, DATABASE_URL: database.url, PORT: '0', HOST: '127.0.0.1', GONGKAI_LIBRARY_ADMIN_TOKEN: adminToken, GONGKAI_LIBRARY_RATE_LIMIT: '0', LOG_LEVEL: 'info', NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.once('exit', (code) => resolve({ code, at: Date.now() })))
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 30 s: ${output}`)), 30_000)
    child.stdout?.on('data', () => {
      const match = /"url":"(http:\/\/[^"]+)"/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)))
  })
  return { child, url, adminToken, exited, output: () => output }
}

describe('SIGTERM under load', () => {
  it('finishes every accepted request, tells keep-alive clients to leave and exits promptly', async () => {
    const { child, url, adminToken, exited, output } = await startBinary()
    const call = (pathname: string, init: RequestInit = {}) => fetch(`${url}${pathname}`, init)
    await call('/v1/agencies', { method: 'POST', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ id: 'wuqing', name: '武清区' }) })
    const created = await call('/v1/agencies/wuqing/tokens', { method: 'POST', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'load' }) })
    const { token } = (await created.json()) as { token: string }

    let sigtermAt = Number.POSITIVE_INFINITY
    const failures: string[] = []
    const closingAnswers: string[] = []
    let answered = 0
    let batchCount = 0
    // Reads and large batch writes (slow enough to be in flight at SIGTERM) over keep-alive connections.
    const worker = async (kind: 'read' | 'write', id: number): Promise<void> => {
      for (let round = 0; ; round++) {
        const startedAt = Date.now()
        try {
          const response =
            kind === 'read'
              ? await call(`/v1/documents?q=${encodeURIComponent('政务公开')}`)
              : await call('/v1/document-batches', {
                  method: 'POST',
                  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
                  body: JSON.stringify({ items: Array.from({ length: 200 }, (_, index) => ({ contentId: `load-${id}-${round}-${index}`, document: documentInput() })) }),
                })
          await response.arrayBuffer()
          if (response.status >= 500) failures.push(`${kind} answered ${response.status}`)
          answered++
          if (kind === 'write') batchCount++
          if (startedAt >= sigtermAt || response.headers.get('connection') === 'close') closingAnswers.push(response.headers.get('connection') ?? 'keep-alive')
          if (response.headers.get('connection') === 'close' && startedAt > sigtermAt) return
        } catch (error) {
          const code = (error as { cause?: { code?: string } }).cause?.code
          // Refused: the server stopped listening, as it should; the worker is done.
          if (code === 'ECONNREFUSED') return
          failures.push(`${kind} ${code ?? String(error)} (started ${startedAt - sigtermAt} ms after SIGTERM, failed at ${Date.now() - sigtermAt}, round ${round}) ${String((error as { cause?: unknown }).cause)}`)
          return
        }
        if (Date.now() - sigtermAt > 15_000) return
      }
    }
    const workers = [...Array.from({ length: 6 }, (_, id) => worker('read', id)), ...Array.from({ length: 3 }, (_, id) => worker('write', id))]
    await new Promise((resolve) => setTimeout(resolve, 1500))
    sigtermAt = Date.now()
    child.kill('SIGTERM')
    await Promise.all(workers)
    const exit = await exited

    expect(failures, `exited ${exit.at - sigtermAt} ms after SIGTERM`).toEqual([])
    expect(answered).toBeGreaterThan(10)
    expect(batchCount).toBeGreaterThan(0)
    // Answers during shutdown told the client to close its connection.
    expect(closingAnswers).toContain('close')
    expect(exit.code).toBe(0)
    // It stopped on its own: every connection ended (busy ones after their answer, idle ones at their
    // 5 s keep-alive timeout), so the 10 s shutdown timeout never had to cut one. Asserted from the
    // library's own log rather than a bound on the exit time, which a loaded machine stretches.
    expect(output()).toContain('"msg":"policy library stopped"')
    expect(output(), `exited ${exit.at - sigtermAt} ms after SIGTERM`).not.toContain('shutdown timeout reached')
  }, 60_000)
})

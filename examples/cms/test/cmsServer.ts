import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { createTestDatabase, dropDatabase, findFreePort, type TestDatabase, withDatabase } from '@gongkai/dev-postgres'

const cmsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export type CmsServer = {
  url: string
  libraryUrl: string
  database: TestDatabase
  output: () => string
  stop: () => Promise<void>
}

/**
 * Starts the example CMS the way `npm start` does (scripts/start.mjs, production build, migrations on
 * start, first-run seed) on a fresh database and a free port; resolves once Payload has initialised.
 * `env` adds to the environment it is started with (e.g. a WeChat account: GONGKAI_WECHAT_*).
 */
export async function startCmsServer(options: { env?: Record<string, string> } = {}): Promise<CmsServer> {
  const database = await createTestDatabase('cms_e2e')
  const port = await findFreePort()
  const libraryPort = await findFreePort()
  let output = ''
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: cmsRoot,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      PORT: String(port),
      PAYLOAD_SECRET: randomBytes(16).toString('hex'),
      GONGKAI_LIBRARY_PORT: String(libraryPort),
      GONGKAI_LIBRARY_ADMIN_TOKEN: randomBytes(16).toString('hex'),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))

  const dropDatabases = async () => {
    await database.drop()
    await dropDatabase(withDatabase(database.url, 'postgres'), `${database.name}_library`)
  }
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM')
    await exited
    await dropDatabases()
  }

  const deadline = Date.now() + 180_000
  while (!output.includes('admin ready')) {
    if (child.exitCode !== null) {
      await dropDatabases()
      throw new Error(`the CMS exited with ${child.exitCode} before it was ready:\n${output}`)
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`the CMS was not ready after 180 s:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return { url: `http://127.0.0.1:${port}`, libraryUrl: `http://127.0.0.1:${libraryPort}`, database, output: () => output, stop }
}

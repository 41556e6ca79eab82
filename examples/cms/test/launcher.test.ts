import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { findFreePort } from '@gongkai/dev-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const cmsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const repositoryRoot = path.resolve(cmsRoot, '..', '..')

type Launch = { child: ChildProcess; output: () => string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>; url: string; libraryUrl: string }

/**
 * The launcher without DATABASE_URL (embedded PostgreSQL, data in `dataDir`): `scripts/start.mjs` itself, or,
 * with `viaNpm`, the README's `npm start` at the repository root (npm → sh → scripts/workspace.mjs → launcher,
 * install and build skipped) in a process group of its own, as a terminal runs a foreground command.
 */
async function launch(dataDir: string, { viaNpm = false } = {}): Promise<Launch> {
  const port = await findFreePort()
  const libraryPort = await findFreePort()
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), GONGKAI_LIBRARY_PORT: String(libraryPort), GONGKAI_DATA_DIR: dataDir }
  delete env.DATABASE_URL
  delete env.PAYLOAD_SECRET
  delete env.GONGKAI_LIBRARY_ADMIN_TOKEN
  let output = ''
  const child = viaNpm
    ? spawn('npm', ['start'], { cwd: repositoryRoot, env: { ...env, GONGKAI_SKIP_BUILD: '1' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    : spawn(process.execPath, ['scripts/start.mjs'], { cwd: cmsRoot, env, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
  const deadline = Date.now() + 180_000
  while (!output.includes('admin ready')) {
    if (child.exitCode !== null) throw new Error(`the launcher exited with ${child.exitCode}:\n${output}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`the launcher was not ready after 180 s:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return { child, output: () => output, exited, url: `http://127.0.0.1:${port}`, libraryUrl: `http://127.0.0.1:${libraryPort}` }
}

async function isListening(url: string): Promise<boolean> {
  return await fetch(url).then(
    () => true,
    () => false,
  )
}

describe('the launcher (npm start) on its embedded PostgreSQL', () => {
  let dataDir: string
  let running: Launch | undefined

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'gongkai-launcher-'))
    // As .data/ is by default: as root, PostgreSQL runs as its own user and must reach its data folder inside.
    await chmod(dataDir, 0o755)
  })

  afterAll(async () => {
    if (running?.child.exitCode === null) running.child.kill('SIGKILL')
    await rm(dataDir, { recursive: true, force: true })
  })

  it('stops Next.js, the library and PostgreSQL cleanly on SIGTERM, exiting 0', async () => {
    running = await launch(dataDir)
    expect((await fetch(`${running.libraryUrl}/readyz`)).status).toBe(200)
    expect((await fetch(`${running.url}/api/policies?depth=0`)).status).toBe(200)
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(true)

    running.child.kill('SIGTERM')
    expect(await running.exited).toEqual({ code: 0, signal: null })
    const output = running.output()
    expect(output).toContain('[gongkai] stopped')
    // PostgreSQL was stopped after the library closed its pool, not under it.
    expect(output).not.toMatch(/terminating connection|Connection terminated|unhandled|ECONNREFUSED/i)
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false)
    expect(await isListening(running.url)).toBe(false)
    expect(await isListening(running.libraryUrl)).toBe(false)
  })

  it('starts again on the same data: secrets, content and the seed are kept, nothing is seeded twice', async () => {
    running = await launch(dataDir)
    const policies = (await (await fetch(`${running.url}/api/policies?depth=0&sort=createdAt`)).json()) as { totalDocs: number; docs: { indexNumber?: string }[] }
    // The Wuqing notice and the 征求意见公告 of the sample decision.
    expect(policies.totalDocs).toBe(2)
    expect(policies.docs.map((policy) => policy.indexNumber)).toEqual(['11120114MB1234562N/2022-00001', '11120114MB1234570H/2022-00001'])
    const decisions = (await (await fetch(`${running.url}/api/decisions?depth=0`)).json()) as { totalDocs: number; docs: { id: number; title: string }[] }
    expect(decisions.docs.map((decision) => decision.title)).toEqual(['武清区中小学幼儿园布局专项规划（2022—2035年）'])
    const participation = (await (await fetch(`${running.url}/api/participation?depth=0`)).json()) as { totalDocs: number }
    expect(participation.totalDocs).toBe(1)
    // The decision reached the library with its 决策专栏 (delivered on the first start, or now on the restart).
    const dossierUrl = `${running.libraryUrl}/v1/documents/decisions-${decisions.docs[0]?.id}/dossier`
    await expect.poll(async () => (await fetch(dossierUrl)).status, { timeout: 60_000 }).toBe(200)
    const { dossier } = (await (await fetch(dossierUrl)).json()) as { dossier: { stage: string; participation: unknown[] } }
    expect(dossier.stage).toBe('implementing')
    expect(dossier.participation).toHaveLength(1)
    const topics = (await (await fetch(`${running.url}/api/topics?limit=1`)).json()) as { totalDocs: number }
    expect(topics.totalDocs).toBe(143)
    running.child.kill('SIGINT')
    expect(await running.exited).toEqual({ code: 0, signal: null })
  })
})

describe('npm start (the README\'s main command) stops cleanly', () => {
  let dataDir: string
  let running: Launch | undefined

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'gongkai-npm-start-'))
    await chmod(dataDir, 0o755)
  })

  afterAll(async () => {
    if (running?.child.pid && running.child.exitCode === null) process.kill(-running.child.pid, 'SIGKILL')
    await rm(dataDir, { recursive: true, force: true })
  })

  /** Waits until the launcher, Next.js and PostgreSQL are gone, and returns the output. */
  async function expectStoppedCleanly(launched: Launch) {
    const deadline = Date.now() + 60_000
    while (existsSync(path.join(dataDir, 'postgres', 'postmaster.pid')) || (await isListening(launched.url))) {
      if (Date.now() > deadline) throw new Error(`still running 60 s after the signal:\n${launched.output()}`)
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    await launched.exited
    const output = launched.output()
    expect(output).toContain('[gongkai] stopped')
    expect(output).not.toMatch(/terminating connection|Connection terminated|unhandled|ECONNREFUSED/i)
    expect(await isListening(launched.libraryUrl)).toBe(false)
  }

  it('on Ctrl-C (SIGINT to the whole foreground process group): Next.js, the library, then PostgreSQL', async () => {
    running = await launch(dataDir, { viaNpm: true })
    expect((await fetch(`${running.libraryUrl}/readyz`)).status).toBe(200)
    process.kill(-(running.child.pid as number), 'SIGINT')
    await expectStoppedCleanly(running)
  })

  it('on SIGTERM to npm alone (a process manager), though `sh -c` does not pass it on', async () => {
    running = await launch(dataDir, { viaNpm: true })
    running.child.kill('SIGTERM')
    await expectStoppedCleanly(running)
  })
})

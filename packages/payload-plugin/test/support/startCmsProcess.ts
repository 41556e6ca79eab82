import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { realpathSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import type { GongkaiPluginOptions } from '../../src/index.js'

export type CmsProcess = { child: ChildProcess; output: () => string; kill: () => Promise<void> }

/** tsx, as Payload's own bin runs TypeScript configs with it. */
function tsxLoader(): string {
  const payloadBin = path.join(realpathSync(path.resolve(fileURLToPath(import.meta.url), '../../../node_modules/payload')), 'bin.js')
  return pathToFileURL(createRequire(payloadBin).resolve('tsx/esm')).href
}

/** Starts `cmsProcess.ts` in a child process and waits until its Payload is up. */
export async function startCmsProcess(input: { databaseUrl: string; delivery: NonNullable<GongkaiPluginOptions['delivery']>; libraryDelayMs?: number }): Promise<CmsProcess> {
  const script = fileURLToPath(new URL('./cmsProcess.ts', import.meta.url))
  const child = spawn(process.execPath, ['--import', tsxLoader(), script], {
    env: { ...process.env, GONGKAI_CMS_PROCESS: JSON.stringify(input) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the CMS process did not start:\n${output}`)), 120_000)
    child.stdout.on('data', () => {
      if (output.includes('GONGKAI_CMS_READY')) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the CMS process exited (${String(code)}):\n${output}`))
    })
  })
  return {
    child,
    output: () => output,
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGKILL')
      await exited
    },
  }
}

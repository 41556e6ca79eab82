#!/usr/bin/env node
// Starts the example CMS (Payload admin at http://localhost:3000/admin) on PostgreSQL:
// DATABASE_URL when set, otherwise an embedded PostgreSQL whose data stays in examples/cms/.data/.
//   node scripts/start.mjs          production server (builds once if .next is missing)
//   node scripts/start.mjs --dev    next dev
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { ensureDatabase, resolvePostgres } from '@gongkai/dev-postgres'

const cmsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dataDir = path.join(cmsRoot, '.data')
const isDev = process.argv.includes('--dev')
const port = Number(process.env.PORT ?? 3000)

mkdirSync(dataDir, { recursive: true })

function log(message) {
  console.log(`[gongkai] ${message}`)
}

/** A secret that survives restarts, so sessions stay valid; generated on first start. */
function payloadSecret() {
  if (process.env.PAYLOAD_SECRET) return process.env.PAYLOAD_SECRET
  const file = path.join(dataDir, 'payload-secret')
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  return readFileSync(file, 'utf8').trim()
}

const hasOwnDatabase = Boolean(process.env.DATABASE_URL)
log(hasOwnDatabase ? 'using the PostgreSQL server in DATABASE_URL' : `starting embedded PostgreSQL (data in ${path.join(dataDir, 'postgres')})`)
const postgres = await resolvePostgres({ dataDir: path.join(dataDir, 'postgres') })
const cmsDatabaseUrl = hasOwnDatabase ? process.env.DATABASE_URL : await ensureDatabase(postgres.url, 'gongkai_cms')

const env = {
  ...process.env,
  DATABASE_URL: cmsDatabaseUrl,
  PAYLOAD_SECRET: payloadSecret(),
  NODE_ENV: isDev ? 'development' : 'production',
  NEXT_TELEMETRY_DISABLED: '1',
}

const nextBin = path.join(cmsRoot, 'node_modules', '.bin', 'next')
if (!isDev && !existsSync(path.join(cmsRoot, '.next', 'BUILD_ID'))) {
  log('building the admin (first start only)…')
  const build = spawnSync(nextBin, ['build'], { cwd: cmsRoot, env, stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const next = spawn(nextBin, [isDev ? 'dev' : 'start', '--port', String(port)], { cwd: cmsRoot, env, stdio: 'inherit' })

let isStopping = false
async function stop(code = 0) {
  if (isStopping) return
  isStopping = true
  next.kill('SIGTERM')
  await new Promise((resolve) => (next.exitCode === null ? next.once('exit', resolve) : resolve()))
  await postgres.stop()
  process.exit(code)
}
process.on('SIGINT', () => void stop(0))
process.on('SIGTERM', () => void stop(0))
next.on('exit', (code) => void stop(code ?? 0))

// Payload initialises (migrations, seed) on the first request; make that request now so the first
// editor does not wait for it.
const adminUrl = `http://localhost:${port}/admin`
for (let attempt = 0; attempt < 240; attempt++) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/users/init`)
    if (response.ok) {
      log(`admin ready: ${adminUrl}`)
      break
    }
  } catch {
    // not listening yet
  }
  await new Promise((resolve) => setTimeout(resolve, 500))
}

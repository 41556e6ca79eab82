#!/usr/bin/env node
// Starts the example CMS (Payload admin at http://localhost:3000/admin) and, beside it, the policy library
// (政策文件库, http://localhost:4000) on PostgreSQL: DATABASE_URL when set, otherwise an embedded PostgreSQL
// whose data stays in examples/cms/.data/ (GONGKAI_DATA_DIR to put it elsewhere). The library has its own
// database on the same server. SIGINT/SIGTERM/SIGHUP stop Next.js, then the library, then PostgreSQL.
//   node scripts/start.mjs          production server (builds once if .next is missing)
//   node scripts/start.mjs --dev    next dev
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { databaseName, ensureDatabase, resolvePostgres } from '@gongkai/dev-postgres'
import { createPolicyLibrary } from '@gongkai/policy-library'

const cmsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dataDir = path.resolve(process.env.GONGKAI_DATA_DIR ?? path.join(cmsRoot, '.data'))
const isDev = process.argv.includes('--dev')
const port = Number(process.env.PORT ?? 3000)
const libraryPort = Number(process.env.GONGKAI_LIBRARY_PORT ?? 4000)

mkdirSync(dataDir, { recursive: true })

function log(message) {
  console.log(`[gongkai] ${message}`)
}

/** A secret that survives restarts, generated on first start into .data/ unless the environment has one. */
function persistentSecret(envName, fileName) {
  if (process.env[envName]) return process.env[envName]
  const file = path.join(dataDir, fileName)
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  return readFileSync(file, 'utf8').trim()
}

const hasOwnDatabase = Boolean(process.env.DATABASE_URL)
log(hasOwnDatabase ? 'using the PostgreSQL server in DATABASE_URL' : `starting embedded PostgreSQL (data in ${path.join(dataDir, 'postgres')})`)
// We stop PostgreSQL ourselves, after the library has closed its connections (see stop() below).
const postgres = await resolvePostgres({ dataDir: path.join(dataDir, 'postgres'), handleSignals: false })
const cmsDatabaseUrl = hasOwnDatabase ? process.env.DATABASE_URL : await ensureDatabase(postgres.url, 'gongkai_cms')
// The library's database sits beside the CMS's: gongkai_cms → gongkai_cms_library, DATABASE_URL=…/x → x_library.
const libraryDatabaseUrl =
  process.env.GONGKAI_LIBRARY_DATABASE_URL ??
  (await ensureDatabase(postgres.url, `${databaseName(cmsDatabaseUrl) ?? 'gongkai'}_library`))
const libraryAdminToken = persistentSecret('GONGKAI_LIBRARY_ADMIN_TOKEN', 'library-admin-token')
// The library requires its public URL when NODE_ENV=production (links in feeds and the sitemap).
const libraryPublicUrl = process.env.GONGKAI_LIBRARY_PUBLIC_URL
const library = createPolicyLibrary({ databaseUrl: libraryDatabaseUrl, adminToken: libraryAdminToken, ...(libraryPublicUrl ? { publicUrl: libraryPublicUrl } : {}) })
const libraryAddress = await library.listen({ port: libraryPort, host: process.env.GONGKAI_LIBRARY_HOST ?? '127.0.0.1' })
log(`policy library ready: ${libraryAddress.url} (API reference at ${libraryAddress.url}/docs; admin token in ${path.join(dataDir, 'library-admin-token')} unless GONGKAI_LIBRARY_ADMIN_TOKEN is set)`)

const env = {
  ...process.env,
  DATABASE_URL: cmsDatabaseUrl,
  PAYLOAD_SECRET: persistentSecret('PAYLOAD_SECRET', 'payload-secret'),
  GONGKAI_LIBRARY_URL: libraryAddress.url,
  // The CMS registers its agencies in the library and gets their push tokens with it (delivery).
  GONGKAI_LIBRARY_ADMIN_TOKEN: libraryAdminToken,
  NODE_ENV: isDev ? 'development' : 'production',
  NEXT_TELEMETRY_DISABLED: '1',
}

const nextBin = path.join(cmsRoot, 'node_modules', '.bin', 'next')
if (!isDev && !existsSync(path.join(cmsRoot, '.next', 'BUILD_ID'))) {
  log('building the admin (first start only)…')
  for (const [bin, args] of [
    [path.join(cmsRoot, 'node_modules', '.bin', 'payload'), ['generate:importmap']],
    [nextBin, ['build']],
  ]) {
    const step = spawnSync(bin, args, { cwd: cmsRoot, env, stdio: 'inherit' })
    if (step.status !== 0) process.exit(step.status ?? 1)
  }
}

const next = spawn(nextBin, [isDev ? 'dev' : 'start', '--port', String(port)], { cwd: cmsRoot, env, stdio: 'inherit' })

let isStopping = false
async function stop(code = 0) {
  if (isStopping) return
  isStopping = true
  next.kill('SIGTERM')
  await new Promise((resolve) => (next.exitCode === null ? next.once('exit', resolve) : resolve()))
  await library.close()
  await postgres.stop()
  log('stopped')
  process.exit(code)
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stop(0))
// Started by `npm start` (scripts/workspace.mjs) in a process group of its own: stop when that parent is gone.
if (process.env.GONGKAI_STOP_WITH_PARENT === '1') {
  const parent = process.ppid
  setInterval(() => {
    if (process.ppid !== parent) void stop(0)
  }, 500).unref()
}
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

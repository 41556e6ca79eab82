#!/usr/bin/env node
// The two commands of the README, for a machine that has only Node 20 and npm:
//   npm start  → install, build, run the example CMS (and the policy library beside it)
//   npm test   → install, build, run every package's tests
// pnpm is fetched by npx at the exact version the lockfile was written with.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { packageManager } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
const isWindows = process.platform === 'win32'

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: isWindows, env: process.env })
  if (result.error) throw result.error
  if (result.status !== 0) process.exit(result.status ?? 1)
}

function pnpm(...args) {
  run('npx', ['--yes', packageManager, ...args])
}

const [task = 'test', ...rest] = process.argv.slice(2)
// `--frozen-lockfile` on CI (the lockfile must already match); a newcomer's first run is the same install.
pnpm('install', '--frozen-lockfile')
if (task === 'start') {
  pnpm('turbo', 'run', 'build', '--filter=@gongkai/example-cms...')
  pnpm('--filter', '@gongkai/example-cms', 'start', ...rest)
} else if (task === 'test') {
  // Two at a time: the suites start PostgreSQL, Payload, the admin and Chromium on what may be two cores.
  pnpm('turbo', 'run', 'build', 'typecheck', 'lint', 'test', '--concurrency=2', ...rest)
} else {
  console.error(`unknown task ${task}: use start or test`)
  process.exit(2)
}

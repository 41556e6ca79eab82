#!/usr/bin/env node
// The two commands of the README, for a machine that has only Node 20 and npm:
//   npm start  → install, build, run the example CMS (and the policy library beside it)
//   npm test   → install, build, run every package's tests
// pnpm is fetched by npx at the exact version the lockfile was written with.
import { spawn, spawnSync } from 'node:child_process'
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

/**
 * Runs the launcher until it exits, passing SIGINT, SIGTERM and SIGHUP on, and exits with its code.
 * - It runs in its own process group: Ctrl-C in a terminal signals the whole foreground group, and PostgreSQL
 *   (the launcher's child) would get SIGINT directly and drop every connection while the launcher is still
 *   closing them. Out of that group, only the launcher hears it (from us) and stops things in order.
 * - npm runs this script through `sh -c`, and dash neither execs nor passes SIGTERM on: when npm alone is told
 *   to stop, only that shell dies and we are orphaned. So we also stop the launcher when our parent goes away,
 *   and it stops itself when we go (GONGKAI_STOP_WITH_PARENT).
 */
function runUntilStopped(command, args, options) {
  const child = spawn(command, args, { ...options, stdio: 'inherit', detached: true, env: { ...process.env, GONGKAI_STOP_WITH_PARENT: '1' } })
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => forward(signal))
  const parent = process.ppid
  const watch = setInterval(() => {
    if (process.ppid !== parent) forward('SIGTERM')
  }, 500)
  child.on('exit', (code, signal) => {
    clearInterval(watch)
    process.exit(code ?? (signal ? 1 : 0))
  })
}

const [task = 'test', ...rest] = process.argv.slice(2)
// GONGKAI_SKIP_BUILD=1 starts what is already installed and built (the launcher test uses it).
const isPrepared = process.env.GONGKAI_SKIP_BUILD === '1' && task === 'start'
// `--frozen-lockfile` on CI (the lockfile must already match); a newcomer's first run is the same install.
if (!isPrepared) pnpm('install', '--frozen-lockfile')
if (task === 'start') {
  if (!isPrepared) pnpm('turbo', 'run', 'build', '--filter=@gongkai/example-cms...')
  // The launcher itself, not through `pnpm run`: one process less between npm and it for signals to cross.
  const cms = path.join(root, 'examples', 'cms')
  runUntilStopped(process.execPath, [path.join(cms, 'scripts', 'start.mjs'), ...rest], { cwd: cms })
} else if (task === 'test') {
  // Two at a time: the suites start PostgreSQL, Payload, the admin and Chromium on what may be two cores.
  pnpm('turbo', 'run', 'build', 'typecheck', 'lint', 'test', '--concurrency=2', ...rest)
} else {
  console.error(`unknown task ${task}: use start or test`)
  process.exit(2)
}

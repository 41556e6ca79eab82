import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { createTestDatabase } from '@gongkai/dev-postgres'
import type { TestDatabase } from '@gongkai/dev-postgres'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import { buildConfig, getPayload } from 'payload'
import sharp from 'sharp'
import type { CollectionConfig, Config, Payload } from 'payload'

/** The part of a `pg` Pool the tests use. */
type Pool = { on: (event: 'error', listener: () => void) => unknown; end: () => Promise<void> }

import { gongkaiPlugin } from '../../src/index.js'
import type { GongkaiPluginOptions } from '../../src/index.js'

export type StartPayloadArgs = {
  /** Database to use; a fresh one is created when omitted. */
  database?: TestDatabase
  pluginOptions?: GongkaiPluginOptions
  /** Collections defined before the plugin runs (e.g. an existing upload collection). */
  collections?: CollectionConfig[]
  /** The app's own onInit, which the plugin must chain. */
  onInit?: Config['onInit']
  /** Cache key of the Payload instance; pass a new one to start a second instance in the same file. */
  key?: string
}

export type StartedPayload = {
  payload: Payload
  database: TestDatabase
  uploadDir: string
  /** Closes Payload and its connection pool; the database stays. */
  close: () => Promise<void>
  /** Closes Payload, drops the database and removes uploaded files. */
  stop: () => Promise<void>
}

let instanceCount = 0

/**
 * Starts Payload through its local API on a real PostgreSQL database, with the plugin installed as an
 * app would (Lexical editor, Chinese as the default language). Attachments go to a temporary folder.
 */
export async function startPayload(args: StartPayloadArgs = {}): Promise<StartedPayload> {
  const database = args.database ?? (await createTestDatabase('gongkai_plugin'))
  const uploadDir = await mkdtemp(path.join(tmpdir(), 'gongkai-uploads-'))
  const pluginOptions = args.pluginOptions ?? {}
  const userOverrides = pluginOptions.overrides ?? {}
  const config: Config = {
    secret: 'gongkai-plugin-test-secret',
    telemetry: false,
    // As apps configure it (examples/cms does): the plugin cleans uploaded images with it.
    sharp,
    admin: { avatar: 'default' },
    editor: lexicalEditor(),
    db: postgresAdapter({ pool: { connectionString: database.url, max: 4 }, push: true }),
    i18n: { fallbackLanguage: 'zh', supportedLanguages: { zh, en } },
    typescript: { autoGenerate: false },
    collections: args.collections ?? [],
    onInit: args.onInit,
    plugins: [
      gongkaiPlugin({
        ...pluginOptions,
        overrides: {
          ...userOverrides,
          attachments:
            userOverrides.attachments ??
            (({ defaultCollection }) => ({
              ...defaultCollection,
              upload: { ...(typeof defaultCollection.upload === 'object' ? defaultCollection.upload : {}), staticDir: uploadDir },
            })),
        },
      }),
    ],
  }
  // @payloadcms/drizzle skips the dev push when the schema equals the one it last pushed in this process;
  // every instance here may be on a new, empty database, so push always (drizzle-kit diffs against the database).
  process.env.PAYLOAD_FORCE_DRIZZLE_PUSH = 'true'
  instanceCount += 1
  const payload = await getPayload({ config: await buildConfig(config), key: args.key ?? `gongkai-${instanceCount}` })
  let poolEnded: Promise<void> | undefined
  const close = async () => {
    const pool = (payload.db as unknown as { pool?: Pool }).pool
    await payload.destroy()
    if (!pool || poolEnded) return
    // The Postgres adapter's destroy() leaves its pool open. end() closes the idle clients; the one client
    // the adapter keeps checked out for good is closed when the database is dropped, so end() is not awaited.
    pool.on('error', () => {})
    poolEnded = pool.end()
  }
  return {
    payload,
    database,
    uploadDir,
    close,
    stop: async () => {
      await close()
      await database.drop()
      await rm(uploadDir, { recursive: true, force: true })
    },
  }
}

import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { gongkaiPlugin, localizeQueryPresets } from '@gongkai/payload-plugin'
import type { DeliveryOptions } from '@gongkai/payload-plugin'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Users } from './collections/Users'
import { migrations } from './migrations'
import { sampleContent } from './seed/seedSampleContent'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const isServing = process.env.NODE_ENV === 'production' && process.env.NEXT_PHASE !== 'phase-production-build'

function requireSecret(): string {
  const secret = process.env.PAYLOAD_SECRET
  if (secret) return secret
  // `next build` and `payload generate:importmap` read the config without serving anything; a running
  // production server must have a real secret.
  if (!isServing) return 'not-serving-no-secret-needed'
  throw new Error('PAYLOAD_SECRET is not set. `npm start` (scripts/start.mjs) generates one in .data/; set it yourself elsewhere.')
}

/**
 * Delivery to the policy library that `npm start` runs beside the CMS (GONGKAI_LIBRARY_URL): with its admin
 * token the plugin registers each agency there and keeps the agency's push token, encrypted. A WeChat
 * official account is added from the environment (see the README): GONGKAI_WECHAT_APP_ID and
 * GONGKAI_WECHAT_APP_SECRET, GONGKAI_WECHAT_COVER_MEDIA_ID (the default cover's media_id) and GONGKAI_WECHAT_API
 * for a test server.
 */
function deliveryOptions(): DeliveryOptions | undefined {
  const url = process.env.GONGKAI_LIBRARY_URL
  if (!url) return undefined
  const channels: NonNullable<DeliveryOptions['channels']> = {}
  if (process.env.GONGKAI_WECHAT_APP_ID && process.env.GONGKAI_WECHAT_APP_SECRET) {
    channels.wechat = {
      kind: 'wechat',
      label: process.env.GONGKAI_WECHAT_LABEL ?? '微信公众号',
      appId: process.env.GONGKAI_WECHAT_APP_ID,
      appSecret: process.env.GONGKAI_WECHAT_APP_SECRET,
      ...(process.env.GONGKAI_WECHAT_API ? { baseUrl: process.env.GONGKAI_WECHAT_API } : {}),
      // WeChat refuses an article without a cover: the account's default cover (permanent material's media_id).
      ...(process.env.GONGKAI_WECHAT_COVER_MEDIA_ID ? { defaultCoverMediaId: process.env.GONGKAI_WECHAT_COVER_MEDIA_ID } : {}),
    }
  }
  return {
    library: { url, ...(process.env.GONGKAI_LIBRARY_ADMIN_TOKEN ? { adminToken: process.env.GONGKAI_LIBRARY_ADMIN_TOKEN } : {}), tokens: libraryTokens() },
    publicUrl: process.env.GONGKAI_PUBLIC_URL ?? process.env.NEXT_PUBLIC_SERVER_URL ?? 'http://localhost:3000',
    channels,
  }
}

/** GONGKAI_LIBRARY_TOKENS='{"11120114mb1234562n":"…"}': push tokens per library agency id, when not provisioned. */
function libraryTokens(): Record<string, string> {
  const raw = process.env.GONGKAI_LIBRARY_TOKENS
  return raw ? (JSON.parse(raw) as Record<string, string>) : {}
}

// localizeQueryPresets: Payload's list-presets drawer in Chinese (its labels are built after the plugins run).
export default localizeQueryPresets(
  buildConfig({
    admin: {
      user: Users.slug,
      avatar: 'default',
      importMap: { baseDir: dirname },
      meta: { titleSuffix: ' · 公开 Gongkai' },
      // Dates as Chinese offices write them (2026年11月30日 03:23) in headers, lists and 操作日志.
      dateFormat: 'yyyy年M月d日 HH:mm',
    },
    i18n: {
      // 简体中文 first: editors work in Chinese; English stays available per user.
      fallbackLanguage: 'zh',
      supportedLanguages: { zh, en },
    },
    collections: [Users],
    editor: lexicalEditor(),
    secret: requireSecret(),
    db: postgresAdapter({
      pool: { connectionString: process.env.DATABASE_URL, max: 10 },
      // The schema is managed by migrations in src/migrations, applied on start (`next start` has no schema push).
      push: false,
      prodMigrations: migrations,
    }),
    typescript: { autoGenerate: false, outputFile: path.resolve(dirname, 'payload-types.ts') },
    telemetry: false,
    // Scheduled publications (定时发布) are jobs on the 'gongkai' queue; run them every minute.
    jobs: { autoRun: [{ cron: '* * * * *', queue: 'gongkai' }] },
    sharp,
    plugins: [gongkaiPlugin({ delivery: deliveryOptions() }), sampleContent({ isEnabled: process.env.GONGKAI_SEED_SAMPLE !== 'false' })],
  }),
)

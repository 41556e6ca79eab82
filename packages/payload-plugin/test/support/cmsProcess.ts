// A CMS process for the restart test: Payload with the plugin and its in-process delivery worker, on a test
// database whose schema another instance pushed, running until it is killed. Started by `startCmsProcess`.
import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import { buildConfig, getPayload } from 'payload'
import sharp from 'sharp'

import { gongkaiPlugin } from '../../src/index.js'
import type { GongkaiPluginOptions } from '../../src/index.js'

type Input = { databaseUrl: string; delivery: NonNullable<GongkaiPluginOptions['delivery']>; libraryDelayMs?: number }

const input = JSON.parse(process.env.GONGKAI_CMS_PROCESS ?? '{}') as Input
const libraryUrl = input.delivery.library?.url ?? ''
// A slow library, as seen from this process.
const slowFetch = async (request: Request): Promise<Response> => {
  if (input.libraryDelayMs && libraryUrl && request.url.startsWith(libraryUrl)) await new Promise((resolve) => setTimeout(resolve, input.libraryDelayMs))
  return globalThis.fetch(request)
}
const payload = await getPayload({
  config: await buildConfig({
    secret: 'gongkai-plugin-test-secret',
    telemetry: false,
    sharp,
    editor: lexicalEditor(),
    db: postgresAdapter({ pool: { connectionString: input.databaseUrl, max: 4 }, push: false }),
    i18n: { fallbackLanguage: 'zh', supportedLanguages: { zh, en } },
    typescript: { autoGenerate: false },
    plugins: [gongkaiPlugin({ delivery: { ...input.delivery, fetch: slowFetch } })],
  }),
})
payload.logger.info({ msg: 'cms process ready' })
process.stdout.write('GONGKAI_CMS_READY\n')
// Runs until killed.
setInterval(() => undefined, 60_000)

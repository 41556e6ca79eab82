// The config `payload generate:types` reads to write src/generated/payload-types.ts: the plugin with its default
// options in an otherwise empty Payload app. `pnpm --filter @gongkai/payload-plugin generate:types` runs it;
// test/generatedTypes.test.ts regenerates from it and fails when the committed file is stale.
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'

import { gongkaiPlugin } from '../src/index.js'

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export const generatedTypesPath = path.join(packageRoot, 'src/generated/payload-types.ts')

export default buildConfig({
  secret: 'generate-types',
  telemetry: false,
  editor: lexicalEditor(),
  // Building the config does not connect to the database.
  db: postgresAdapter({ pool: { connectionString: 'postgres://unused@127.0.0.1:1/unused' } }),
  plugins: [gongkaiPlugin()],
  typescript: {
    outputFile: generatedTypesPath,
    // A plugin must not declare the app's `GeneratedTypes`: the app's own generated file does.
    declare: false,
  },
})

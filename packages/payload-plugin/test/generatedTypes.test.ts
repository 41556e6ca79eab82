import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { generateTypes } from 'payload/node'
import { describe, expect, it } from 'vitest'

import typesConfig, { generatedTypesPath } from '../scripts/payloadTypes.config.js'

describe('generated document types', () => {
  it('match what `payload generate:types` writes from the collections (run `pnpm --filter @gongkai/payload-plugin generate:types` if not)', async () => {
    const config = await typesConfig
    const directory = await mkdtemp(path.join(tmpdir(), 'gongkai-types-'))
    try {
      const fresh = path.join(directory, 'payload-types.ts')
      await generateTypes({ ...config, typescript: { ...config.typescript, outputFile: fresh } }, { log: false })
      const committed = await readFile(generatedTypesPath, 'utf8')
      expect(committed === (await readFile(fresh, 'utf8')), 'src/generated/payload-types.ts is stale: run `pnpm --filter @gongkai/payload-plugin generate:types`').toBe(true)
    } finally {
      await rm(directory, { recursive: true, force: true })
    }
  })
})

import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
// @ts-expect-error -- a plain .mjs script shared with `pnpm generate`; it has no type declarations
import { generateLimits, generateTypes, limitsPath, outputPath } from '../scripts/generateTypes.mjs'

describe('generated policy-library types', () => {
  it('match what openapi-typescript generates from the current OpenAPI document (run `pnpm generate` if not)', async () => {
    const committed = await readFile(outputPath as string, 'utf8')
    const fresh = (await generateTypes()) as string
    expect(committed === fresh, 'src/generated/policy-library.ts is stale: run `pnpm --filter @gongkai/sdk generate`').toBe(true)
  })

  it('take the batch limit from the spec\'s BatchRequest (run `pnpm generate` if not)', async () => {
    const committed = await readFile(limitsPath as string, 'utf8')
    expect(committed === ((await generateLimits()) as string), 'src/generated/limits.ts is stale: run `pnpm --filter @gongkai/sdk generate`').toBe(true)
    const { batchLimit } = await import('../src/index')
    const spec = JSON.parse(await readFile(new URL('../../policy-library/openapi/openapi.json', import.meta.url), 'utf8')) as {
      components: { schemas: { BatchRequest: { properties: { items: { maxItems: number } } } } }
    }
    expect(batchLimit).toBe(spec.components.schemas.BatchRequest.properties.items.maxItems)
  })
})

import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
// @ts-expect-error -- a plain .mjs script shared with `pnpm generate`; it has no type declarations
import { generateTypes, outputPath } from '../scripts/generateTypes.mjs'

describe('generated library types', () => {
  it('match what openapi-typescript generates from the current OpenAPI document (run `pnpm generate` if not)', async () => {
    const committed = await readFile(outputPath as string, 'utf8')
    const fresh = (await generateTypes()) as string
    expect(committed === fresh, 'src/generated/openapi.ts is stale: run `pnpm --filter @gongkai/policy-library generate`').toBe(true)
  })
})

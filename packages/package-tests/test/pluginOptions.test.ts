import { readFileSync } from 'node:fs'

import { sanitizeOptions, type GongkaiPluginOptions } from '@gongkai/payload-plugin'
import { describe, expect, it } from 'vitest'

import { docPath, readPluginOptions, renderPluginOptionsDoc } from '../scripts/pluginOptionsDoc'

describe('docs/plugin-options.md', () => {
  it('lists every option with the type, default and description the published declarations give it (pnpm --filter @gongkai/package-tests docs:options rewrites it)', () => {
    const current = readFileSync(docPath, 'utf8')
    expect(current).toBe(renderPluginOptionsDoc(current))
  })

  it('documents exactly the options sanitizeOptions reads', () => {
    const read = new Set<string>()
    const options = new Proxy({} as GongkaiPluginOptions, {
      get: (target, key) => {
        if (typeof key === 'string') read.add(key)
        return Reflect.get(target, key) as unknown
      },
    })
    sanitizeOptions(options, { collections: [], secret: 'x' } as unknown as Parameters<typeof sanitizeOptions>[1])
    const [pluginOptions] = readPluginOptions()
    expect([...read].sort()).toEqual(pluginOptions?.options.map((option) => option.name).sort())
  })

  it('gives every option a description and every optional one its default', () => {
    for (const { heading, options } of readPluginOptions()) {
      // `kind` is the channel's discriminant: the table's heading names it.
      for (const option of options.filter(({ name }) => name !== 'kind')) {
        expect(option.description, `${heading} ${option.name}`).not.toBe('')
        if (!option.isRequired && option.name !== 'overrides') expect(option.defaultValue, `${heading} ${option.name} has no @default`).toBeDefined()
      }
    }
  })
})

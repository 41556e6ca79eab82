import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../src')

async function importsOf(file: string): Promise<string[]> {
  const source = await readFile(file, 'utf8')
  return [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gmu)].map((match) => match[1] ?? '')
}

/** Every module reachable from `entry` through relative imports, with the packages they import. */
async function reachable(entry: string): Promise<{ files: string[]; packages: Set<string> }> {
  const files: string[] = []
  const packages = new Set<string>()
  const queue = [entry]
  while (queue.length > 0) {
    const file = queue.shift() ?? ''
    if (files.includes(file)) continue
    files.push(file)
    for (const specifier of await importsOf(file)) {
      if (specifier.startsWith('.')) {
        const base = path.resolve(path.dirname(file), specifier.replace(/\.js$/, ''))
        const found = [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => existsSync(candidate))
        if (!found) throw new Error(`cannot resolve ${specifier} from ${file}`)
        queue.push(found)
      } else {
        packages.add(specifier)
      }
    }
  }
  return { files, packages }
}

describe('read path', () => {
  it('the main entry (library client) imports only openapi-fetch: no node: modules, so it runs in browsers', async () => {
    const { files, packages } = await reachable(path.join(root, 'index.ts'))
    expect(files.length).toBeGreaterThan(3)
    expect([...packages]).toEqual(['openapi-fetch'])
  })

  it('the webhook receiver entry imports no package at all (Web Crypto only)', async () => {
    const { packages } = await reachable(path.join(root, 'webhook.ts'))
    expect([...packages]).toEqual([])
  })
})

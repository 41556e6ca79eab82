import { execFileSync } from 'node:child_process'

import { describe, expect, it } from 'vitest'

import { packageDirectory, publishedPackages, readManifest } from './support/workspace'

/**
 * `@gongkai/payload-plugin/client` holds the admin's React components: it imports Payload's UI, which imports
 * CSS, so only a bundler (Next.js through Payload's import map) loads it — with `import` as with `require`.
 */
const bundlerOnly = new Set(['@gongkai/payload-plugin/client'])

const entryPoints = publishedPackages.flatMap((name) => {
  const manifest = readManifest(packageDirectory(name))
  return Object.keys(manifest.exports ?? {})
    .filter((subpath) => !subpath.endsWith('.json'))
    .map((subpath) => (subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`))
    .filter((specifier) => !bundlerOnly.has(specifier))
})

describe('CommonJS projects (require(esm), Node ≥ 20.19)', () => {
  it('see every entry point of every published package', () => {
    expect(entryPoints).toEqual(expect.arrayContaining(['@gongkai/core', '@gongkai/sdk/testing', '@gongkai/payload-plugin/types']))
  })

  it.each(entryPoints)('require(%s) gives the same exports as import()', (specifier) => {
    // A child process: CommonJS `require` from a .cjs script, as a CommonJS project would do it.
    const script = `
      const required = require(${JSON.stringify(specifier)})
      import(${JSON.stringify(specifier)}).then((imported) => {
        process.stdout.write(JSON.stringify({ required: Object.keys(required).sort(), imported: Object.keys(imported).sort() }))
      })`
    const output = execFileSync(process.execPath, ['--input-type=commonjs', '-e', script], { cwd: import.meta.dirname, encoding: 'utf8' })
    const { required, imported } = JSON.parse(output) as { required: string[]; imported: string[] }
    expect(required).toEqual(imported.filter((key) => key !== 'module.exports'))
  })

  it('is what every export condition of every published package allows (a default beside import)', () => {
    for (const name of publishedPackages) {
      for (const [subpath, target] of Object.entries(readManifest(packageDirectory(name)).exports ?? {})) {
        if (typeof target === 'string') continue
        expect(target.default, `${name} ${subpath}`).toBe(target.import)
      }
    }
  })
})

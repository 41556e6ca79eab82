import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import { beforeAll, describe, expect, it } from 'vitest'

import { extractExamples, type MarkdownExample } from './support/markdown'
import { publishedPackages, workspaceRoot } from './support/workspace'

/**
 * Every ```ts block of the published packages' READMEs, the root README and docs/*.md, compiled under
 * `--strict` against the built packages (their dist/*.d.ts, through their exports maps, as an integrator
 * gets them). A block is a module of its own. What a fragment takes from its surroundings (`payload`, a
 * `document`, …) is declared in an HTML comment right above the block, which the rendered page hides:
 *
 *     <!-- prelude: import type { Payload } from 'payload'; declare const payload: Payload -->
 */
type Example = MarkdownExample & { file: string }

const sources = [
  ...publishedPackages.map((name) => `packages/${name}/README.md`),
  'README.md',
  ...readdirSync(path.join(workspaceRoot, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
]

const directory = path.join(import.meta.dirname, '..', '.readme-examples')
const examples: Example[] = sources.flatMap((source) => {
  const file = path.join(workspaceRoot, source)
  if (!existsSync(file)) return []
  return extractExamples(source, readFileSync(file, 'utf8')).map((example) => ({
    ...example,
    file: `${source.replace(/[/.]/gu, '_')}_${example.line}.ts`,
  }))
})

/** tsc's diagnostics, each under the README line of the block it is in. */
let diagnostics: Map<string, string[]>

beforeAll(() => {
  rmSync(directory, { recursive: true, force: true })
  mkdirSync(directory, { recursive: true })
  for (const example of examples) writeFileSync(path.join(directory, example.file), example.code)
  writeFileSync(
    path.join(directory, 'tsconfig.json'),
    JSON.stringify({
      extends: '../../../tsconfig.json',
      compilerOptions: { strict: true, noEmit: true, types: ['node'], skipLibCheck: true, declaration: false },
      include: ['*.ts'],
    }),
  )
  diagnostics = new Map()
  let output = ''
  try {
    execFileSync(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', '.', '--pretty', 'false'], { cwd: directory, encoding: 'utf8' })
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? error)
  }
  let key = 'elsewhere'
  for (const line of output.split('\n').filter(Boolean)) {
    const match = /^(?<file>[^(\s]+)\((?<row>\d+),\d+\): (?<message>.*)$/u.exec(line)
    // Lines without a position continue the message above them.
    if (match) {
      const example = examples.find((candidate) => candidate.file === match.groups?.file)
      key = example ? `${example.source}:${example.line}` : 'elsewhere'
    }
    diagnostics.set(key, [...(diagnostics.get(key) ?? []), match ? `line ${match.groups?.row}: ${match.groups?.message}` : line.trim()])
  }
}, 300_000)

describe('README and docs examples', () => {
  it('are found in every published package README', () => {
    for (const name of publishedPackages) expect(examples.some((example) => example.source === `packages/${name}/README.md`), name).toBe(true)
  })

  it.each(publishedPackages)('say in packages/%s/README.md that the package is ESM and which Node it needs', (name) => {
    const readme = readFileSync(path.join(workspaceRoot, 'packages', name, 'README.md'), 'utf8')
    expect(readme).toMatch(/ESM only \(`"type": "module"`\), Node ≥ 20\.19/u)
  })

  it('finds a prelude and stops at the closing fence', () => {
    const [example] = extractExamples('x.md', 'text\n<!-- prelude: declare const a: number -->\n```ts\nconst b = a\n```\n```ts\nlater\n```')
    expect(example).toEqual({ source: 'x.md', line: 3, code: 'declare const a: number\nconst b = a\nexport {}\n' })
  })

  it.each(examples.map((example) => `${example.source}:${example.line}`))('%s compiles under --strict against the built packages', (key) => {
    expect(diagnostics.get(key) ?? []).toEqual([])
    expect(diagnostics.get('elsewhere') ?? []).toEqual([])
  })
})

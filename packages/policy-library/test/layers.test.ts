import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

/**
 * The folders of src/ depend one way — routes → service → store, with domain, spec and generated at
 * the bottom — read from the import statements of the source files themselves, so a new import that
 * runs the wrong way fails here.
 */
const sourceRoot = fileURLToPath(new URL('../src/', import.meta.url))

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : []
  })
}

/** `routes` for src/routes/x.ts, `.` for a file directly in src/. */
const folderOf = (file: string): string => {
  const relative = path.relative(sourceRoot, file).split(path.sep)
  return relative.length === 1 ? '.' : (relative[0] as string)
}

const importPattern = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g

/** Folder → the folders its files import (relative imports only; packages are not folders of ours). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>()
  for (const file of sourceFiles(sourceRoot)) {
    const from = folderOf(file)
    const targets = graph.get(from) ?? new Set<string>()
    graph.set(from, targets)
    for (const match of readFileSync(file, 'utf8').matchAll(importPattern)) {
      const specifier = match[1] ?? match[2] ?? match[3] ?? ''
      if (!specifier.startsWith('.')) continue
      const to = folderOf(path.resolve(path.dirname(file), specifier))
      if (to !== from) targets.add(to)
    }
  }
  return graph
}

const graph = folderGraph()
const importsOf = (folder: string): string[] => [...(graph.get(folder) ?? [])].sort()

describe('the layers of the library', () => {
  it('reads the imports it checks (routes use the services, the services the store)', () => {
    expect(importsOf('routes')).toContain('service')
    expect(importsOf('service')).toContain('store')
    expect(importsOf('.')).toContain('routes')
  })

  it('has no two folders importing each other, and no cycle through several', () => {
    const pairs = [...graph].flatMap(([from, targets]) => [...targets].filter((to) => graph.get(to)?.has(from)).map((to) => `${from} ⇄ ${to}`))
    expect(pairs).toEqual([])
    const cycles: string[] = []
    const visit = (folder: string, trail: string[]): void => {
      if (trail.includes(folder)) return void cycles.push([...trail.slice(trail.indexOf(folder)), folder].join(' → '))
      for (const next of graph.get(folder) ?? []) visit(next, [...trail, folder])
    }
    for (const folder of graph.keys()) visit(folder, [])
    expect(cycles).toEqual([])
  })

  it('keeps HTTP out of the store, the services, validation and the domain', () => {
    for (const folder of ['store', 'service', 'validation', 'domain', 'search', 'db']) {
      expect(importsOf(folder), `${folder}/ imports`).not.toContain('http')
      expect(importsOf(folder), `${folder}/ imports`).not.toContain('routes')
    }
    expect(importsOf('store')).not.toContain('service')
    expect(importsOf('domain').filter((folder) => folder !== 'generated')).toEqual([])
  })

  it('leaves SQL to the store (and the schema to db/)', () => {
    const sql = /\.query(?:<[^>]*>)?\(|\b(?:SELECT\s[\s\S]*?\sFROM|INSERT INTO|UPDATE\s+\w+\s+SET|DELETE FROM)\b/
    const outside = sourceFiles(sourceRoot)
      .filter((file) => !['store', 'db', 'search'].includes(folderOf(file)) && sql.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(sourceRoot, file))
    expect(outside).toEqual([])
  })
})

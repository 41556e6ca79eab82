import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// The plugin's folders depend one way: shared infrastructure and the statutory rules at the bottom, the workflow
// above them, endpoints, hooks and collections on top (issue 11). This test reads every import of the source
// (static, type-only, re-exports and dynamic) with TypeScript's own pre-processor and fails on a back-edge.

const sourceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src')

type Edge = { from: string; to: string; file: string; specifier: string }

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : []
  })
}

/** A folder directly under src/ is one node; a file directly in src/ (types.ts, plugin.ts …) is a node of its own. */
function nodeOf(file: string): string {
  const [first, ...rest] = path.relative(sourceRoot, file).split(path.sep)
  return rest.length > 0 ? `${first}/` : (first ?? '')
}

function importEdges(): Edge[] {
  const edges: Edge[] = []
  for (const file of sourceFiles(sourceRoot)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
    for (const { fileName: specifier } of importedFiles) {
      if (!specifier.startsWith('.')) continue
      const target = path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts'))
      const edge = { from: nodeOf(file), to: nodeOf(target), file: path.relative(sourceRoot, file), specifier }
      if (edge.from !== edge.to) edges.push(edge)
    }
  }
  return edges
}

const edges = importEdges()
const dependencies = new Map<string, Set<string>>()
for (const edge of edges) dependencies.set(edge.from, (dependencies.get(edge.from) ?? new Set()).add(edge.to))

/** Every cycle's nodes, found by a depth-first search (the graph has a few dozen nodes). */
function cycles(): string[][] {
  const found: string[][] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const stack: string[] = []
  const visit = (node: string) => {
    state.set(node, 'visiting')
    stack.push(node)
    for (const next of dependencies.get(node) ?? []) {
      if (state.get(next) === 'visiting') found.push([...stack.slice(stack.indexOf(next)), next])
      else if (!state.has(next)) visit(next)
    }
    stack.pop()
    state.set(node, 'done')
  }
  for (const node of dependencies.keys()) if (!state.has(node)) visit(node)
  return found
}

describe('the plugin’s import graph', () => {
  it('reads the imports of the source (the graph is not empty, and sees a known edge)', () => {
    expect(edges.length).toBeGreaterThan(100)
    expect(edges).toContainEqual(expect.objectContaining({ from: 'workflow/', to: 'rules/', file: path.join('workflow', 'transition.ts') }))
  })

  it('has no two folders that import each other', () => {
    const backEdges = edges.filter((edge) => dependencies.get(edge.to)?.has(edge.from)).map((edge) => `${edge.file} imports ${edge.specifier} (${edge.from} ⇄ ${edge.to})`)
    expect(backEdges).toEqual([])
  })

  it('has no cycle through several folders either', () => {
    expect(cycles().map((cycle) => cycle.join(' → '))).toEqual([])
  })

  it('keeps the rules and the infrastructure below the workflow, endpoints, hooks and collections', () => {
    const upper = ['workflow/', 'endpoints/', 'hooks/', 'collections/', 'components/', 'jobs/', 'workbench/', 'delivery/', 'plugin.ts', 'index.ts']
    const upward = edges
      .filter((edge) => (edge.from === 'rules/' || edge.from === 'infrastructure/') && upper.includes(edge.to))
      .map((edge) => `${edge.file} imports ${edge.specifier}`)
    expect(upward).toEqual([])
  })
})

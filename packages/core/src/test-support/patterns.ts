import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

/** A regular expression found in the package's source, and where. */
export type FoundPattern = { file: string; name: string; source: string; flags: string }

const SOURCE_ROOT = path.resolve(import.meta.dirname, '..')

/** Every non-test source file of the package (`src/**\/*.ts` without tests and test support). */
export function sourceFiles(): string[] {
  return readdirSync(SOURCE_ROOT, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.startsWith('test-support'))
    .map((file) => path.join(SOURCE_ROOT, file))
    .sort()
}

function regexpsInSyntax(file: string): { literals: FoundPattern[]; constructedCount: number } {
  const text = readFileSync(file, 'utf8')
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const literals: FoundPattern[] = []
  let constructedCount = 0
  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node)) {
      const literal = node.text
      const lastSlash = literal.lastIndexOf('/')
      const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart())
      literals.push({
        file: path.relative(SOURCE_ROOT, file),
        name: `line ${line + 1}`,
        source: literal.slice(1, lastSlash),
        flags: literal.slice(lastSlash + 1),
      })
    } else if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'RegExp'
    ) {
      constructedCount++
    }
    ts.forEachChild(node, visit)
  }
  visit(sourceFile)
  return { literals, constructedCount }
}

function exportedRegexps(moduleExports: Record<string, unknown>): { name: string; pattern: RegExp }[] {
  const found: { name: string; pattern: RegExp }[] = []
  const seen = new Set<unknown>()
  const pending: [string, unknown][] = Object.entries(moduleExports)
  while (pending.length > 0) {
    const [name, value] = pending.pop()!
    if (typeof value !== 'object' || value === null || seen.has(value)) continue
    seen.add(value)
    if (value instanceof RegExp) found.push({ name, pattern: value })
    else if (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype) {
      for (const [key, item] of Object.entries(value)) pending.push([`${name}.${key}`, item])
    }
  }
  return found
}

/**
 * Every regular expression in the package: the literals (read from the syntax tree, so a new
 * `/…/` anywhere is included) and the ones built with `new RegExp(…)`, which a module must export
 * (as the scanner does with `scannerPatterns`) so they can be checked. Fails when a module builds
 * more patterns than it exports.
 */
export async function collectPatterns(): Promise<FoundPattern[]> {
  const patterns: FoundPattern[] = []
  for (const file of sourceFiles()) {
    const { literals, constructedCount } = regexpsInSyntax(file)
    patterns.push(...literals)
    if (constructedCount === 0) continue
    const literalKeys = new Set(literals.map((literal) => `${literal.flags}/${literal.source}`))
    const constructed = exportedRegexps((await import(file)) as Record<string, unknown>).filter(
      ({ pattern }) => !literalKeys.has(`${pattern.flags}/${pattern.source}`),
    )
    if (constructed.length < constructedCount) {
      throw new Error(
        `${path.relative(SOURCE_ROOT, file)} builds ${constructedCount} RegExp objects but exports ${constructed.length}: export every constructed pattern so the ReDoS check sees it`,
      )
    }
    for (const { name, pattern } of constructed) {
      patterns.push({ file: path.relative(SOURCE_ROOT, file), name, source: pattern.source, flags: pattern.flags })
    }
  }
  return patterns
}

import { check, type Diagnostics } from 'recheck'
import { describe, expect, it } from 'vitest'
import { collectPatterns, type FoundPattern } from './test-support/patterns.js'

// Every regular expression in @gongkai/core is checked with recheck, a ReDoS analyser (automata
// theory plus fuzzing). The scanner runs on whatever editors paste, so one pattern that backtracks
// super-linearly stalls the event loop for every request that scans (密级 + 100,000 blanks took 12 s).
// recheck picks its native binary (shipped in the recheck-linux-x64 package) and falls back to its
// pure-JavaScript checker in a worker; it never downloads anything.

const TIMEOUT_MS = 60_000

async function analyse(pattern: Pick<FoundPattern, 'source' | 'flags'>): Promise<Diagnostics> {
  // The g and y flags do not change what a pattern matches; recheck does not need them.
  // A fixed seed makes the fuzzer try the same strings on every run.
  return check(pattern.source, pattern.flags.replace(/[gy]/gu, ''), {
    timeout: TIMEOUT_MS,
    randomSeed: 20261129,
    // Step limits only, no time limits inside the check: on a loaded machine a time limit cut a linear
    // match short and recheck took it for an attack.
    attackTimeout: null,
    incubationTimeout: null,
  })
}

function describeResult(pattern: FoundPattern, result: Diagnostics): string {
  const where = `${pattern.file} ${pattern.name} /${pattern.source}/${pattern.flags}`
  if (result.status === 'vulnerable') {
    return `${where}: ${result.complexity.type} backtracking, attack ${result.attack.pattern}`
  }
  if (result.status === 'unknown') return `${where}: could not be analysed (${result.error.kind})`
  return `${where}: safe`
}

describe('regular expressions in @gongkai/core', () => {
  it('are collected from every module, including patterns built with new RegExp', async () => {
    const patterns = await collectPatterns()
    const files = new Set(patterns.map((pattern) => pattern.file))
    for (const file of ['scanner/scanText.ts', 'scanner/foldForScan.ts', 'documentNumber.ts', 'indexNumber.ts', 'identifiers/mobileNumber.ts']) {
      expect(files).toContain(file)
    }
    // The scanner builds most of its patterns from parts; they are checked in their final form.
    expect(patterns.find((pattern) => pattern.name === 'scannerPatterns.CLASSIFICATION_FIELD')?.source).toContain('密 ?级')
  })

  it('are all free of super-linear backtracking', { timeout: 600_000 }, async () => {
    const patterns = await collectPatterns()
    const unique = [...new Map(patterns.map((pattern) => [`${pattern.flags}/${pattern.source}`, pattern])).values()]
    const results = await Promise.all(unique.map(async (pattern) => describeResult(pattern, await analyse(pattern))))
    expect(results.filter((result) => !result.endsWith(': safe'))).toEqual([])
    expect(results.length).toBeGreaterThan(20)
  })

  it.each([
    ['the 密级 field pattern before the fix', String.raw`密级[ \t]*[:]?[ \t]*(绝密|机密|秘密)`, 'u', 'polynomial'],
    ['nested quantifiers', String.raw`^(\d+)+$`, 'u', 'exponential'],
    ['an e-mail pattern with overlapping parts', String.raw`^([a-z0-9]+\.?)+@`, 'u', 'exponential'],
    [
      'the e-mail pattern before the fix',
      String.raw`[A-Za-z0-9][A-Za-z0-9._%+-]*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}(?![A-Za-z0-9-])`,
      'u',
      'polynomial',
    ],
  ])('reports %s as vulnerable', { timeout: 120_000 }, async (_name, source, flags, complexity) => {
    const result = await analyse({ source, flags })
    expect(result.status).toBe('vulnerable')
    expect(result.status === 'vulnerable' && result.complexity.type).toBe(complexity)
  })
})

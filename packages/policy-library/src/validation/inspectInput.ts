import type { FieldError } from '../domain/types.js'
import { labelOf } from './fieldLabels.js'

/**
 * The checks every value the API accepts passes before schema validation, whatever its field: a new
 * field of the spec is covered without anyone remembering to. They reject what PostgreSQL would refuse
 * later (NUL in text: 22P05/22021; lone surrogates in jsonb: 22P02) and what would make validation
 * itself slow or crash (an array of 150,000 ids makes ajv's `uniqueItems` quadratic; JSON nested
 * 10,000 deep overflows the stack of anything recursive). The walk is iterative and stops at
 * `maxErrors`, so it is linear in the body and never produces a huge answer.
 */
export type InputLimits = {
  /** Deepest nesting of arrays and objects; a document is 4 levels deep, a batch 6. */
  maxDepth: number
  /** Longest array; the spec's largest `maxItems` (a batch of 500). */
  maxArrayItems: number
  /** Most fields of one object; the largest object of the spec (a document) has 25. */
  maxProperties: number
  /** Errors reported at most; the answer says how many more were found. */
  maxErrors: number
}

// With the u flag a surrogate range matches only a code unit that is not half of a pair.
const loneSurrogate = /[\uD800-\uDFFF]/u

const escapePointer = (segment: string): string => segment.replaceAll('~', '~0').replaceAll('/', '~1')

/** Why a string is refused, or undefined when it is acceptable text. */
function stringProblem(text: string): { rule: string; detail: string } | undefined {
  if (text.includes('\u0000')) return { rule: 'noNul', detail: '含有 NUL 字符（U+0000），文本中不允许出现' }
  if (loneSurrogate.test(text)) return { rule: 'wellFormedUnicode', detail: '含有不成对的代理项（U+D800–U+DFFF），不是合法的 Unicode 文本' }
  return undefined
}

/**
 * Walks `value` (a parsed JSON body, or query/path parameters) and returns what breaks the limits.
 * `prefix` is put before each pointer: '' for the body, `query/` or `path/` for parameters.
 */
export function inspectInput(value: unknown, prefix: '' | 'query/' | 'path/', limits: InputLimits): { errors: FieldError[]; total: number } {
  const errors: FieldError[] = []
  let total = 0
  const report = (pointer: string, rule: string, detail: string): void => {
    total++
    if (errors.length < limits.maxErrors) errors.push({ pointer, rule, detail: `${labelOf(pointer)}${detail}` })
  }
  const root = prefix === '' ? '' : prefix.slice(0, -1)
  const stack: { value: unknown; pointer: string; depth: number }[] = [{ value, pointer: root, depth: 0 }]
  const join = (pointer: string, key: string): string => (prefix !== '' && pointer === root ? `${prefix}${escapePointer(key)}` : `${pointer}/${escapePointer(key)}`)
  while (stack.length > 0) {
    // Past the cap, only count cheaply: the answer already says enough.
    if (total > limits.maxErrors * 100) break
    const { value: current, pointer, depth } = stack.pop() as { value: unknown; pointer: string; depth: number }
    if (typeof current === 'string') {
      const found = stringProblem(current)
      if (found) report(pointer, found.rule, found.detail)
      continue
    }
    if (current === null || typeof current !== 'object') continue
    if (depth >= limits.maxDepth) {
      report(pointer, 'maxDepth', `嵌套超过 ${limits.maxDepth} 层`)
      continue
    }
    if (Array.isArray(current)) {
      if (current.length > limits.maxArrayItems) {
        report(pointer, 'maxItems', `有 ${current.length} 项，超过上限 ${limits.maxArrayItems} 项`)
        continue
      }
      for (let index = current.length - 1; index >= 0; index--) stack.push({ value: current[index], pointer: `${pointer}/${index}`, depth: depth + 1 })
      continue
    }
    const entries = Object.entries(current)
    if (entries.length > limits.maxProperties) {
      report(pointer, 'maxProperties', `有 ${entries.length} 个字段，超过上限 ${limits.maxProperties} 个`)
      continue
    }
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, child] = entries[index] as [string, unknown]
      const childPointer = join(pointer, key)
      const keyProblem = stringProblem(key)
      if (keyProblem) {
        report(childPointer, keyProblem.rule, `的字段名${keyProblem.detail}`)
        continue
      }
      stack.push({ value: child, pointer: childPointer, depth: depth + 1 })
    }
  }
  return { errors, total }
}

import { ValidationError } from 'payload'
import type { PayloadRequest } from 'payload'

import type { RuleProblem } from './fieldRuleErrors.js'

/** `发文字号：缺少“号”字` — the message with the field's label in front, unless the message already names it. */
export function problemText(problem: RuleProblem, req?: PayloadRequest): string {
  const label = problem.label.split(' › ').pop() ?? problem.label
  if (problem.message.includes(label)) return problem.message
  return req?.t ? req.t('gongkai:problem' as never, { label: problem.label, message: problem.message }) : `${problem.label}：${problem.message}`
}

/** Every problem once, in order, by path and by message (two rules may say the same thing of one field). */
export function dedupeProblems(problems: readonly RuleProblem[]): RuleProblem[] {
  const seen = new Set<string>()
  const kept: RuleProblem[] = []
  for (const problem of problems) {
    const key = `${problem.path}\u0000${problem.message}`
    if (seen.has(key)) continue
    seen.add(key)
    kept.push(problem)
  }
  return kept
}

/**
 * Payload's `ValidationError` (400, `data.errors: [{ path, label, message }]`), so the admin form highlights each
 * field and Payload's error handling treats it as a validation failure, but with the rules' own words as its
 * message instead of “The following field is invalid: body”: the message names each field by its label.
 */
export class RuleError extends ValidationError {
  constructor(args: { collection?: string; problems: readonly RuleProblem[]; req?: PayloadRequest; message?: string }) {
    const problems = dedupeProblems(args.problems)
    super({ collection: args.collection, errors: problems.map(({ path, label, message }) => ({ path, label, message })) }, args.req?.t)
    this.name = 'ValidationError'
    const separator = args.req?.t ? args.req.t('gongkai:problemSeparator' as never) : '；'
    this.message = args.message ?? problems.map((problem) => problemText(problem, args.req)).join(separator)
  }
}

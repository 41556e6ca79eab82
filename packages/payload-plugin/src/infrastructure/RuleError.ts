import { ValidationError } from 'payload'
import type { PayloadRequest } from 'payload'

import { message, separatorOf } from '../translations/message.js'

/** `发文字号：缺少“号”字` — the message with the field's label in front, unless the message already names it. */
export function problemText(problem: FieldProblem, req?: PayloadRequest): string {
  if (!problem.label) return problem.message
  const label = problem.label.split(' › ').pop() ?? problem.label
  if (problem.message.includes(label)) return problem.message
  return message(req, 'problem', { label: problem.label, message: problem.message })
}

/** A rule a document breaks: the field's data path, its label as the editor reads it, and the rule's message. */
export type RuleProblem = {
  /** Data path as Payload's form states use it: `documentNumber`, `participants.0.selectionMethod`. */
  path: string
  /** The field's label in the request's language, rows numbered: `参与人第1条 › 遴选方式`. */
  label: string
  message: string
}

/** A field problem; without a label its message is shown as it is (it names the field itself). */
export type FieldProblem = Omit<RuleProblem, 'label'> & { label?: string }

/** Every problem once, in order, by path and by message (two rules may say the same thing of one field). */
export function dedupeProblems<Problem extends FieldProblem>(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>()
  const kept: Problem[] = []
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
  constructor(args: { collection?: string; problems: readonly FieldProblem[]; req?: PayloadRequest; message?: string }) {
    const problems = dedupeProblems(args.problems)
    super({ collection: args.collection, errors: problems.map(({ path, label, message }) => (label ? { path, label, message } : { path, message })) }, args.req?.t)
    this.name = 'ValidationError'
    this.message = args.message ?? problems.map((problem) => problemText(problem, args.req)).join(separatorOf(args.req))
  }
}

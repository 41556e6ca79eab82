import type { PayloadRequest } from 'payload'

import type { AgencyOwnedCollection } from '../access/documentAgencies.js'
import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { documentLabel } from '../infrastructure/runtime.js'
import { message, separatorOf } from '../translations/message.js'
import { documentRuleProblems } from './documentRules.js'
import { RuleError, problemText } from '../infrastructure/RuleError.js'

/**
 * The gate of 提交审核 (and again of 审核通过): refuses a document that breaks any rule checkable before
 * publication — the same problems its draft showed as warnings — naming each field by its label, each once.
 *
 * @throws RuleError (Payload's ValidationError, 400) with `data.errors` of `{ path, label, message }`
 */
export async function assertDocumentRules(args: {
  req: PayloadRequest
  options: SanitizedGongkaiPluginOptions
  collection: AgencyOwnedCollection
  doc: Record<string, unknown>
  action: 'submit' | 'approve'
}): Promise<void> {
  const { req } = args
  const problems = await documentRuleProblems(args)
  if (problems.length === 0) return
  const text = message(req, 'cannotAct', {
    document: documentLabel(args.collection, args.doc, req),
    action: message(req, `action_${args.action}`),
    problems: problems.map((problem) => problemText(problem, req)).join(separatorOf(req)),
  })
  throw new RuleError({ collection: args.options.slugs[args.collection], problems, req, message: text })
}

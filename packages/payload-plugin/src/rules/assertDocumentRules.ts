import type { PayloadRequest } from 'payload'

import type { AgencyOwnedCollection } from '../access/documentAgencies.js'
import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { titleOf } from '../infrastructure/runtime.js'
import { documentRuleProblems } from './documentRules.js'
import { RuleError, problemText } from '../infrastructure/RuleError.js'

/** How a message names a document, in the request's language: 政策文件“关于……的通知”. */
export function documentName(req: PayloadRequest, collection: AgencyOwnedCollection, doc: Record<string, unknown>): string {
  return req.t('gongkai:document' as never, { kind: req.t(`gongkai:kind_${collection}` as never), title: titleOf(doc) })
}

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
  const message = req.t('gongkai:cannotAct' as never, {
    document: documentName(req, args.collection, args.doc),
    action: req.t(`gongkai:action_${args.action}` as never),
    problems: problems.map((problem) => problemText(problem, req)).join(req.t('gongkai:problemSeparator' as never)),
  })
  throw new RuleError({ collection: args.options.slugs[args.collection], problems, req, message })
}

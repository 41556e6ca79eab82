import type { PayloadRequest } from 'payload'

import { WorkflowError } from '../infrastructure/WorkflowError.js'
import { labelIn, message } from '../translations/message.js'
import type { SanitizedGongkaiPluginOptions, ValidityStatusOption } from '../types.js'
import { isBlank } from '../utilities/relationIds.js'

/**
 * 有效性 change of a published policy (宣布失效): the new status is one of the configured statuses other than the
 * first (in force), by default the first that needs a 失效日期; a status that needs a replacement (已修订) needs
 * the document that replaces it. Which statuses need what is set beside core's `defaultValidityStatuses`.
 *
 * @throws WorkflowError (400, field `validity` or `supersededBy`)
 */
export function validityChangeOf(args: {
  req: PayloadRequest
  options: SanitizedGongkaiPluginOptions
  label: string
  validity: string | null | undefined
  supersededBy: number | string | null
}): ValidityStatusOption {
  const { req, options, label } = args
  const status =
    options.validityStatuses.find((candidate) => candidate.value === args.validity) ??
    (args.validity ? undefined : options.validityStatuses.find((candidate) => candidate.requiresExpiryDate))
  if (!status || status.value === options.validityStatuses[0]?.value) {
    const choices = options.validityStatuses
      .slice(1)
      .map((candidate) => message(req, 'quoted', { value: labelIn(candidate.label, req) }))
      .join(message(req, 'listSeparator'))
    throw new WorkflowError(message(req, 'invalidateNeedsValidity', { document: label, choices, value: args.validity ?? '' }), 400, 'validity')
  }
  if (status.requiresReplacement && isBlank(args.supersededBy)) {
    throw new WorkflowError(message(req, 'validityNeedsReplacement', { document: label, validity: labelIn(status.label, req) }), 400, 'supersededBy')
  }
  return status
}

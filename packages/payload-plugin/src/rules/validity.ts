import { WorkflowError } from '../infrastructure/WorkflowError.js'
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
  options: SanitizedGongkaiPluginOptions
  label: string
  validity: string | null | undefined
  supersededBy: number | string | null
}): ValidityStatusOption {
  const { options, label } = args
  const status =
    options.validityStatuses.find((candidate) => candidate.value === args.validity) ??
    (args.validity ? undefined : options.validityStatuses.find((candidate) => candidate.requiresExpiryDate))
  if (!status || status.value === options.validityStatuses[0]?.value) {
    throw new WorkflowError(
      `宣布${label}失效须选择失效后的有效性（${options.validityStatuses.slice(1).map((candidate) => `“${candidate.label.zh}”`).join('、')}），而不是“${args.validity ?? ''}”`,
      400,
      'validity',
    )
  }
  if (status.requiresReplacement && isBlank(args.supersededBy)) {
    throw new WorkflowError(`${label}的有效性改为“${status.label.zh}”时须关联替代它的新文件`, 400, 'supersededBy')
  }
  return status
}

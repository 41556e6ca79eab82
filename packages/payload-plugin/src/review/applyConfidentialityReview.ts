import type { CollectionConfig } from 'payload'

import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { createConfidentialityReviewField } from './confidentialityReviewField.js'
import { confidentialityReviewEndpoints } from './reviewEndpoints.js'
import { withFindingsComponents } from './withFindingsComponents.js'

/**
 * 保密审查 on a policy, interpretation, decision or participation collection: the review record field (kept when
 * the plugin is disabled, so the schema does not change), the REST endpoints and the findings shown beside each
 * text field in the admin.
 */
export function applyConfidentialityReview({
  collection,
  options,
}: {
  collection: CollectionConfig
  options: SanitizedGongkaiPluginOptions
}): CollectionConfig {
  const withField: CollectionConfig = {
    ...collection,
    fields: [...collection.fields, createConfidentialityReviewField(options)],
  }
  if (options.isDisabled) return withField
  return {
    ...withField,
    fields: withFindingsComponents(withField.fields),
    endpoints: [...(collection.endpoints || []), ...confidentialityReviewEndpoints(collection.slug)],
  }
}

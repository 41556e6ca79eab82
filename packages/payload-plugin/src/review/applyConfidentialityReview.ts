import type { CollectionConfig } from 'payload'

import type { AgencyOwnedCollection } from '../access/documentAgencies.js'
import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { createConfidentialityReviewField } from './confidentialityReviewField.js'
import { collectionKeyCustomProperty } from './reviewActions.js'
import { confidentialityReviewEndpoints } from './reviewEndpoints.js'
import { withFindingsComponents } from './withFindingsComponents.js'

/**
 * 保密审查 on a policy, interpretation, decision or participation collection: the review record field (kept when
 * the plugin is disabled, so the schema does not change), the REST endpoints and the findings shown beside each
 * text field in the admin.
 */
export function applyConfidentialityReview({
  key,
  collection,
  options,
}: {
  key: AgencyOwnedCollection
  collection: CollectionConfig
  options: SanitizedGongkaiPluginOptions
}): CollectionConfig {
  const withField: CollectionConfig = {
    ...collection,
    custom: { ...collection.custom, [collectionKeyCustomProperty]: key },
    fields: [...collection.fields, createConfidentialityReviewField(options)],
  }
  if (options.isDisabled) return withField
  return {
    ...withField,
    fields: withFindingsComponents(withField.fields),
    endpoints: [...(collection.endpoints || []), ...confidentialityReviewEndpoints(collection.slug)],
  }
}

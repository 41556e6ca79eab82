export { gongkaiPlugin } from './plugin.js'
export { defaultSlugs } from './defaults.js'
export { sanitizeOptions } from './sanitizeOptions.js'
export { seedTopics } from './seed/seedTopics.js'
export type { SeedTopicsResult } from './seed/seedTopics.js'
export type * from './types.js'
export { agencyIdsOf, agencyIdsWithRole, hasAgencyRole, hasAgencyRoleInAny, isSiteAdmin } from './access/roles.js'
export type { AgencyMembership, AgencyRole, GongkaiUser } from './access/roles.js'
export { owningAgencyIds, readingAgencyIds } from './access/documentAgencies.js'
export { hasBlockingFindings, scanDocument } from './review/checkConfidentiality.js'
export type { FieldFinding } from './review/checkConfidentiality.js'
export {
  getConfidentialityFindings,
  isConfidentialityReviewCurrent,
  maskConfidentialityFindings,
  recordConfidentialityReview,
} from './review/reviewActions.js'
export type { ConfidentialityReview, ReviewConclusion } from './review/confidentialityReviewField.js'
export { transition, scheduledPublishTaskSlug } from './workflow/transition.js'
export type { TransitionArgs, TransitionResult } from './workflow/transition.js'
export { recordAudit } from './workflow/audit.js'
export type { RecordAuditArgs } from './workflow/audit.js'
export { dueDisclosureReviews } from './workflow/disclosureReview.js'
export type { DueDisclosureReview } from './workflow/disclosureReview.js'
export { missingElements } from './workflow/completeness.js'
export { workflowActions, workflowStates } from './workflow/states.js'
export type { AuditAction, WorkflowAction, WorkflowState } from './workflow/states.js'
export { WorkflowError } from './workflow/WorkflowError.js'
export { importContextKey } from './workflow/context.js'

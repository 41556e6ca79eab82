export { ConfidentialityFindings } from '../components/ConfidentialityFindings.js'
export { WorkflowControls, WorkflowReplacesPublish } from '../components/WorkflowControls.js'
export { AuditTrail } from '../components/AuditTrail.js'
export type { AuditTrailProps } from '../components/AuditTrail.js'

export { ConfidentialityFindings } from '../components/ConfidentialityFindings.js'
export { WorkflowControls, WorkflowReplacesPublish } from '../components/WorkflowControls.js'

import type { RequestContext } from 'payload'

/** Set on `req.context` by the workflow's own saves: they change state, never content. */
export const workflowContextKey = 'gongkaiWorkflow'

/** Set by a caller of the local API (with `overrideAccess`) to import a historical, already published document. */
export const importContextKey = 'gongkaiImport'

export function isWorkflowContext(context: RequestContext | undefined): boolean {
  return context?.[workflowContextKey] === true
}

export function isImportContext(context: RequestContext | undefined): boolean {
  return context?.[importContextKey] === true
}

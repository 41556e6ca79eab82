import { APIError } from 'payload'

export type WorkflowFieldError = { path: string; message: string }

/**
 * A workflow rule refused the action: a transition, a 保密审查 action (record, mask, confirm) or a write the
 * workflow does not allow. The plugin's one error class for its actions. The message is Chinese and names the document, its state and the rule;
 * `status` is the HTTP status the REST endpoint answers with (400 bad input, 403 role, 404 missing, 409 state).
 * `data.errors` lists the fields concerned, as Payload's validation errors do.
 */
export class WorkflowError extends APIError<{ errors: WorkflowFieldError[] }> {
  constructor(message: string, status: number, fieldOrErrors?: string | WorkflowFieldError[]) {
    const errors =
      fieldOrErrors === undefined ? [] : typeof fieldOrErrors === 'string' ? [{ path: fieldOrErrors, message }] : fieldOrErrors
    super(message, status, { errors }, true)
    this.name = 'WorkflowError'
  }
}

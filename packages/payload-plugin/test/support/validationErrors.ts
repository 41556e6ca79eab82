import { ValidationError } from 'payload'

export type FieldError = { path: string; message: string }

/**
 * Awaits an operation that must fail validation and returns its field errors (`data.errors`),
 * sorted by path, so tests can assert the path and the Chinese message. Fails when it succeeds or fails otherwise.
 */
export async function validationErrors(operation: Promise<unknown>): Promise<FieldError[]> {
  try {
    await operation
  } catch (error) {
    if (error instanceof ValidationError) {
      // Field validations run concurrently, so the order of errors is not meaningful: sort by path.
      return error.data.errors
        .map(({ path, message }) => ({ path, message }))
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    }
    throw error
  }
  throw new Error('expected a ValidationError, but the operation succeeded')
}

import type { Validate } from 'payload'

// Payload's built-in validations are typed for their own field kind (TextField, DateField…); `any` for the
// field config lets one list hold them next to ours, as Payload itself does when it picks a field's default.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyValidate = Validate<any, any, any, any>

/**
 * Runs validations in order and returns the first failure. A custom `validate` replaces Payload's
 * built-in one (required, maxLength, options…), so collections put the built-in first.
 */
export function combineValidations(...validations: AnyValidate[]): Validate {
  return async (value, args) => {
    for (const validate of validations) {
      const result = await validate(value, args)
      if (result !== true) return result
    }
    return true
  }
}

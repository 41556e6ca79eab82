import type { FieldAccess } from 'payload'

const never: FieldAccess = () => false

/**
 * Access of a field only the plugin's hooks (or a trusted local API call) write: the REST/GraphQL API and
 * the admin can read it but never set it. Hooks run after field access is applied, so their values stay.
 */
export const computedFieldAccess = { create: never, update: never } as const

/**
 * Whether a value is a plain JSON object (not null, not an array), so that its properties can be read by name.
 * The plugin's walkers (labels, field values, incoming JSON, rich text) check with this instead of asserting.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

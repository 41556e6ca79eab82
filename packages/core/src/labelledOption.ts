/** The two UI languages every label carries. */
export type Locale = 'zh' | 'en'

/**
 * One entry of an enumeration: a stable ASCII `value` (stored in PostgreSQL enums and GraphQL enum
 * names) and its human labels. Chinese is the primary label; English is for the admin's English UI.
 */
export type LabelledOption<V extends string = string> = {
  value: V
  label: { zh: string; en: string }
}

/**
 * The label of `value` within `options`, in `locale` (default Chinese).
 * Returns the value itself when it is not in the list, so an unknown stored value is still visible
 * to an editor instead of rendering as an empty cell.
 *
 * @example labelOf(documentTypes, 'notice') // '通知'
 */
export function labelOf<V extends string>(
  options: readonly LabelledOption<V>[],
  value: V | (string & {}),
  locale: Locale = 'zh',
): string {
  const option = options.find((candidate) => candidate.value === value)
  return option ? option.label[locale] : value
}

/**
 * The values of an enumeration in their declared order, e.g. for a Payload `select` field's
 * `options` or a PostgreSQL enum definition.
 *
 * @example optionValues(urgencyLevels) // ['normal', 'urgent', 'extra_urgent']
 */
export function optionValues<V extends string>(options: readonly LabelledOption<V>[]): V[] {
  return options.map((option) => option.value)
}

/** Whether `value` is one of the enumeration's values (narrows the type). */
export function isOptionValue<V extends string>(
  options: readonly LabelledOption<V>[],
  value: unknown,
): value is V {
  return typeof value === 'string' && options.some((option) => option.value === value)
}

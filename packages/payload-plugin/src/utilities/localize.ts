import type { LabelLanguage, LocalizedLabel } from '../types.js'

/** Keeps only the configured languages of a label, in the shape Payload accepts for labels. */
export function localize(languages: readonly LabelLanguage[], label: LocalizedLabel): Record<string, string> {
  const result: Record<string, string> = {}
  for (const language of languages) result[language] = label[language]
  return result
}

/** Turns one of core's enumerations into Payload select options with localized labels. */
export function selectOptions(
  languages: readonly LabelLanguage[],
  options: readonly { value: string; label: LocalizedLabel }[],
): { value: string; label: Record<string, string> }[] {
  return options.map((option) => ({ value: option.value, label: localize(languages, option.label) }))
}

/** `label('政策文件', 'Policy')` in the configured languages. */
export function labeler(languages: readonly LabelLanguage[]): (zh: string, en: string) => Record<string, string> {
  return (zh, en) => localize(languages, { zh, en })
}

/**
 * Dates as Chinese offices write them: 2026年11月30日, and with the time 2026年11月30日 03:23 (24-hour clock).
 * date-fns patterns, for `admin.date.displayFormat` and the config's `admin.dateFormat`.
 */
export const chineseDayFormat = 'yyyy年M月d日'
export const chineseDateTimeFormat = 'yyyy年M月d日 HH:mm'

/** `admin` of a calendar-day field (成文日期, 发布日期, …). */
export const dayPicker = { date: { pickerAppearance: 'dayOnly', displayFormat: chineseDayFormat } } as const
/** `admin` of an instant shown to the minute (提交时间, 发布时间, …). */
export const dayAndTime = { date: { pickerAppearance: 'dayAndTime', displayFormat: chineseDateTimeFormat } } as const

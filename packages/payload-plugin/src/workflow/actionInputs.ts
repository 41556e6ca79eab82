import { WorkflowError } from '../infrastructure/WorkflowError.js'

/** A written reason an action needs (退回, 撤回, 强制发布): trimmed, not empty. */
export function requireReason(reason: string | null | undefined, message: string): string {
  const text = (reason ?? '').trim()
  if (text === '') throw new WorkflowError(message, 400, 'reason')
  return text
}

/** A reason the policy library keeps and shows (删除, 抹除): at most 2000 characters, no NUL, no lone surrogates. */
export function requireLibraryReason(reason: string | null | undefined, message: string, label: string): string {
  const text = requireReason(reason, message)
  if (text.length > 2000) throw new WorkflowError(`${label}最多 2000 个字符，现有 ${text.length} 个`, 400, 'reason')
  // Without the u flag the pattern sees UTF-16 code units, so a lone surrogate matches.
  if (text.includes('\u0000') || /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)) {
    throw new WorkflowError(`${label}含有无法保存的字符（空字符或不成对的代理项）`, 400, 'reason')
  }
  return text
}

/** A library version number as the editor typed it: a whole number from 1. */
export function parseLibraryVersion(value: number | string | null | undefined, label: string): number {
  const text = String(value ?? '').trim()
  if (text === '') throw new WorkflowError(`抹除${label}的历史版本须填写政策文件库版本号`, 400, 'libraryVersion')
  const version = /^[0-9]{1,9}$/u.test(text) ? Number(text) : Number.NaN
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new WorkflowError(`政策文件库版本号须为正整数（如 1），而不是“${text.slice(0, 20)}”`, 400, 'libraryVersion')
  }
  return version
}

/** For 定时发布: a publication time in the future. */
export function parsePublishAt(value: string | Date | null | undefined, label: string): Date {
  const publishAt = value ? new Date(value) : undefined
  if (!publishAt || Number.isNaN(publishAt.getTime())) throw new WorkflowError(`定时发布${label}须给出发布时间`, 400, 'publishAt')
  if (publishAt.getTime() <= Date.now()) {
    throw new WorkflowError(`定时发布${label}的时间（${publishAt.toISOString()}）须晚于当前时间`, 400, 'publishAt')
  }
  return publishAt
}

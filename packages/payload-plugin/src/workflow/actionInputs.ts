import type { PayloadRequest } from 'payload'

import { WorkflowError } from '../infrastructure/WorkflowError.js'
import { message as translate } from '../translations/message.js'

/** A written reason an action needs (退回, 撤回, 强制发布): trimmed, not empty. */
export function requireReason(reason: string | null | undefined, message: string): string {
  const text = (reason ?? '').trim()
  if (text === '') throw new WorkflowError(message, 400, 'reason')
  return text
}

/** A reason the policy library keeps and shows (删除, 抹除): at most 2000 characters, no NUL, no lone surrogates. */
export function requireLibraryReason(req: PayloadRequest, reason: string | null | undefined, message: string, label: string): string {
  const text = requireReason(reason, message)
  if (text.length > 2000) throw new WorkflowError(translate(req, 'reasonTooLong', { label, max: 2000, length: text.length }), 400, 'reason')
  // Without the u flag the pattern sees UTF-16 code units, so a lone surrogate matches.
  if (text.includes('\u0000') || /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)) {
    throw new WorkflowError(translate(req, 'reasonUnsavable', { label }), 400, 'reason')
  }
  return text
}

/** A library version number as the editor typed it: a whole number from 1. */
export function parseLibraryVersion(req: PayloadRequest, value: number | string | null | undefined, label: string): number {
  const text = String(value ?? '').trim()
  if (text === '') throw new WorkflowError(translate(req, 'libraryVersionRequired', { document: label }), 400, 'libraryVersion')
  const version = /^[0-9]{1,9}$/u.test(text) ? Number(text) : Number.NaN
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new WorkflowError(translate(req, 'libraryVersionInvalid', { value: text.slice(0, 20) }), 400, 'libraryVersion')
  }
  return version
}

/** For 定时发布: a publication time in the future. */
export function parsePublishAt(req: PayloadRequest, value: string | Date | null | undefined, label: string): Date {
  const publishAt = value ? new Date(value) : undefined
  if (!publishAt || Number.isNaN(publishAt.getTime())) throw new WorkflowError(translate(req, 'publishAtRequired', { document: label }), 400, 'publishAt')
  if (publishAt.getTime() <= Date.now()) {
    throw new WorkflowError(translate(req, 'publishAtPast', { document: label, publishAt: publishAt.toISOString() }), 400, 'publishAt')
  }
  return publishAt
}

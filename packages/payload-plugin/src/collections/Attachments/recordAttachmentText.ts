import type { CollectionBeforeChangeHook } from 'payload'

import { extractAttachmentText } from '../../review/attachmentText.js'

/**
 * Reads the text of a newly uploaded file (create, or an update that replaces the file) for 保密审查, and resets
 * the manual-review confirmation: a new file version must be looked at again.
 */
export function recordAttachmentText(): CollectionBeforeChangeHook {
  return async ({ data, req }) => {
    const file = req.file
    if (!file?.data || file.data.length === 0) return data
    const mimetype = typeof data.mimeType === 'string' && data.mimeType !== '' ? data.mimeType : file.mimetype
    data.textExtraction = await extractAttachmentText({ data: file.data, mimetype })
    data.manualReview = { confirmedBy: null, confirmedAt: null, note: null }
    return data
  }
}

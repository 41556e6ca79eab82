import type { CollectionBeforeChangeHook } from 'payload'

/** An attachment without a title is listed under its file name. */
export function defaultAttachmentTitle(titleField: string): CollectionBeforeChangeHook {
  return ({ data }) => {
    const title: unknown = data[titleField]
    if ((typeof title !== 'string' || title.trim() === '') && typeof data.filename === 'string') {
      data[titleField] = data.filename
    }
    return data
  }
}

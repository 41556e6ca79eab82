import type { CollectionBeforeChangeHook } from 'payload'

import { relationId } from '../utilities/relationIds.js'

/** Stores `上级分类\分类` as the topic's title so the twenty 其他 children can be told apart in pickers. */
export function setTopicFullName(topicsSlug: string): CollectionBeforeChangeHook {
  return async ({ data, originalDoc, req }) => {
    const name = typeof data.name === 'string' ? data.name : (originalDoc?.name as string | undefined)
    const parentId = relationId('parent' in data ? data.parent : originalDoc?.parent)
    if (name === undefined) return data
    if (parentId === undefined) {
      data.fullName = name
      return data
    }
    const parent = await req.payload.findByID({ collection: topicsSlug, id: parentId, depth: 0, req, disableErrors: true })
    data.fullName = parent ? `${String(parent.name)}\\${name}` : name
    return data
  }
}

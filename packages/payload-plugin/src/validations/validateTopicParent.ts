import type { Validate } from 'payload'

import { relationId } from '../utilities/relationIds.js'
import { message } from '../translations/message.js'

/** 主题分类 has two levels: a topic's parent must be top-level, and a topic with children stays top-level. */
export function validateTopicParent(topicsSlug: string): Validate {
  return async (value, { id, req }) => {
    const parentId = relationId(value)
    if (parentId === undefined) return true
    if (id !== undefined && parentId === String(id)) return message(req, 'topicParentSelf')
    const parent = await req.payload.findByID({ collection: topicsSlug, id: parentId, depth: 0, req, disableErrors: true })
    if (!parent) return message(req, 'topicParentMissing')
    if (relationId(parent.parent) !== undefined) {
      return message(req, 'topicParentNotTop', { topic: String(parent.name) })
    }
    if (id !== undefined) {
      const { totalDocs } = await req.payload.count({ collection: topicsSlug, where: { parent: { equals: id } }, req })
      if (totalDocs > 0) return message(req, 'topicHasChildren', { count: totalDocs })
    }
    return true
  }
}

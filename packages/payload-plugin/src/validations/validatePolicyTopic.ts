import type { Validate } from 'payload'

import { relationId } from '../utilities/relationIds.js'
import { message } from '../translations/message.js'

/**
 * A policy is filed under a second-level topic (综合政务\政务公开). A top-level topic is accepted only when it
 * has no children (the taxonomy's own 其他 branch), since there is nothing more specific to choose.
 */
export function validatePolicyTopic(topicsSlug: string): Validate {
  return async (value, { req }) => {
    const topicId = relationId(value)
    if (topicId === undefined) return true
    const topic = await req.payload.findByID({ collection: topicsSlug, id: topicId, depth: 0, req, disableErrors: true })
    if (!topic) return message(req, 'topicMissing')
    if (relationId(topic.parent) !== undefined) return true
    const { totalDocs } = await req.payload.count({ collection: topicsSlug, where: { parent: { equals: topicId } }, req })
    if (totalDocs === 0) return true
    return message(req, 'topicNeedsSubtopic', { topic: String(topic.name), count: totalDocs })
  }
}

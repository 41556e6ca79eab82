import type { Validate } from 'payload'

import { relationId } from '../utilities/relationIds.js'

/**
 * A policy is filed under a second-level topic (综合政务\政务公开). A top-level topic is accepted only when it
 * has no children (the taxonomy's own 其他 branch), since there is nothing more specific to choose.
 */
export function validatePolicyTopic(topicsSlug: string): Validate {
  return async (value, { req }) => {
    const topicId = relationId(value)
    if (topicId === undefined) return true
    const topic = await req.payload.findByID({ collection: topicsSlug, id: topicId, depth: 0, req, disableErrors: true })
    if (!topic) return '所选主题分类不存在'
    if (relationId(topic.parent) !== undefined) return true
    const { totalDocs } = await req.payload.count({ collection: topicsSlug, where: { parent: { equals: topicId } }, req })
    if (totalDocs === 0) return true
    return `主题分类须选到二级分类：“${String(topic.name)}”下设 ${totalDocs} 个二级分类，请选择其中之一`
  }
}

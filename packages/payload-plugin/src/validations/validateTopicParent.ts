import type { Validate } from 'payload'

import { relationId } from '../utilities/relationIds.js'

/** 主题分类 has two levels: a topic's parent must be top-level, and a topic with children stays top-level. */
export function validateTopicParent(topicsSlug: string): Validate {
  return async (value, { id, req }) => {
    const parentId = relationId(value)
    if (parentId === undefined) return true
    if (id !== undefined && parentId === String(id)) return '上级分类不能是本分类'
    const parent = await req.payload.findByID({ collection: topicsSlug, id: parentId, depth: 0, req, disableErrors: true })
    if (!parent) return '所选上级分类不存在'
    if (relationId(parent.parent) !== undefined) {
      return `主题分类只有两级：上级分类须为一级分类，“${String(parent.name)}”已是二级分类`
    }
    if (id !== undefined) {
      const { totalDocs } = await req.payload.count({ collection: topicsSlug, where: { parent: { equals: id } }, req })
      if (totalDocs > 0) return `主题分类只有两级：本分类下已有 ${totalDocs} 个二级分类，不能再设上级分类`
    }
    return true
  }
}

import { createLocalReq } from 'payload'
import type { Payload } from 'payload'

import type { TopicSeed } from '../types.js'
import { inTransaction } from '../infrastructure/transaction.js'

export type SeedTopicsResult = { created: number }

/**
 * Seeds the 主题分类 taxonomy when the topics collection is empty, in one transaction so a failed start
 * leaves no half tree behind. A non-empty collection is left alone: editors own the taxonomy once it exists.
 */
export async function seedTopics(args: {
  payload: Payload
  topicsSlug: string
  taxonomy: readonly TopicSeed[]
}): Promise<SeedTopicsResult> {
  const { payload, topicsSlug, taxonomy } = args
  const req = await createLocalReq({}, payload)
  try {
    const created = await inTransaction(req, async () => {
      const { totalDocs } = await payload.count({ collection: topicsSlug, req })
      if (totalDocs > 0) return 0
      let count = 0
      for (const branch of taxonomy) {
        const parent = await payload.create({
          collection: topicsSlug,
          data: { name: branch.name, code: branch.code },
          depth: 0,
          req,
        })
        count += 1
        for (const child of branch.children) {
          await payload.create({
            collection: topicsSlug,
            data: { name: child.name, code: child.code, parent: parent.id },
            depth: 0,
            req,
          })
          count += 1
        }
      }
      return count
    })
    if (created > 0) payload.logger.info(`gongkai: seeded ${created} 主题分类 topics`)
    return { created }
  } catch (error) {
    // Another process starting on the same database may have seeded first (codes are unique).
    const { totalDocs } = await payload.count({ collection: topicsSlug })
    if (totalDocs > 0) return { created: 0 }
    throw error
  }
}

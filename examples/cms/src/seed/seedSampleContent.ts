import { defaultSlugs, enqueueDeliveries } from '@gongkai/payload-plugin'
import { createLocalReq } from 'payload'
import type { Config, Payload } from 'payload'

import { plainTextToLexical } from './lexical'
import { seedSampleDecision } from './seedSampleDecision'
import { wuqingNoticeText } from './wuqingNotice'

export { plainTextToLexical } from './lexical'

export const samplePolicyTitle = '武清区人民政府办公室关于印发武清区2022年政务公开工作要点的通知'
const sampleAgencyName = '武清区人民政府办公室'

/**
 * First-run sample data: the Wuqing district notice of its 2022 政务公开 work plan, published by
 * 武清区人民政府办公室 on 2022-06-30 as 主动公开, so a newcomer opens the admin to a real document; and a
 * 重大行政决策 of the district with its 公告 and 公众参与 record (`seedSampleDecision`).
 * Runs once: it does nothing when any policy exists.
 */
export async function seedSampleContent(payload: Payload): Promise<void> {
  const { totalDocs } = await payload.count({ collection: defaultSlugs.policies, overrideAccess: true })
  if (totalDocs > 0) return

  const topics = await payload.find({
    collection: defaultSlugs.topics,
    where: { name: { equals: '政务公开' } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const topic = topics.docs[0]
  if (!topic) throw new Error('主题分类“综合政务/政务公开”不存在：主题分类应先于示例文件写入')

  const existingAgency = await payload.find({
    collection: defaultSlugs.agencies,
    where: { name: { equals: sampleAgencyName } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const agency =
    existingAgency.docs[0] ??
    (await payload.create({
      collection: defaultSlugs.agencies,
      data: {
        name: sampleAgencyName,
        shortName: '武清区政府办',
        agencyCode: '津武政办',
        // Sample data: a well-formed 统一社会信用代码 (机关 11, 武清区 120114, valid check characters), not the
        // office's real one. The 索引号 prefix comes from it.
        organizationCode: '11120114MB1234562N',
      },
      overrideAccess: true,
    }))

  const policy = await payload.create({
    collection: defaultSlugs.policies,
    data: {
      title: samplePolicyTitle,
      issuingAgency: agency.id,
      writtenDate: '2022-06-30',
      publishDate: '2022-06-30',
      documentType: 'notice',
      topic: topic.id,
      keywords: '政务公开 工作要点',
      validity: 'effective',
      disclosure: 'proactive',
      classification: 'unclassified',
      isNormative: false,
      summary: '经区人民政府同意，印发《武清区2022年政务公开工作要点》，部署以信息公开助力经济发展和民生事业、强化政策解读、夯实政务公开基础等36项工作任务。',
      body: plainTextToLexical(wuqingNoticeText),
      _status: 'published',
    },
    overrideAccess: true,
    // Publishing goes through the editorial workflow; a seed is a historical import (it still gets its 索引号).
    context: { gongkaiImport: true },
  })
  payload.logger.info(`[gongkai] seeded the sample policy “${samplePolicyTitle}”`)
  const decision = await seedSampleDecision(payload)
  // An import does not deliver by itself; the samples are sent to the policy library like a publication (the
  // decision with its 决策专栏, read when its delivery runs).
  await enqueueDeliveries({ req: await createLocalReq({}, payload), action: 'publish', documents: [{ collection: defaultSlugs.policies, id: policy.id }, ...decision] })
}

/** Seeds the sample after every earlier plugin's onInit (the Gongkai plugin seeds the topics there). */
export function sampleContent(options: { isEnabled: boolean }) {
  return (incomingConfig: Config): Config => ({
    ...incomingConfig,
    onInit: async (payload) => {
      if (incomingConfig.onInit) await incomingConfig.onInit(payload)
      if (options.isEnabled) await seedSampleContent(payload)
    },
  })
}

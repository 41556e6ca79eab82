import { defaultSlugs } from '@gongkai/payload-plugin'
import type { Payload } from 'payload'

import { plainTextToLexical } from './lexical'

export const sampleDecisionTitle = '武清区中小学幼儿园布局专项规划（2022—2035年）'
export const sampleNoticeTitle = '武清区教育局关于公开征求《武清区中小学幼儿园布局专项规划（草案）》意见的公告'
const educationBureauName = '武清区教育局'

/** A calendar day in Beijing as the instant Payload stores (noon, so every time zone keeps the day). */
const day = (date: string) => new Date(`${date}T12:00:00+08:00`).toISOString()

/**
 * First-run sample of a 重大行政决策 with its 专栏, from the context of the Wuqing 2022 work plan: point 18
 * (目录管理 and the full-process 专栏: 草案全文, 草案说明, 决策背景, 公众意见采纳情况, 公众代表列席情况, 决策结果;
 * 视情况公开 专家论证, 风险评估, 效果评估) and point 19 (public representatives, chosen by open registration, attend
 * the 区政府常务会议; their opinions and adoption are published); the 教育 items (points 11–12) give the subject.
 * The decision is at stage 执行中 with every element of the steps before it; its 风险评估 is marked 不公开, so it
 * shows what never leaves the CMS. Written as a historical import (published, with its 索引号), like the sample
 * notice; `seedSampleContent` sends it to the library.
 *
 * @returns the published documents to deliver, in order (the 公告 before the decision that names it)
 */
export async function seedSampleDecision(payload: Payload): Promise<{ collection: string; id: number | string }[]> {
  const topics = await payload.find({ collection: defaultSlugs.topics, where: { code: { equals: '11.02' } }, limit: 1, depth: 0, overrideAccess: true })
  const topic = topics.docs[0]
  if (!topic) throw new Error('主题分类“科技、教育/教育”（11.02）不存在：主题分类应先于示例决策写入')
  const existing = await payload.find({ collection: defaultSlugs.agencies, where: { name: { equals: educationBureauName } }, limit: 1, depth: 0, overrideAccess: true })
  const bureau =
    existing.docs[0] ??
    (await payload.create({
      collection: defaultSlugs.agencies,
      data: {
        name: educationBureauName,
        shortName: '区教育局',
        agencyCode: '武教',
        // Sample data: a well-formed 统一社会信用代码 (机关 11, 武清区 120114, valid check characters), not the bureau's.
        organizationCode: '11120114MB1234570H',
      },
      overrideAccess: true,
    }))
  const asImport = { overrideAccess: true, context: { gongkaiImport: true } } as const

  // The comment period's public notice (征求意见公告) is a document of its own, published before the decision.
  const notice = await payload.create({
    collection: defaultSlugs.policies,
    data: {
      title: sampleNoticeTitle,
      issuingAgency: bureau.id,
      writtenDate: day('2022-07-14'),
      publishDate: day('2022-07-15'),
      documentType: 'announcement',
      topic: topic.id,
      keywords: '中小学 幼儿园 布局规划 征求意见',
      disclosure: 'proactive',
      classification: 'unclassified',
      isNormative: false,
      body: plainTextToLexical(
        [
          '为科学配置教育资源，我局组织编制了《武清区中小学幼儿园布局专项规划（草案）》，现将草案全文及起草说明公布，公开征求社会公众意见。',
          '征求意见时间：2022年7月15日至2022年8月15日。',
          '社会公众可通过区政府门户网站“政民互动”栏目或信函方式提出意见建议。',
        ].join('\n'),
      ),
      _status: 'published',
    },
    ...asImport,
  })

  const decision = await payload.create({
    collection: defaultSlugs.decisions,
    data: {
      catalogueYear: 2022,
      catalogueNumber: 2,
      title: sampleDecisionTitle,
      responsibleAgency: bureau.id,
      stage: 'implementing',
      draftText: plainTextToLexical(
        [
          '第一章 总则',
          '第一条 为适应人口发展和城镇化进程，优化全区中小学幼儿园布局，编制本规划。',
          '第二章 规划目标',
          '第二条 至2035年，全区新建、改扩建中小学幼儿园46所，新增学位约3.8万个，城区小学服务半径不超过500米。',
        ].join('\n'),
      ),
      draftingExplanation: plainTextToLexical(
        '一、起草依据：《中华人民共和国教育法》《天津市中小学校幼儿园布局规划编制导则》。\n二、主要内容：学位需求预测、学校布局调整、用地保障和分期实施安排。',
      ),
      background: plainTextToLexical('随着京津冀协同发展深入推进和城区人口持续增长，杨村街、下朱庄街等片区学位供需矛盾突出，群众对就近入学的期盼强烈。'),
      consultationForm: 'public_solicitation',
      commentPeriodStart: day('2022-07-15'),
      commentPeriodEnd: day('2022-08-15'),
      commentNotice: notice.id,
      publicComments: [
        { summary: '建议在杨村街新城片区增设一所九年一贯制学校', receivedDate: day('2022-07-20'), adoption: 'adopted' },
        { summary: '建议新建幼儿园全部为公办园', receivedDate: day('2022-07-28'), adoption: 'partially_adopted', adoptionReason: '规划期内公办园在园幼儿占比提高至55%以上，同时扶持普惠性民办园' },
        { summary: '建议取消学区划分，全区自由择校', receivedDate: day('2022-08-03'), adoption: 'not_adopted', adoptionReason: '义务教育阶段就近入学依法实行，学区由教育行政部门划定' },
      ],
      expertReview: plainTextToLexical('专家组认为：规划学位测算依据充分，布局调整与国土空间规划衔接，建议加强农村学校寄宿条件保障。'),
      expertReviewDate: day('2022-08-25'),
      expertReviewDisclosure: 'public',
      riskAssessment: plainTextToLexical('社会稳定风险评估：涉及三所农村小学撤并，已制定学生分流和教师安置预案。'),
      riskAssessmentDate: day('2022-08-30'),
      riskAssessmentDisclosure: 'not_public',
      riskAssessmentNonDisclosureReason: '含学校撤并的分流安置预案，公开可能影响社会稳定',
      legalityReview: plainTextToLexical('经区司法局审查，规划草案内容符合法律法规规定，制定程序合法。'),
      legalityReviewDate: day('2022-09-05'),
      legalityReviewConclusion: 'lawful',
      meeting: { date: day('2022-09-15'), kind: 'executive_meeting', name: '区政府第12次常务会议' },
      result: plainTextToLexical('2022年9月15日区政府第12次常务会议审议通过《武清区中小学幼儿园布局专项规划（2022—2035年）》，由区教育局会同有关部门组织实施。'),
      implementationRecords: [{ date: day('2022-12-01'), kind: 'progress', content: '首批5所新建学校开工建设，杨村街新城片区九年一贯制学校完成选址。' }],
      _status: 'published',
    },
    ...asImport,
  })

  // 公众代表列席: chosen by open registration (point 19); only display names and 界别 are recorded.
  await payload.create({
    collection: defaultSlugs.participation,
    data: {
      kind: 'meeting_attendance',
      meetingKind: 'executive_meeting',
      meetingName: '区政府第12次常务会议',
      meetingDate: day('2022-09-15'),
      agency: bureau.id,
      decision: decision.id,
      selectionMethod: 'open_registration',
      selectionDate: day('2022-09-08'),
      selectionNote: '2022年9月1日至7日在区政府门户网站公开报名，共14人报名，按界别随机遴选3人列席。',
      participants: [
        { displayName: '家长代表甲', selectionMethod: 'open_registration', sector: 'resident' },
        { displayName: '人大代表乙', selectionMethod: 'open_registration', sector: 'deputy' },
        { displayName: '教育界代表丙', selectionMethod: 'open_registration', sector: 'expert' },
      ],
      opinions: [
        { speaker: '家长代表甲', content: '建议新建学校同步规划校车停靠点和家长接送区。', adoption: 'adopted' },
        { speaker: '人大代表乙', content: '建议优先保障农村学校教师周转宿舍建设。', adoption: 'partially_adopted', adoptionReason: '纳入2023年实施计划，分两批建设' },
        { speaker: '教育界代表丙', content: '建议撤并学校的校舍改作社区教育用途。', adoption: 'adopted' },
      ],
      publicSummary: '3 名公众代表列席会议，发表意见 3 条，采纳 2 条，部分采纳 1 条。',
      _status: 'published',
    },
    ...asImport,
  })
  payload.logger.info(`[gongkai] seeded the sample decision “${sampleDecisionTitle}” with its 公告 and 公众参与 record`)
  return [
    { collection: defaultSlugs.policies, id: notice.id },
    { collection: defaultSlugs.decisions, id: decision.id },
  ]
}

import { classificationLevels, isDisclosureReasonRequired, isOptionValue, labelOf, disclosureTypes } from '@gongkai/core'
import type { PayloadRequest } from 'payload'

import type { AgencyOwnedCollection } from '../access/documentAgencies.js'
import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { toCalendarDate } from '../utilities/calendarDate.js'
import { isBlank, relationId } from '../utilities/relationIds.js'
import { validateIndexPrefix } from '@gongkai/core'
import { decisionProcessErrors } from './decisionProcess.js'
import { documentLabel } from '../infrastructure/runtime.js'
import { WorkflowError } from '../infrastructure/WorkflowError.js'
import type { WorkflowFieldError } from '../infrastructure/WorkflowError.js'

type Doc = Record<string, unknown>

function hasRichText(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false
  const text = JSON.stringify(value)
  return /"text":"[^"]*\S[^"]*"/.test(text)
}

/**
 * 要素齐全: every element a publication needs, as a list of `{ path, message }` — all that are missing or
 * inconsistent at once, so an editor fixes them in one pass. Empty when the document may be published.
 */
export async function missingElements(args: {
  req: PayloadRequest
  options: SanitizedGongkaiPluginOptions
  collection: AgencyOwnedCollection
  doc: Doc
}): Promise<WorkflowFieldError[]> {
  const { req, options, doc } = args
  const errors: WorkflowFieldError[] = []
  const need = (path: string, message: string, isMissing: boolean) => {
    if (isMissing) errors.push({ path, message })
  }
  switch (args.collection) {
    case 'policies': {
      need('title', '缺少标题', isBlank(doc.title))
      need('issuingAgency', '缺少发文机关', isBlank(doc.issuingAgency))
      need('writtenDate', '缺少成文日期', isBlank(doc.writtenDate))
      need('publishDate', '缺少发布日期', isBlank(doc.publishDate))
      const written = toCalendarDate(doc.writtenDate, options.timeZone)
      const published = toCalendarDate(doc.publishDate, options.timeZone)
      need('publishDate', `发布日期（${published}）不得早于成文日期（${written}）`, Boolean(written && published && published < written))
      need('documentType', '缺少文种', isBlank(doc.documentType))
      need('topic', '缺少主题分类', isBlank(doc.topic))
      need('validity', '缺少有效性', isBlank(doc.validity))
      need('disclosure', '缺少公开属性', isBlank(doc.disclosure))
      need(
        'nonDisclosureReason',
        `公开属性为“${isOptionValue(disclosureTypes, doc.disclosure) ? labelOf(disclosureTypes, doc.disclosure) : ''}”时须写明不予公开理由`,
        isOptionValue(disclosureTypes, doc.disclosure) && isDisclosureReasonRequired(doc.disclosure) && isBlank(doc.nonDisclosureReason),
      )
      need(
        'classification',
        `密级为“${isOptionValue(classificationLevels, doc.classification) ? labelOf(classificationLevels, doc.classification) : String(doc.classification ?? '')}”的文件不得公开发布，密级须为“非密”`,
        doc.classification !== 'unclassified',
      )
      need('body', '缺少正文或附件（至少一项）', !hasRichText(doc.body) && isBlank(doc.attachments))
      const agencyId = relationId(doc.issuingAgency)
      if (agencyId !== undefined) {
        const agency = (await req.payload
          .findByID({ collection: options.slugs.agencies, id: agencyId, depth: 0, overrideAccess: true, disableErrors: true, req })
          .catch(() => null)) as Doc | null
        const code = typeof agency?.organizationCode === 'string' ? agency.organizationCode : ''
        if (!agency) errors.push({ path: 'issuingAgency', message: '发文机关不存在' })
        else if (code === '') {
          errors.push({ path: 'issuingAgency', message: `发文机关“${String(agency.name)}”未填写组织机构代码或统一社会信用代码，无法生成索引号前段码` })
        } else if (!validateIndexPrefix(code).ok) {
          errors.push({ path: 'issuingAgency', message: `发文机关“${String(agency.name)}”的组织机构代码“${code}”无效，无法生成索引号前段码` })
        }
      }
      break
    }
    case 'interpretations': {
      need('title', '缺少标题', isBlank(doc.title))
      need('policies', '缺少解读的政策文件', isBlank(doc.policies))
      need('form', '缺少解读形式', isBlank(doc.form))
      need('interpreterName', '缺少解读机构或解读人', isBlank(doc.interpretingAgency) && isBlank(doc.interpreterName))
      need('body', '缺少解读正文、图解音视频文件或视频地址（至少一项）', !hasRichText(doc.body) && isBlank(doc.media) && isBlank(doc.videoUrl))
      break
    }
    case 'decisions': {
      need('title', '缺少决策事项名称', isBlank(doc.title))
      need('responsibleAgency', '缺少承办单位', isBlank(doc.responsibleAgency))
      need('catalogueYear', '缺少目录年度', isBlank(doc.catalogueYear))
      need('catalogueNumber', '缺少目录序号', isBlank(doc.catalogueNumber))
      // 重大行政决策程序暂行条例: the elements of every step the stage has passed, in the statutory order.
      errors.push(...(await decisionProcessErrors({ req, options, doc })))
      break
    }
    case 'catalogues': {
      need('year', '缺少目录年度', isBlank(doc.year))
      need('agency', '缺少决策机关', isBlank(doc.agency))
      need('items', '目录中没有决策事项；本年度没有重大行政决策事项的，也应公开说明而不是发布空目录', isBlank(doc.items))
      break
    }
    case 'participation': {
      need('kind', '缺少参与形式', isBlank(doc.kind))
      need('meetingName', '缺少会议或活动名称', isBlank(doc.meetingName))
      need('meetingDate', '缺少日期', isBlank(doc.meetingDate))
      need('participants', '缺少参与人', isBlank(doc.participants))
      need('publicSummary', '缺少公开摘要', isBlank(doc.publicSummary))
      break
    }
  }
  return errors
}

/**
 * Checks 要素齐全 for every document of a bundle (with the values the publication will set) and throws one
 * error listing everything that is missing, document by document.
 *
 * @throws WorkflowError (400) with every missing element as a field error; fields of the bundle's other documents are prefixed `<slug>.<id>.`
 */
export async function assertComplete(args: {
  req: PayloadRequest
  options: SanitizedGongkaiPluginOptions
  members: { key: AgencyOwnedCollection; doc: Record<string, unknown> }[]
}): Promise<void> {
  const errors: WorkflowFieldError[] = []
  const lines: string[] = []
  for (const member of args.members) {
    const missing = await missingElements({ req: args.req, options: args.options, collection: member.key, doc: member.doc })
    if (missing.length === 0) continue
    lines.push(`${documentLabel(member.key, member.doc)}：${missing.map((error) => error.message).join('；')}`)
    const prefix = member === args.members[0] ? '' : `${args.options.slugs[member.key]}.${String(member.doc.id)}.`
    errors.push(...missing.map((error) => ({ path: `${prefix}${error.path}`, message: error.message })))
  }
  if (errors.length > 0) throw new WorkflowError(`要素不齐全，不能发布。${lines.join('。')}`, 400, errors)
}

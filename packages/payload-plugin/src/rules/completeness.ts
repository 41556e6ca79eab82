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
import { languageOf, message, separatorOf } from '../translations/message.js'
import type { GongkaiMessageKey, MessageValues } from '../translations/message.js'
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
  const need = (path: string, key: GongkaiMessageKey, isMissing: boolean, values?: MessageValues) => {
    if (isMissing) errors.push({ path, message: message(req, key, values) })
  }
  switch (args.collection) {
    case 'policies': {
      need('title', 'missing_title', isBlank(doc.title))
      need('issuingAgency', 'missing_issuingAgency', isBlank(doc.issuingAgency))
      need('writtenDate', 'missing_writtenDate', isBlank(doc.writtenDate))
      need('publishDate', 'missing_publishDate', isBlank(doc.publishDate))
      const written = toCalendarDate(doc.writtenDate, options.timeZone)
      const published = toCalendarDate(doc.publishDate, options.timeZone)
      need('publishDate', 'publishedBeforeWritten', Boolean(written && published && published < written), { published: published ?? '', written: written ?? '' })
      need('documentType', 'missing_documentType', isBlank(doc.documentType))
      need('topic', 'missing_topic', isBlank(doc.topic))
      need('validity', 'missing_validity', isBlank(doc.validity))
      need('disclosure', 'missing_disclosure', isBlank(doc.disclosure))
      need(
        'nonDisclosureReason',
        'nonDisclosureReasonRequired',
        isOptionValue(disclosureTypes, doc.disclosure) && isDisclosureReasonRequired(doc.disclosure) && isBlank(doc.nonDisclosureReason),
        { disclosure: isOptionValue(disclosureTypes, doc.disclosure) ? labelOf(disclosureTypes, doc.disclosure, languageOf(req)) : '' },
      )
      need('classification', 'classifiedNotPublic', doc.classification !== 'unclassified', {
        level: isOptionValue(classificationLevels, doc.classification) ? labelOf(classificationLevels, doc.classification, languageOf(req)) : String(doc.classification ?? ''),
        unclassified: labelOf(classificationLevels, 'unclassified', languageOf(req)),
      })
      need('body', 'missing_body', !hasRichText(doc.body) && isBlank(doc.attachments))
      const agencyId = relationId(doc.issuingAgency)
      if (agencyId !== undefined) {
        const agency = (await req.payload
          .findByID({ collection: options.slugs.agencies, id: agencyId, depth: 0, overrideAccess: true, disableErrors: true, req })
          .catch(() => null)) as Doc | null
        const code = typeof agency?.organizationCode === 'string' ? agency.organizationCode : ''
        if (!agency) errors.push({ path: 'issuingAgency', message: message(req, 'issuingAgencyMissing') })
        else if (code === '') {
          errors.push({ path: 'issuingAgency', message: message(req, 'issuingAgencyWithoutCode', { agency: String(agency.name) }) })
        } else if (!validateIndexPrefix(code).ok) {
          errors.push({ path: 'issuingAgency', message: message(req, 'issuingAgencyBadCode', { agency: String(agency.name), code }) })
        }
      }
      break
    }
    case 'interpretations': {
      need('title', 'missing_title', isBlank(doc.title))
      need('policies', 'missing_policies', isBlank(doc.policies))
      need('form', 'missing_form', isBlank(doc.form))
      need('interpreterName', 'missing_interpreterName', isBlank(doc.interpretingAgency) && isBlank(doc.interpreterName))
      need('body', 'missing_interpretationBody', !hasRichText(doc.body) && isBlank(doc.media) && isBlank(doc.videoUrl))
      break
    }
    case 'decisions': {
      need('title', 'missing_decisionTitle', isBlank(doc.title))
      need('responsibleAgency', 'missing_responsibleAgency', isBlank(doc.responsibleAgency))
      need('catalogueYear', 'missing_catalogueYear', isBlank(doc.catalogueYear))
      need('catalogueNumber', 'missing_catalogueNumber', isBlank(doc.catalogueNumber))
      // 重大行政决策程序暂行条例: the elements of every step the stage has passed, in the statutory order.
      errors.push(...(await decisionProcessErrors({ req, options, doc })))
      break
    }
    case 'catalogues': {
      need('year', 'missing_catalogueYear', isBlank(doc.year))
      need('agency', 'missing_agency', isBlank(doc.agency))
      need('items', 'catalogueEmpty', isBlank(doc.items))
      break
    }
    case 'participation': {
      need('kind', 'missing_kind', isBlank(doc.kind))
      need('meetingName', 'missing_meetingName', isBlank(doc.meetingName))
      need('meetingDate', 'missing_meetingDate', isBlank(doc.meetingDate))
      need('participants', 'missing_participants', isBlank(doc.participants))
      need('publicSummary', 'missing_publicSummary', isBlank(doc.publicSummary))
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
    lines.push(message(args.req, 'problem', { label: documentLabel(member.key, member.doc, args.req), message: missing.map((error) => error.message).join(separatorOf(args.req)) }))
    const prefix = member === args.members[0] ? '' : `${args.options.slugs[member.key]}.${String(member.doc.id)}.`
    errors.push(...missing.map((error) => ({ path: `${prefix}${error.path}`, message: error.message })))
  }
  if (errors.length > 0) throw new WorkflowError(message(args.req, 'incomplete', { documents: lines.join(message(args.req, 'sentenceSeparator')) }), 400, errors)
}

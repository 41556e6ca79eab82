import { labelOf, participantSectors, registrationStatuses, validateMobileNumber, validateResidentId } from '@gongkai/core'
import type { Access, CollectionBeforeChangeHook, CollectionConfig, FieldAccess, Validate, Where } from 'payload'
import { text, textarea } from 'payload/shared'

import { agencyIdsOf, agencyIdsWithRole, agencyRoleLabels, hasAgencyRole, isMemberOfAny, isSiteAdmin } from '../../access/roles.js'
import type { ParticipationRegistration } from '../../generated/payload-types.js'
import { findDocumentByID } from '../../infrastructure/documents.js'
import type { SanitizedGongkaiPluginOptions } from '../../types.js'
import { labeler, localize, selectOptions } from '../../utilities/localize.js'
import { isBlank, relationId } from '../../utilities/relationIds.js'
import { combineValidations } from '../../validations/combineValidations.js'
import { validateDisplayName } from '../../validations/validateDisplayName.js'
import { validateRequiredWhen } from '../../validations/validateRequiredWhen.js'
import { RuleError } from '../../infrastructure/RuleError.js'
import { labelIn, languageOf, message } from '../../translations/message.js'

const landlinePattern = /^0\d{2,3}-?\d{7,8}$/

const validatePhone: Validate = (value) => {
  if (isBlank(value) || typeof value !== 'string') return true
  if (landlinePattern.test(value.trim())) return true
  const result = validateMobileNumber(value)
  return result.ok ? true : `联系电话“${value.slice(0, 30)}”无效：${result.message}`
}

const validateIdNumber: Validate = (value) => {
  if (isBlank(value) || typeof value !== 'string') return true
  const result = validateResidentId(value)
  return result.ok ? true : result.message
}

/**
 * 公众代表报名: one person's open registration (公开报名) for a decision meeting, and the 遴选 outcome with its
 * reason. Holds personal data — 姓名, 联系电话, 身份证号 — so nothing here is ever public: only site administrators
 * and members of the meeting's 承办单位 read it, and the personal fields are read-protected again on their own. A
 * selected registrant appears publicly only under the 公开显示名称 chosen here, in the participation record.
 */
export function createRegistrationsCollection(options: SanitizedGongkaiPluginOptions): CollectionConfig {
  const label = labeler(options.labelLanguages)
  const languages = options.labelLanguages
  const { slugs } = options

  const byAgencyMembers: Access = ({ req }) => {
    if (isSiteAdmin(req.user)) return true
    const agencyIds = agencyIdsOf(req.user)
    if (!req.user || agencyIds.length === 0) return false
    return { agency: { in: agencyIds } } satisfies Where
  }
  const byAgencyEditors: Access = ({ req }) => {
    if (isSiteAdmin(req.user)) return true
    const agencyIds = agencyIdsWithRole(req.user, 'editor')
    if (!req.user || agencyIds.length === 0) return false
    return { agency: { in: agencyIds } } satisfies Where
  }
  const personalData: FieldAccess<ParticipationRegistration> = ({ req, doc }) =>
    isSiteAdmin(req.user) || (Boolean(req.user) && isMemberOfAny(req.user, [relationId(doc?.agency)].filter((id): id is string => id !== undefined)))

  /** The registration belongs to the meeting's 承办单位, whatever the request says; an editor registers only for their own agency's meetings. */
  const takeMeetingAgency: CollectionBeforeChangeHook<ParticipationRegistration> = async ({ data, originalDoc, req }) => {
    const participationId = relationId(data.participation ?? originalDoc?.participation)
    if (participationId === undefined) return data
    const meeting = await findDocumentByID({ req, collection: 'participation', id: participationId, draft: true })
    const agency = relationId(meeting?.agency)
    if (!meeting || agency === undefined) {
      throw new RuleError({ collection: slugs.registrations, problems: [{ path: 'participation', message: message(req, 'registrationMeetingMissing') }], req })
    }
    if (req.user && !isSiteAdmin(req.user) && !hasAgencyRole(req.user, agency, 'editor')) {
      throw new RuleError({
        collection: slugs.registrations,
        problems: [{ path: 'participation', message: message(req, 'registrationNotEditor', { meeting: String(meeting.meetingName), role: labelIn(agencyRoleLabels.editor, req) }) }],
        req,
      })
    }
    return { ...data, agency: /^\d+$/.test(agency) ? Number(agency) : agency }
  }

  return {
    slug: slugs.registrations,
    labels: { singular: label('公众代表报名', 'Registration'), plural: label('公众代表报名', 'Registrations') },
    admin: {
      group: localize(languages, options.adminGroup),
      useAsTitle: 'displayName',
      defaultColumns: ['participation', 'sector', 'status', 'displayName', 'registeredAt'],
      description: label('报名人的个人信息仅承办单位可见，不公开', 'Personal data is visible to the responsible agency only and never published'),
    },
    defaultSort: '-registeredAt',
    // Personal data: the access stays even when the plugin is disabled.
    access: {
      read: byAgencyMembers,
      create: ({ req }) => isSiteAdmin(req.user) || agencyIdsWithRole(req.user, 'editor').length > 0,
      update: byAgencyEditors,
      delete: byAgencyEditors,
    },
    hooks: options.isDisabled ? {} : { beforeChange: [takeMeetingAgency] },
    fields: [
      {
        name: 'participation',
        type: 'relationship',
        relationTo: slugs.participation,
        label: label('报名的会议或活动', 'Meeting or activity'),
        required: true,
        index: true,
      },
      {
        name: 'agency',
        type: 'relationship',
        relationTo: slugs.agencies,
        label: label('承办单位', 'Responsible agency'),
        index: true,
        access: { create: () => false, update: () => false },
        admin: { readOnly: true, position: 'sidebar', description: label('取自所报名活动的承办单位', 'Taken from the meeting') },
      },
      {
        // Collapsibles are presentational: the data and the database keep their shape.
        type: 'collapsible',
        label: label('报名人（个人信息不公开）', 'Registrant (personal data, never published)'),
        fields: [
          {
            type: 'row',
            fields: [
              { name: 'name', type: 'text', label: label('姓名', 'Name'), required: true, maxLength: 50, access: { read: personalData }, admin: { width: '34%' } },
              {
                name: 'phone',
                type: 'text',
                label: label('联系电话', 'Phone'),
                required: true,
                maxLength: 30,
                access: { read: personalData },
                admin: { width: '33%' },
                validate: combineValidations(text, validatePhone),
              },
              {
                name: 'idNumber',
                type: 'text',
                label: label('身份证号', 'ID number'),
                maxLength: 30,
                access: { read: personalData },
                admin: { width: '33%' },
                validate: combineValidations(text, validateIdNumber),
              },
            ],
          },
          { name: 'sector', type: 'select', label: label('界别', 'Sector'), required: true, options: selectOptions(languages, participantSectors) },
          { name: 'statement', type: 'textarea', label: label('报名理由', 'Why they registered'), maxLength: 1000 },
          {
            name: 'registeredAt',
            type: 'date',
            label: label('报名时间', 'Registered'),
            required: true,
            defaultValue: () => new Date().toISOString(),
          },
        ],
      },
      {
        name: 'status',
        type: 'select',
        label: label('遴选结果', 'Selection'),
        required: true,
        defaultValue: 'pending',
        options: selectOptions(languages, registrationStatuses),
        admin: { position: 'sidebar' },
      },
      {
        type: 'collapsible',
        label: label('遴选结果', 'Selection'),
        fields: [
          {
            name: 'displayName',
            type: 'text',
            label: label('公开显示名称', 'Public display name'),
            maxLength: 50,
            admin: { description: label('入选后在公众参与记录中公开显示的称呼，如“居民代表甲”', 'Shown publicly once selected, e.g. 居民代表甲') },
            validate: combineValidations(
              text,
              validateRequiredWhen((sibling, req) => (sibling.status === 'selected' ? message(req, 'displayNameRequired', { status: labelOf(registrationStatuses, 'selected', languageOf(req)) }) : undefined)),
              validateDisplayName,
            ),
          },
          {
            name: 'selectionReason',
            type: 'textarea',
            label: label('遴选理由', 'Why selected or not'),
            maxLength: 1000,
            validate: combineValidations(
              textarea,
              validateRequiredWhen((sibling, req) =>
                sibling.status === 'selected' || sibling.status === 'not_selected' ? message(req, 'selectionReasonRequired', { status: labelOf(registrationStatuses, sibling.status, languageOf(req)) }) : undefined,
              ),
            ),
          },
        ],
      },
    ],
  }
}

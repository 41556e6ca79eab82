import { labelOf, meetingKinds, participantSectors, participationKinds, selectionMethods } from '@gongkai/core'
import type { CollectionConfig } from 'payload'
import { select, text, textarea } from 'payload/shared'

import { adoptionFields } from '../../fields/adoptionFields.js'
import type { SanitizedGongkaiPluginOptions } from '../../types.js'
import { labeler, localize, selectOptions } from '../../utilities/localize.js'
import { combineValidations } from '../../validations/combineValidations.js'
import { validateDisplayName } from '../../validations/validateDisplayName.js'
import { validateAttendedMeeting } from '../../validations/validateAttendedMeeting.js'
import { validateNoPersonalData } from '../../validations/validateNoPersonalData.js'
import { validateRequiredWhen } from '../../validations/validateRequiredWhen.js'
import { validateSpeaker } from '../../validations/validateSpeaker.js'
import { languageOf, message } from '../../translations/message.js'
import { adoptionSummaryField } from '../Decisions/adoptionSummaryField.js'
import { dayPicker } from '../../fields/dateFormats.js'

/** 公众参与: a meeting, hearing or consultation where the public took part, published without personal data. */
export function createParticipationCollection(options: SanitizedGongkaiPluginOptions): CollectionConfig {
  const label = labeler(options.labelLanguages)
  const languages = options.labelLanguages
  const { slugs } = options

  return {
    slug: slugs.participation,
    labels: { singular: label('公众参与', 'Public participation'), plural: label('公众参与', 'Public participation') },
    admin: {
      group: localize(languages, options.adminGroup),
      useAsTitle: 'meetingName',
      defaultColumns: ['meetingName', 'kind', 'meetingDate', 'agency', 'decision', '_status'],
      listSearchableFields: ['meetingName'],
    },
    defaultSort: '-meetingDate',
    versions: { drafts: true, maxPerDoc: options.maxVersionsPerDoc },
    fields: [
      {
        // Unnamed tabs: presentational only, the data and the database keep their shape.
        type: 'tabs',
        tabs: [
          {
            label: label('活动', 'Activity'),
            fields: [
            {
              name: 'kind',
              type: 'select',
              label: label('参与形式', 'Kind'),
              required: true,
              options: selectOptions(languages, participationKinds),
            },
            {
              type: 'row',
              fields: [
                {
                  name: 'meetingName',
                  type: 'text',
                  label: label('会议或活动名称', 'Meeting or activity'),
                  required: true,
                  maxLength: 200,
                  admin: { width: '70%' },
                },
                {
                  name: 'meetingDate',
                  type: 'date',
                  label: label('日期', 'Date'),
                  required: true,
                  admin: { width: '30%', ...dayPicker },
                },
              ],
            },
            {
              name: 'decision',
              type: 'relationship',
              relationTo: slugs.decisions,
              label: label('相关重大行政决策', 'Related decision'),
            },
            {
              name: 'meetingKind',
              type: 'select',
              label: label('决策会议类型', 'Decision meeting kind'),
              options: selectOptions(languages, meetingKinds),
              admin: {
                condition: (data) => data?.kind === 'meeting_attendance',
                description: label('列席政府常务会议、全体会议的次数计入年度公众参与指标', 'Executive and plenary meetings count towards the yearly target'),
              },
              validate: combineValidations(
                select,
                validateRequiredWhen((sibling, req) => (sibling.kind === 'meeting_attendance' ? message(req, 'meetingKindRequired', { kind: labelOf(participationKinds, 'meeting_attendance', languageOf(req)) }) : undefined)),
                validateAttendedMeeting({ timeZone: options.timeZone }),
              ),
            },
            ],
          },
          {
            label: label('参与人与遴选', 'Participants and selection'),
            fields: [
            {
              type: 'row',
              fields: [
                {
                  name: 'selectionMethod',
                  type: 'select',
                  label: label('遴选方式', 'How selected'),
                  options: selectOptions(languages, selectionMethods),
                  admin: { width: '50%' },
                },
                {
                  name: 'selectionDate',
                  type: 'date',
                  label: label('遴选日期', 'Selection date'),
                  admin: { width: '50%', date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy-MM-dd' } },
                },
              ],
            },
            {
              name: 'selectionNote',
              type: 'textarea',
              label: label('遴选情况', 'Selection record'),
              maxLength: 2000,
              admin: {
                description: label('公开：报名人数、入选人数及遴选理由，不得含姓名、电话、身份证号', 'Public: how many registered, who was selected and why — no personal data'),
              },
              validate: combineValidations(textarea, validateNoPersonalData({ zh: '遴选情况', en: 'Selection' })),
            },
            {
              name: 'participants',
              type: 'array',
              label: label('参与人', 'Participants'),
              labels: { singular: label('参与人', 'Participant'), plural: label('参与人', 'Participants') },
              admin: {
                description: label(
                  '只记录公开显示名称（如“居民代表甲”“张先生”），不得填写姓名、身份证号、电话等个人信息',
                  'Public display names only (e.g. 居民代表甲, 张先生); never names, ID numbers or phone numbers',
                ),
              },
              fields: [
                {
                  name: 'displayName',
                  type: 'text',
                  label: label('公开显示名称', 'Public display name'),
                  required: true,
                  maxLength: 50,
                  validate: combineValidations(text, validateDisplayName),
                },
                {
                  type: 'row',
                  fields: [
                    {
                      name: 'selectionMethod',
                      type: 'select',
                      label: label('遴选方式', 'How selected'),
                      required: true,
                      options: selectOptions(languages, selectionMethods),
                      admin: { width: '50%' },
                    },
                    {
                      name: 'sector',
                      type: 'select',
                      label: label('界别', 'Sector'),
                      required: true,
                      options: selectOptions(languages, participantSectors),
                      admin: { width: '50%' },
                    },
                  ],
                },
              ],
            },
            ],
          },
          {
            label: label('意见与采纳', 'Opinions and adoption'),
            fields: [
            {
              name: 'opinions',
              type: 'array',
              label: label('发表的意见', 'Opinions expressed'),
              labels: { singular: label('意见', 'Opinion'), plural: label('意见', 'Opinions') },
              fields: [
                {
                  name: 'speaker',
                  type: 'text',
                  label: label('发言人', 'Speaker'),
                  required: true,
                  maxLength: 50,
                  admin: { description: label('填写参与人的公开显示名称', 'A participant’s public display name') },
                  validate: combineValidations(text, validateSpeaker),
                },
                { name: 'content', type: 'textarea', label: label('意见内容', 'Content'), required: true, maxLength: 2000 },
                ...adoptionFields(options),
              ],
            },
            adoptionSummaryField({ options, name: 'opinionAdoptionSummary', arrayField: 'opinions', noun: '列席人员意见' }),
            { name: 'publicSummary', type: 'textarea', label: label('公开摘要', 'Public summary'), maxLength: 3000 },
            ],
          },
        ],
      },
    ],
  }
}

import { describe, expect, it } from 'vitest'
import {
  adoptionStates,
  classificationLevels,
  classificationMaxYears,
  decisionStageIndex,
  decisionStages,
  defaultValidityStatuses,
  disclosureTypes,
  documentTypes,
  interpretationForms,
  isDisclosureReasonRequired,
  isPublishableClassification,
  isReasonRequired,
  meetingKinds,
  nonDisclosureReasons,
  participantSectors,
  participationKinds,
  selectionMethods,
  urgencyLevels,
} from './enumerations.js'
import { isOptionValue, labelOf, optionValues } from './labelledOption.js'

const enumerations = {
  documentTypes,
  disclosureTypes,
  nonDisclosureReasons,
  defaultValidityStatuses,
  classificationLevels,
  urgencyLevels,
  interpretationForms,
  decisionStages,
  adoptionStates,
  participationKinds,
  selectionMethods,
  participantSectors,
  meetingKinds,
}

describe('enumerations', () => {
  it.each(Object.entries(enumerations))('%s has unique ASCII snake_case values and both labels', (_name, options) => {
    const values = optionValues(options)
    expect(new Set(values).size).toBe(values.length)
    for (const option of options) {
      expect(option.value).toMatch(/^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/u)
      expect(option.label.zh).toMatch(/\p{Script=Han}/u)
      expect(option.label.en).toMatch(/^[A-Z]/u)
    }
  })

  it('lists the 15 文种 in statutory order', () => {
    expect(documentTypes.map((option) => option.label.zh)).toEqual([
      '决议', '决定', '命令（令）', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '函', '纪要',
    ])
    expect(optionValues(documentTypes)).toEqual([
      'resolution', 'decision', 'order', 'communique', 'announcement', 'public_notice', 'opinion', 'notice', 'circular',
      'report', 'request', 'reply', 'motion', 'letter', 'minutes',
    ])
  })

  it.each([
    [disclosureTypes, ['proactive', 'on_request', 'not_disclosed', 'non_government'], ['主动公开', '依申请公开', '不予公开', '非政府信息']],
    [
      nonDisclosureReasons,
      ['state_secret', 'trade_secret', 'personal_privacy', 'process_information', 'internal_affairs', 'three_security_one_stability', 'other'],
      ['国家秘密', '商业秘密', '个人隐私', '过程中信息', '内部管理信息', '危及“三安全一稳定”', '其他'],
    ],
    [defaultValidityStatuses, ['effective', 'expired', 'repealed', 'amended'], ['有效', '失效', '废止', '已修订']],
    [classificationLevels, ['unclassified', 'secret', 'confidential', 'top_secret'], ['非密', '秘密', '机密', '绝密']],
    [urgencyLevels, ['normal', 'urgent', 'extra_urgent'], ['普通', '加急', '特急']],
    [
      interpretationForms,
      ['text', 'graphic', 'animation', 'press_conference', 'expert_interview', 'scenario_demo', 'short_video', 'policy_briefing'],
      ['文字解读', '图示图解', '视频动漫', '新闻发布会', '专家访谈', '场景演示', '短视频', '政策宣讲'],
    ],
    [
      decisionStages,
      ['catalogued', 'drafting', 'soliciting_comments', 'reviewing', 'deciding', 'decided', 'implementing', 'evaluated'],
      ['列入目录', '起草中', '征求意见', '论证评估', '审议决定', '已决策', '执行中', '已评估'],
    ],
    [adoptionStates, ['adopted', 'partially_adopted', 'not_adopted', 'pending'], ['采纳', '部分采纳', '未采纳', '待研究']],
    [participationKinds, ['meeting_attendance', 'comment_solicitation', 'hearing', 'symposium'], ['列席会议', '征求意见', '听证会', '座谈会']],
    [selectionMethods, ['open_registration', 'invitation'], ['公开报名遴选', '邀请']],
    [
      participantSectors,
      ['resident', 'enterprise', 'expert', 'deputy', 'cppcc_member', 'social_organization', 'media', 'other'],
      ['居民', '企业', '专家学者', '人大代表', '政协委员', '社会组织', '媒体', '其他'],
    ],
    [meetingKinds, ['executive_meeting', 'plenary_meeting', 'special_meeting', 'other'], ['政府常务会议', '政府全体会议', '专题会议', '其他']],
  ] as const)('has the contract values and Chinese labels (%#)', (options, values, labels) => {
    expect(optionValues(options)).toEqual(values)
    expect(options.map((option) => option.label.zh)).toEqual(labels)
  })

  it('caps 保密期限 at 10, 20 and 30 years for 秘密, 机密 and 绝密', () => {
    expect(classificationMaxYears).toEqual({ secret: 10, confidential: 20, top_secret: 30 })
  })

  it.each([
    ['adopted', false],
    ['partially_adopted', true],
    ['not_adopted', true],
    ['pending', false],
  ] as const)('isReasonRequired(%s) is %s', (state, expected) => {
    expect(isReasonRequired(state)).toBe(expected)
  })

  it.each([
    ['proactive', false],
    ['on_request', true],
    ['not_disclosed', true],
    ['non_government', true],
  ] as const)('isDisclosureReasonRequired(%s) is %s', (type, expected) => {
    expect(isDisclosureReasonRequired(type)).toBe(expected)
  })

  it.each([
    ['unclassified', true],
    ['secret', false],
    ['confidential', false],
    ['top_secret', false],
  ] as const)('isPublishableClassification(%s) is %s', (level, expected) => {
    expect(isPublishableClassification(level)).toBe(expected)
  })

  it.each([
    ['catalogued', 0],
    ['soliciting_comments', 2],
    ['evaluated', 7],
    ['unknown', -1],
  ])('decisionStageIndex(%s) is %i', (stage, expected) => {
    expect(decisionStageIndex(stage)).toBe(expected)
  })
})

describe('labelOf', () => {
  it.each([
    [documentTypes, 'notice', 'zh', '通知'],
    [documentTypes, 'notice', 'en', 'Notice'],
    [documentTypes, 'order', 'zh', '命令（令）'],
    [disclosureTypes, 'on_request', 'zh', '依申请公开'],
    [urgencyLevels, 'extra_urgent', 'en', 'Extra urgent'],
    [adoptionStates, 'partially_adopted', 'zh', '部分采纳'],
  ] as const)('labels a value in the requested locale (%#)', (options, value, locale, expected) => {
    expect(labelOf(options, value, locale)).toBe(expected)
  })

  it('defaults to Chinese', () => {
    expect(labelOf(classificationLevels, 'top_secret')).toBe('绝密')
  })

  it('returns an unknown value unchanged so it stays visible', () => {
    expect(labelOf(documentTypes, 'memo')).toBe('memo')
  })
})

describe('optionValues and isOptionValue', () => {
  it('lists values in declared order', () => {
    expect(optionValues(urgencyLevels)).toEqual(['normal', 'urgent', 'extra_urgent'])
  })

  it.each([
    ['notice', true],
    ['Notice', false],
    ['通知', false],
    [undefined, false],
    [3, false],
  ])('isOptionValue(documentTypes, %j) is %s', (value, expected) => {
    expect(isOptionValue(documentTypes, value)).toBe(expected)
  })
})

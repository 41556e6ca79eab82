import type { LabelledOption } from './labelledOption.js'

/**
 * 文种 — the 15 kinds of official document listed, in this order, by article 8 of the
 * 党政机关公文处理工作条例 (2012).
 */
export const documentTypes = [
  { value: 'resolution', label: { zh: '决议', en: 'Resolution' } },
  { value: 'decision', label: { zh: '决定', en: 'Decision' } },
  { value: 'order', label: { zh: '命令（令）', en: 'Order' } },
  { value: 'communique', label: { zh: '公报', en: 'Communiqué' } },
  { value: 'announcement', label: { zh: '公告', en: 'Announcement' } },
  { value: 'public_notice', label: { zh: '通告', en: 'Public notice' } },
  { value: 'opinion', label: { zh: '意见', en: 'Opinion' } },
  { value: 'notice', label: { zh: '通知', en: 'Notice' } },
  { value: 'circular', label: { zh: '通报', en: 'Circular' } },
  { value: 'report', label: { zh: '报告', en: 'Report' } },
  { value: 'request', label: { zh: '请示', en: 'Request for instructions' } },
  { value: 'reply', label: { zh: '批复', en: 'Official reply' } },
  { value: 'motion', label: { zh: '议案', en: 'Motion' } },
  { value: 'letter', label: { zh: '函', en: 'Letter' } },
  { value: 'minutes', label: { zh: '纪要', en: 'Minutes' } },
] as const satisfies readonly LabelledOption[]
/** A 文种 value. */
export type DocumentType = (typeof documentTypes)[number]['value']

/** 公开属性 — whether and how a document is disclosed (政府信息公开条例). */
export const disclosureTypes = [
  { value: 'proactive', label: { zh: '主动公开', en: 'Proactive disclosure' } },
  { value: 'on_request', label: { zh: '依申请公开', en: 'Disclosure on request' } },
  { value: 'not_disclosed', label: { zh: '不予公开', en: 'Not disclosed' } },
  { value: 'non_government', label: { zh: '非政府信息', en: 'Not government information' } },
] as const satisfies readonly LabelledOption[]
/** A 公开属性 value. */
export type DisclosureType = (typeof disclosureTypes)[number]['value']

/**
 * Whether a 公开属性 needs a legal reason: everything except 主动公开 (proactive disclosure) does.
 */
export function isDisclosureReasonRequired(disclosureType: DisclosureType): boolean {
  return disclosureType !== 'proactive'
}

/** 不予公开理由 — the reasons a document is not (proactively) disclosed, as used by provincial 公文备案 interfaces. */
export const nonDisclosureReasons = [
  { value: 'state_secret', label: { zh: '国家秘密', en: 'State secret' } },
  { value: 'trade_secret', label: { zh: '商业秘密', en: 'Trade secret' } },
  { value: 'personal_privacy', label: { zh: '个人隐私', en: 'Personal privacy' } },
  { value: 'process_information', label: { zh: '过程中信息', en: 'Information in process' } },
  { value: 'internal_affairs', label: { zh: '内部管理信息', en: 'Internal management information' } },
  {
    value: 'three_security_one_stability',
    label: {
      zh: '危及“三安全一稳定”',
      en: 'Endangers national, public, economic security or social stability',
    },
  },
  { value: 'other', label: { zh: '其他', en: 'Other' } },
] as const satisfies readonly LabelledOption[]
/** A 不予公开理由 value. */
export type NonDisclosureReason = (typeof nonDisclosureReasons)[number]['value']

/**
 * 有效性 — default validity statuses of a policy document. No national vocabulary exists, so
 * this is only the default; deployments may configure their own list (any `LabelledOption[]`).
 * The first status is the one in force. A status that ends validity needs the date it ended
 * (`requiresExpiryDate`: 失效, 废止); one that means the document was replaced needs the
 * replacing document (`requiresReplacement`: 已修订).
 */
export const defaultValidityStatuses = [
  { value: 'effective', label: { zh: '有效', en: 'Effective' } },
  { value: 'expired', label: { zh: '失效', en: 'Expired' }, requiresExpiryDate: true },
  { value: 'repealed', label: { zh: '废止', en: 'Repealed' }, requiresExpiryDate: true },
  { value: 'amended', label: { zh: '已修订', en: 'Amended' }, requiresReplacement: true },
] as const satisfies readonly ValidityStatus[]
/** A default 有效性 value (configured lists may have others). */
export type DefaultValidityStatus = (typeof defaultValidityStatuses)[number]['value']

/** A 有效性 status and what changing a policy to it needs. */
export type ValidityStatus = LabelledOption & {
  /** The status ends validity: a 失效日期 is required. */
  requiresExpiryDate?: boolean
  /** The status means the document was replaced: the replacing document is required. */
  requiresReplacement?: boolean
}

/**
 * 文件类别 — the kinds of document the policy library holds and the CMS delivers to it: 政策文件, 政策解读,
 * 重大行政决策. The library's OpenAPI document enumerates the same values (checked by its contract test).
 */
export const documentKinds = [
  { value: 'policy', label: { zh: '政策文件', en: 'Policy document' } },
  { value: 'interpretation', label: { zh: '政策解读', en: 'Interpretation' } },
  { value: 'decision', label: { zh: '重大行政决策', en: 'Major administrative decision' } },
] as const satisfies readonly LabelledOption[]
/** A 文件类别 value. */
export type DocumentKind = (typeof documentKinds)[number]['value']

/** 密级 — classification level. Any level other than 非密 means the document must never be published. */
export const classificationLevels = [
  { value: 'unclassified', label: { zh: '非密', en: 'Unclassified' } },
  { value: 'secret', label: { zh: '秘密', en: 'Secret' } },
  { value: 'confidential', label: { zh: '机密', en: 'Confidential' } },
  { value: 'top_secret', label: { zh: '绝密', en: 'Top secret' } },
] as const satisfies readonly LabelledOption[]
/** A 密级 value. */
export type ClassificationLevel = (typeof classificationLevels)[number]['value']

/** 保密期限 — the longest classification period in years for each 密级 (秘密 10, 机密 20, 绝密 30). */
export const classificationMaxYears = {
  secret: 10,
  confidential: 20,
  top_secret: 30,
} as const satisfies Record<Exclude<ClassificationLevel, 'unclassified'>, number>

/** Whether a document with this 密级 may be published at all (only 非密 may). */
export function isPublishableClassification(level: ClassificationLevel): boolean {
  return level === 'unclassified'
}

/** 紧急程度 — urgency: 普通 (none marked), 加急, 特急. */
export const urgencyLevels = [
  { value: 'normal', label: { zh: '普通', en: 'Normal' } },
  { value: 'urgent', label: { zh: '加急', en: 'Urgent' } },
  { value: 'extra_urgent', label: { zh: '特急', en: 'Extra urgent' } },
] as const satisfies readonly LabelledOption[]
/** A 紧急程度 value. */
export type UrgencyLevel = (typeof urgencyLevels)[number]['value']

/** 解读形式 — forms of 政策解读 (policy interpretation). */
export const interpretationForms = [
  { value: 'text', label: { zh: '文字解读', en: 'Text' } },
  { value: 'graphic', label: { zh: '图示图解', en: 'Infographic' } },
  { value: 'animation', label: { zh: '视频动漫', en: 'Video or animation' } },
  { value: 'press_conference', label: { zh: '新闻发布会', en: 'Press conference' } },
  { value: 'expert_interview', label: { zh: '专家访谈', en: 'Expert interview' } },
  { value: 'scenario_demo', label: { zh: '场景演示', en: 'Scenario demonstration' } },
  { value: 'short_video', label: { zh: '短视频', en: 'Short video' } },
  { value: 'policy_briefing', label: { zh: '政策宣讲', en: 'Policy briefing' } },
] as const satisfies readonly LabelledOption[]
/** A 解读形式 value. */
export type InterpretationForm = (typeof interpretationForms)[number]['value']

/** 决策阶段 — stages of a 重大行政决策 (major administrative decision, decree 713), in procedural order. */
export const decisionStages = [
  { value: 'catalogued', label: { zh: '列入目录', en: 'Catalogued' } },
  { value: 'drafting', label: { zh: '起草中', en: 'Drafting' } },
  { value: 'soliciting_comments', label: { zh: '征求意见', en: 'Soliciting comments' } },
  { value: 'reviewing', label: { zh: '论证评估', en: 'Review and assessment' } },
  { value: 'deciding', label: { zh: '审议决定', en: 'Deliberation' } },
  { value: 'decided', label: { zh: '已决策', en: 'Decided' } },
  { value: 'implementing', label: { zh: '执行中', en: 'Implementing' } },
  { value: 'evaluated', label: { zh: '已评估', en: 'Evaluated' } },
] as const satisfies readonly LabelledOption[]
/** A 决策阶段 value. */
export type DecisionStage = (typeof decisionStages)[number]['value']

/**
 * Position of a stage in the procedure (0 = 列入目录), for "has this decision reached stage X" checks.
 * @returns -1 for an unknown value
 */
export function decisionStageIndex(stage: DecisionStage | (string & {})): number {
  return decisionStages.findIndex((candidate) => candidate.value === stage)
}

/** 采纳情况 — whether a public comment or opinion was adopted. */
export const adoptionStates = [
  { value: 'adopted', label: { zh: '采纳', en: 'Adopted' } },
  { value: 'partially_adopted', label: { zh: '部分采纳', en: 'Partially adopted' } },
  { value: 'not_adopted', label: { zh: '未采纳', en: 'Not adopted' } },
  { value: 'pending', label: { zh: '待研究', en: 'Under study' } },
] as const satisfies readonly LabelledOption[]
/** A 采纳情况 value. */
export type AdoptionState = (typeof adoptionStates)[number]['value']

/** Whether an adoption state must be accompanied by a reason: 部分采纳 and 未采纳 must. */
export function isReasonRequired(state: AdoptionState): boolean {
  return state === 'partially_adopted' || state === 'not_adopted'
}

/** 公众参与形式 — forms of public participation in decision-making. */
export const participationKinds = [
  { value: 'meeting_attendance', label: { zh: '列席会议', en: 'Attending a meeting' } },
  { value: 'comment_solicitation', label: { zh: '征求意见', en: 'Comment solicitation' } },
  { value: 'hearing', label: { zh: '听证会', en: 'Public hearing' } },
  { value: 'symposium', label: { zh: '座谈会', en: 'Symposium' } },
] as const satisfies readonly LabelledOption[]
/** A 公众参与形式 value. */
export type ParticipationKind = (typeof participationKinds)[number]['value']

/** 遴选方式 — how a participant was selected. */
export const selectionMethods = [
  { value: 'open_registration', label: { zh: '公开报名遴选', en: 'Open registration' } },
  { value: 'invitation', label: { zh: '邀请', en: 'Invitation' } },
] as const satisfies readonly LabelledOption[]
/** A 遴选方式 value. */
export type SelectionMethod = (typeof selectionMethods)[number]['value']

/** 界别 — the sector a participant represents. */
export const participantSectors = [
  { value: 'resident', label: { zh: '居民', en: 'Resident' } },
  { value: 'enterprise', label: { zh: '企业', en: 'Enterprise' } },
  { value: 'expert', label: { zh: '专家学者', en: 'Expert or scholar' } },
  { value: 'deputy', label: { zh: '人大代表', en: "People's Congress deputy" } },
  { value: 'cppcc_member', label: { zh: '政协委员', en: 'CPPCC member' } },
  { value: 'social_organization', label: { zh: '社会组织', en: 'Social organisation' } },
  { value: 'media', label: { zh: '媒体', en: 'Media' } },
  { value: 'other', label: { zh: '其他', en: 'Other' } },
] as const satisfies readonly LabelledOption[]
/** A 界别 value. */
export type ParticipantSector = (typeof participantSectors)[number]['value']

/** 决策会议 — the kind of meeting at which a decision was taken. */
export const meetingKinds = [
  { value: 'executive_meeting', label: { zh: '政府常务会议', en: 'Executive meeting' } },
  { value: 'plenary_meeting', label: { zh: '政府全体会议', en: 'Plenary meeting' } },
  { value: 'special_meeting', label: { zh: '专题会议', en: 'Special meeting' } },
  { value: 'other', label: { zh: '其他', en: 'Other' } },
] as const satisfies readonly LabelledOption[]
/** A 决策会议 value. */
export type MeetingKind = (typeof meetingKinds)[number]['value']

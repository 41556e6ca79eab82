import type { LabelledOption } from './labelledOption.js'
import type { MeetingKind } from './enumerations.js'

/**
 * 决策会议 kinds that count towards the yearly 公众代表列席 target by default: the government's 常务会议 and
 * 全体会议 (Wuqing 2022 work plan, point 19: 年内邀请公众代表列席区政府常务会议等决策会议不少于3次).
 */
export const defaultCountedMeetingKinds: readonly MeetingKind[] = ['executive_meeting', 'plenary_meeting']

/** The yearly 公众代表列席 target of point 19. */
export const defaultParticipationTarget = 3

/** One published 列席 record, as the yearly count sees it. */
export type AttendanceRecord = {
  meetingKind: string | null | undefined
  /** Public representatives who attended. */
  participantCount: number
}

/** The yearly count of public attendances against the target. */
export type ParticipationCompliance = {
  /** Meetings of a counted kind that at least one public representative attended. */
  count: number
  target: number
  isMet: boolean
  /** How many more meetings are needed (0 once met). */
  shortfall: number
}

/**
 * 公众参与 compliance: counts the decision meetings of a counted kind with at least one public representative
 * attending (a record with nobody attending is not an attendance), against `target`.
 */
export function participationCompliance(args: {
  records: readonly AttendanceRecord[]
  target?: number
  countedKinds?: readonly string[]
}): ParticipationCompliance {
  const target = args.target ?? defaultParticipationTarget
  const kinds = args.countedKinds ?? defaultCountedMeetingKinds
  const count = args.records.filter((record) => record.participantCount > 0 && typeof record.meetingKind === 'string' && kinds.includes(record.meetingKind)).length
  return { count, target, isMet: count >= target, shortfall: Math.max(0, target - count) }
}

/** 遴选结果 of one 报名 (open registration) for a decision meeting. */
export const registrationStatuses = [
  { value: 'pending', label: { zh: '待遴选', en: 'Pending' } },
  { value: 'selected', label: { zh: '入选', en: 'Selected' } },
  { value: 'not_selected', label: { zh: '未入选', en: 'Not selected' } },
] as const satisfies readonly LabelledOption[]
/** A 遴选结果 value. */
export type RegistrationStatus = (typeof registrationStatuses)[number]['value']

import { describe, expect, it } from 'vitest'

import { participationCompliance } from './participationCompliance.js'

describe('participationCompliance', () => {
  it('counts 常务会议 and 全体会议 with public attendees against the default target of 3', () => {
    const result = participationCompliance({
      records: [
        { meetingKind: 'executive_meeting', participantCount: 2 },
        { meetingKind: 'plenary_meeting', participantCount: 1 },
        { meetingKind: 'special_meeting', participantCount: 3 },
        { meetingKind: 'executive_meeting', participantCount: 0 },
        { meetingKind: null, participantCount: 2 },
      ],
    })
    expect(result).toEqual({ count: 2, target: 3, isMet: false, shortfall: 1 })
  })

  it('takes a configured target and meeting kinds', () => {
    const records = [
      { meetingKind: 'executive_meeting', participantCount: 1 },
      { meetingKind: 'special_meeting', participantCount: 1 },
    ]
    expect(participationCompliance({ records, target: 2, countedKinds: ['executive_meeting', 'special_meeting'] })).toEqual({ count: 2, target: 2, isMet: true, shortfall: 0 })
    expect(participationCompliance({ records: [], target: 0 })).toEqual({ count: 0, target: 0, isMet: true, shortfall: 0 })
  })
})

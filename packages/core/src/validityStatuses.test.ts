import { describe, expect, it } from 'vitest'

import { defaultValidityStatuses } from './enumerations.js'
import type { ValidityStatus } from './enumerations.js'

describe('defaultValidityStatuses', () => {
  it('says which statuses need a 失效日期 and which the replacing document: 失效 and 废止 the date, 已修订 the replacement', () => {
    const needs = (defaultValidityStatuses as readonly ValidityStatus[]).map((status) => [status.label.zh, Boolean(status.requiresExpiryDate), Boolean(status.requiresReplacement)])
    expect(needs).toEqual([
      ['有效', false, false],
      ['失效', true, false],
      ['废止', true, false],
      ['已修订', false, true],
    ])
  })
})

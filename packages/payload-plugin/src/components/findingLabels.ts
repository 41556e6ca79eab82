import type { FindingKind, Severity } from '@gongkai/core'

import type { GongkaiMessageKey } from '../translations/message.js'

/** The `gongkai:` key of a finding kind's name as the admin shows it (居民身份证号, ID card number). */
export const findingKindKey = (kind: FindingKind | 'needs_manual_review'): GongkaiMessageKey => `findingLabel_${kind}`

/** The `gongkai:` key of a severity's name (须处理, Must be fixed). */
export const severityKey = (severity: Severity): GongkaiMessageKey => `severity_${severity}`

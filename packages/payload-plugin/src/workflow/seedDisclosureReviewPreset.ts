import type { Payload } from 'payload'

/** Title of the shared list preset of policies under 公开属性 review. */
export const disclosureReviewPresetTitle = '公开属性复审：依申请公开、不予公开的文件（按下次复审日期）'

const underReview = [{ nextDisclosureReviewDate: { exists: true } }, { disclosure: { not_equals: 'proactive' } }]

/**
 * The preset's filter: 已认定 policies, and published ones signed off before 已认定 existed. The admin's filter
 * builder reads presets in this shape (an `or` of `and` groups).
 */
export const disclosureReviewWhere = {
  or: [{ and: [...underReview, { workflowState: { equals: 'recorded' } }] }, { and: [...underReview, { _status: { equals: 'published' } }] }],
}

/**
 * Adds, once, a shared query preset to the policies list: 已认定 依申请公开 / 不予公开 documents with their next
 * review date, so reviewers open the list view and see what is coming up (sort on 下次复审日期; the due ones are
 * also at `GET /api/policies/disclosure-review/due`). Everyone may read it; nobody may change or delete it.
 */
export async function seedDisclosureReviewPreset({ payload, policiesSlug }: { payload: Payload; policiesSlug: string }): Promise<void> {
  const presets = 'payload-query-presets'
  if (!payload.collections[presets]) return
  const { docs } = await payload.find({
    collection: presets,
    where: { and: [{ relatedCollection: { equals: policiesSlug } }, { title: { equals: disclosureReviewPresetTitle } }] },
    depth: 0,
    limit: 1,
    overrideAccess: true,
  })
  const existing = docs[0]
  if (existing) {
    // Presets seeded before 已认定 existed selected published documents only: bring them up to date.
    if (JSON.stringify(existing.where) !== JSON.stringify(disclosureReviewWhere)) {
      await payload.update({ collection: presets, id: existing.id, data: { where: disclosureReviewWhere }, overrideAccess: true })
    }
    return
  }
  await payload.create({
    collection: presets,
    data: {
      title: disclosureReviewPresetTitle,
      isShared: true,
      relatedCollection: policiesSlug,
      access: {
        read: { constraint: 'everyone' },
        update: { constraint: 'specificUsers', users: [] },
        delete: { constraint: 'specificUsers', users: [] },
      },
      // The admin's filter builder reads presets in this shape (an `or` of `and` groups).
      where: disclosureReviewWhere,
      columns: ['title', 'indexNumber', 'disclosure', 'nonDisclosureReason', 'nextDisclosureReviewDate', 'issuingAgency'].map((accessor) => ({
        accessor,
        active: true,
      })),
    },
    overrideAccess: true,
  })
}

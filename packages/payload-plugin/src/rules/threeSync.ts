import type { FieldHook, PayloadRequest } from 'payload'

import type { AgencyOwnedCollection } from '../access/documentAgencies.js'
import type { StoredDocument } from '../infrastructure/documents.js'
import { documentLabel } from '../infrastructure/runtime.js'
import { WorkflowError } from '../infrastructure/WorkflowError.js'
import { message } from '../translations/message.js'
import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { relationIds } from '../utilities/relationIds.js'
import { isPublicRelease } from './disclosureRule.js'
import { isRecord } from '../utilities/isRecord.js'

/*
 * 三同步 (《关于全面推进政务公开工作的意见》; 《政府信息公开条例》 art. 23 on 政策解读): a policy that needs an
 * interpretation is approved only with an approved interpretation, and published together with it — same day,
 * same sign-off. Both ways: an interpretation never goes out before its policy, and goes offline with it.
 */

export type Doc = StoredDocument

/** One document of a publication bundle; `isPublic: false` is recorded (已认定) instead of published. */
export type BundleMember = { key: AgencyOwnedCollection; doc: Doc; isPublic: boolean }

/** 三同步: a 规范性文件 needs an interpretation unless the editor says otherwise (default of `needsInterpretation`). */
export function defaultNeedsInterpretation(normativeField: string): FieldHook {
  return ({ value, siblingData }) => {
    if (typeof value === 'boolean') return value
    return isRecord(siblingData) && Boolean(siblingData[normativeField])
  }
}

/** Whether an interpretation's latest version counts as approved for 三同步: approved, scheduled or already out. */
export function isApprovedInterpretation(interpretation: Record<string, unknown>): boolean {
  return interpretation.workflowState === 'approved' || interpretation.workflowState === 'scheduled' || interpretation.workflowState === 'published'
}

/** Latest versions of the interpretations of a policy. */
export async function interpretationsOf(req: PayloadRequest, options: SanitizedGongkaiPluginOptions, policyId: number | string): Promise<Doc[]> {
  const { docs } = await req.payload.find({
    collection: options.slugs.interpretations,
    where: { policies: { equals: policyId } },
    draft: true,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs as unknown as Doc[]
}

async function policiesByIds(req: PayloadRequest, options: SanitizedGongkaiPluginOptions, ids: string[]): Promise<Doc[]> {
  if (ids.length === 0) return []
  const { docs } = await req.payload.find({ collection: options.slugs.policies, where: { id: { in: ids } }, depth: 0, pagination: false, overrideAccess: true, req })
  return docs as unknown as Doc[]
}

/**
 * 审核通过 of a policy that needs an interpretation: at least one of its interpretations is approved (or out).
 *
 * @throws WorkflowError (409, field `needsInterpretation`)
 */
export async function assertInterpretationApproved(args: { req: PayloadRequest; options: SanitizedGongkaiPluginOptions; doc: Doc; label: string }): Promise<void> {
  if (args.doc.needsInterpretation !== true) return
  const interpretations = await interpretationsOf(args.req, args.options, args.doc.id)
  if (interpretations.some(isApprovedInterpretation)) return
  const key = interpretations.length === 0 ? 'threeSync_approveNoInterpretation' : 'threeSync_approveNoneApproved'
  throw new WorkflowError(message(args.req, key, { document: args.label }), 409, 'needsInterpretation')
}

/**
 * The documents a publication releases together (三同步): a policy with its approved interpretations that are not
 * out yet. An interpretation goes out on its own only when every policy it interprets is already published.
 * Each member says whether its 公开属性 lets it go public (`disclosureRule`).
 *
 * @throws WorkflowError (409) when a policy that needs an interpretation has none approved, or an interpretation's policy is not out
 */
export async function releaseBundleOf(args: { req: PayloadRequest; options: SanitizedGongkaiPluginOptions; key: AgencyOwnedCollection; doc: Doc }): Promise<BundleMember[]> {
  const { req, options, key, doc } = args
  const label = documentLabel(key, doc, req)
  if (key === 'policies') {
    const interpretations = await interpretationsOf(req, options, doc.id)
    if (doc.needsInterpretation === true && !interpretations.some(isApprovedInterpretation)) {
      throw new WorkflowError(message(req, 'threeSync_publishWithout', { document: label }), 409, 'interpretations')
    }
    const approved = interpretations.filter((interpretation) => isApprovedInterpretation(interpretation) && interpretation.workflowState !== 'published')
    const isPolicyPublic = isPublicRelease({ key, doc })
    // An interpretation goes public only with a public policy and when no other policy it explains is non-public.
    const otherPolicies = await policiesByIds(req, options, [...new Set(approved.flatMap((interpretation) => relationIds(interpretation.policies)))].filter((id) => id !== String(doc.id)))
    return [
      { key, doc, isPublic: isPolicyPublic },
      ...approved.map((interpretation) => ({
        key: 'interpretations' as const,
        doc: interpretation,
        isPublic: isPolicyPublic && isPublicRelease({ key: 'interpretations', doc: interpretation, policies: otherPolicies.filter((policy) => relationIds(interpretation.policies).includes(String(policy.id))) }),
      })),
    ]
  }
  if (key === 'interpretations') {
    const policyIds = relationIds(doc.policies)
    if (policyIds.length > 0) {
      const policies = await policiesByIds(req, options, policyIds)
      const unpublished = policies.filter((policy) => (policy._status !== 'published' || policy.workflowState === 'withdrawn') && policy.workflowState !== 'recorded')
      const first = unpublished[0]
      if (first) {
        throw new WorkflowError(message(req, 'threeSync_policyNotOut', { document: label, title: String(first.title) }), 409, 'policies')
      }
      // Explaining a policy that is not public would disclose it: the interpretation is recorded, not published.
      return [{ key, doc, isPublic: isPublicRelease({ key, doc, policies }) }]
    }
  }
  return [{ key, doc, isPublic: true }]
}

/**
 * 三同步 when a policy goes offline (撤回, 删除, or a revision that made it not public): its published
 * interpretations that explain no other published policy, which must go offline with it.
 */
export async function interpretationsLeftWithoutPolicy(args: { req: PayloadRequest; options: SanitizedGongkaiPluginOptions; policyId: number | string }): Promise<Doc[]> {
  const { req, options } = args
  const { docs: interpretations } = await req.payload.find({
    collection: options.slugs.interpretations,
    where: { and: [{ policies: { equals: args.policyId } }, { _status: { equals: 'published' } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const orphaned: Doc[] = []
  for (const interpretation of interpretations as unknown as Doc[]) {
    const otherIds = relationIds(interpretation.policies).filter((id) => id !== String(args.policyId))
    const otherPublished =
      otherIds.length === 0
        ? 0
        : (await req.payload.count({ collection: options.slugs.policies, where: { and: [{ id: { in: otherIds } }, { _status: { equals: 'published' } }] }, overrideAccess: true, req }))
            .totalDocs
    if (otherPublished === 0) orphaned.push(interpretation)
  }
  return orphaned
}

import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import type { AgencyOwnedCollection } from '../../access/documentAgencies.js'
import type { SanitizedGongkaiPluginOptions } from '../../types.js'
import { isBlank, relationId } from '../../utilities/relationIds.js'
import { latestVersionId, recordAudit } from '../../audit/audit.js'
import { isImportContext, isWorkflowContext } from '../../infrastructure/context.js'
import { nextDisclosureReviewDate } from '../../rules/disclosureReview.js'
import { acceptImportedIndexNumber, assertIndexNumberUnchanged, assignIndexNumber } from '../../rules/indexNumber.js'
import { publishedVersionBeingRestored, restorableFields } from '../revertToPublished.js'
import { documentLabel, titleOf } from '../../infrastructure/runtime.js'
import { WorkflowError } from '../../infrastructure/WorkflowError.js'
import type { StoredDocument, WorkflowRecord } from '../../infrastructure/documents.js'
import { message } from '../../translations/message.js'

/**
 * Publishing happens only through the workflow (docs/decisions/0003): this hook is where that is enforced, for
 * every save — REST, GraphQL, the admin and the local API alike. A save that would make a document public
 * (`_status: 'published'`) is refused, except for the workflow's own saves and for historical imports: a local API call
 * with `context: { gongkaiImport: true }` (and `overrideAccess`). An import still gets its 索引号 (its own one
 * when it brings one, else the next serial) and an audit entry. A 索引号 once assigned never changes.
 */
export function guardPublication(options: SanitizedGongkaiPluginOptions, key: AgencyOwnedCollection): CollectionBeforeChangeHook {
  return async ({ collection, context, data, operation, originalDoc, req }) => {
    const stored: StoredDocument | undefined = originalDoc
    const label = documentLabel(key, { ...originalDoc, ...data }, req)
    if (key === 'policies') assertIndexNumberUnchanged({ req, stored: originalDoc, data, label })
    if (data._status !== 'published' || isWorkflowContext(context)) return data
    const restored = operation === 'update' ? publishedVersionBeingRestored(req, collection.slug, originalDoc?.id) : null
    if (restored) {
      // “恢复为已发布”: the new version is the published one as it was — content, state, workflow record and
      // 保密审查 — whatever else the request carried. The discarded revision stays in the version history.
      Object.assign(data, restorableFields(collection, restored), { _status: 'published' })
      return data
    }
    if (!isImportContext(context)) {
      const where = operation === 'create' ? '' : message(req, 'routeHint', { route: `POST /api/${options.slugs[key]}/${String(originalDoc?.id)}/workflow/publish` })
      throw new WorkflowError(message(req, 'publishOutsideWorkflow', { document: label, where }), 403, '_status')
    }
    const now = new Date().toISOString()
    data.workflowState = 'published'
    const previous: WorkflowRecord = stored?.workflow ?? {}
    data.workflow = { ...previous, publishedBy: req.user?.id ?? null, publishedAt: now, firstPublishedAt: previous.firstPublishedAt ?? now }
    if (key !== 'policies') return data
    const merged: Record<string, unknown> = { ...originalDoc, ...data }
    const publishDate = merged.publishDate ?? merged.writtenDate
    data.nextDisclosureReviewDate = nextDisclosureReviewDate({ disclosure: merged.disclosure, since: publishDate, options })
    if (!isBlank(originalDoc?.indexNumber)) return data
    if (!isBlank(data.indexNumber)) {
      data.indexNumber = await acceptImportedIndexNumber({
        req,
        countersSlug: options.slugs.indexCounters,
        indexNumber: String(data.indexNumber),
        documentLabel: label,
      })
      return data
    }
    const agencyId = relationId(merged.issuingAgency)
    // Without an agency or a date the field validation that follows reports what is missing.
    if (agencyId === undefined || isBlank(publishDate)) return data
    const agency = await req.payload.findByID({ collection: options.slugs.agencies, id: agencyId, depth: 0, overrideAccess: true, disableErrors: true, req })
    if (!agency) return data
    if (isBlank(agency.organizationCode)) {
      throw new WorkflowError(message(req, 'importWithoutCode', { document: label, agency: String(agency.name) }), 400, 'issuingAgency')
    }
    data.indexNumber = await assignIndexNumber({
      req,
      countersSlug: options.slugs.indexCounters,
      organizationCode: String(agency.organizationCode),
      publishDate,
      timeZone: options.timeZone,
      format: options.indexNumberFormat,
      documentLabel: label,
    })
    return data
  }
}

/**
 * Writes the audit entry of a publication that did not go through a workflow action: a historical import
 * (`import`), or a “恢复为已发布” that saved the published version again and discarded a revision (`revert`).
 */
export function auditPublicationOutsideActions(options: SanitizedGongkaiPluginOptions, key: AgencyOwnedCollection): CollectionAfterChangeHook {
  return async ({ collection, context, doc, previousDoc, req }) => {
    if (doc._status !== 'published' || isWorkflowContext(context)) return doc
    const action = isImportContext(context) ? 'import' : publishedVersionBeingRestored(req, collection.slug, doc.id) ? 'revert' : null
    if (!action) return doc
    await recordAudit({
      payload: req.payload,
      req,
      action,
      collection: options.slugs[key],
      documentId: doc.id,
      documentTitle: titleOf(doc),
      versionId: await latestVersionId(req, options.slugs[key], doc.id),
      user: req.user,
      fromState: previousDoc?.workflowState ?? null,
      toState: String(doc.workflowState ?? 'published'),
      details:
        action === 'import'
          ? doc.indexNumber
            ? { indexNumber: doc.indexNumber }
            : {}
          : { discardedRevisionUpdatedAt: previousDoc?.updatedAt ?? null },
    })
    return doc
  }
}

import { createLocalReq } from 'payload'
import type { TaskConfig } from 'payload'

import { relationId } from '../utilities/relationIds.js'
import { publishBundle } from '../workflow/publishBundle.js'
import type { Doc } from '../workflow/publishBundle.js'
import { recordAudit } from '../audit/audit.js'
import type { WorkflowRecord } from '../infrastructure/documents.js'
import { gongkaiOptionsOf, titleOf, workflowCollectionOf } from '../infrastructure/runtime.js'
import { WorkflowError } from '../infrastructure/WorkflowError.js'
import { inWorkflowTransaction } from '../infrastructure/transaction.js'
import { scheduledPublishTaskSlug } from '../workflow/transition.js'

/**
 * The scheduled publication (定时发布): queued by the `schedule` action with `waitUntil`, it publishes the
 * document with its bundle (a policy with its approved interpretations, 三同步) and assigns the 索引号, in one
 * transaction. It does nothing when the document was unscheduled, edited or rescheduled since (the job ID no
 * longer matches). Runs wherever Payload's jobs run: `jobs.autoRun` or `payload.jobs.run({ queue })`.
 */
export function createScheduledPublishTask(): TaskConfig {
  return {
    slug: scheduledPublishTaskSlug,
    label: '定时发布 (Gongkai scheduled publication)',
    inputSchema: [
      { name: 'collection', type: 'text', required: true },
      { name: 'id', type: 'text', required: true },
    ],
    outputSchema: [
      { name: 'status', type: 'text' },
      { name: 'published', type: 'json' },
    ],
    retries: 2,
    handler: async ({ input, job, req: jobReq }) => {
      const payload = jobReq.payload
      const revertSchedule = async (args: { collection: string; id: string; jobId: number | string; message: string }) => {
        const req = await createLocalReq({}, payload)
        await inWorkflowTransaction(req, async () => {
          const doc: Doc | null = await payload.findByID({ collection: args.collection, id: args.id, draft: true, depth: 0, overrideAccess: true, disableErrors: true, req })
          if (!doc) return
          const workflow: WorkflowRecord = doc.workflow ?? {}
          await payload.update({
            collection: args.collection,
            id: args.id,
            data: { workflowState: 'approved', workflow: { ...workflow, scheduledFor: null, scheduledJobId: null } },
            draft: true,
            depth: 0,
            overrideAccess: true,
            req,
          })
          await recordAudit({
            payload,
            req,
            action: 'scheduled_publish_failed',
            collection: args.collection,
            documentId: args.id,
            documentTitle: titleOf(doc),
            fromState: 'scheduled',
            toState: 'approved',
            reason: args.message,
            details: { jobId: args.jobId, scheduledFor: workflow.scheduledFor ?? null },
          })
        })
      }
      const options = gongkaiOptionsOf(payload)
      const { collection, id } = input as { collection: string; id: string }
      const key = workflowCollectionOf(options, collection)
      if (!key) return { output: { status: 'skipped: unknown collection', published: [] } }
      const req = await createLocalReq({}, payload)
      const run = inWorkflowTransaction(req, async () => {
        const doc: Doc | null = await payload.findByID({ collection, id, draft: true, depth: 0, overrideAccess: true, disableErrors: true, req })
        const workflow: WorkflowRecord = doc?.workflow ?? {}
        if (!doc || doc.workflowState !== 'scheduled' || String(workflow.scheduledJobId ?? '') !== String(job.id)) {
          return { output: { status: 'skipped: no longer scheduled', published: [] } }
        }
        const scheduledById = relationId(workflow.scheduledBy)
        const user = scheduledById
          ? ((await payload.findByID({ collection: options.usersSlug, id: scheduledById, depth: 0, overrideAccess: true, disableErrors: true, req })) as Doc | null)
          : null
        const published = await publishBundle({
          req,
          options,
          key,
          doc,
          user,
          action: 'schedule',
          publishAt: new Date().toISOString(),
        })
        return { output: { status: 'published', published } }
      })
      try {
        return await run
      } catch (error) {
        // A rule that refuses the publication (要素不齐全, 三同步…) will refuse it on every retry: give the document
        // back to the publishers as 已审核 and say why in the audit log. Other errors (database) are retried.
        if (!(error instanceof WorkflowError)) throw error
        await revertSchedule({ collection, id, jobId: job.id, message: error.message })
        return { output: { status: `failed: ${error.message}`, published: [] } }
      }
    },
  }
}

import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { CollectionConfig, Config } from 'payload'

import { applyAccessControl } from './access/applyAccessControl.js'
import { createAgenciesCollection } from './collections/Agencies/index.js'
import { createAttachmentsCollection } from './collections/Attachments/index.js'
import { createAuditLogCollection } from './collections/AuditLog/index.js'
import { createIndexCountersCollection } from './collections/IndexCounters/index.js'
import { createDecisionCataloguesCollection } from './collections/DecisionCatalogues/index.js'
import { createDecisionsCollection } from './collections/Decisions/index.js'
import { createInterpretationsCollection } from './collections/Interpretations/index.js'
import { createParticipationCollection } from './collections/Participation/index.js'
import { createRegistrationsCollection } from './collections/Registrations/index.js'
import { participationComplianceEndpoint } from './endpoints/participationComplianceEndpoint.js'
import { createPoliciesCollection } from './collections/Policies/index.js'
import { createTopicsCollection } from './collections/Topics/index.js'
import { createDeliveriesCollection, createDeliveryStoreCollection } from './delivery/deliveriesCollection.js'
import { deliveryChannelsFieldOf, withDeliveryStatus } from './delivery/deliveryFields.js'
import { createDeliveryTask } from './delivery/deliveryTask.js'
import { startDeliveryWorker } from './delivery/deliveryWorker.js'
import { retryDeliveryEndpoint } from './delivery/retryDelivery.js'
import { withQueryPresetLabels } from './queryPresets/localizeQueryPresets.js'
import { applyConfidentialityReview } from './review/applyConfidentialityReview.js'
import { sanitizeOptions } from './sanitizeOptions.js'
import { seedTopics } from './seed/seedTopics.js'
import { defaultUsersCollection, extendUsersCollection } from './users/extendUsersCollection.js'
import { workbenchEndpoint } from './endpoints/workbenchEndpoint.js'
import { createScheduledPublishTask } from './jobs/scheduledPublishTask.js'
import { installAuditLogGuard } from './audit/installAuditLogGuard.js'
import { optionsConfigKey, workflowCollectionOf } from './infrastructure/runtime.js'
import { seedDisclosureReviewPreset } from './workflow/seedDisclosureReviewPreset.js'
import { withWorkbench } from './workbench/withWorkbench.js'
import { withWorkflow } from './workflow/withWorkflow.js'
import { withRuleWarnings } from './rules/withRuleWarnings.js'
import { withUniqueRefusals } from './hooks/refuseDuplicateValues.js'
import { withGongkaiTranslations } from './translations/index.js'
import type { GongkaiCollectionKey, GongkaiPluginOptions, SanitizedGongkaiPluginOptions } from './types.js'

const collectionBuilders: [GongkaiCollectionKey, (options: SanitizedGongkaiPluginOptions) => CollectionConfig][] = [
  ['policies', createPoliciesCollection],
  ['interpretations', createInterpretationsCollection],
  ['decisions', createDecisionsCollection],
  ['participation', createParticipationCollection],
  ['registrations', createRegistrationsCollection],
  ['catalogues', createDecisionCataloguesCollection],
  ['agencies', createAgenciesCollection],
  ['topics', createTopicsCollection],
  ['attachments', createAttachmentsCollection],
  ['auditLog', createAuditLogCollection],
  ['indexCounters', createIndexCountersCollection],
]

/** Collections no editor saves: their unique constraints are the workflow's business. */
const internalCollections: ReadonlySet<GongkaiCollectionKey> = new Set(['auditLog', 'indexCounters'])

/**
 * Adds the 政务公开 content model to a Payload config: agencies, the 主题分类 taxonomy, policy documents,
 * interpretations, major administrative decisions and public participation records.
 *
 * @example
 * export default buildConfig({ editor: lexicalEditor(), plugins: [gongkaiPlugin({ commentPeriodMinDays: 30 })], … })
 */
export const gongkaiPlugin =
  (pluginOptions: GongkaiPluginOptions = {}) =>
  (incomingConfig: Config): Config => {
    const options = sanitizeOptions(pluginOptions, incomingConfig)

    const collections = collectionBuilders
      .filter(([key]) => key !== 'attachments' || options.hasOwnUploadsCollection)
      .map(([key, build]) => {
        const built = build(options)
        const workflowKey = workflowCollectionOf(options, built.slug)
        const withChannels = workflowKey ? deliveryChannelsFieldOf(workflowKey, built, options) : built
        const withRules = workflowKey && !options.isDisabled ? withRuleWarnings(workflowKey, withChannels, options) : withChannels
        const withStatus = workflowKey ? withDeliveryStatus(withWorkflow(workflowKey, withRules, options), options) : built
        // 保密审查 belongs to the same collections as the workflow: its record, findings and actions.
        const collection = workflowKey ? applyConfidentialityReview({ collection: withStatus, options }) : withStatus
        const defaultCollection = applyAccessControl({ key, collection, options })
        const override = options.overrides[key]
        const overridden = override ? override({ defaultCollection }) : defaultCollection
        // Editors hear of a taken value by its field's label before the database refuses it (issue 12); the
        // internal counters keep the database's word, which the workflow reads and retries on.
        return options.isDisabled || internalCollections.has(key) ? overridden : withUniqueRefusals(overridden)
      })

    // The delivery collections stay when delivery is off or the plugin is disabled: the schema does not change.
    const deliveries = createDeliveriesCollection(options)
    collections.push(
      options.isDisabled || !options.delivery.isEnabled ? deliveries : { ...deliveries, endpoints: [retryDeliveryEndpoint] },
      createDeliveryStoreCollection(options),
    )

    const existingCollections = incomingConfig.collections ?? []
    const withUsers = options.hasOwnUsersCollection
      ? [defaultUsersCollection(options.usersSlug), ...existingCollections]
      : existingCollections
    const config: Config = {
      ...incomingConfig,
      admin: { ...incomingConfig.admin, user: incomingConfig.admin?.user ?? options.usersSlug },
      collections: [
        ...withUsers.map((collection) =>
          collection.slug === options.usersSlug ? extendUsersCollection(collection, options) : collection,
        ),
        ...collections,
      ],
      // The workflow's local API functions (transition, recordAudit…) read the sanitized options from here.
      custom: { ...incomingConfig.custom, [optionsConfigKey]: options },
      // The plugin's messages in Payload's i18n (`req.t('gongkai:…')`), Chinese first, English provided.
      i18n: withGongkaiTranslations(incomingConfig.i18n),
      // Workflow refusals are expected answers (4xx with a Chinese rule), not server errors.
      loggingLevels: { ...({ WorkflowError: 'info' } as Config['loggingLevels']), ...incomingConfig.loggingLevels },
    }

    // The task is registered even when disabled: it creates the payload-jobs table, and the schema must not
    // change. Nothing queues it while disabled.
    config.jobs = {
      ...incomingConfig.jobs,
      // Payload's runner marks jobs as processing with a read and then a write, so two workers can run one job
      // (the delivery inside is claimed once). When the first deletes the finished job, the second fails to
      // log to it and leaks the connection of its job-update transaction; keeping finished jobs avoids that.
      // Finished delivery jobs are removed after a day by the delivery worker.
      deleteJobOnComplete: incomingConfig.jobs?.deleteJobOnComplete ?? false,
      tasks: [...(incomingConfig.jobs?.tasks ?? []), createScheduledPublishTask(), createDeliveryTask()],
    }

    // Collections and fields stay when disabled so the schema does not change; behaviour does not.
    if (options.isDisabled) return config
    if (options.delivery.isEnabled) {
      // `payload gongkai:deliver [--once]`: the standalone delivery worker (built next to this file). Not
      // `new URL('./deliverCommand.js', import.meta.url)`: Next's bundler turns that into an asset URL of its own
      // URL class, which fileURLToPath refuses, and every admin page that builds the config fails.
      const scriptPath = path.join(path.dirname(fileURLToPath(import.meta.url)), 'deliverCommand.js')
      config.bin = [...(incomingConfig.bin ?? []), { key: 'gongkai:deliver', scriptPath }]
    }
    config.endpoints = [...(incomingConfig.endpoints ?? []), participationComplianceEndpoint(options), workbenchEndpoint]
    config.admin = withWorkbench(config.admin, options)
    const withPresetLabels = withQueryPresetLabels(config, options.labelLanguages)
    config.queryPresets = withPresetLabels.queryPresets
    config.admin = withPresetLabels.admin
    config.onInit = async (payload) => {
      if (incomingConfig.onInit) await incomingConfig.onInit(payload)
      if (options.shouldSeedTopics) {
        await seedTopics({ payload, topicsSlug: options.slugs.topics, taxonomy: options.topicTaxonomy })
      }
      await installAuditLogGuard({ payload, slug: options.slugs.auditLog })
      await seedDisclosureReviewPreset({ payload, policiesSlug: options.slugs.policies })
      // Deliveries start right after each publishing commit, in this process, unless a separate worker runs them.
      startDeliveryWorker(payload)
    }
    return config
  }

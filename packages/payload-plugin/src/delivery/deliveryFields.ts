import type { CollectionConfig } from 'payload'

import type { AgencyOwnedCollection } from '../access/documentAgencies.js'
import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { labeler } from '../utilities/localize.js'
import { deliveryStates } from './deliveryStates.js'
import { deliveryChannelsField } from './enqueueDeliveries.js'

export const deliveryStatusComponentPath = '@gongkai/payload-plugin/client#DeliveryStatus'

/**
 * 推送渠道: the editor's choice of new-media channels for this document (the library always gets 主动公开
 * documents). Present only when channels are configured; its options follow the configuration.
 */
export function deliveryChannelsFieldOf(key: AgencyOwnedCollection, collection: CollectionConfig, options: SanitizedGongkaiPluginOptions): CollectionConfig {
  const channels = options.delivery.targets.filter((target) => target.kind !== 'library' && target.collections.includes(key as never))
  if (key === 'participation' || channels.length === 0) return collection
  const label = labeler(options.labelLanguages)
  return {
    ...collection,
    fields: [
      ...collection.fields,
      {
        name: deliveryChannelsField,
        type: 'select',
        hasMany: true,
        label: label('推送渠道', 'Channels'),
        options: channels.map((channel) => ({ value: channel.name, label: channel.label })),
        defaultValue: channels.filter((channel) => channel.isDefault).map((channel) => channel.name),
        admin: {
          position: 'sidebar',
          description: label('发布后推送到哪些政务新媒体账号（主动公开文件总是推送到政策文件库）', 'New-media channels this document goes to when published'),
        },
      },
    ],
  }
}

/** Shows the per-target delivery state beside the workflow controls (when delivery is on). */
export function withDeliveryStatus(collection: CollectionConfig, options: SanitizedGongkaiPluginOptions): CollectionConfig {
  if (options.isDisabled || !options.delivery.isEnabled) return collection
  const edit = collection.admin?.components?.edit
  return {
    ...collection,
    admin: {
      ...collection.admin,
      components: {
        ...collection.admin?.components,
        edit: {
          ...edit,
          beforeDocumentControls: [
            ...(edit?.beforeDocumentControls ?? []),
            {
              path: deliveryStatusComponentPath,
              clientProps: {
                deliveriesSlug: options.delivery.deliveriesSlug,
                stateLabels: Object.fromEntries(deliveryStates.map((state) => [state.value, state.label.zh])),
              },
            },
          ],
        },
      },
    },
  }
}

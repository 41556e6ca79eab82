import type { CollectionConfig } from 'payload'

import type { AgencyOwnedCollection } from '../access/documentAgencies.js'
import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { labeler } from '../utilities/localize.js'
import { deliveryStates } from './deliveryStates.js'
import { deliveryChannelsField } from './enqueueDeliveries.js'

export const deliveryStatusComponentPath = '@gongkai/payload-plugin/client#DeliveryStatus'

/**
 * 推送渠道: the editor's choice of new-media channels for this document (the library always gets 主动公开
 * documents). Stored as text values so that configuring channels never changes the database schema; the
 * field is hidden while no channel is configured, and only configured channel names are accepted.
 */
export function deliveryChannelsFieldOf(key: AgencyOwnedCollection, collection: CollectionConfig, options: SanitizedGongkaiPluginOptions): CollectionConfig {
  if (key === 'participation') return collection
  const channels = options.delivery.targets.filter((target) => target.kind !== 'library' && target.collections.includes(key as never))
  const names = channels.map((channel) => channel.name)
  const label = labeler(options.labelLanguages)
  const listed = channels.map((channel) => `${channel.name}（${channel.label}）`).join('、')
  return {
    ...collection,
    fields: [
      ...collection.fields,
      {
        name: deliveryChannelsField,
        type: 'text',
        hasMany: true,
        label: label('推送渠道', 'Channels'),
        defaultValue: channels.filter((channel) => channel.isDefault).map((channel) => channel.name),
        validate: (value: unknown) => {
          const unknown = (Array.isArray(value) ? value : []).filter((name) => !names.includes(String(name)))
          if (unknown.length === 0) return true
          return `推送渠道“${unknown.map(String).join('、')}”不存在${names.length > 0 ? `，可选：${listed}` : '：尚未配置任何推送渠道'}`
        },
        admin: {
          position: 'sidebar',
          hidden: channels.length === 0,
          description: label(
            `发布后推送到哪些政务新媒体账号（主动公开文件总是推送到政策文件库）。可选：${listed}`,
            `New-media channels this document goes to when published. Available: ${names.join(', ')}`,
          ),
        },
      },
    ],
  }
}

/**
 * Shows the per-target delivery state beside the workflow controls. Added whether delivery is on or not (it
 * shows nothing for a document without deliveries): the admin's import map is generated at build time, often
 * without the delivery environment, and a component missing from it never renders once delivery is turned on.
 */
export function withDeliveryStatus(collection: CollectionConfig, options: SanitizedGongkaiPluginOptions): CollectionConfig {
  if (options.isDisabled) return collection
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
                stateLabels: Object.fromEntries(deliveryStates.map((state) => [state.value, state.label])),
              },
            },
          ],
        },
      },
    },
  }
}

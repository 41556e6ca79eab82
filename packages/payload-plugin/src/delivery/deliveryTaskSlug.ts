/** Name of the delivery task in Payload's jobs queue. */
export const deliveryTaskSlug = 'gongkaiDeliver'

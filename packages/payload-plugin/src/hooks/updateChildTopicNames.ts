import type { CollectionAfterChangeHook } from 'payload'

/** When a top-level topic is renamed, its children's full names follow. */
export function updateChildTopicNames(topicsSlug: string): CollectionAfterChangeHook {
  return async ({ doc, previousDoc, operation, req }) => {
    if (operation !== 'update' || previousDoc?.name === doc.name) return doc
    const { docs: children } = await req.payload.find({
      collection: topicsSlug,
      where: { parent: { equals: doc.id } },
      depth: 0,
      pagination: false,
      req,
    })
    for (const child of children) {
      await req.payload.update({ collection: topicsSlug, id: child.id, data: { name: child.name }, depth: 0, req })
    }
    return doc
  }
}

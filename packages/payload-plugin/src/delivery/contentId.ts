/** The library's content id of a document: `${collection slug}-${id}`, stable for the document's life. */
export function contentIdOf(collection: string, id: number | string): string {
  return `${collection}-${String(id)}`
}

import { ValidationError } from 'payload'
import type { CollectionAfterErrorHook, CollectionBeforeChangeHook, CollectionConfig, Field, PayloadRequest, SanitizedCollectionConfig, Where } from 'payload'

import { message, payloadLabelIn } from '../translations/message.js'
import { isRecord } from '../utilities/isRecord.js'
import { relationId } from '../utilities/relationIds.js'

/** The fields of one unique constraint of a collection: one field (`unique: true`) or a compound index, in order. */
export type UniqueFields = readonly [string, ...string[]]

/** The field an editor sees the refusal at: the constraint's last (目录序号 after 目录年度). */
function lastOf(fields: UniqueFields): string {
  return fields[fields.length - 1] ?? fields[0]
}

function fieldOf(collection: SanitizedCollectionConfig, name: string): Record<string, unknown> | undefined {
  const field: unknown = collection.flattenedFields.find((candidate) => 'name' in candidate && candidate.name === name)
  return isRecord(field) ? field : undefined
}

/** The field's label in the request's language (its name only for a field that has no label). */
function labelOf(collection: SanitizedCollectionConfig, name: string, req: PayloadRequest): string {
  return payloadLabelIn(fieldOf(collection, name)?.label, req, name)
}

function labelsOf(collection: SanitizedCollectionConfig, fields: UniqueFields, req: PayloadRequest): string {
  return fields.map((name) => labelOf(collection, name, req)).join(message(req, 'labelSeparator'))
}

/** The title of a document (its `useAsTitle` field), its ID when it has none. */
function titleOf(collection: SanitizedCollectionConfig, doc: Record<string, unknown>): string {
  const title = doc[collection.admin?.useAsTitle ?? 'id']
  return typeof title === 'string' && title !== '' ? title : String(doc.id)
}

/** A stored value as an editor knows it: a related document by its title, anything else as it is. */
async function shownValue(collection: SanitizedCollectionConfig, name: string, value: unknown, req: PayloadRequest): Promise<string> {
  const field = fieldOf(collection, name)
  if (field?.type === 'relationship' && typeof field.relationTo === 'string') {
    const id = relationId(value)
    const related = req.payload.collections[field.relationTo]?.config
    if (id === undefined || !related) return String(value)
    const doc: unknown = await req.payload.findByID({ collection: field.relationTo, id, depth: 0, disableErrors: true, overrideAccess: true, req })
    return isRecord(doc) ? titleOf(related, doc) : id
  }
  return String(value)
}

/** What the database compares: a related document by its ID. */
function storedValue(collection: SanitizedCollectionConfig, name: string, value: unknown): unknown {
  return fieldOf(collection, name)?.type === 'relationship' ? relationId(value) : value
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === ''
}

/**
 * Refuses a save that would give a unique field (or a compound unique index) a value another document already holds,
 * before the database does: a `ValidationError` on the constraint's last field whose message names the fields by
 * their labels and the document that holds the value, in the request's language. Runs for drafts too (field
 * validations do not), last among `beforeChange` hooks so it sees values as they will be stored; compares with
 * the collection's documents as the database holds them, the document being saved excepted.
 */
export function refuseDuplicateValues(constraints: readonly UniqueFields[]): CollectionBeforeChangeHook {
  return async ({ collection, data, originalDoc, req }) => {
    const original: Record<string, unknown> = isRecord(originalDoc) ? originalDoc : {}
    for (const fields of constraints) {
      const values = fields.map((name) => (name in data ? data[name] : original[name]))
      if (values.some(isEmpty)) continue
      // Values the document already held are its own (the database refused any other holder): no query.
      const isUnchanged = original.id !== undefined && fields.every((name, index) => String(storedValue(collection, name, values[index])) === String(storedValue(collection, name, original[name])))
      if (isUnchanged) continue
      const where: Where = {
        and: [
          ...fields.map((name, index) => ({ [name]: { equals: storedValue(collection, name, values[index]) } })),
          ...(original.id === undefined ? [] : [{ id: { not_equals: original.id } }]),
        ],
      }
      const { docs } = await req.payload.find({ collection: collection.slug, where, depth: 0, limit: 1, pagination: false, overrideAccess: true, req })
      const holder: unknown = docs[0]
      if (!isRecord(holder)) continue
      const title = titleOf(collection, holder)
      const shown = await Promise.all(fields.map((name, index) => shownValue(collection, name, values[index], req)))
      const label = labelsOf(collection, fields, req)
      const text =
        fields.length === 1
          ? message(req, 'valueTaken', { label, value: shown[0] ?? '', title })
          : message(req, 'valuesTaken', { labels: label, values: shown.join(message(req, 'labelSeparator')), title })
      throw new ValidationError(
        { collection: collection.slug, id: typeof original.id === 'number' || typeof original.id === 'string' ? original.id : undefined, errors: [{ path: lastOf(fields), label, message: text }], req },
        req.t,
      )
    }
    return data
  }
}

/** The constraint a database error's `path` points at: the adapter gives a field's name, or the index's columns. */
function constraintAt(path: string, constraints: readonly UniqueFields[]): UniqueFields | undefined {
  const columns = path.split(/[\s,]+/).map((column) => column.replace(/_id$/, '').replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()))
  return constraints.find((fields) => fields.some((name) => columns.includes(name)))
}

/**
 * The safety net behind `refuseDuplicateValues`: a save that still reaches the unique index (two saves racing)
 * comes back from the database adapter as a `ValidationError` that names the field by its key. In a REST answer
 * its messages name the constraint's fields by their labels, in the request's language.
 */
export function labelUniqueErrors(constraints: readonly UniqueFields[]): CollectionAfterErrorHook {
  return ({ collection, error, req, result }) => {
    if (!(error instanceof ValidationError) || !collection) return
    const errors = error.data.errors
    const unlabelled = errors.filter((entry) => entry.label === undefined && typeof entry.path === 'string' && constraintAt(entry.path, constraints))
    if (unlabelled.length === 0) return
    const labelled = errors.map((entry) => {
      const fields = entry.label === undefined && typeof entry.path === 'string' ? constraintAt(entry.path, constraints) : undefined
      if (!fields) return entry
      const label = labelsOf(collection, fields, req)
      return { ...entry, path: lastOf(fields), label, message: message(req, 'valueMustBeUnique', { label }) }
    })
    const relabelled = new ValidationError({ ...error.data, errors: labelled, req }, req.t)
    return {
      response: { ...result, errors: [{ name: relabelled.name, message: relabelled.message, data: relabelled.data }] },
      status: relabelled.status,
    }
  }
}

/** The unique constraints of a collection: its top-level `unique` fields (rows and tabs included) and unique indexes. */
export function uniqueConstraintsOf(config: Pick<CollectionConfig, 'fields' | 'indexes'>): UniqueFields[] {
  const constraints: UniqueFields[] = []
  const visit = (fields: readonly Field[]): void => {
    for (const field of fields) {
      if ('name' in field && 'unique' in field && field.unique === true) constraints.push([field.name])
      if (field.type === 'row' || field.type === 'collapsible') visit(field.fields)
      if (field.type === 'tabs') for (const tab of field.tabs) if (!('name' in tab)) visit(tab.fields)
    }
  }
  visit(config.fields)
  for (const index of config.indexes ?? []) {
    const [first, ...rest] = index.fields
    if (index.unique && first !== undefined) constraints.push([first, ...rest])
  }
  return constraints
}

/**
 * The collection with its unique constraints refused in its editors' words: `refuseDuplicateValues` last among its
 * `beforeChange` hooks and `labelUniqueErrors` among its `afterError` hooks.
 */
export function withUniqueRefusals(config: CollectionConfig): CollectionConfig {
  const constraints = uniqueConstraintsOf(config)
  if (constraints.length === 0) return config
  const hooks = config.hooks ?? {}
  return {
    ...config,
    hooks: {
      ...hooks,
      beforeChange: [...(hooks.beforeChange ?? []), refuseDuplicateValues(constraints)],
      afterError: [...(hooks.afterError ?? []), labelUniqueErrors(constraints)],
    },
  }
}

import type { CollectionConfig, Field } from 'payload'
import { describe, expect, it } from 'vitest'

import typesConfig from '../scripts/payloadTypes.config.js'

// Every label an editor reads comes in both admin languages: a field without one shows its key ("validityHistory"),
// an array without `labels` shows Payload's own English row names ("Validity History 01") in the Chinese admin.

type Problem = string

function hasBothLanguages(label: unknown): boolean {
  if (typeof label === 'function' || label === false) return true
  if (!label || typeof label !== 'object') return false
  const record = label as Record<string, unknown>
  return typeof record.zh === 'string' && record.zh.trim() !== '' && typeof record.en === 'string' && record.en.trim() !== ''
}

function walk(fields: readonly Field[], where: string, problems: Problem[]): void {
  for (const field of fields) {
    const name = 'name' in field && field.name ? field.name : undefined
    const path = name ? `${where}.${name}` : where
    const hidden = ('hidden' in field && field.hidden === true) || ('admin' in field && field.admin && 'hidden' in field.admin && field.admin.hidden === true)
    if (hidden) continue
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if (!hasBothLanguages(tab.label)) problems.push(`${where} tab ${'name' in tab ? tab.name : '(unnamed)'}: label`)
        walk(tab.fields, 'name' in tab && tab.name ? `${where}.${tab.name}` : where, problems)
      }
      continue
    }
    if (name && field.type !== 'ui' && !hasBothLanguages('label' in field ? field.label : undefined)) problems.push(`${path}: label`)
    if (field.type === 'array') {
      if (!hasBothLanguages(field.labels?.singular) || !hasBothLanguages(field.labels?.plural)) problems.push(`${path}: labels.singular/plural (row names)`)
    }
    if (field.type === 'select' || field.type === 'radio') {
      for (const option of field.options) {
        if (typeof option === 'string' || !hasBothLanguages(option.label)) problems.push(`${path}: option ${typeof option === 'string' ? option : option.value}`)
      }
    }
    if ('fields' in field && Array.isArray(field.fields)) walk(field.fields, path, problems)
    if (field.type === 'blocks') for (const block of field.blocks) walk(block.fields, `${path}.${block.slug}`, problems)
  }
}

describe('labels in both admin languages', () => {
  it('every collection the plugin adds, its fields, array rows and options have a Chinese and an English label', async () => {
    const config = await typesConfig
    // Payload's own collections and the plugin's internal ones (hidden from the admin) have no editor-facing labels.
    const ours = config.collections.filter((collection: CollectionConfig) => !collection.slug.startsWith('payload-') && collection.admin?.hidden !== true)
    expect(ours.length).toBeGreaterThan(8)
    const problems: Problem[] = []
    for (const collection of ours) {
      // The users collection is the app's own (the plugin adds its fields to it), so its name is the app's.
      if (collection.slug !== config.admin.user && (!hasBothLanguages(collection.labels?.singular) || !hasBothLanguages(collection.labels?.plural))) problems.push(`${collection.slug}: labels`)
      // Payload's own fields (id, createdAt, updatedAt, upload metadata) are named by Payload's translations.
      const own = collection.fields.filter((field) => !('name' in field) || !['id', 'createdAt', 'updatedAt', 'filename', 'mimeType', 'filesize', 'width', 'height', 'focalX', 'focalY', 'url', 'thumbnailURL', '_status', 'sizes', 'sessions'].includes(field.name))
      walk(own, collection.slug, problems)
    }
    expect(problems).toEqual([])
  })
})

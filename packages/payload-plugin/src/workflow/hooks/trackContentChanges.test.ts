import type { Field } from 'payload'
import { describe, expect, it } from 'vitest'

import { changedContentFields } from './trackContentChanges.js'

const fields: Field[] = [
  { name: 'title', type: 'text' },
  { type: 'row', fields: [{ name: 'writtenDate', type: 'date' }, { name: 'publishDate', type: 'date' }] },
  { name: 'issuingAgency', type: 'relationship', relationTo: 'agencies' },
  { name: 'attachments', type: 'upload', relationTo: 'media', hasMany: true },
  { name: 'body', type: 'richText' },
  { name: 'workflowState', type: 'select', options: ['draft'] },
  { name: 'confidentialityReview', type: 'group', fields: [{ name: 'conclusion', type: 'text' }] },
  { name: 'interpretations', type: 'join', collection: 'interpretations', on: 'policies' },
]

const stored = {
  title: '通知',
  writtenDate: '2024-06-28T04:00:00.000Z',
  issuingAgency: 7,
  attachments: [3, 4],
  body: { root: { children: [{ text: '正文' }] } },
  workflowState: 'approved',
}

describe('changedContentFields', () => {
  it('sees nothing when the same values come back, relations as IDs or documents', () => {
    expect(changedContentFields(fields, { ...stored, issuingAgency: { id: 7, name: '武清区' }, attachments: [{ id: 3 }, { id: 4 }] }, stored)).toEqual([])
  })

  it('ignores fields the workflow and the review own, and fields not sent', () => {
    expect(changedContentFields(fields, { workflowState: 'draft', confidentialityReview: { conclusion: 'passed' } }, stored)).toEqual([])
    expect(changedContentFields(fields, {}, stored)).toEqual([])
  })

  it('names each changed content field, inside rows too', () => {
    expect(
      changedContentFields(fields, { title: '新标题', publishDate: '2024-07-01T04:00:00.000Z', attachments: [3], body: { root: { children: [{ text: '改' }] } } }, stored),
    ).toEqual(['title', 'publishDate', 'attachments', 'body'])
  })
})

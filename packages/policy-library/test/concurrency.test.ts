import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { documentInput, startLibrary, type RunningLibrary } from './helpers.js'

let library: RunningLibrary
let token: string
beforeAll(async () => {
  library = await startLibrary('pl_concurrency', { rateLimit: false })
  token = await library.agencyWithToken('wuqing')
})
afterAll(async () => {
  await library?.stop()
})

describe('concurrent batches over the same new documents', () => {
  it('never deadlock into a 500: one creates each document, the other is told it exists', async () => {
    for (let round = 0; round < 6; round++) {
      const ids = Array.from({ length: 500 }, (_, index) => `race-${round}-${String(index).padStart(3, '0')}`)
      const batch = (order: string[]) =>
        library.call('POST', '/v1/document-batches', { token, body: { items: order.map((contentId) => ({ contentId, document: documentInput({ title: contentId, bodyText: '通知' }) })) } })
      const answers = await Promise.all([batch(ids), batch([...ids].reverse()), batch([...ids.slice(250), ...ids.slice(0, 250)])])
      for (const answer of answers) expect(answer.status, answer.text.slice(0, 300)).toBe(200)
      // Every id was created exactly once; the other batches got 409 for it.
      for (const contentId of ids) {
        const statuses = answers.map((answer) => answer.body.results.find((result: { contentId: string }) => result.contentId === contentId).status).sort()
        expect(statuses).toEqual([201, 409, 409])
      }
    }
  }, 60_000)
})

import { availableParallelism } from 'node:os'
import { expect, it } from 'vitest'
import { configFromEnv, createPolicyLibrary } from '../src/index.js'

const databaseUrl = 'postgres://postgres@127.0.0.1:5432/library'

it('reads the index threads and snapshot from the environment', () => {
  expect(configFromEnv({ DATABASE_URL: databaseUrl }).options).toMatchObject({ searchThreads: Math.min(availableParallelism(), 4), indexSnapshotIntervalMs: 600_000 })
  expect(configFromEnv({ DATABASE_URL: databaseUrl }).options.indexSnapshotPath).toBeUndefined()
  const { options } = configFromEnv({
    DATABASE_URL: databaseUrl,
    GONGKAI_LIBRARY_SEARCH_THREADS: '3',
    GONGKAI_LIBRARY_INDEX_SNAPSHOT: '/var/lib/gongkai/index.snapshot',
    GONGKAI_LIBRARY_INDEX_SNAPSHOT_INTERVAL: '60',
  })
  expect(options).toMatchObject({ searchThreads: 3, indexSnapshotPath: '/var/lib/gongkai/index.snapshot', indexSnapshotIntervalMs: 60_000 })
  for (const threads of ['0', '1.5', 'many', '65']) {
    expect(() => configFromEnv({ DATABASE_URL: databaseUrl, GONGKAI_LIBRARY_SEARCH_THREADS: threads })).toThrow(/GONGKAI_LIBRARY_SEARCH_THREADS/)
  }
  expect(() => configFromEnv({ DATABASE_URL: databaseUrl, GONGKAI_LIBRARY_INDEX_SNAPSHOT_INTERVAL: '0' })).toThrow(/GONGKAI_LIBRARY_INDEX_SNAPSHOT_INTERVAL/)
})

it('refuses a number of index threads it cannot run', () => {
  expect(() => createPolicyLibrary({ databaseUrl, searchThreads: 0, logger: { level: 'silent' } })).toThrow(/searchThreads/)
})

import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['@gongkai/dev-postgres/vitest-global-setup'],
    // Each integration file pushes the whole schema to a fresh database before its tests.
    hookTimeout: 240_000,
    testTimeout: 60_000,
    pool: 'forks',
  },
})

import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['bench/**/*.bench.ts'],
    globalSetup: ['@gongkai/dev-postgres/vitest-global-setup'],
    hookTimeout: 240_000,
    testTimeout: 600_000,
    pool: 'forks',
  },
})

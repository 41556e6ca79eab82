import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['@gongkai/dev-postgres/vitest-global-setup'],
    hookTimeout: 120_000,
    testTimeout: 30_000,
  },
})

import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['./src/vitestGlobalSetup.ts'],
    hookTimeout: 120_000,
  },
})

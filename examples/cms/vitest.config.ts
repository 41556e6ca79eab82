import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['@gongkai/dev-postgres/vitest-global-setup'],
    testTimeout: 180_000,
    hookTimeout: 240_000,
    // One CMS server and one browser at a time: the admin is heavy on two cores.
    fileParallelism: false,
  },
})

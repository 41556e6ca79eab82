import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['@gongkai/dev-postgres/vitest-global-setup'],
    // The packed-tarball test packs, installs and starts Payload in a fresh project.
    hookTimeout: 900_000,
    testTimeout: 600_000,
    pool: 'forks',
  },
})

import { defineConfig } from 'tsup'

export default defineConfig({
  entry: ['src/index.ts', 'src/channels/index.ts', 'src/webhook.ts', 'src/testing/index.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
})

import { defineConfig } from 'tsup'

export default defineConfig({
  // The index worker is its own entry: worker threads load it by path (`dist/indexWorker.js`).
  entry: { index: 'src/index.ts', bin: 'src/bin.ts', indexWorker: 'src/search/indexWorker.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  clean: true,
  sourcemap: true,
  target: 'es2022',
})

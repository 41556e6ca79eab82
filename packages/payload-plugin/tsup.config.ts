import { defineConfig } from 'tsup'

export default defineConfig([
  {
    entry: { index: 'src/index.ts', types: 'src/types.ts', deliverCommand: 'src/delivery/deliverCommand.ts' },
    format: ['esm'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'es2022',
    // Payload and core are resolved from the app that installs the plugin.
    external: ['payload', '@gongkai/core', '@gongkai/sdk', '@payloadcms/richtext-lexical', '@payloadcms/db-postgres'],
  },
  {
    // Admin components, loaded by the app's import map as '@gongkai/payload-plugin/client#…'. esbuild drops
    // module-level directives when bundling, so the 'use client' boundary is written back as a banner.
    entry: { client: 'src/exports/client.ts' },
    format: ['esm'],
    dts: true,
    sourcemap: true,
    target: 'es2022',
    banner: { js: "'use client'" },
    external: ['payload', '@gongkai/core', '@payloadcms/ui', 'react', 'react/jsx-runtime'],
  },
])

#!/usr/bin/env node
import { configFromEnv } from './config.js'
import { createPolicyLibrary } from './createPolicyLibrary.js'

const { options, port, host } = configFromEnv()
const library = createPolicyLibrary(options)
try {
  await library.listen({ port, host })
} catch (error) {
  library.logger.fatal({ err: error }, 'policy library failed to start')
  await library.close().catch(() => {})
  process.exit(1)
}

let isStopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (isStopping) return
    isStopping = true
    library.logger.info({ signal }, 'shutting down')
    library.close().then(
      () => process.exit(0),
      (error: unknown) => {
        library.logger.error({ err: error }, 'shutdown failed')
        process.exit(1)
      },
    )
  })
}

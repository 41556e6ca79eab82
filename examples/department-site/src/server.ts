#!/usr/bin/env node
import { createPolicyLibraryClient } from '@gongkai/sdk'
import { createDepartmentSite } from './createDepartmentSite'

// POLICY_LIBRARY_URL=http://127.0.0.1:4000 SITE_TITLE=武清区人民政府 AGENCY=wuqing-gov PORT=3100 node dist/server.js
const libraryUrl = process.env.POLICY_LIBRARY_URL ?? 'http://127.0.0.1:4000'
const library = createPolicyLibraryClient({ baseUrl: libraryUrl })
const site = createDepartmentSite({
  library,
  title: process.env.SITE_TITLE ?? '示例部门网站',
  agency: process.env.AGENCY || undefined,
  // Where readers reach the library (for 订阅 links) when it differs from the address the site uses.
  libraryUrl: process.env.POLICY_LIBRARY_PUBLIC_URL || libraryUrl,
})
const port = Number(process.env.PORT ?? 3100)
site.listen(port, () => console.log(`department site on http://127.0.0.1:${port}`))
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => site.close(() => process.exit(0)))

import type { Config } from 'payload'

import type { SanitizedGongkaiPluginOptions } from '../types.js'

export const workbenchComponentPath = '@gongkai/payload-plugin/client#Workbench'

/**
 * The 工作台 as the admin's dashboard, unless the app brings its own dashboard view or `workbench: false`.
 * Also names Payload's list presets in Chinese and English (Payload labels them “Preset”/“Presets” only).
 */
export function withWorkbench(admin: Config['admin'], options: SanitizedGongkaiPluginOptions): Config['admin'] {
  const views = admin?.components?.views
  if (!options.shouldReplaceDashboard || views?.dashboard) return admin
  return {
    ...admin,
    components: {
      ...admin?.components,
      views: { ...views, dashboard: { Component: { path: workbenchComponentPath, clientProps: { timeZone: options.timeZone } } } },
    },
  }
}

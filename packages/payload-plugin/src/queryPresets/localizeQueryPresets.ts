import type { Config, Field, SanitizedConfig } from 'payload'

import type { LabelLanguage } from '../types.js'
import { labeler } from '../utilities/localize.js'

const presetsSlug = 'payload-query-presets'
const accessCellPath = '@gongkai/payload-plugin/client#QueryPresetAccessCell'
const columnsCellPath = '@gongkai/payload-plugin/client#QueryPresetColumnsCell'

/**
 * Payload names its list presets “Preset”/“Presets” in every language; the plugin names them 筛选方案 unless the app
 * set `queryPresets.labels`. Also registers the presets list's translated cells in the import map (they are put
 * on Payload's presets collection by {@link localizeQueryPresetsCollection}, after the config is sanitized).
 */
export function withQueryPresetLabels(config: Config, languages: readonly LabelLanguage[]): Config {
  const label = labeler(languages)
  const queryPresets = {
    ...config.queryPresets,
    labels: config.queryPresets?.labels ?? { singular: label('筛选方案', 'Preset'), plural: label('筛选方案', 'Presets') },
  } as Config['queryPresets']
  return {
    ...config,
    queryPresets,
    admin: {
      ...config.admin,
      dependencies: {
        ...config.admin?.dependencies,
        gongkaiQueryPresetAccessCell: { type: 'component', path: accessCellPath },
        gongkaiQueryPresetColumnsCell: { type: 'component', path: columnsCellPath },
      },
    },
  }
}

type MutableField = Field & { label?: unknown; fields?: MutableField[]; options?: { label: unknown; value: string }[]; admin?: Record<string, unknown> }

/**
 * Payload builds its presets collection (`payload-query-presets`) itself while sanitizing the config, with English
 * labels written into the fields (Title, Is Shared, Sharing settings, Read, Everyone…) and cells that print field
 * names (“Index Number”); no option reaches them and plugins run before it is built. This gives the built fields
 * Chinese and English labels and the two cells translated replacements, on the sanitized config (idempotent).
 */
export function localizeQueryPresetsCollection(config: SanitizedConfig, languages: readonly LabelLanguage[]): void {
  const collection = config.collections.find((candidate) => candidate.slug === presetsSlug)
  if (!collection) return
  const label = labeler(languages)
  const operationLabels: Record<string, Record<string, string>> = {
    read: label('查看', 'Read'),
    update: label('修改', 'Update'),
    delete: label('删除', 'Delete'),
  }
  const constraintLabels: Record<string, Record<string, string>> = {
    everyone: label('所有人', 'Everyone'),
    onlyMe: label('仅自己', 'Only me'),
    specificUsers: label('指定用户', 'Specific users'),
  }
  const topLabels: Record<string, Record<string, string>> = {
    title: label('名称', 'Title'),
    isShared: label('共享', 'Shared'),
    access: label('共享设置', 'Sharing settings'),
    where: label('筛选条件', 'Filters'),
    columns: label('列', 'Columns'),
    groupBy: label('分组', 'Group by'),
  }
  const localize = (fields: MutableField[]) => {
    for (const field of fields) {
      const name = 'name' in field ? field.name : undefined
      if (name && topLabels[name]) field.label = topLabels[name]
      if (name === 'access' && field.admin) {
        field.admin = { ...field.admin, components: { ...(field.admin.components as object), Cell: accessCellPath } }
      }
      if (name === 'columns' && field.admin) {
        field.admin = { ...field.admin, components: { ...(field.admin.components as object), Cell: columnsCellPath } }
      }
      if (name === 'access' && Array.isArray(field.fields)) {
        for (const collapsible of field.fields) {
          const operationGroup = collapsible.fields?.[0]
          const operation = operationGroup && 'name' in operationGroup ? operationGroup.name : undefined
          if (!operation || !operationLabels[operation]) continue
          collapsible.label = operationLabels[operation]
          for (const sub of operationGroup?.fields ?? []) {
            const subName = 'name' in sub ? sub.name : undefined
            if (subName === 'constraint') {
              sub.label = label(`谁可以${operationLabels[operation].zh ?? ''}此筛选方案`, `Who may ${operation} this preset`)
              sub.options = (sub.options ?? []).map((option) => ({ ...option, label: constraintLabels[option.value] ?? option.label }))
            }
            if (subName === 'users') sub.label = label('用户', 'Users')
          }
        }
      }
    }
  }
  localize(collection.fields as MutableField[])
  localize(collection.flattenedFields as unknown as MutableField[])
}

/**
 * Wrap the app's config with it so the presets drawer is Chinese (and English) — `export default
 * localizeQueryPresets(buildConfig({ …, plugins: [gongkaiPlugin()] }))`. It must run on the config itself, not in
 * `onInit`: Next.js loads the config once per server bundle, and the admin's client config is built from each.
 */
export async function localizeQueryPresets(config: SanitizedConfig | Promise<SanitizedConfig>): Promise<SanitizedConfig> {
  const sanitized = await config
  const options = (sanitized.custom as { gongkai?: { labelLanguages?: readonly LabelLanguage[] } } | undefined)?.gongkai
  localizeQueryPresetsCollection(sanitized, options?.labelLanguages ?? ['zh', 'en'])
  return sanitized
}

import type { Field, FieldAccess } from 'payload'

import { agencyRoleLabels, agencyRoles, isSiteAdmin } from '../access/roles.js'
import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { labeler, localize } from '../utilities/localize.js'

/** Only a site administrator may grant roles — nobody can make themselves an editor elsewhere or an administrator. */
const siteAdminOnly: FieldAccess = ({ req }) => isSiteAdmin(req.user)

/** `name` (姓名), `displayName`, `isSiteAdmin` and `agencyRoles`, added to the auth collection. */
export function createUserFields(options: SanitizedGongkaiPluginOptions): Field[] {
  const label = labeler(options.labelLanguages)
  const languages = options.labelLanguages
  return [
    {
      name: 'name',
      type: 'text',
      label: label('姓名', 'Name'),
      maxLength: 50,
      admin: { description: label('在工作流、操作记录和工作台中显示', 'Shown in the workflow, the audit trail and the workbench') },
    },
    {
      // 姓名, else the e-mail: what relationship pickers, the users list and the workflow show (set on save).
      name: 'displayName',
      type: 'text',
      label: label('显示名称', 'Display name'),
      index: true,
      admin: { hidden: true, disableListFilter: true },
    },
    {
      name: 'isSiteAdmin',
      type: 'checkbox',
      label: label('站点管理员', 'Site administrator'),
      defaultValue: false,
      access: { create: siteAdminOnly, update: siteAdminOnly },
      admin: {
        position: 'sidebar',
        description: label('可管理所有机构的内容、用户、机构和主题分类；第一个用户自动成为站点管理员', 'Manages every agency’s content, users, agencies and topics; the first user becomes one automatically'),
      },
    },
    {
      name: 'agencyRoles',
      type: 'array',
      label: label('所属机构与角色', 'Agencies and roles'),
      labels: { singular: label('机构角色', 'Agency role'), plural: label('机构角色', 'Agency roles') },
      access: { create: siteAdminOnly, update: siteAdminOnly },
      admin: {
        components: {
          Cell: { path: '@gongkai/payload-plugin/client#AgencyRolesCell', clientProps: { agenciesSlug: options.slugs.agencies, roleLabels: agencyRoleLabels } },
        },
        description: label('撰稿：起草和修改本机构的文件；审核：保密审查和审核；签发：批准发布', 'Editor drafts; reviewer checks (保密审查); publisher approves release'),
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'agency',
              type: 'relationship',
              relationTo: options.slugs.agencies,
              label: label('机构', 'Agency'),
              required: true,
              admin: { width: '50%' },
            },
            {
              name: 'roles',
              type: 'select',
              hasMany: true,
              label: label('角色', 'Roles'),
              required: true,
              options: agencyRoles.map((role) => ({ value: role, label: localize(languages, agencyRoleLabels[role]) })),
              admin: { width: '50%' },
            },
          ],
        },
      ],
    },
  ]
}

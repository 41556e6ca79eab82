import type { CollectionConfig } from 'payload'

/** Admin users. Roles and agency membership come with the editorial workflow. */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: {
    singular: { zh: '用户', en: 'User' },
    plural: { zh: '用户', en: 'Users' },
  },
  admin: {
    useAsTitle: 'email',
    group: { zh: '系统', en: 'System' },
  },
  auth: true,
  fields: [
    {
      name: 'name',
      type: 'text',
      label: { zh: '姓名', en: 'Name' },
    },
  ],
}

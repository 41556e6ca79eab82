import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import type { CollectionConfig, Config } from 'payload'
import { describe, expect, it } from 'vitest'

import { gongkaiPlugin } from '../src/index.js'
import type { GongkaiPluginOptions } from '../src/index.js'

// Building the config does not connect to the database.
const build = (collections: CollectionConfig[], options: GongkaiPluginOptions = {}, admin: Config['admin'] = {}) =>
  buildConfig({
    secret: 'users-test',
    telemetry: false,
    admin,
    editor: lexicalEditor(),
    db: postgresAdapter({ pool: { connectionString: 'postgres://unused@127.0.0.1:1/unused' } }),
    collections,
    plugins: [gongkaiPlugin(options)],
  })

const fieldNamesOf = (collection: { fields: unknown[] } | undefined) =>
  (collection?.fields ?? []).map((field) => (field as { name?: string }).name).filter(Boolean)

describe('the auth collection that gets the roles fields', () => {
  it('is a users collection the plugin adds when the config has none', async () => {
    const config = await build([])
    expect(config.admin.user).toBe('users')
    const users = config.collections.find((collection) => collection.slug === 'users')
    expect(users?.auth).toBeTruthy()
    expect(fieldNamesOf(users)).toEqual(expect.arrayContaining(['email', 'isSiteAdmin', 'agencyRoles']))
  })

  it('is config.admin.user when set, keeping the app’s own access', async () => {
    const readOwn = () => true
    const staff: CollectionConfig = { slug: 'staff', auth: true, access: { read: readOwn }, fields: [{ name: 'fullName', type: 'text' }] }
    const config = await build([{ slug: 'members', auth: true, fields: [] }, staff], {}, { user: 'staff' })
    const extended = config.collections.find((collection) => collection.slug === 'staff')
    expect(fieldNamesOf(extended)).toEqual(expect.arrayContaining(['fullName', 'isSiteAdmin', 'agencyRoles']))
    expect(extended?.access.read).toBe(readOwn)
    expect(fieldNamesOf(config.collections.find((collection) => collection.slug === 'members'))).not.toContain('isSiteAdmin')
  })

  it('is the usersCollection option when given', async () => {
    const config = await build([{ slug: 'members', auth: true, fields: [] }, { slug: 'editors', auth: true, fields: [] }], { usersCollection: 'editors' })
    expect(fieldNamesOf(config.collections.find((collection) => collection.slug === 'editors'))).toContain('agencyRoles')
    expect(fieldNamesOf(config.collections.find((collection) => collection.slug === 'members'))).not.toContain('agencyRoles')
  })

  it('must be an auth collection already in the config', async () => {
    await expect(build([{ slug: 'pages', fields: [] }], { usersCollection: 'pages' })).rejects.toThrow(
      'gongkaiPlugin: usersCollection "pages" is not an auth collection in the config; add it before gongkaiPlugin',
    )
  })
})

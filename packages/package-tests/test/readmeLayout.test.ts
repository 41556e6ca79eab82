import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { packageDirectory } from './support/workspace'

/**
 * The “Where things are” table of the plugin's and the library's README names every folder of src/ (and the
 * plugin's table every statutory rule's file in src/rules/), so a newcomer finds a concept by its name and the
 * table cannot fall behind the layout: a new folder or rule fails here until the README says where it is.
 */
function whereThingsAre(name: 'payload-plugin' | 'policy-library'): string {
  const readme = readFileSync(path.join(packageDirectory(name), 'README.md'), 'utf8')
  const start = readme.indexOf('\n## Where things are\n')
  if (start === -1) throw new Error(`packages/${name}/README.md has no “Where things are” section`)
  const end = readme.indexOf('\n## ', start + 1)
  return readme.slice(start, end === -1 ? undefined : end)
}

function sourceFolders(name: 'payload-plugin' | 'policy-library'): string[] {
  return readdirSync(path.join(packageDirectory(name), 'src'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
}

/** Whether the section links or names `src/<folder>` (as `src/access/`, `(src/access)`, `src/access/roles.ts`). */
function namesFolder(section: string, folder: string): boolean {
  return new RegExp(`src/${folder}[/)\`]`).test(section)
}

describe('the README’s “Where things are” table', () => {
  it.each(['payload-plugin', 'policy-library'] as const)('of %s names every folder of src/', (name) => {
    const section = whereThingsAre(name)
    const folders = sourceFolders(name)
    expect(folders.length).toBeGreaterThan(5)
    expect(folders.filter((folder) => !namesFolder(section, folder))).toEqual([])
  })

  it('of the plugin names every file of src/rules/ (one file per rule)', () => {
    const section = whereThingsAre('payload-plugin')
    const rules = readdirSync(path.join(packageDirectory('payload-plugin'), 'src', 'rules')).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    expect(rules).toContain('fourEyes.ts')
    expect(rules.filter((file) => !section.includes(`${file}`))).toEqual([])
  })

  it('fails on a folder the table does not name (the check reads the section, not the whole README)', () => {
    expect(namesFolder('| Who | [`src/access/`](src/access) |', 'access')).toBe(true)
    expect(namesFolder('| Who | [`src/access/`](src/access) |', 'audit')).toBe(false)
    expect(namesFolder('see src/accessories', 'access')).toBe(false)
  })
})

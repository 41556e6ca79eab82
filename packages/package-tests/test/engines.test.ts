import { realpathSync } from 'node:fs'
import path from 'node:path'

import semver from 'semver'
import { describe, expect, it } from 'vitest'

import { packageDirectory, publishedPackages, readManifest, workspaceRoot, type PackageManifest } from './support/workspace'

/** The Node versions we promise (root package.json `engines.node`, the READMEs' "Node 20.19+"). */
const promisedNode = readManifest(workspaceRoot).engines?.node ?? ''

/** Finds `name` the way Node does from `directory`: the nearest node_modules folder up the tree that has it. */
function installedDirectory(directory: string, name: string): string | undefined {
  for (let current = directory; ; current = path.dirname(current)) {
    try {
      return path.dirname(realpathSync(path.join(current, 'node_modules', name, 'package.json')))
    } catch {
      if (path.dirname(current) === current) return undefined
    }
  }
}

/** Every package installed for `directory`'s production and optional dependencies, transitively. */
function productionDependencies(directory: string): Map<string, PackageManifest> {
  const found = new Map<string, PackageManifest>()
  const visit = (from: string) => {
    const manifest = readManifest(from)
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      const installed = installedDirectory(from, name)
      // An optional dependency for another platform is not installed here.
      if (!installed || found.has(installed)) continue
      found.set(installed, readManifest(installed))
      visit(installed)
    }
  }
  visit(directory)
  return found
}

describe('the Node versions we promise', () => {
  it('are stated once in the root package.json and repeated by every published package', () => {
    expect(semver.validRange(promisedNode)).toBeTruthy()
    for (const name of publishedPackages) expect(readManifest(packageDirectory(name)).engines?.node, name).toBe(promisedNode)
  })

  it.each(publishedPackages)('are accepted by every production dependency of @gongkai/%s (installed package.json files, transitively)', (name) => {
    const dependencies = productionDependencies(packageDirectory(name))
    // @gongkai/core depends on nothing; the others must have been found installed.
    if (name !== 'core') expect(dependencies.size).toBeGreaterThan(0)
    const refusing = [...dependencies.values()]
      .filter((manifest) => manifest.engines?.node && !semver.subset(promisedNode, manifest.engines.node))
      .map((manifest) => `${manifest.name}@${manifest.version} wants node ${manifest.engines?.node}`)
    expect(refusing).toEqual([])
  })
})

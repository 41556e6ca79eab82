import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..')

/** The packages we publish to npm, as an integrator installs them. */
export const publishedPackages = ['core', 'sdk', 'policy-library', 'payload-plugin'] as const

export type PackageManifest = {
  name: string
  version: string
  private?: boolean
  engines?: { node?: string }
  exports?: Record<string, string | Record<string, string>>
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  repository?: { type: string; url: string; directory: string }
  homepage?: string
  bugs?: { url: string }
}

export function packageDirectory(name: (typeof publishedPackages)[number]): string {
  return path.join(workspaceRoot, 'packages', name)
}

export function readManifest(directory: string): PackageManifest {
  return JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8')) as PackageManifest
}

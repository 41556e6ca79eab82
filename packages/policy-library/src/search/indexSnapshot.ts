import { createHash, randomBytes } from 'node:crypto'
import { open, readdir, rename, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/**
 * The in-memory index saved to a file, so a restart loads it and replays only newer events instead of
 * reading every document from PostgreSQL.
 *
 * Layout: `GKINDEX\n`, a uint32 format version, a uint32 length and a JSON head (the event sequences
 * the index covers, the event it was taken at, the byte length and SHA-256 of each shard), each
 * shard's bytes (`invertedIndex.ts` encodes them), then the SHA-256 of the version, length and head.
 * The head's hash covers the shards' hashes, so every byte is checked; each shard's bytes are checked
 * by the thread that loads them (`checkSection`), so the shards are hashed in parallel and the main
 * thread only reads the file. It is written to a
 * temporary file beside the target, flushed to disk and renamed over it, so a crash leaves either the
 * old snapshot or the new one, never half of one. A file that is short, fails its checksum or has
 * another format version is refused with the reason (the caller rebuilds from PostgreSQL).
 */

const magic = Buffer.from('GKINDEX\n')
/** Bump when the encoding of the index changes: older snapshots are then ignored and the index rebuilt. */
export const snapshotFormatVersion = 5
const hashBytes = 32

export type SnapshotHead = {
  /** Every event up to this sequence is in the index. */
  watermark: number
  /** The highest event in the index. */
  highest: number
  /** Events above the watermark that are in the index. */
  applied: number[]
  /** The event at `highest` (null when there is none), checked against the database on load. */
  anchor: { sequence: number; contentId: string; version: number } | null
  createdAt: string
}

type StoredHead = SnapshotHead & { sections: number[]; sectionHashes: string[] }

/** The problem of a snapshot whose bytes were changed after it was written. */
export const checksumProblem = 'snapshot checksum does not match'

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/** Throws (with `checksumProblem`) unless the section's bytes have the SHA-256 the snapshot's head recorded. */
export function checkSection(bytes: Uint8Array, hash: string): void {
  if (sha256(bytes) !== hash) throw Object.assign(new Error(checksumProblem), { code: 'GK_SNAPSHOT_CHECKSUM' })
}

export async function writeSnapshot({ path, head, sections }: { path: string; head: SnapshotHead; sections: Uint8Array[] }): Promise<{ bytes: number }> {
  const temporary = join(dirname(path), `${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  const headBytes = Buffer.from(JSON.stringify({ ...head, sections: sections.map((section) => section.byteLength), sectionHashes: sections.map(sha256) } satisfies StoredHead))
  const prefix = Buffer.alloc(magic.length + 8)
  magic.copy(prefix)
  prefix.writeUInt32LE(snapshotFormatVersion, magic.length)
  prefix.writeUInt32LE(headBytes.byteLength, magic.length + 4)
  const hash = createHash('sha256')
  const file = await open(temporary, 'w', 0o600)
  let bytes = 0
  try {
    for (const part of [prefix, headBytes]) hash.update(part)
    for (const part of [prefix, headBytes, ...sections]) {
      await writeAll(file, part)
      bytes += part.byteLength
    }
    await writeAll(file, hash.digest())
    await file.sync()
  } catch (error) {
    await file.close()
    await unlink(temporary).catch(() => {})
    throw error
  }
  await file.close()
  await rename(temporary, path)
  // The rename itself is durable once the directory is flushed (not possible on every platform).
  const directory = await open(dirname(path), 'r').catch(() => undefined)
  await directory?.sync().catch(() => {})
  await directory?.close()
  return { bytes: bytes + hashBytes }
}

async function writeAll(file: Awaited<ReturnType<typeof open>>, part: Uint8Array): Promise<void> {
  let offset = 0
  while (offset < part.byteLength) {
    const { bytesWritten } = await file.write(part, offset, Math.min(part.byteLength - offset, 64 * 1024 * 1024))
    offset += bytesWritten
  }
}

export const noSnapshotFile = 'no snapshot file'

export type ReadSnapshot = { head: SnapshotHead; sections: Uint8Array[]; sectionHashes: string[]; bytes: number } | { problem: string }

/**
 * Reads a snapshot and checks its head; each section is in its own buffer (transferable to a worker
 * thread). The sections are checked against `sectionHashes` too unless `checkSections` is false: then
 * the caller must pass each one through `checkSection` before using it (the index threads do).
 */
export async function readSnapshot(path: string, { checkSections = true }: { checkSections?: boolean } = {}): Promise<ReadSnapshot> {
  const file = await open(path, 'r').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)))
  if (!file) return { problem: noSnapshotFile }
  try {
    const { size } = await file.stat()
    const readExactly = async (length: number, position: number): Promise<Uint8Array> => {
      // Not zero-filled first, and its own ArrayBuffer (never a slice of a pool), so it can be transferred.
      const buffer = new Uint8Array(Buffer.allocUnsafeSlow(length).buffer, 0, length)
      let offset = 0
      while (offset < length) {
        const { bytesRead } = await file.read(buffer, offset, length - offset, position + offset)
        if (bytesRead === 0) throw new Error('snapshot ended early')
        offset += bytesRead
      }
      return buffer
    }
    if (size < magic.length + 8 + hashBytes) return { problem: `snapshot is too short (${size} bytes)` }
    const prefix = Buffer.from(await readExactly(magic.length + 8, 0))
    if (!prefix.subarray(0, magic.length).equals(magic)) return { problem: 'not an index snapshot' }
    const version = prefix.readUInt32LE(magic.length)
    if (version !== snapshotFormatVersion) return { problem: `snapshot format ${version}, this version reads ${snapshotFormatVersion}` }
    const headLength = prefix.readUInt32LE(magic.length + 4)
    if (magic.length + 8 + headLength + hashBytes > size) return { problem: 'snapshot head is truncated' }
    const hash = createHash('sha256')
    hash.update(prefix)
    const headBytes = await readExactly(headLength, prefix.length)
    hash.update(headBytes)
    let head: StoredHead
    try {
      head = JSON.parse(Buffer.from(headBytes).toString('utf8')) as StoredHead
    } catch {
      return { problem: 'snapshot head is not JSON' }
    }
    if (!Array.isArray(head.sections) || !head.sections.every((length) => Number.isSafeInteger(length) && length >= 0)) return { problem: 'snapshot head has no sections' }
    if (!Array.isArray(head.sectionHashes) || head.sectionHashes.length !== head.sections.length || !head.sectionHashes.every((value) => typeof value === 'string')) return { problem: 'snapshot head has no section hashes' }
    let position = prefix.length + headLength
    if (position + head.sections.reduce((sum, length) => sum + length, 0) + hashBytes !== size) return { problem: 'snapshot size does not match its head' }
    const stored = Buffer.from(await readExactly(hashBytes, size - hashBytes))
    if (!stored.equals(hash.digest())) return { problem: checksumProblem }
    // One read per section, each into its own buffer: no copy on the way to the thread that loads it.
    const sections: Uint8Array[] = []
    for (const length of head.sections) {
      sections.push(await readExactly(length, position))
      position += length
    }
    if (checkSections) {
      for (const [index, section] of sections.entries()) if (sha256(section) !== head.sectionHashes[index]) return { problem: checksumProblem }
    }
    const { sections: _lengths, sectionHashes, ...rest } = head
    return { head: rest, sections, sectionHashes, bytes: size }
  } finally {
    await file.close()
  }
}

/** Removes temporary files that a crash left beside the snapshot (older than an hour, so never one being written). */
export async function removeStaleTemporaries(path: string): Promise<void> {
  const directory = dirname(path)
  const prefix = `${basename(path)}.`
  const names = await readdir(directory).catch(() => [] as string[])
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue
    const file = join(directory, name)
    const info = await stat(file).catch(() => undefined)
    if (info && Date.now() - info.mtimeMs > 3_600_000) await unlink(file).catch(() => {})
  }
}

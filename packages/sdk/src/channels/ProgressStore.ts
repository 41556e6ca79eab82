/**
 * Where a channel keeps the progress of a post (uploaded images, media ids, publish ids) between
 * attempts, so an attempt after a crash resumes instead of posting a second time. Keep it in the same
 * durable store as the publishing job (a database row, a key-value store); the in-memory default only
 * survives within one process.
 */
export type ProgressStore<Progress> = {
  get: (key: string) => Promise<Progress | undefined>
  /** Must be durable when it resolves: the adapter calls the platform's next step only after it. */
  set: (key: string, progress: Progress) => Promise<void>
  delete: (key: string) => Promise<void>
}

/** A `ProgressStore` in process memory, for tests and single-process use. */
export function createMemoryProgressStore<Progress>(): ProgressStore<Progress> & { entries: () => Map<string, Progress> } {
  const entries = new Map<string, Progress>()
  return {
    get: async (key) => {
      const value = entries.get(key)
      return value === undefined ? undefined : structuredClone(value)
    },
    set: async (key, progress) => {
      entries.set(key, structuredClone(progress))
    },
    delete: async (key) => {
      entries.delete(key)
    },
    entries: () => new Map(entries),
  }
}

/**
 * Compressed posting lists: for each document a term occurs in, its slot (ascending) and the term's
 * weighted frequency (1–127), as delta + variable-byte numbers in one growable byte array.
 *
 * An entry is `varint((slot − previous slot) · 4 + min(frequency, 4) − 1)`, followed by one byte of
 * the frequency when it is 4 or more. A common term's slots lie close together (deltas under 32 take one
 * byte), so most entries are a single byte; a rare term's few entries take up to four. Every
 * `blockSize` entries a skip entry records the slot before the block and the byte offset where it
 * starts, so an intersection can jump over blocks instead of decoding them (the galloping search the
 * uncompressed `Int32Array` lists had).
 *
 * The bytes before `byteLength` never change once written (appends only add after them), so a snapshot
 * may copy them while the index keeps taking writes.
 *
 * Why not a library: roaring bitmaps (`roaring`, `roaring-wasm`) compress sets of slots well but keep no
 * frequencies for BM25, and need a native addon or WebAssembly; search engines' codecs (PFOR, Lucene's)
 * have no maintained JavaScript package. Variable-byte is a few dozen lines and decodes fast in V8.
 */

export const blockSize = 128
export const maxFrequency = 127

export type Posting = {
  bytes: Uint8Array
  byteLength: number
  /** Entries, including those of replaced versions (tombstoned slots): the document frequency BM25 uses. */
  count: number
  lastSlot: number
  /** Per block of `blockSize` entries: the slot before its first entry (−1 for the first block), then its byte offset. */
  skips: Int32Array
  /**
   * Per block, `blockMaxWidth` numbers: the highest frequency in it, the shortest document length in
   * it, the latest publication day (days since 1970-01-01) of its documents, then for each of
   * `frequencySteps` after the first the shortest length of its documents with at least that frequency
   * (`noLength` when none). They bound the block's BM25 scores (`blockBound`), so a ranked search skips
   * blocks that cannot beat the worst hit it keeps (block-max); where a block can only tie that hit, it
   * is skipped when all its documents are older (hits of equal score are ordered newest first).
   */
  blockMax: Int32Array
}

/**
 * Frequencies from which a block keeps the shortest length of its documents with at least that
 * frequency (what Lucene calls a block's impacts, at fixed steps). A bound from the highest frequency
 * and the shortest length alone pairs the one with the other though they rarely belong to the same
 * document; with a common word (in every document, a few times each) that bound lets almost no block
 * be skipped. Per step it pairs each frequency range with the shortest document that reaches it.
 */
export const frequencySteps = [1, 2, 3, 4, 6, 8, 16] as const
/** Numbers per block in `Posting.blockMax`: highest frequency, shortest length, latest day, then the steps' shortest lengths. */
export const blockMaxWidth = 2 + frequencySteps.length
export const noLength = 0x7fffffff
/** Where the shortest length of step `index` is in a block's numbers (step 0 is the block's shortest length). */
const stepAt = (index: number): number => (index === 0 ? 1 : 2 + index)

export function createPosting(): Posting {
  return { bytes: new Uint8Array(4), byteLength: 0, count: 0, lastSlot: -1, skips: new Int32Array(2), blockMax: new Int32Array(blockMaxWidth) }
}

function ensureBytes(posting: Posting, extra: number): void {
  const needed = posting.byteLength + extra
  if (needed <= posting.bytes.length) return
  // Grow by half (not double): less slack in a list that stops growing.
  const next = new Uint8Array(Math.max(needed, Math.ceil(posting.bytes.length * 1.5), 8))
  next.set(posting.bytes.subarray(0, posting.byteLength))
  posting.bytes = next
}

function writeVarint(posting: Posting, value: number): void {
  const bytes = posting.bytes
  let at = posting.byteLength
  let rest = value
  while (rest >= 0x80) {
    bytes[at++] = (rest & 0x7f) | 0x80
    rest >>>= 7
  }
  bytes[at++] = rest
  posting.byteLength = at
}

/**
 * Appends an entry of a document of `length` terms published on `day` (days since 1970-01-01); `slot`
 * must be greater than every slot already in the list.
 */
export function appendPosting(posting: Posting, slot: number, frequency: number, length: number, day: number): void {
  const clamped = frequency < 1 ? 1 : frequency > maxFrequency ? maxFrequency : frequency
  // blockSize is 128: the block of the new entry and where its numbers start in the block tables.
  const block = posting.count >>> 7
  const at = block * blockMaxWidth
  if ((posting.count & 127) === 0) {
    if ((block + 1) * 2 > posting.skips.length) {
      const blocks = Math.max(2, posting.skips.length)
      const grown = new Int32Array(blocks * 2)
      grown.set(posting.skips)
      posting.skips = grown
      const grownMax = new Int32Array(blocks * blockMaxWidth)
      grownMax.set(posting.blockMax)
      posting.blockMax = grownMax
    }
    posting.skips[block * 2] = posting.lastSlot
    posting.skips[block * 2 + 1] = posting.byteLength
    const blockMax = posting.blockMax
    blockMax[at] = clamped
    blockMax[at + 2] = day
    for (let step = 0; step < frequencySteps.length; step++) blockMax[at + stepAt(step)] = clamped >= (frequencySteps[step] as number) ? length : noLength
  } else {
    const blockMax = posting.blockMax
    if (clamped > (blockMax[at] as number)) blockMax[at] = clamped
    if (day > (blockMax[at + 2] as number)) blockMax[at + 2] = day
    for (let step = 0; step < frequencySteps.length && clamped >= (frequencySteps[step] as number); step++) {
      if (length < (blockMax[at + stepAt(step)] as number)) blockMax[at + stepAt(step)] = length
    }
  }
  ensureBytes(posting, 6)
  writeVarint(posting, (slot - posting.lastSlot) * 4 + Math.min(clamped, 4) - 1)
  if (clamped >= 4) posting.bytes[posting.byteLength++] = clamped
  posting.count += 1
  posting.lastSlot = slot
}

/** Drops the slack of growth: the list's arrays hold exactly its entries. */
export function trimPosting(posting: Posting): void {
  if (posting.bytes.length !== posting.byteLength) posting.bytes = posting.bytes.slice(0, posting.byteLength)
  const blocks = Math.ceil(posting.count / blockSize)
  if (posting.skips.length !== blocks * 2) posting.skips = posting.skips.slice(0, blocks * 2)
  if (posting.blockMax.length !== blocks * blockMaxWidth) posting.blockMax = posting.blockMax.slice(0, blocks * blockMaxWidth)
}

/** Whether the list has an entry for `slot` (a galloping search over the skip table, then one block decoded). */
export function postingHas(posting: Posting, slot: number): boolean {
  if (posting.count === 0 || slot > posting.lastSlot) return false
  const cursor = openPosting(posting)
  cursor.seek(slot)
  return cursor.slot === slot
}

/**
 * The highest score a document of a block can have, for a `score` that grows with the frequency and
 * falls with the length (BM25's): per frequency step, the step's highest frequency (up to the next
 * step, or the block's highest) at the shortest length reaching the step. Computed with `score` itself,
 * so it equals a document's score where that document is the bound.
 */
export function blockBound(posting: Posting, block: number, score: (frequency: number, length: number) => number): number {
  const blockMax = posting.blockMax
  const at = block * blockMaxWidth
  const highest = blockMax[at] as number
  let bound = -Infinity
  for (let step = 0; step < frequencySteps.length && (frequencySteps[step] as number) <= highest; step++) {
    const value = score(stepFrequency(step, highest), blockMax[at + stepAt(step)] as number)
    if (value > bound) bound = value
  }
  return bound
}

/** The highest frequency in a frequency step's range (up to the next step), for blocks whose highest is `highest`. */
export function stepFrequency(step: number, highest: number): number {
  const next: number | undefined = frequencySteps[step + 1]
  return next === undefined || next - 1 > highest ? highest : next - 1
}

/**
 * Blocks `first` to `last` of a list taken together: into `shortest` (one number per frequency step)
 * the shortest length of their documents with at least the step's frequency (`noLength` for none);
 * returns their highest frequency (0 when there are no blocks).
 */
export function blockSteps(posting: Posting, first: number, last: number, shortest: Int32Array): number {
  const blockMax = posting.blockMax
  shortest.fill(noLength)
  let highest = 0
  for (let block = first; block <= last; block++) {
    const at = block * blockMaxWidth
    if ((blockMax[at] as number) > highest) highest = blockMax[at] as number
    for (let step = 0; step < frequencySteps.length; step++) {
      const length = blockMax[at + stepAt(step)] as number
      if (length < (shortest[step] as number)) shortest[step] = length
    }
  }
  return highest
}

/** Bytes the list holds (allocated, slack included). */
export function postingBytes(posting: Posting): number {
  return posting.bytes.byteLength + posting.skips.byteLength + posting.blockMax.byteLength
}

/**
 * A reader moving forward through a posting list: `next()` decodes the following entry, `seek(slot)`
 * moves to the first entry at or after a slot. `slot` is −1 before the first entry and `Infinity` after
 * the last.
 */
export type PostingCursor = {
  slot: number
  frequency: number
  next: () => void
  seek: (target: number) => void
  /** Moves to just before the first entry of a block (`next()` then reads it). */
  enterBlock: (block: number) => void
}

export function openPosting(posting: Posting): PostingCursor {
  const { bytes, skips, byteLength } = posting
  const blockCount = Math.ceil(posting.count / blockSize)
  let offset = 0
  let block = 0
  let indexInBlock = 0
  const cursor: PostingCursor = {
    slot: -1,
    frequency: 0,
    next() {
      if (offset >= byteLength) {
        cursor.slot = Infinity
        return
      }
      // Values stay below 2^28 (slots below 2^24), so 32-bit operations are exact.
      let byte = bytes[offset++] as number
      let value = byte & 0x7f
      let shift = 7
      while (byte >= 0x80) {
        byte = bytes[offset++] as number
        value |= (byte & 0x7f) << shift
        shift += 7
      }
      const code = value & 3
      cursor.slot += (value - code) / 4
      cursor.frequency = code === 3 ? (bytes[offset++] as number) : code + 1
      indexInBlock += 1
      if (indexInBlock === blockSize) {
        indexInBlock = 0
        block += 1
      }
    },
    seek(target) {
      if (cursor.slot >= target) return
      // Jump to the last block that starts before the target, if it is ahead of this one.
      let low = block + 1
      if (low < blockCount && (skips[low * 2] as number) < target) {
        let step = 1
        let high = low
        while (high < blockCount && (skips[high * 2] as number) < target) {
          low = high
          high += step
          step *= 2
        }
        if (high > blockCount) high = blockCount
        // The answer is in [low, high): the last block whose previous slot is below the target.
        while (high - low > 1) {
          const middle = (low + high) >>> 1
          if ((skips[middle * 2] as number) < target) low = middle
          else high = middle
        }
        block = low
        indexInBlock = 0
        offset = skips[low * 2 + 1] as number
        cursor.slot = skips[low * 2] as number
      }
      while (cursor.slot < target) cursor.next()
    },
    enterBlock(target) {
      block = target
      indexInBlock = 0
      offset = skips[target * 2 + 1] as number
      cursor.slot = skips[target * 2] as number
    },
  }
  return cursor
}

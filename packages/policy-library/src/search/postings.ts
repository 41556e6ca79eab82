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
   * Per block, `blockMaxWidth` numbers: the latest publication day (days since 1970-01-01) of its
   * documents, then its impacts (see `maxImpacts`). They bound the block's BM25 scores (`blockBound`),
   * so a ranked search skips blocks that cannot beat the worst hit it keeps (block-max); where a block
   * can only tie that hit, it is skipped when all its documents are older (hits of equal score are
   * ordered newest first).
   */
  blockMax: Int32Array
}

/**
 * A block's impacts (Lucene's name): the (frequency, length) pairs of its documents that no other of
 * its documents beats on both (a higher or equal frequency in a shorter or equal document), highest
 * frequency first. BM25 grows with the frequency and falls with the length, so the block's best score
 * is one of theirs, for any IDF and average length: the bound is the block's true best score. A bound
 * from the highest frequency and the shortest length alone pairs the one with the other though they
 * rarely belong to one document, and for a word in nearly every document (tiny IDF, scores within a
 * fraction of a percent of each other) even fixed frequency steps left hundreds of blocks to decode.
 * Up to `maxImpacts` are kept; past that the two closest in frequency are merged into one that beats
 * both (the higher frequency at the shorter length), a looser but still safe bound.
 * Each is one number, `length · 128 + frequency` (lengths capped at 2^24 − 1, which only raises the
 * bound); 0 is an empty place.
 */
export const maxImpacts = 7
/** Numbers per block in `Posting.blockMax`: the latest day, then `maxImpacts` impacts. */
export const blockMaxWidth = 1 + maxImpacts
const maxImpactLength = 0xffffff

/** The frequency of a packed impact. */
export const impactFrequency = (impact: number): number => impact & 127
/** The document length of a packed impact. */
export const impactLength = (impact: number): number => impact >>> 7

const mergeFrequencies = new Int32Array(maxImpacts + 1)
const mergeLengths = new Int32Array(maxImpacts + 1)

/**
 * Adds a document's (frequency, length) to the impacts at `impacts[at]…[at + maxImpacts − 1]`
 * (highest frequency first): nothing when one of them beats it, else it goes in its place and the
 * ones it beats go out; past `maxImpacts` the two closest in frequency (relatively) merge.
 */
export function addImpact(impacts: Int32Array, at: number, frequency: number, length: number): void {
  const capped = length > maxImpactLength ? maxImpactLength : length
  let count = 0
  for (; count < maxImpacts; count++) {
    const impact = impacts[at + count] as number
    if (impact === 0) break
    if (impactFrequency(impact) >= frequency && impactLength(impact) <= capped) return
  }
  let kept = 0
  let isPlaced = false
  for (let index = 0; index < count; index++) {
    const impact = impacts[at + index] as number
    const keptFrequency = impactFrequency(impact)
    const keptLength = impactLength(impact)
    if (keptFrequency <= frequency && keptLength >= capped) continue
    if (!isPlaced && keptFrequency < frequency) {
      mergeFrequencies[kept] = frequency
      mergeLengths[kept++] = capped
      isPlaced = true
    }
    mergeFrequencies[kept] = keptFrequency
    mergeLengths[kept++] = keptLength
  }
  if (!isPlaced) {
    mergeFrequencies[kept] = frequency
    mergeLengths[kept++] = capped
  }
  if (kept > maxImpacts) {
    // Frequencies fall and lengths fall along the list: merging neighbours i and i + 1 gives i's
    // frequency at i + 1's length, which beats both and no other.
    let closest = 0
    let closestGap = Infinity
    for (let index = 0; index + 1 < kept; index++) {
      const gap = ((mergeFrequencies[index] as number) - (mergeFrequencies[index + 1] as number)) / (mergeFrequencies[index] as number)
      if (gap < closestGap) {
        closestGap = gap
        closest = index
      }
    }
    mergeLengths[closest] = mergeLengths[closest + 1] as number
    for (let index = closest + 1; index + 1 < kept; index++) {
      mergeFrequencies[index] = mergeFrequencies[index + 1] as number
      mergeLengths[index] = mergeLengths[index + 1] as number
    }
    kept -= 1
  }
  for (let index = 0; index < maxImpacts; index++) impacts[at + index] = index < kept ? (mergeLengths[index] as number) * 128 + (mergeFrequencies[index] as number) : 0
}

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
    posting.blockMax[at] = day
  } else if (day > (posting.blockMax[at] as number)) posting.blockMax[at] = day
  addImpact(posting.blockMax, at + 1, clamped, length)
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

/** The latest publication day of a block's documents. */
export function blockLatestDay(posting: Posting, block: number): number {
  return posting.blockMax[block * blockMaxWidth] as number
}

/**
 * The highest score a document of a block can have, for a `score` that grows with the frequency and
 * falls with the length (BM25's): the best of its impacts. Computed with `score` itself, so it equals
 * a document's score where that document is the bound.
 */
export function blockBound(posting: Posting, block: number, score: (frequency: number, length: number) => number): number {
  return impactsBound(posting.blockMax, block * blockMaxWidth + 1, score)
}

/** The best `score` over the impacts at `impacts[at]…` (−Infinity when there are none). */
export function impactsBound(impacts: Int32Array, at: number, score: (frequency: number, length: number) => number): number {
  let bound = -Infinity
  for (let index = 0; index < maxImpacts; index++) {
    const impact = impacts[at + index] as number
    if (impact === 0) break
    const value = score(impactFrequency(impact), impactLength(impact))
    if (value > bound) bound = value
  }
  return bound
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

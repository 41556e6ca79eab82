import type { Finding, ScanOptions } from './finding.js'
import { scanText } from './scanText.js'

/** A JSON path from the editor state, e.g. `['root', 'children', 0, 'children', 1]`. */
export type NodePath = (string | number)[]

type LexicalNode = { type?: unknown; text?: unknown; children?: unknown }

/**
 * A node's path as a chain back to the root (`['root', 'children', 3, 'children', 0]` is
 * `{ index: 0, parent: { index: 3, parent: ROOT } }`): walking a document thousands of levels deep
 * must not copy ever-longer arrays. Turned into a {@link NodePath} only for blocks with findings.
 */
type PathLink = { parent: PathLink; index: number } | typeof ROOT
const ROOT = Symbol('root')

/** A run of text that Lexical shows as one block (paragraph, heading, list item, quote, table cell…). */
type Block = {
  path: PathLink
  text: string
  /** Where each text node's text sits inside `text`. */
  segments: { node: LexicalNode & { text: string }; start: number; end: number }[]
}

/**
 * Element nodes that flow inside a block rather than starting one. Text in a link continues the
 * sentence around it, so `电话<link>138</link>12345678` is still one number.
 */
const INLINE_ELEMENT_TYPES = new Set(['link', 'autolink', 'mark', 'hashtag'])
/** Stands in for inline objects (images, mentions, inline blocks) so numbers on either side stay apart. */
const OBJECT_REPLACEMENT = '\uFFFC'

function isNode(value: unknown): value is LexicalNode {
  return typeof value === 'object' && value !== null
}

function childrenOf(node: LexicalNode): unknown[] | undefined {
  return Array.isArray(node.children) ? node.children : undefined
}

function toNodePath(link: PathLink): NodePath {
  const indexes: number[] = []
  for (let current = link; current !== ROOT; current = current.parent) indexes.push(current.index)
  const path: NodePath = ['root']
  for (let position = indexes.length - 1; position >= 0; position--) path.push('children', indexes[position]!)
  return path
}

/**
 * The blocks of a document in document order (a block before the blocks nested in it), walked with an
 * explicit stack so a state nested thousands of levels deep cannot overflow the call stack.
 */
function blocksOf(state: { root: LexicalNode }): Block[] {
  type Frame = { children: unknown[]; next: number; path: PathLink; block: Block }
  const blocks: Block[] = []
  const stack: Frame[] = []
  const openBlock = (children: unknown[], path: PathLink): void => {
    const block: Block = { path, text: '', segments: [] }
    blocks.push(block)
    stack.push({ children, next: 0, path, block })
  }
  const rootChildren = childrenOf(state.root)
  if (rootChildren) openBlock(rootChildren, ROOT)
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!
    if (frame.next >= frame.children.length) {
      stack.pop()
      continue
    }
    const index = frame.next++
    const child = frame.children[index]
    if (!isNode(child)) continue
    const block = frame.block
    const childPath: PathLink = { parent: frame.path, index }
    const children = childrenOf(child)
    if (child.type === 'text' && typeof child.text === 'string') {
      const node = child as LexicalNode & { text: string }
      block.segments.push({ node, start: block.text.length, end: block.text.length + node.text.length })
      block.text += node.text
    } else if (child.type === 'linebreak') {
      block.text += '\n'
    } else if (child.type === 'tab') {
      block.text += '\t'
    } else if (typeof child.type === 'string' && INLINE_ELEMENT_TYPES.has(child.type) && children) {
      // Inline elements continue the block they are in.
      stack.push({ children, next: 0, path: childPath, block })
    } else if (children) {
      // A nested block (a list inside a list item, a table cell…) is scanned on its own.
      block.text += '\n'
      openBlock(children, childPath)
    } else {
      block.text += OBJECT_REPLACEMENT
    }
  }
  return blocks.filter((block) => block.segments.length > 0)
}

function toState(input: unknown): { root: LexicalNode } | undefined {
  let value = input
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown
    } catch {
      return undefined
    }
  }
  if (!isNode(value) || !isNode((value as { root?: unknown }).root)) return undefined
  return value as { root: LexicalNode }
}

function isPlainContainer(value: object): boolean {
  if (Array.isArray(value)) return true
  const prototype = Object.getPrototypeOf(value) as unknown
  return prototype === Object.prototype || prototype === null
}

/**
 * Deep copy of JSON-like data (plain objects and arrays) with an explicit stack, so deep nesting does
 * not overflow the call stack as `structuredClone` does. Shared and circular references are kept as
 * such; other objects (dates, maps) are copied with `structuredClone`.
 */
function cloneDeep<T>(value: T): T {
  if (!isNode(value) || !isPlainContainer(value)) return isNode(value) ? structuredClone(value) : value
  const copies = new Map<object, object>()
  const emptyCopy = (source: object): Record<string, unknown> =>
    (Array.isArray(source) ? new Array<unknown>(source.length) : Object.create(Object.getPrototypeOf(source) as object | null)) as Record<string, unknown>
  const rootCopy = emptyCopy(value)
  copies.set(value, rootCopy)
  const pending: [Record<string, unknown>, Record<string, unknown>][] = [[value as Record<string, unknown>, rootCopy]]
  while (pending.length > 0) {
    const [source, target] = pending.pop()!
    for (const key of Object.keys(source)) {
      const item = source[key]
      if (!isNode(item)) {
        target[key] = item
      } else if (copies.has(item)) {
        target[key] = copies.get(item)
      } else if (isPlainContainer(item)) {
        const copy = emptyCopy(item)
        copies.set(item, copy)
        target[key] = copy
        pending.push([item as Record<string, unknown>, copy])
      } else {
        target[key] = structuredClone(item)
      }
    }
  }
  return rootCopy as T
}

const RAW = Symbol('raw')
type Raw = { [RAW]: string }
const raw = (text: string): Raw => ({ [RAW]: text })
const isRaw = (value: unknown): value is Raw => isNode(value) && RAW in value

/**
 * `JSON.stringify` for data that came from `JSON.parse` (so no `toJSON`, no cycles), with an explicit
 * stack: V8's own recurses and throws on deeply nested states.
 */
function stringifyJson(value: unknown): string {
  const parts: string[] = []
  const pending: unknown[] = [value]
  while (pending.length > 0) {
    const item = pending.pop()
    if (isRaw(item)) {
      parts.push(item[RAW])
    } else if (Array.isArray(item)) {
      pending.push(raw(']'))
      for (let index = item.length - 1; index >= 0; index--) {
        const element: unknown = item[index]
        pending.push(element === undefined || typeof element === 'function' ? null : element)
        if (index > 0) pending.push(raw(','))
      }
      pending.push(raw('['))
    } else if (isNode(item)) {
      const entries = Object.entries(item).filter(([, entry]) => entry !== undefined && typeof entry !== 'function')
      pending.push(raw('}'))
      for (let index = entries.length - 1; index >= 0; index--) {
        const [key, entry] = entries[index]!
        pending.push(entry, raw(`${JSON.stringify(key)}:`))
        if (index > 0) pending.push(raw(','))
      }
      pending.push(raw('{'))
    } else {
      parts.push(JSON.stringify(item) ?? 'null')
    }
  }
  return parts.join('')
}

/**
 * Scans a Lexical editor state (`{ root: { children: [...] } }`, as Payload stores rich text; a JSON
 * string is accepted too) for sensitive content, block by block. Text split across formatting or
 * links within a block is scanned as one string, so a number half in bold is still found.
 * Each finding's `path` points to its block and `start`/`end` index that block's text content
 * (text nodes concatenated, line breaks as `\n`). Anything that is not an editor state yields `[]`.
 *
 * @example
 * const paragraph = { type: 'paragraph', children: [{ type: 'text', text: '手机13812345678' }] }
 * scanRichText({ root: { type: 'root', children: [paragraph] } })
 * // [{ kind: 'mobile', path: ['root', 'children', 0], start: 2, end: 13, … }]
 */
export function scanRichText(lexicalEditorState: unknown, options?: ScanOptions): Finding[] {
  const state = toState(lexicalEditorState)
  if (!state) return []
  return blocksOf(state).flatMap((block) => {
    const findings = scanText(block.text, options)
    if (findings.length === 0) return []
    const path = toNodePath(block.path)
    return findings.map((finding) => ({ ...finding, path }))
  })
}

/**
 * Returns a copy of a Lexical editor state with every finding's text replaced by its masked form
 * (the input is not modified). A finding that spans several text nodes (part bold, part in a link)
 * is masked position by position, so every character keeps its node and formatting; a mask of a
 * different length is written into the first node and the rest of the match is removed from the
 * others. Returns the input's type:
 * an object for an object, a JSON string for a string; anything else is returned unchanged.
 */
export function maskRichText<T>(lexicalEditorState: T, options?: ScanOptions): T {
  const state = toState(lexicalEditorState)
  if (!state) return lexicalEditorState
  const copy = cloneDeep(state)
  for (const block of blocksOf(copy)) {
    const findings = scanText(block.text, options).sort((a, b) => b.start - a.start)
    for (const finding of findings) {
      let isFirst = true
      for (const segment of block.segments) {
        if (segment.end <= finding.start || segment.start >= finding.end) continue
        const node = segment.node
        const from = Math.max(finding.start, segment.start) - segment.start
        const to = Math.min(finding.end, segment.end) - segment.start
        // Masks that keep the length (IDs, phones, cards) are laid over each node position by
        // position, so formatting stays on the same characters; others go into the first node.
        const isSameLength = finding.masked.length === finding.match.length
        const replacement = isSameLength
          ? finding.masked.slice(segment.start + from - finding.start, segment.start + to - finding.start)
          : isFirst
            ? finding.masked
            : ''
        node.text = node.text.slice(0, from) + replacement + node.text.slice(to)
        isFirst = false
      }
    }
  }
  return (typeof lexicalEditorState === 'string' ? stringifyJson(copy) : copy) as T
}

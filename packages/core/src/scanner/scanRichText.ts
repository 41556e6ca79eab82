import type { Finding, ScanOptions } from './finding'
import { scanText } from './scanText'

/** A JSON path from the editor state, e.g. `['root', 'children', 0, 'children', 1]`. */
export type NodePath = (string | number)[]

type LexicalNode = { type?: unknown; text?: unknown; children?: unknown }

/** A run of text that Lexical shows as one block (paragraph, heading, list item, quote, table cell…). */
type Block = {
  path: NodePath
  text: string
  /** Where each text node's text sits inside `text`. */
  segments: { path: NodePath; start: number; end: number }[]
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

function collectBlocks(node: LexicalNode, path: NodePath, blocks: Block[]): void {
  const children = childrenOf(node)
  if (!children) return
  const block: Block = { path, text: '', segments: [] }
  const appendInline = (child: LexicalNode, childPath: NodePath): void => {
    if (child.type === 'text' && typeof child.text === 'string') {
      block.segments.push({ path: childPath, start: block.text.length, end: block.text.length + child.text.length })
      block.text += child.text
    } else if (child.type === 'linebreak') {
      block.text += '\n'
    } else if (child.type === 'tab') {
      block.text += '\t'
    } else if (typeof child.type === 'string' && INLINE_ELEMENT_TYPES.has(child.type) && childrenOf(child)) {
      childrenOf(child)!.forEach((grandchild, index) => {
        if (isNode(grandchild)) appendInline(grandchild, [...childPath, 'children', index])
      })
    } else if (childrenOf(child)) {
      // A nested block (a list inside a list item, a table cell…) is scanned on its own.
      block.text += '\n'
      collectBlocks(child, childPath, blocks)
    } else {
      block.text += OBJECT_REPLACEMENT
    }
  }
  children.forEach((child, index) => {
    if (isNode(child)) appendInline(child, [...path, 'children', index])
  })
  if (block.segments.length > 0) blocks.push(block)
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

function blocksOf(state: { root: LexicalNode }): Block[] {
  const blocks: Block[] = []
  collectBlocks(state.root, ['root'], blocks)
  return blocks.sort((a, b) => comparePaths(a.path, b.path))
}

function comparePaths(a: NodePath, b: NodePath): number {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const left = a[index]!
    const right = b[index]!
    if (left === right) continue
    return typeof left === 'number' && typeof right === 'number' ? left - right : String(left) < String(right) ? -1 : 1
  }
  return a.length - b.length
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
  return blocksOf(state).flatMap((block) =>
    scanText(block.text, options).map((finding) => ({ ...finding, path: block.path })),
  )
}

function nodeAt(state: unknown, path: NodePath): LexicalNode | undefined {
  let current: unknown = state
  for (const key of path) {
    if (!isNode(current)) return undefined
    current = (current as Record<string | number, unknown>)[key]
  }
  return isNode(current) ? current : undefined
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
  const copy = structuredClone(state)
  for (const block of blocksOf(copy)) {
    const findings = scanText(block.text, options).sort((a, b) => b.start - a.start)
    for (const finding of findings) {
      let isFirst = true
      for (const segment of block.segments) {
        if (segment.end <= finding.start || segment.start >= finding.end) continue
        const node = nodeAt(copy, segment.path)
        if (!node || typeof node.text !== 'string') continue
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
  return (typeof lexicalEditorState === 'string' ? JSON.stringify(copy) : copy) as T
}

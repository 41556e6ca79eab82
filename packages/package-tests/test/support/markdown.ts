/** A ```ts block of a Markdown file: `line` is its opening fence's line; `code` has its prelude and ends as a module. */
export type MarkdownExample = { source: string; line: number; code: string }

/**
 * The ```ts blocks of `markdown`. What a fragment takes from its surroundings is declared in an HTML comment
 * right above the block (hidden on the rendered page): `<!-- prelude: declare const payload: Payload -->`.
 */
export function extractExamples(source: string, markdown: string): MarkdownExample[] {
  const lines = markdown.split('\n')
  const examples: MarkdownExample[] = []
  for (let index = 0; index < lines.length; index++) {
    if (lines[index]?.trim() !== '```ts') continue
    const start = index
    const body: string[] = []
    for (index++; index < lines.length && lines[index]?.trim() !== '```'; index++) body.push(lines[index] ?? '')
    const prelude = /^<!--\s*prelude:([\s\S]*?)-->\s*$/u.exec(lines[start - 1] ?? '')?.[1]?.trim()
    examples.push({ source, line: start + 1, code: `${prelude ? `${prelude}\n` : ''}${body.join('\n')}\nexport {}\n` })
  }
  return examples
}

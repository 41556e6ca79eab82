/**
 * Word and WPS put a list on the clipboard as paragraphs (`<p class=MsoListParagraph style="mso-list:l0 level1
 * lfo1">`) whose number or bullet is literal text in a `mso-list:Ignore` span; Lexical's HTML import, which
 * knows `<ul>`/`<ol>`, would keep them as paragraphs starting with “1.” or “·”. This rewrites each run of such
 * paragraphs into real lists (nested by `level`), numbered when the marker is a number (1. / (1) / 一、 / a)),
 * and drops the literal markers. Everything else — tables, headings, bold — Lexical imports as it is.
 */
export function normalizeOfficeHtml(html: string, parser: DOMParser = new DOMParser()): string {
  if (!/mso-list|MsoListParagraph/iu.test(html)) return html
  const document = parser.parseFromString(html, 'text/html')
  const handled = new Set<Element>()
  for (const paragraph of Array.from(document.querySelectorAll('p'))) {
    if (handled.has(paragraph) || !isListParagraph(paragraph)) continue
    const run = listRun(paragraph)
    run.forEach((item) => handled.add(item))
    replaceWithList(document, run)
  }
  return document.body.innerHTML
}

function styleOf(element: Element): string {
  return (element.getAttribute('style') ?? '').replace(/\s+/gu, '')
}

function isListParagraph(element: Element): boolean {
  if (element.tagName !== 'P') return false
  const style = styleOf(element)
  if (/mso-list:(none|ignore)/iu.test(style)) return false
  return /mso-list:/iu.test(style) || /MsoListParagraph/u.test(element.getAttribute('class') ?? '')
}

/** The paragraph and the list paragraphs right after it (blank text and comments between them are skipped). */
function listRun(first: Element): Element[] {
  const run = [first]
  let node = first.nextSibling
  while (node) {
    if (node.nodeType === 8 || (node.nodeType === 3 && (node.textContent ?? '').trim() === '')) {
      node = node.nextSibling
      continue
    }
    if (node.nodeType !== 1 || !isListParagraph(node as Element)) break
    run.push(node as Element)
    node = node.nextSibling
  }
  return run
}

function levelOf(paragraph: Element): number {
  const match = /level(\d+)/iu.exec(styleOf(paragraph))
  return match ? Math.max(1, Number(match[1])) : 1
}

/** Removes the literal number or bullet and says whether it was a number. */
function takeMarker(paragraph: Element): boolean {
  const markers = Array.from(paragraph.querySelectorAll('span')).filter((span) => /mso-list:ignore/iu.test(styleOf(span)))
  let marker = markers.map((span) => span.textContent ?? '').join('')
  markers.forEach((span) => span.remove())
  if (markers.length === 0) {
    // Without the Ignore span (some WPS versions), the marker is the start of the first text.
    const walker = paragraph.ownerDocument.createTreeWalker(paragraph, 4)
    const text = walker.nextNode()
    const found = text ? /^\s*((?:[·•●○■□◆◇▪§Øü\-–])|(?:[(（]?[0-9a-zA-Z一二三四五六七八九十]{1,3}[.)、．）]))\s*/u.exec(text.textContent ?? '') : null
    if (text && found) {
      marker = found[1] ?? ''
      text.textContent = (text.textContent ?? '').slice(found[0].length)
    }
  }
  return isNumberMarker(marker.replace(/[\s\u00a0]+/gu, ''))
}

/**
 * 1 / 1. / 1) / (1) / 一、 / a. / (a) number a list; a bare letter does not (Word and WPS write their bullets as
 * letters of the Wingdings and Symbol fonts: l, Ø, §, ü).
 */
function isNumberMarker(marker: string): boolean {
  return /^\d+[.)、．）]?$/u.test(marker) || /^[(（]?(\d+|[一二三四五六七八九十]+|[a-zA-Z]{1,3})[.)、．）]$/u.test(marker) || /^[(（](\d+|[一二三四五六七八九十]+|[a-zA-Z]{1,3})[)）]$/u.test(marker)
}

function replaceWithList(document: Document, run: Element[]): void {
  const first = run[0]
  if (!first?.parentNode) return
  const stack: { list: Element; level: number }[] = []
  let root: Element | null = null
  for (const paragraph of run) {
    const level = levelOf(paragraph)
    const isOrdered = takeMarker(paragraph)
    while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) > level) stack.pop()
    if (stack.length === 0 || (stack[stack.length - 1]?.level ?? 0) < level) {
      const list = document.createElement(isOrdered ? 'ol' : 'ul')
      const parentItem = stack[stack.length - 1]?.list.lastElementChild
      if (parentItem) parentItem.appendChild(list)
      else if (!root) root = list
      else stack[0]?.list.appendChild(list)
      stack.push({ list, level })
    }
    const item = document.createElement('li')
    while (paragraph.firstChild) item.appendChild(paragraph.firstChild)
    stack[stack.length - 1]?.list.appendChild(item)
  }
  if (root) first.parentNode.insertBefore(root, first)
  run.forEach((paragraph) => paragraph.remove())
}

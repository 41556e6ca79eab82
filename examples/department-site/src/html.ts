/** HTML that is already safe to output (markup we built, or text the library escaped). */
export type SafeHtml = { readonly html: string }

export const raw = (html: string): SafeHtml => ({ html })

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (character) => escapes[character] ?? character)
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" }

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#39|#x27);/gu, (_match, name: string) => entities[name] ?? '')
}

type Value = string | number | SafeHtml | undefined | null | false | readonly Value[]

function render(value: Value): string {
  if (value === undefined || value === null || value === false) return ''
  if (Array.isArray(value)) return value.map(render).join('')
  if (typeof value === 'object') return (value as SafeHtml).html
  return escapeHtml(String(value))
}

/** Template tag that escapes every interpolated value unless it is `SafeHtml`. */
export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  return raw(strings.reduce((out, string, index) => out + string + (index < values.length ? render(values[index]) : ''), ''))
}

/** The library's `titleHighlight` and `snippet`: HTML-escaped text with `<mark>` around query words. */
export function markedText(text: string): SafeHtml {
  // Decode and re-escape the text between the marks rather than trusting it as HTML.
  return raw(
    text
      .split(/(<\/?mark>)/u)
      .map((part) => (part === '<mark>' || part === '</mark>' ? part : escapeHtml(decodeEntities(part))))
      .join(''),
  )
}

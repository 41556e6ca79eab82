import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

function isEditorState(value: unknown): value is SerializedEditorState {
  const root = (value as { root?: { children?: unknown } } | null)?.root
  return Boolean(root && Array.isArray(root.children))
}

/** Makes root-relative and protocol-relative `href`/`src` absolute against the public website. */
export function absolutizeUrls(html: string, publicUrl: string): string {
  const origin = new URL(publicUrl)
  return html.replace(/\b(href|src)="([^"]*)"/gu, (match, attribute: string, value: string) => {
    if (value === '' || value.startsWith('#') || /^[a-z][a-z0-9+.-]*:/iu.test(value)) return match
    try {
      return `${attribute}="${new URL(value.replace(/&amp;/gu, '&'), `${origin.href.replace(/\/?$/u, '/')}`).href.replace(/&/gu, '&amp;')}"`
    } catch {
      return match
    }
  })
}

/** An absolute URL for a path or URL of the CMS (uploads are served by the CMS under the public URL). */
export function absoluteUrl(value: string, publicUrl: string): string {
  return new URL(value, `${publicUrl.replace(/\/?$/u, '/')}`).href
}

/**
 * The 正文 as it goes out: HTML from Payload's own Lexical converters (tables, lists, links, uploads kept),
 * with every link and image absolute; and the same content as plain text for search (`bodyText`).
 */
export function renderBody(body: unknown, publicUrl: string): { html: string; text: string } {
  if (!isEditorState(body)) return { html: '', text: '' }
  const html = absolutizeUrls(convertLexicalToHTML({ data: body, disableContainer: true }), publicUrl)
  const text = convertLexicalToPlaintext({ data: body }).trim()
  return { html, text }
}

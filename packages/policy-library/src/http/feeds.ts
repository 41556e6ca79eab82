import { findTopic } from '@gongkai/core'
import type { StoredDocument } from '../domain/types.js'

const xmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }
const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (character) => xmlEscapes[character] as string)
// XML 1.0 cannot carry most control characters even escaped; validation keeps NUL out, this the rest.
// eslint-disable-next-line no-control-regex
const xmlText = (text: string): string => escapeXml(text.replace(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''))

/**
 * The page of a document for people: the `url` its publisher pushed, else the library's
 * `documentPageUrl` template with `{contentId}`, else none (the JSON API is not a page).
 */
export function documentPageUrl(document: Pick<StoredDocument, 'contentId' | 'url'>, template: string | undefined): string | undefined {
  if (document.url) return document.url
  return template?.replaceAll('{contentId}', encodeURIComponent(document.contentId))
}

/**
 * Atom 1.0 (RFC 4287) feed of documents, newest first. Titles and summaries are `type="text"`: they are
 * plain text, so `<最低工资>` reads as written. `<published>` is the 发布日期 (Beijing midnight),
 * `<updated>` the last change. An entry links to its page when it has one; otherwise it carries its
 * summary as content, as Atom requires of an entry without an alternate link. The feed links to itself
 * only: there is no HTML page of it to point at.
 */
export function renderAtomFeed({
  baseUrl,
  selfPath,
  title,
  documents,
  pageUrlTemplate,
}: {
  baseUrl: string
  selfPath: string
  title: string
  documents: StoredDocument[]
  pageUrlTemplate?: string | undefined
}): string {
  const updated = documents.reduce((latest, document) => (document.updatedAt > latest ? document.updatedAt : latest), '1970-01-01T00:00:00.000Z')
  const entries = documents.map((document) => {
    const page = documentPageUrl(document, pageUrlTemplate)
    const summary = document.summary ?? document.bodyText.slice(0, 200)
    const lines = [
      `    <id>${xmlText(`${baseUrl}/v1/documents/${encodeURIComponent(document.contentId)}`)}</id>`,
      `    <title type="text">${xmlText(document.documentNumber ? `${document.title}（${document.documentNumber}）` : document.title)}</title>`,
      `    <updated>${new Date(document.updatedAt).toISOString()}</updated>`,
      `    <published>${document.publishedAt}T00:00:00+08:00</published>`,
      ...document.issuers.map((issuer) => `    <author><name>${xmlText(issuer.name)}</name></author>`),
      ...document.topics.map((topic) => {
        const label = findTopic(topic)?.path
        return `    <category term="${xmlText(topic)}"${label ? ` label="${xmlText(label)}"` : ''}/>`
      }),
      ...(page ? [`    <link rel="alternate" type="text/html" href="${xmlText(page)}"/>`] : []),
      `    <summary type="text">${xmlText(summary)}</summary>`,
      ...(page ? [] : [`    <content type="text">${xmlText(summary)}</content>`]),
    ]
    return `  <entry>\n${lines.join('\n')}\n  </entry>`
  })
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${xmlText(`${baseUrl}${selfPath}`)}</id>`,
    `  <title type="text">${xmlText(title)}</title>`,
    `  <updated>${new Date(updated).toISOString()}</updated>`,
    '  <generator>Gongkai policy library</generator>',
    `  <link rel="self" type="application/atom+xml" href="${xmlText(`${baseUrl}${selfPath}`)}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n')
}

/** sitemaps.org index pointing at `pages` sitemap pages. */
export function renderSitemapIndex({ baseUrl, pages }: { baseUrl: string; pages: number }): string {
  const entries = Array.from({ length: pages }, (_, index) => `  <sitemap><loc>${escapeXml(`${baseUrl}/sitemaps/${index + 1}.xml`)}</loc></sitemap>`)
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</sitemapindex>\n`
}

/** One sitemaps.org page of document pages (documents without a page are left out by the caller). */
export function renderSitemap({ entries }: { entries: { loc: string; updatedAt: string }[] }): string {
  const urls = entries.map((entry) => `  <url><loc>${escapeXml(entry.loc)}</loc><lastmod>${entry.updatedAt.slice(0, 10)}</lastmod></url>`)
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`
}

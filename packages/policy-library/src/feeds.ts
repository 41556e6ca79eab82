import { Feed } from 'feed'
import type { StoredDocument } from './documents.js'
import { escapeHtml } from './search/highlight.js'

export const maxSitemapUrls = 50_000

function documentUrl(baseUrl: string, document: Pick<StoredDocument, 'contentId' | 'url'>): string {
  return document.url ?? `${baseUrl}/v1/documents/${encodeURIComponent(document.contentId)}`
}

/** Atom 1.0 feed of documents (newest first). */
export function renderAtomFeed({
  baseUrl,
  selfPath,
  title,
  documents,
}: {
  baseUrl: string
  selfPath: string
  title: string
  documents: StoredDocument[]
}): string {
  const updated = documents.reduce((latest, document) => (document.updatedAt > latest ? document.updatedAt : latest), '1970-01-01T00:00:00.000Z')
  const feed = new Feed({
    id: `${baseUrl}${selfPath}`,
    title,
    link: `${baseUrl}${selfPath}`,
    feedLinks: { atom: `${baseUrl}${selfPath}` },
    updated: new Date(updated),
    copyright: '',
    generator: 'Gongkai policy library',
    language: 'zh-CN',
  })
  for (const document of documents) {
    feed.addItem({
      id: `${baseUrl}/v1/documents/${encodeURIComponent(document.contentId)}`,
      // The feed package marks titles and summaries type="html": escape the plain text.
      title: escapeHtml(document.documentNumber ? `${document.title}（${document.documentNumber}）` : document.title),
      link: documentUrl(baseUrl, document),
      date: new Date(document.updatedAt),
      published: new Date(`${document.publishedAt}T00:00:00+08:00`),
      description: escapeHtml(document.summary ?? document.bodyText.slice(0, 200)),
      author: document.issuers.map((issuer) => ({ name: issuer.name })),
      category: document.topics.map((topic) => ({ term: topic })),
    })
  }
  return feed.atom1()
}

const xmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }
const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (character) => xmlEscapes[character] as string)

/** sitemaps.org index pointing at `pages` sitemap pages. */
export function renderSitemapIndex({ baseUrl, pages }: { baseUrl: string; pages: number }): string {
  const entries = Array.from({ length: pages }, (_, index) => `  <sitemap><loc>${escapeXml(`${baseUrl}/sitemaps/${index + 1}.xml`)}</loc></sitemap>`)
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</sitemapindex>\n`
}

/** One sitemaps.org page of document URLs. */
export function renderSitemap({ baseUrl, entries }: { baseUrl: string; entries: { contentId: string; url?: string; updatedAt: string }[] }): string {
  const urls = entries.map(
    (entry) => `  <url><loc>${escapeXml(documentUrl(baseUrl, entry))}</loc><lastmod>${entry.updatedAt.slice(0, 10)}</lastmod></url>`,
  )
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`
}

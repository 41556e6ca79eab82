import { findTopic } from '@gongkai/core'
import type pg from 'pg'
import { NotFound } from '../domain/errors.js'
import type { StoredDocument } from '../domain/types.js'
import { agencyNames } from '../store/agencies.js'
import { countSitemapDocuments, newestOfAgency, newestOfTopic, sitemapDocuments, type SitemapScope } from '../store/documents.js'

/** Entries of a feed: the newest published documents. */
export const feedLimit = 50

/** URLs of one sitemap page (the sitemaps.org limit). */
export const maxSitemapUrls = 50_000

export type Feed = { title: string; documents: StoredDocument[] }

export async function agencyFeed(pool: pg.Pool, agencyId: string): Promise<Feed> {
  const name = (await agencyNames(pool, [agencyId])).get(agencyId)
  if (name === undefined) throw new NotFound(`机关 ${agencyId} 不存在`)
  return { title: `${name} · 政策文件`, documents: await newestOfAgency(pool, agencyId, feedLimit) }
}

export async function topicFeed(pool: pg.Pool, topicCode: string): Promise<Feed> {
  return {
    title: `${findTopic(topicCode)?.path ?? `主题 ${topicCode}`} · 政策文件`,
    documents: await newestOfTopic(pool, topicCode, feedLimit),
  }
}

/** How many sitemap pages there are (at least one, empty or not). */
export async function sitemapPageCount(pool: pg.Pool, scope: SitemapScope): Promise<number> {
  return Math.max(1, Math.ceil((await countSitemapDocuments(pool, scope)) / maxSitemapUrls))
}

/** The documents of one sitemap page (1-based). */
export async function sitemapPage(pool: pg.Pool, scope: SitemapScope, page: number) {
  const pages = await sitemapPageCount(pool, scope)
  if (page > pages) throw new NotFound(`站点地图只有 ${pages} 页`)
  return sitemapDocuments(pool, scope, { offset: (page - 1) * maxSitemapUrls, limit: maxSitemapUrls })
}

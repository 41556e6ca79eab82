import type { FacetBucket, GoneProblem, PolicyDocument, SearchParams, SearchResponse } from '@gongkai/sdk'
import sanitizeHtml from 'sanitize-html'
import { html, markedText, raw, type SafeHtml } from './html'
import { documentTypeLabel, facetLabels, kindLabel, topicLabel, validityLabel } from './labels'

export type SiteInfo = { title: string; agency?: string }

function layout(site: SiteInfo, title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} - ${site.title}</title>
<style>
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:60rem;margin:0 auto;padding:1rem;line-height:1.7;color:#222}
header a{color:#b00;text-decoration:none;font-weight:bold}mark{background:#fde68a}
.results li{margin:0 0 1rem}.meta{color:#666;font-size:.9em}.facets{display:flex;gap:2rem;flex-wrap:wrap}
table.metadata{border-collapse:collapse;margin-top:1rem}table.metadata th,table.metadata td{border:1px solid #ddd;padding:.3rem .6rem;text-align:left}
.withdrawn{border:2px solid #b00;padding:1rem;background:#fff5f5}
</style>
</head>
<body>
<header><a href="/">${site.title}</a> · 政策文件库</header>
<main>
${body}
</main>
</body>
</html>
`.html
}

function queryString(params: Record<string, string | number | undefined>): string {
  const entries = Object.entries(params).filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
  return new URLSearchParams(entries.map(([key, value]) => [key, String(value)])).toString()
}

const filterNames = ['q', 'topic', 'year', 'kind', 'documentType', 'validity', 'agency'] as const

/** 政策文件 list and search, with facet links that narrow the search. */
export function renderSearchPage(site: SiteInfo, params: SearchParams, result: SearchResponse): string {
  // A site fixed to one agency keeps `agency` out of its links.
  const linked = site.agency ? filterNames.filter((name) => name !== 'agency') : filterNames
  const current: Record<string, string | number | undefined> = Object.fromEntries(linked.map((name) => [name, params[name]]))
  const facetSections = result.facets
    ? Object.entries(facetLabels).map(([name, facet]) => {
        if (name === 'agency' && site.agency) return ''
        const buckets = (result.facets?.[name as keyof typeof result.facets] ?? []) as FacetBucket[]
        if (buckets.length === 0) return ''
        return html`<section class="facet" data-facet="${name}"><h3>${facet.title}</h3><ul>${buckets.map(
          (bucket) => html`<li><a href="/?${queryString({ ...current, [name]: bucket.value })}">${bucket.label ?? facet.label(bucket.value)}</a> (${bucket.count})</li>`,
        )}</ul></section>`
      })
    : []
  const items = result.items.map(
    (item) => html`<li>
<a class="title" href="/documents/${encodeURIComponent(item.contentId)}">${markedText(item.titleHighlight)}</a>
<div class="meta">${item.documentNumber ?? ''} · ${item.issuers.map((issuer) => issuer.name).join('、')} · ${item.publishedAt} · ${validityLabel(item.validity)}</div>
<p class="snippet">${markedText(item.snippet)}</p>
</li>`,
  )
  const next = result.nextCursor ? html`<a class="next" rel="next" href="/?${queryString({ ...current, cursor: result.nextCursor })}">下一页</a>` : ''
  const heading = params.q ? `“${params.q}”的搜索结果` : '政策文件'
  return layout(
    site,
    heading,
    html`<h1>${heading}</h1>
<form method="get" action="/" role="search"><input name="q" value="${params.q ?? ''}" placeholder="搜索政策文件，如：政务公开"><button>搜索</button></form>
<p class="total">共 <strong>${result.total}</strong> 件</p>
<div class="facets">${facetSections}</div>
${result.items.length > 0 ? html`<ol class="results">${items}</ol>` : html`<p class="empty">没有找到符合条件的文件。</p>`}
${next}`,
  )
}

/** One document: statutory metadata, body (or the withdrawal notice), attachments. */
export function renderDocumentPage(site: SiteInfo, document: PolicyDocument): string {
  const rows: Array<[string, string | undefined]> = [
    ['索引号', document.indexNumber],
    ['主题分类', document.topics.map(topicLabel).join('；') || undefined],
    ['发文机关', document.issuers.map((issuer) => issuer.name).join('、')],
    ['成文日期', document.writtenAt],
    ['标题', document.title],
    ['发文字号', document.documentNumber],
    ['发布日期', document.publishedAt],
    ['文种', document.documentType ? documentTypeLabel(document.documentType) : undefined],
    ['类别', kindLabel(document.kind)],
    ['有效性', validityLabel(document.validity)],
    ['主题词', document.subjectWords.join('　') || undefined],
  ]
  const body =
    document.status === 'withdrawn'
      ? html`<div class="withdrawn"><strong>本文件已撤回</strong>（${document.withdrawal?.withdrawnAt.slice(0, 10) ?? ''}）：${document.withdrawal?.notice ?? ''}</div>`
      : document.bodyHtml
        ? raw(sanitizeHtml(document.bodyHtml))
        : html`${document.bodyText.split(/\n+/u).map((paragraph) => html`<p>${paragraph}</p>`)}`
  const attachments =
    document.attachments.length > 0
      ? html`<h2>附件</h2><ul class="attachments">${document.attachments.map((attachment) => html`<li><a href="${attachment.url}">${attachment.title}</a></li>`)}</ul>`
      : ''
  return layout(
    site,
    document.title,
    html`<table class="metadata">${rows
      .filter((row): row is [string, string] => Boolean(row[1]))
      .map(([label, value]) => html`<tr><th>${label}</th><td>${value}</td></tr>`)}</table>
<h1>${document.title}</h1>
<article class="body">${body}</article>
${attachments}
<p><a href="/">返回政策文件列表</a></p>`,
  )
}

/** A withdrawn (撤回) or deleted (删除) document: the library serves its notice and metadata, no text. */
export function renderGonePage(site: SiteInfo, gone: GoneProblem): string {
  const title = gone.document.title ?? '本文件已删除'
  const notice =
    gone.removal === 'withdrawn'
      ? html`<strong>本文件已撤回</strong>（${gone.withdrawal?.withdrawnAt.slice(0, 10) ?? ''}）：${gone.withdrawal?.notice ?? ''}`
      : html`<strong>本文件已删除</strong>（${gone.deletion?.deletedAt.slice(0, 10) ?? ''}）：${gone.deletion?.reason ?? ''}`
  const rows: [string, string | undefined][] = [
    ['索引号', gone.document.indexNumber],
    ['发文机关', gone.document.issuers.map((issuer) => issuer.name).join('、')],
    ['发文字号', gone.document.documentNumber],
    ['发布日期', gone.document.publishedAt],
  ]
  return layout(
    site,
    title,
    html`<table class="metadata">${rows
      .filter((row): row is [string, string] => Boolean(row[1]))
      .map(([label, value]) => html`<tr><th>${label}</th><td>${value}</td></tr>`)}</table>
<h1>${title}</h1>
<div class="withdrawn">${notice}</div>
<p><a href="/">返回政策文件列表</a></p>`,
  )
}

export function renderNotFound(site: SiteInfo, contentId: string): string {
  return layout(site, '未找到', html`<h1>未找到文件</h1><p>政策文件库中没有编号为 <code>${contentId}</code> 的文件。</p><p><a href="/">返回列表</a></p>`)
}

export function renderError(site: SiteInfo): string {
  return layout(site, '暂时无法访问', html`<h1>政策文件库暂时无法访问</h1><p>请稍后再试。</p>`)
}

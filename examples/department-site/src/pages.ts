import type { DocumentEvent, FacetBucket, PolicyDocument, Problem, SearchParams, SearchResponse } from '@gongkai/sdk'
import sanitizeHtml from 'sanitize-html'
import { renderDossierSection } from './dossierSection'
import { html, markedText, raw, type SafeHtml } from './html'
import { dateLabel, documentTypeLabel, eventLabel, facetLabels, facetNames, kindLabel, topicLabel, topicNameLabel, validityLabel, type FacetName } from './labels'
import type { GoneDocument } from './readDocument'

export type SiteInfo = {
  title: string
  /** The one agency whose documents the site shows, when it is fixed. */
  agency?: string
  /** The library's public address, for its Atom feeds (订阅). */
  libraryUrl?: string
}

/** An Atom feed of the library, linked in the page head and shown as a 订阅 link. */
type Feed = { href: string; title: string }

function layout(input: { site: SiteInfo; title: string; body: SafeHtml; feeds?: Feed[] }): string {
  const { site, title, body, feeds = [] } = input
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} - ${site.title}</title>
${feeds.map((feed) => html`<link rel="alternate" type="application/atom+xml" title="${feed.title}" href="${feed.href}">\n`)}<style>
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:64rem;margin:0 auto;padding:1rem;line-height:1.7;color:#222}
form[role=search] input{width:min(24rem,70%);padding:.3rem}
header a{color:#b00;text-decoration:none;font-weight:bold}mark{background:#fde68a}a{color:#1d4ed8}
.results li{margin:0 0 1rem}.meta{color:#666;font-size:.9em}
.layout{display:grid;grid-template-columns:15rem 1fr;gap:2rem}@media(max-width:48rem){.layout{grid-template-columns:1fr}}
.facet h3{font-size:1rem;margin:1rem 0 .3rem}.facet ul{list-style:none;padding:0;margin:0}.facet ul ul{padding-left:1em}
.facet .count{color:#666}.facet li.selected>strong{color:#b00}.clear{font-size:.85em;margin-left:.4em}
.active-filters{background:#f5f5f5;padding:.4rem .8rem;border-radius:.3rem}.active-filters a{margin-right:.8em}
.feeds a{margin-right:1em}.feeds a::before{content:"⊕ ";color:#f97316}
table.metadata,table.history{border-collapse:collapse;margin-top:1rem}
table.metadata th,table.metadata td,table.history th,table.history td{border:1px solid #ddd;padding:.3rem .6rem;text-align:left;vertical-align:top}
.withdrawn{border:2px solid #b00;padding:1rem;background:#fff5f5}
.dossier .timeline ol{list-style:none;padding:0;margin:0;border-left:3px solid #ddd}
.dossier .timeline li{position:relative;padding:.2rem 0 .6rem 1.2rem}.dossier .timeline li::before{content:"";position:absolute;left:-.5rem;top:.55rem;width:.7rem;height:.7rem;border-radius:50%;background:#ccc}
.dossier .timeline li[data-status=complete]::before,.dossier .timeline li[data-status=withheld]::before,.dossier .timeline li[data-status=not_applicable]::before{background:#b00}
.dossier .timeline .step{font-weight:bold;display:inline-block;min-width:7em}.dossier .timeline time{color:#444}.dossier .timeline .status{color:#666;font-size:.9em;margin-left:.5em}
.dossier .timeline li[data-status=incomplete]{color:#999}
.dossier table.opinions{border-collapse:collapse;margin:.5rem 0;width:100%}.dossier table.opinions th,.dossier table.opinions td{border:1px solid #ddd;padding:.3rem .6rem;text-align:left;vertical-align:top}
.dossier .participation{border:1px solid #eee;border-radius:.3rem;padding:.2rem 1rem;margin:.6rem 0}.dossier .adoption-summary{font-weight:bold}
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

function feedLinks(feeds: Feed[]): SafeHtml | '' {
  return feeds.length > 0 ? html`<p class="feeds">${feeds.map((feed) => html`<a class="feed" href="${feed.href}">订阅：${feed.title}</a>`)}</p>` : ''
}

function agencyFeed(site: SiteInfo, agency: { id: string; name: string }): Feed[] {
  if (!site.libraryUrl) return []
  return [{ href: `${site.libraryUrl}/v1/agencies/${encodeURIComponent(agency.id)}/feed.atom`, title: `${agency.name} 政策文件` }]
}

function topicFeed(site: SiteInfo, topic: string): Feed[] {
  if (!site.libraryUrl) return []
  return [{ href: `${site.libraryUrl}/v1/topics/${encodeURIComponent(topic)}/feed.atom`, title: `${topicLabel(topic)} 政策文件` }]
}

type Filters = Partial<Record<FacetName | 'q', string | number>>

function queryString(params: Filters & { cursor?: string }): string {
  const entries = Object.entries(params).filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
  const query = new URLSearchParams(entries.map(([key, value]) => [key, String(value)])).toString()
  return query ? `/?${query}` : '/'
}

const without = (filters: Filters, name: FacetName): Filters => Object.fromEntries(Object.entries(filters).filter(([key]) => key !== name))

type FacetEntry = { bucket: FacetBucket; children: FacetBucket[] }

/** Topic buckets nested by level: a 二级主题 under its 一级主题 when both are counted. */
function nestTopics(buckets: FacetBucket[]): FacetEntry[] {
  const parents = new Map(buckets.filter((bucket) => !bucket.value.includes('.')).map((bucket) => [bucket.value, { bucket, children: [] as FacetBucket[] }]))
  const entries: FacetEntry[] = []
  for (const bucket of buckets) {
    const parent = bucket.value.includes('.') ? parents.get(bucket.value.split('.')[0] ?? '') : undefined
    if (parent) parent.children.push(bucket)
    else entries.push(parents.get(bucket.value) ?? { bucket, children: [] })
  }
  return entries
}

/** 政策文件 list and search, with facet counts that narrow the search while keeping the other filters. */
export function renderSearchPage(site: SiteInfo, params: SearchParams, result: SearchResponse): string {
  // A site fixed to one agency keeps `agency` out of its links and facets.
  const names = facetNames.filter((name) => !(name === 'agency' && site.agency))
  const filters: Filters = { q: params.q, ...Object.fromEntries(names.map((name) => [name, params[name]])) }
  const bucketsOf = (name: FacetName): FacetBucket[] => result.facets?.[name] ?? []
  const labelOf = (name: FacetName, value: string): string =>
    bucketsOf(name).find((bucket) => bucket.value === value)?.label ?? facetLabels[name].label(value)

  const facetItem = (name: FacetName, bucket: FacetBucket, label: string, children: SafeHtml | '' = '') => {
    const isSelected = String(params[name] ?? '') === bucket.value
    return isSelected
      ? html`<li class="selected" aria-current="true"><strong>${label}</strong> <span class="count">(${bucket.count})</span><a class="clear" href="${queryString(without(filters, name))}">清除</a>${children}</li>`
      : html`<li><a href="${queryString({ ...filters, [name]: bucket.value })}" data-value="${bucket.value}">${label}</a> <span class="count">(${bucket.count})</span>${children}</li>`
  }
  const facetSections = names.map((name) => {
    const buckets = bucketsOf(name)
    if (buckets.length === 0) return ''
    const items =
      name === 'topic'
        ? nestTopics(buckets).map(({ bucket, children }) =>
            facetItem(
              name,
              bucket,
              children.length > 0 ? topicNameLabel(bucket.value) : (bucket.label ?? topicLabel(bucket.value)),
              children.length > 0 ? html`<ul>${children.map((child) => facetItem(name, child, topicNameLabel(child.value)))}</ul>` : '',
            ),
          )
        : buckets.map((bucket) => facetItem(name, bucket, bucket.label ?? facetLabels[name].label(bucket.value)))
    return html`<section class="facet" data-facet="${name}"><h3>${facetLabels[name].title}</h3><ul>${items}</ul></section>`
  })

  const active = names.filter((name) => params[name] !== undefined)
  const activeFilters =
    active.length > 0
      ? html`<p class="active-filters">已选条件：${active.map(
          (name) => html`<a class="clear" data-clear="${name}" href="${queryString(without(filters, name))}" title="清除此条件">${facetLabels[name].title}：${labelOf(name, String(params[name]))} ×</a>`,
        )}<a class="clear-all" href="${queryString({ q: params.q })}">清除全部筛选</a></p>`
      : ''

  const items = result.items.map(
    (item) => html`<li>
<a class="title" href="/documents/${encodeURIComponent(item.contentId)}">${markedText(item.titleHighlight)}</a>
<div class="meta">${item.documentNumber ? `${item.documentNumber} · ` : ''}${item.issuers.map((issuer) => issuer.name).join('、')} · ${item.publishedAt} · ${kindLabel(item.kind)} · ${validityLabel(item.validity)}</div>
<p class="snippet">${markedText(item.snippet)}</p>
</li>`,
  )
  const paging = html`<nav class="paging">${params.cursor ? html`<a class="first" href="${queryString(filters)}">第一页</a> ` : ''}${
    result.nextCursor ? html`<a class="next" rel="next" href="${queryString({ ...filters, cursor: result.nextCursor })}">下一页</a>` : ''
  }</nav>`
  const empty = html`<p class="empty">没有找到符合条件的文件。${
    active.length > 0 || params.q ? html`请减少筛选条件或换个关键词，或<a href="/">查看全部政策文件</a>。` : ''
  }</p>`

  const agencyId = site.agency ?? params.agency
  const feeds = [
    ...(agencyId ? agencyFeed(site, { id: agencyId, name: labelOf('agency', agencyId) }) : []),
    ...(params.topic ? topicFeed(site, params.topic) : []),
  ]
  const heading = params.q ? `“${params.q}”的搜索结果` : '政策文件'
  return layout({
    site,
    title: heading,
    feeds,
    body: html`<h1>${heading}</h1>
<form method="get" action="/" role="search">${names
      .filter((name) => params[name] !== undefined)
      .map((name) => html`<input type="hidden" name="${name}" value="${params[name]}">`)}<input name="q" value="${params.q ?? ''}" aria-label="搜索政策文件" placeholder="搜索政策文件，如：政务公开"><button>搜索</button></form>
${feedLinks(feeds)}
${activeFilters}
<div class="layout">
<aside class="facets" aria-label="筛选">${facetSections}</aside>
<section>
<p class="total">共 <strong>${result.total}</strong> 件</p>
${result.items.length > 0 ? html`<ol class="results">${items}</ol>` : empty}
${paging}
</section>
</div>`,
  })
}

function metadataTable(rows: Array<[string, string | undefined]>): SafeHtml {
  return html`<table class="metadata">${rows
    .filter((row): row is [string, string] => Boolean(row[1]))
    .map(([label, value]) => html`<tr><th>${label}</th><td>${value}</td></tr>`)}</table>`
}

export type DocumentPageInput = {
  document: PolicyDocument
  /** For a policy: its interpretations; for an interpretation: the policies it interprets. */
  related: PolicyDocument[]
  /** The document's change log (发布, 修订, 有效性变更, 撤回), oldest first. */
  events: DocumentEvent[]
  /** Whether a related document can be opened on this site (a fixed-agency site shows only its own). */
  isOnSite: (document: PolicyDocument) => boolean
}

function relatedSection(input: DocumentPageInput): SafeHtml | '' {
  const { document, related, isOnSite } = input
  const heading = document.kind === 'interpretation' ? '解读的政策文件' : document.kind === 'policy' ? '政策解读' : '相关文件'
  if (related.length === 0) return document.kind === 'policy' ? html`<section class="related" data-related="interpretations"><h2>${heading}</h2><p>暂无解读。</p></section>` : ''
  return html`<section class="related" data-related="${document.kind === 'interpretation' ? 'interprets' : 'interpretations'}"><h2>${heading}</h2><ul>${related.map((other) => {
    const href = isOnSite(other) ? `/documents/${encodeURIComponent(other.contentId)}` : other.url
    const title = href ? html`<a href="${href}">${other.title}</a>` : other.title
    return html`<li>${title} <span class="meta">${kindLabel(other.kind)} · ${other.issuers.map((issuer) => issuer.name).join('、')} · ${other.publishedAt}</span></li>`
  })}</ul></section>`
}

function historySection(input: DocumentPageInput): SafeHtml {
  const { document, events } = input
  const since = document.validityChangedAt ? `（${dateLabel(document.validityChangedAt)}起）` : ''
  return html`<section class="history"><h2>有效性与文件历史</h2>
<p class="validity">当前有效性：<strong>${validityLabel(document.validity)}</strong>${since}${document.expiresAt ? `，失效日期 ${document.expiresAt}` : ''}</p>
${
  events.length > 0
    ? html`<table class="history"><thead><tr><th>时间</th><th>事项</th><th>说明</th></tr></thead><tbody>${events.map((event) => {
        const { what, note } = eventLabel(event)
        return html`<tr data-event="${event.type}"><td>${dateLabel(event.occurredAt, { hasTime: true })}</td><td>${what}</td><td>${note ?? ''}</td></tr>`
      })}</tbody></table>`
    : ''
}</section>`
}

/** One document: statutory metadata, body, attachments, interpretations (both ways) and 有效性 history. */
export function renderDocumentPage(site: SiteInfo, input: DocumentPageInput): string {
  const { document } = input
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
  // A decision with its 专栏 shows the dossier, whose sections include the text the body carries.
  const body = document.dossier
    ? renderDossierSection(document.dossier)
    : document.bodyHtml
      ? raw(sanitizeHtml(document.bodyHtml))
      : html`${document.bodyText.split(/\n+/u).map((paragraph) => html`<p>${paragraph}</p>`)}`
  const attachments =
    document.attachments.length > 0
      ? html`<h2>附件</h2><ul class="attachments">${document.attachments.map((attachment) => html`<li><a href="${attachment.url}">${attachment.title}</a></li>`)}</ul>`
      : ''
  const lead = document.issuers[0]
  const feeds = lead ? agencyFeed(site, lead) : []
  return layout({
    site,
    title: document.title,
    feeds,
    body: html`${metadataTable(rows)}
<h1>${document.title}</h1>
<article class="body">${body}</article>
${attachments}
${relatedSection(input)}
${historySection(input)}
${feedLinks(feeds)}
<p><a href="/">返回政策文件列表</a></p>`,
  })
}

/** 410: a withdrawn document shows its notice, a deleted one only that it is gone; neither shows a body. */
export function renderGonePage(site: SiteInfo, gone: GoneDocument): string {
  const heading = gone.reason === 'withdrawn' ? '本文件已撤回' : '该文件已删除'
  const notice =
    gone.reason === 'withdrawn'
      ? html`<div class="withdrawn" role="status"><strong>本文件已撤回</strong>${
          gone.withdrawal?.withdrawnAt ? `（${dateLabel(gone.withdrawal.withdrawnAt)}）` : ''
        }：<span class="notice">${gone.withdrawal?.notice ?? ''}</span></div>`
      : html`<div class="withdrawn" role="status">该文件已删除，不再提供查阅。</div>`
  return layout({
    site,
    title: gone.title ?? heading,
    body: html`<h1>${heading}</h1>
${gone.title || gone.indexNumber || gone.documentNumber ? metadataTable([['标题', gone.title], ['索引号', gone.indexNumber], ['发文字号', gone.documentNumber]]) : ''}
${notice}
<p><a href="/">返回政策文件列表</a></p>`,
  })
}

export function renderNotFound(site: SiteInfo, contentId: string): string {
  return layout({ site, title: '未找到', body: html`<h1>未找到文件</h1><p>政策文件库中没有编号为 <code>${contentId}</code> 的文件。</p><p><a href="/">返回列表</a></p>` })
}

const paramLabels: Record<string, string> = {
  ...Object.fromEntries(facetNames.map((name) => [name, facetLabels[name].title])),
  q: '搜索词',
  cursor: '分页位置',
  limit: '每页条数',
}

/** 400: the library refused the filters in the URL (e.g. an unknown 主题分类 code); its messages are Chinese. */
export function renderBadRequest(site: SiteInfo, problem: Problem | undefined): string {
  const details =
    problem?.errors?.map((error) => {
      const name = error.pointer.replace(/^\/?query\//u, '')
      // A pattern means nothing to a visitor; every other rule the library words in Chinese.
      return `${paramLabels[name] ?? '筛选条件'}：${error.rule === 'pattern' ? '格式不正确' : error.detail}`
    }) ?? []
  return layout({
    site,
    title: '筛选条件有误',
    body: html`<h1>筛选条件有误</h1><p>链接中的筛选条件无法识别，请重新选择。</p>${
      details.length > 0 ? html`<ul class="problems">${details.map((detail) => html`<li>${detail}</li>`)}</ul>` : ''
    }<p><a href="/">查看全部政策文件</a></p>`,
  })
}

/** 503: the library cannot be reached or is failing. */
export function renderUnavailable(site: SiteInfo): string {
  return layout({ site, title: '暂时无法访问', body: html`<h1>政策文件库暂时无法访问</h1><p>请稍后再试。如长时间无法访问，请联系网站管理员。</p><p><a href="/">返回首页</a></p>` })
}

/** 500: a fault of the site itself; the details go to the log, not to the visitor. */
export function renderServerError(site: SiteInfo): string {
  return layout({ site, title: '页面出错', body: html`<h1>页面出错了</h1><p>网站暂时无法显示此页面，请稍后再试。</p><p><a href="/">返回首页</a></p>` })
}

import type { AddressInfo } from 'node:net'
import { createServer, type Server } from 'node:http'
import { createTestDatabase, type TestDatabase } from '@gongkai/dev-postgres'
import { createPolicyLibrary, type PolicyLibrary } from '@gongkai/policy-library'
import { createPolicyLibraryClient, type DocumentInput } from '@gongkai/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDepartmentSite } from '../src/index'

const facetLink = (html: string, facet: string, value: string) =>
  new RegExp(`data-facet="${facet}">.*?<a href="([^"]+)" data-value="${value}"`, 'u').exec(html)?.[1]?.replaceAll('&amp;', '&')

const adminToken = 'site-test-admin-token-0123456789'
let database: TestDatabase
let library: PolicyLibrary
let site: Server
let siteUrl: string
let libraryUrl: string

async function admin(libraryUrl: string, path: string, body: unknown) {
  const response = await fetch(`${libraryUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
  return (await response.json()) as { token: string }
}

function policy(overrides: Partial<DocumentInput>): DocumentInput {
  return { version: 1, kind: 'policy', title: '', issuers: ['wuqing-gov'], publishedAt: '2024-01-01', bodyText: '', ...overrides }
}

async function page(path: string): Promise<{ status: number; html: string }> {
  const response = await fetch(`${siteUrl}${path}`)
  return { status: response.status, html: await response.text() }
}

beforeAll(async () => {
  database = await createTestDatabase('department_site')
  library = createPolicyLibrary({ databaseUrl: database.url, adminToken, logger: { level: 'silent' }, rateLimit: false, syncIntervalMs: 50 })
  ;({ url: libraryUrl } = await library.listen({ port: 0, host: '127.0.0.1' }))
  for (const [id, name] of [['wuqing-gov', '天津市武清区人民政府办公室'], ['hexi-gov', '天津市河西区人民政府办公室']]) {
    await admin(libraryUrl, '/v1/agencies', { id, name })
  }
  const { token: wuqingToken } = await admin(libraryUrl, '/v1/agencies/wuqing-gov/tokens', { name: 'cms' })
  const { token: hexiToken } = await admin(libraryUrl, '/v1/agencies/hexi-gov/tokens', { name: 'cms' })

  // What a department CMS does: push through the SDK.
  const wuqing = createPolicyLibraryClient({ baseUrl: libraryUrl, token: wuqingToken })
  await wuqing.pushBatch([
    {
      contentId: 'wq-2024-001',
      document: policy({
        title: '关于做好2024年政务公开工作的通知',
        documentNumber: '津武政办发〔2024〕1号',
        indexNumber: '11120114MB1234567X/2024-00001',
        documentType: 'notice',
        topics: ['02.01'],
        writtenAt: '2024-02-20',
        publishedAt: '2024-02-28',
        bodyText: '各镇人民政府：现就做好2024年政务公开工作通知如下。',
        bodyHtml: '<p>各镇人民政府：</p><p>现就做好2024年<strong>政务公开</strong>工作通知如下。</p><script>alert("x")</script><p onclick="steal()">一、加强政策解读。</p>',
        attachments: [{ title: '政务公开工作要点.pdf', url: 'https://www.wuqing.gov.cn/files/yaodian.pdf' }],
        links: { interpretations: ['hx-jd-2024-001', 'no-such-interpretation'] },
      }),
    },
    {
      contentId: 'wq-2024-002',
      document: policy({ title: '关于促进就业创业的若干措施', documentType: 'opinion', topics: ['15.01'], publishedAt: '2024-03-15', bodyText: '稳就业，促创业。' }),
    },
    {
      contentId: 'wq-2020-009',
      document: policy({ title: '关于<疫情防控>期间公共场所管理的通告', documentType: 'public_notice', publishedAt: '2020-02-01', bodyText: '疫情防控期间暂停开放。' }),
    },
  ])
  await wuqing.changeValidity('wq-2020-009', { version: 2, previousVersion: 1, validity: 'expired', note: '疫情防控措施已调整，本通告自即日起失效。' })
  await wuqing.push('wq-2019-004', policy({ title: '关于临时交通管制的通告', publishedAt: '2019-06-01', bodyText: '交通管制。' }))
  await wuqing.withdraw('wq-2019-004', { version: 2, previousVersion: 1, notice: '因活动取消，本通告撤回。' })
  const hexi = createPolicyLibraryClient({ baseUrl: libraryUrl, token: hexiToken })
  await hexi.push('hx-2024-001', policy({ issuers: ['hexi-gov'], title: '河西区政务公开工作方案', publishedAt: '2024-04-01', bodyText: '政务公开方案。' }))
  // An interpretation written by another agency: the policy page links to it on that agency's site.
  await hexi.push(
    'hx-jd-2024-001',
    policy({
      kind: 'interpretation',
      issuers: ['hexi-gov'],
      title: '《关于做好2024年政务公开工作的通知》解读',
      publishedAt: '2024-03-01',
      bodyText: '一图读懂。',
      url: 'https://www.hexi.gov.cn/zcjd/2024-001.html',
      links: { interprets: ['wq-2024-001'] },
    }),
  )

  // The department site only reads, with no token.
  site = createDepartmentSite({
    library: createPolicyLibraryClient({ baseUrl: libraryUrl }),
    title: '天津市武清区人民政府',
    agency: 'wuqing-gov',
    libraryUrl,
    pageSize: 2,
  })
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`
  // the library's search index catches up with writes within its sync interval
  for (let attempt = 0; attempt < 100 && !(await page('/')).html.includes('共 <strong>3</strong> 件'); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
})

afterAll(async () => {
  site?.closeAllConnections()
  await new Promise((resolve) => site?.close(resolve))
  await library?.close()
  await database?.drop()
})

describe('department site reading from the policy library through the SDK', () => {
  it('lists this agency’s published documents newest first, with paging and facets', async () => {
    const { status, html } = await page('/')
    expect(status).toBe(200)
    expect(html).toContain('<title>政策文件 - 天津市武清区人民政府</title>')
    const titles = [...html.matchAll(/class="title" href="\/documents\/([^"]+)"/gu)].map((match) => match[1])
    expect(titles).toEqual(['wq-2024-002', 'wq-2024-001'])
    expect(html).not.toContain('河西区政务公开工作方案')
    expect(html).not.toContain('临时交通管制')
    expect(html).toMatch(/<a class="next" rel="next" href="\/\?cursor=[^"&]+">下一页<\/a>/u)
    expect(html).toContain(
      '<section class="facet" data-facet="validity"><h3>有效性</h3><ul><li><a href="/?validity=effective" data-value="effective">有效</a> <span class="count">(2)</span></li><li><a href="/?validity=expired" data-value="expired">失效</a> <span class="count">(1)</span></li></ul></section>',
    )
    expect(html).toContain('>2024年</a> <span class="count">(2)</span>')
  })

  it('follows the next-page link to the remaining document', async () => {
    const first = await page('/')
    const next = /<a class="next" rel="next" href="([^"]+)"/u.exec(first.html)?.[1]?.replaceAll('&amp;', '&')
    const second = await page(next ?? '/missing')
    const titles = [...second.html.matchAll(/class="title" href="\/documents\/([^"]+)"/gu)].map((match) => match[1])
    expect(titles).toEqual(['wq-2020-009'])
    expect(second.html).not.toContain('下一页')
  })

  it('searches Chinese text and shows highlighted, escaped titles and snippets', async () => {
    const { html } = await page(`/?q=${encodeURIComponent('疫情防控')}`)
    expect(html).toContain('<h1>“疫情防控”的搜索结果</h1>')
    expect(html).toContain('共 <strong>1</strong> 件')
    expect(html).toContain('关于&lt;<mark>疫情防控</mark>&gt;期间公共场所管理的通告')
    expect(html).not.toContain('<疫情防控>')
    expect(html).toContain('value="疫情防控"')
  })

  it('narrows the list with a facet filter', async () => {
    const { html } = await page('/?validity=expired')
    expect(html).toContain('共 <strong>1</strong> 件')
    expect(html).toContain('/documents/wq-2020-009')
  })

  it('renders a document page with its statutory metadata, sanitised body and attachments', async () => {
    const { status, html } = await page('/documents/wq-2024-001')
    expect(status).toBe(200)
    expect(html).toContain('<tr><th>索引号</th><td>11120114MB1234567X/2024-00001</td></tr>')
    expect(html).toContain('<tr><th>发文字号</th><td>津武政办发〔2024〕1号</td></tr>')
    expect(html).toContain('<tr><th>发文机关</th><td>天津市武清区人民政府办公室</td></tr>')
    expect(html).toContain('<tr><th>主题分类</th><td>综合政务\\政务公开</td></tr>')
    expect(html).toContain('<tr><th>文种</th><td>通知</td></tr>')
    expect(html).toContain('<tr><th>有效性</th><td>有效</td></tr>')
    expect(html).toContain('<p>现就做好2024年<strong>政务公开</strong>工作通知如下。</p>')
    expect(html).not.toMatch(/<script>alert|onclick/u)
    expect(html).toContain('<a href="https://www.wuqing.gov.cn/files/yaodian.pdf">政务公开工作要点.pdf</a>')
  })

  it('answers 410 Gone for a withdrawn document, with its notice instead of its body', async () => {
    const { status, html } = await page('/documents/wq-2019-004')
    expect(status).toBe(410)
    expect(html).toContain('<h1>本文件已撤回</h1>')
    expect(html).toContain('<tr><th>标题</th><td>关于临时交通管制的通告</td></tr>')
    expect(html).toContain('本文件已撤回')
    expect(html).toContain('因活动取消，本通告撤回。')
    expect(html).not.toContain('交通管制。')
  })

  it('answers 404 for an unknown document and for another agency’s document', async () => {
    expect((await page('/documents/no-such-id')).status).toBe(404)
    const other = await page('/documents/hx-2024-001')
    expect(other.status).toBe(404)
    expect(other.html).toContain('未找到文件')
  })

  it('keeps the query and the other filters when a facet is chosen, and offers links that clear them', async () => {
    const searched = await page(`/?q=${encodeURIComponent('政务公开')}`)
    expect(searched.html).toContain('共 <strong>1</strong> 件')
    const yearLink = facetLink(searched.html, 'year', '2024')
    expect(yearLink).toBe(`/?q=${encodeURIComponent('政务公开')}&year=2024`)
    const narrowed = await page(yearLink ?? '/missing')
    expect(narrowed.html).toContain('value="政务公开"')
    expect(narrowed.html).toContain('<input type="hidden" name="year" value="2024">')
    expect(facetLink(narrowed.html, 'documentType', 'notice')).toBe(`/?q=${encodeURIComponent('政务公开')}&year=2024&documentType=notice`)
    expect(narrowed.html).toContain(
      `<li class="selected" aria-current="true"><strong>2024年</strong> <span class="count">(1)</span><a class="clear" href="/?q=${encodeURIComponent('政务公开')}">清除</a></li>`,
    )
    expect(narrowed.html).toContain(`<a class="clear" data-clear="year" href="/?q=${encodeURIComponent('政务公开')}" title="清除此条件">年份：2024年 ×</a>`)
    expect(narrowed.html).toContain(`<a class="clear-all" href="/?q=${encodeURIComponent('政务公开')}">清除全部筛选</a>`)
  })

  it('shows topics by their two-level names, nested under the top level, never as codes', async () => {
    const { html } = await page('/')
    expect(html).toContain('data-value="02">综合政务</a> <span class="count">(1)</span><ul><li><a href="/?topic=02.01" data-value="02.01">政务公开</a>')
    expect(html).not.toMatch(/>0\d(\.\d\d)?<\/a>/u)
  })

  it('keeps the filters on the next page', async () => {
    const first = await page('/?kind=policy')
    expect(first.html).toContain('共 <strong>3</strong> 件')
    const next = /<a class="next" rel="next" href="([^"]+)"/u.exec(first.html)?.[1]?.replaceAll('&amp;', '&')
    expect(next).toMatch(/^\/\?kind=policy&cursor=/u)
    const second = await page(next ?? '/missing')
    expect(second.html).toContain('/documents/wq-2020-009')
    expect(second.html).toContain('<a class="first" href="/?kind=policy">第一页</a>')
    expect(second.html).toContain('<li class="selected" aria-current="true"><strong>政策文件</strong>')
  })

  it('links the agency’s Atom feed in the head and as 订阅, and the topic’s feed on a topic filter', async () => {
    const agencyFeed = `${libraryUrl}/v1/agencies/wuqing-gov/feed.atom`
    const topicFeed = `${libraryUrl}/v1/topics/02.01/feed.atom`
    const home = await page('/')
    expect(home.html).toContain(`<link rel="alternate" type="application/atom+xml" title="天津市武清区人民政府办公室 政策文件" href="${agencyFeed}">`)
    expect(home.html).toContain(`<a class="feed" href="${agencyFeed}">订阅：天津市武清区人民政府办公室 政策文件</a>`)
    expect(home.html).not.toContain(topicFeed)
    const topic = await page('/?topic=02.01')
    expect(topic.html).toContain(`<link rel="alternate" type="application/atom+xml" title="综合政务\\政务公开 政策文件" href="${topicFeed}">`)
    const feed = await fetch(agencyFeed)
    expect(feed.headers.get('content-type')).toMatch(/^application\/atom\+xml/u)
    expect(await feed.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom"')
  })

  it('shows a policy’s interpretations, leaving out the ones the library does not have', async () => {
    const { html } = await page('/documents/wq-2024-001')
    expect(html).toContain('<h2>政策解读</h2>')
    expect(html).toContain('<a href="https://www.hexi.gov.cn/zcjd/2024-001.html">《关于做好2024年政务公开工作的通知》解读</a>')
    expect(html).not.toContain('no-such-interpretation')
    expect(html).toContain(`<link rel="alternate" type="application/atom+xml" title="天津市武清区人民政府办公室 政策文件" href="${libraryUrl}/v1/agencies/wuqing-gov/feed.atom">`)
  })

  it('shows the 有效性 history with the note of each change', async () => {
    const { status, html } = await page('/documents/wq-2020-009')
    expect(status).toBe(200)
    expect(html).toMatch(/当前有效性：<strong>失效<\/strong>（\d{4}年\d{1,2}月\d{1,2}日起）/u)
    expect(html).toMatch(/<tr data-event="created"><td>\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d<\/td><td>发布<\/td><td><\/td><\/tr>/u)
    expect(html).toMatch(/<tr data-event="validity_changed"><td>[^<]+<\/td><td>有效性变更为“失效”<\/td><td>疫情防控措施已调整，本通告自即日起失效。<\/td><\/tr>/u)
  })

  it('says in Chinese when nothing matches, with a way back', async () => {
    const { status, html } = await page(`/?q=${encodeURIComponent('量子计算')}`)
    expect(status).toBe(200)
    expect(html).toContain('没有找到符合条件的文件。请减少筛选条件或换个关键词，或<a href="/">查看全部政策文件</a>。')
  })

  it('answers a filter the library refuses with a Chinese 400 page, not a stack trace', async () => {
    const { status, html } = await page('/?topic=not-a-topic')
    expect(status).toBe(400)
    expect(html).toContain('<h1>筛选条件有误</h1>')
    expect(html).toContain('<li>主题分类：格式不正确</li>')
    expect(html).not.toMatch(/Error|at .*\.js:\d+|\^\[0-9\]/u)
    const year = await page('/?year=99999')
    expect(year.status).toBe(400)
    expect(year.html).toMatch(/<li>年份：[^<]*2199<\/li>/u)
    const long = await page(`/?q=${'长'.repeat(300)}`)
    expect(long.status).toBe(400)
    expect(long.html).toMatch(/<li>搜索词：[^<]*200[^<]*<\/li>/u)
  })

  it('drops control characters from the query instead of echoing them', async () => {
    const { status, html } = await page(`/?q=%00${encodeURIComponent('疫情防控')}%07`)
    expect(status).toBe(200)
    expect(html).toContain('<h1>“疫情防控”的搜索结果</h1>')
    expect(html).not.toMatch(/\p{Cc}(?<![\n\t])/u)
  })

  it('answers 404 for a document id the library cannot hold and 400 for a broken escape', async () => {
    const tooLong = await page(`/documents/${'x'.repeat(3000)}`)
    expect(tooLong.status).toBe(404)
    expect(tooLong.html).toContain('<h1>未找到文件</h1>')
    const broken = await page('/documents/%E0%A4%A')
    expect(broken.status).toBe(400)
    expect(broken.html).not.toMatch(/URIError|at .*\.js:\d+/u)
  })
})

describe('department site when the library is down', () => {
  let downSite: Server
  beforeAll(async () => {
    // A port that was just free: nothing listens there.
    const probe = createServer()
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    const port = (probe.address() as AddressInfo).port
    await new Promise((resolve) => probe.close(resolve))
    downSite = createDepartmentSite({ library: createPolicyLibraryClient({ baseUrl: `http://127.0.0.1:${port}`, retry: false }), title: '天津市武清区人民政府' })
    await new Promise<void>((resolve) => downSite.listen(0, '127.0.0.1', resolve))
  })
  afterAll(async () => {
    await new Promise((resolve) => downSite?.close(resolve))
  })

  it('answers 503 with a Chinese page on the list and on a document', async () => {
    const base = `http://127.0.0.1:${(downSite.address() as AddressInfo).port}`
    for (const path of ['/', '/documents/wq-2024-001']) {
      const response = await fetch(`${base}${path}`)
      expect(response.status).toBe(503)
      expect(response.headers.get('retry-after')).toBe('30')
      const body = await response.text()
      expect(body).toContain('<h1>政策文件库暂时无法访问</h1>')
      expect(body).not.toMatch(/Error|ECONNREFUSED/u)
    }
  })
})

import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { createTestDatabase, type TestDatabase } from '@gongkai/dev-postgres'
import { createPolicyLibrary, type PolicyLibrary } from '@gongkai/policy-library'
import { createPolicyLibraryClient, type DocumentInput } from '@gongkai/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDepartmentSite } from '../src/index'

const adminToken = 'site-test-admin-token-0123456789'
let database: TestDatabase
let library: PolicyLibrary
let site: Server
let siteUrl: string

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
  const { url: libraryUrl } = await library.listen({ port: 0, host: '127.0.0.1' })
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
      }),
    },
    {
      contentId: 'wq-2024-002',
      document: policy({ title: '关于促进就业创业的若干措施', documentType: 'opinion', topics: ['15.01'], publishedAt: '2024-03-15', bodyText: '稳就业，促创业。' }),
    },
    {
      contentId: 'wq-2020-009',
      document: policy({ title: '关于<疫情防控>期间公共场所管理的通告', documentType: 'public_notice', publishedAt: '2020-02-01', validity: 'expired', bodyText: '疫情防控期间暂停开放。' }),
    },
  ])
  await wuqing.push('wq-2019-004', policy({ title: '关于临时交通管制的通告', publishedAt: '2019-06-01', bodyText: '交通管制。' }))
  await wuqing.withdraw('wq-2019-004', { version: 2, previousVersion: 1, notice: '因活动取消，本通告撤回。' })
  await createPolicyLibraryClient({ baseUrl: libraryUrl, token: hexiToken }).push(
    'hx-2024-001',
    policy({ issuers: ['hexi-gov'], title: '河西区政务公开工作方案', publishedAt: '2024-04-01', bodyText: '政务公开方案。' }),
  )

  // The department site only reads, with no token.
  site = createDepartmentSite({ library: createPolicyLibraryClient({ baseUrl: libraryUrl }), title: '天津市武清区人民政府', agency: 'wuqing-gov', pageSize: 2 })
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
    expect(html).toMatch(/data-facet="validity"><h3>有效性<\/h3><ul><li><a href="\/\?validity=effective">有效<\/a> \(2\)<\/li><li><a href="\/\?validity=expired">失效<\/a> \(1\)/u)
    expect(html).toContain('>2024年</a> (2)')
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

  it('shows a withdrawn document’s notice instead of its body, answered 410 as the library does', async () => {
    const { status, html } = await page('/documents/wq-2019-004')
    expect(status).toBe(410)
    expect(html).toContain('本文件已撤回')
    expect(html).toContain('因活动取消，本通告撤回。')
    expect(html).not.toContain('<article class="body">交通管制')
  })

  it('answers 404 for an unknown document and for another agency’s document', async () => {
    expect((await page('/documents/no-such-id')).status).toBe(404)
    const other = await page('/documents/hx-2024-001')
    expect(other.status).toBe(404)
    expect(other.html).toContain('未找到文件')
  })
})

import { mkdirSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createTestDatabase, type TestDatabase } from '@gongkai/dev-postgres'
import { createPolicyLibrary, type PolicyLibrary } from '@gongkai/policy-library'
import { createPolicyLibraryClient, type DocumentInput } from '@gongkai/sdk'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDepartmentSite } from '../src/index'
import { launchChromium } from '@gongkai/dev-browser'

const screenshots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'test-results')
const adminToken = 'site-browser-admin-token-0123456789'
let database: TestDatabase
let library: PolicyLibrary
let libraryUrl: string
let site: Server
let siteUrl: string
let browser: Browser
let page: Page

async function admin(path: string, body: unknown): Promise<{ token: string }> {
  const response = await fetch(`${libraryUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
  return (await response.json()) as { token: string }
}

function document(overrides: Partial<DocumentInput> & Pick<DocumentInput, 'title'>): DocumentInput {
  return { version: 1, kind: 'policy', issuers: ['wuqing-gov'], publishedAt: '2024-01-01', bodyText: overrides.title, ...overrides }
}

/** Waits for the outcome, not for time: the element that shows it, with its text. */
async function see(selector: string, text: string | RegExp): Promise<void> {
  await page.locator(selector, { hasText: text }).first().waitFor()
}

const shoot = (name: string) => page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true })

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true })
  database = await createTestDatabase('department_site_browser')
  library = createPolicyLibrary({ databaseUrl: database.url, adminToken, logger: { level: 'silent' }, rateLimit: false, syncIntervalMs: 50 })
  ;({ url: libraryUrl } = await library.listen({ port: 0, host: '127.0.0.1' }))
  await admin('/v1/agencies', { id: 'wuqing-gov', name: '天津市武清区人民政府办公室' })
  await admin('/v1/agencies', { id: 'wuqing-edu', name: '天津市武清区教育局' })
  const cms = createPolicyLibraryClient({ baseUrl: libraryUrl, token: (await admin('/v1/agencies/wuqing-gov/tokens', { name: 'cms' })).token })
  const education = createPolicyLibraryClient({ baseUrl: libraryUrl, token: (await admin('/v1/agencies/wuqing-edu/tokens', { name: 'cms' })).token })

  // A policy published with its interpretation, as the CMS pushes them (links on both sides).
  const batch = await cms.pushBatch([
    {
      contentId: 'wq-2024-001',
      document: document({
        title: '关于做好2024年政务公开工作的通知',
        documentNumber: '津武政办发〔2024〕1号',
        documentType: 'notice',
        topics: ['02.01'],
        publishedAt: '2024-02-28',
        bodyText: '各镇人民政府：现就做好2024年政务公开工作通知如下。',
        links: { interpretations: ['wq-2024-001-jd'] },
      }),
    },
    {
      contentId: 'wq-2024-001-jd',
      document: document({
        kind: 'interpretation',
        title: '《关于做好2024年政务公开工作的通知》政策解读',
        topics: ['02.01'],
        publishedAt: '2024-03-01',
        bodyText: '一、政务公开工作的背景。二、主要内容。',
        links: { interprets: ['wq-2024-001'] },
      }),
    },
    {
      contentId: 'wq-2020-009',
      document: document({ title: '关于疫情防控期间公共场所管理的通告', documentType: 'public_notice', topics: ['13.01'], publishedAt: '2020-02-01' }),
    },
    { contentId: 'wq-2019-004', document: document({ title: '关于临时交通管制的通告', publishedAt: '2019-06-01', bodyText: '交通管制期间禁止通行。' }) },
  ])
  expect(batch.failed).toBe(0)
  await education.push(
    'edu-2024-003',
    document({ issuers: ['wuqing-edu'], title: '关于规范义务教育招生入学工作的意见', documentType: 'opinion', topics: ['11.02'], publishedAt: '2024-05-10' }),
  )
  await cms.changeValidity('wq-2020-009', { version: 2, previousVersion: 1, validity: 'expired', note: '疫情防控措施已调整，本通告自即日起失效。' })
  await cms.withdraw('wq-2019-004', { version: 2, previousVersion: 1, notice: '因活动取消，本通告撤回。' })

  // A district portal: every agency, feeds linked to the library.
  site = createDepartmentSite({ library: createPolicyLibraryClient({ baseUrl: libraryUrl }), title: '天津市武清区人民政府', libraryUrl, pageSize: 10 })
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`
  // The library's search index catches up with writes within its sync interval; wait for it to show all four.
  for (let attempt = 0; attempt < 200; attempt++) {
    const { total } = await createPolicyLibraryClient({ baseUrl: libraryUrl }).search({ facets: false })
    if (total === 4) break
    await new Promise((resolve) => setTimeout(resolve, 50))
  }

  browser = await launchChromium()
  page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } })
}, 180_000)

afterAll(async () => {
  await browser?.close()
  site?.closeAllConnections()
  await new Promise((resolve) => site?.close(resolve))
  await library?.close()
  await database?.drop()
})

describe('department site in Chromium', { timeout: 120_000 }, () => {
  it('searches, narrows with facets that show counts, and clears them', async () => {
    const home = await page.goto(siteUrl)
    expect(home?.status()).toBe(200)
    await see('.total', '共 4 件')
    await see('[data-facet="agency"] li', /天津市武清区人民政府办公室\s*\(3\)/u)
    await see('[data-facet="agency"] li', /天津市武清区教育局\s*\(1\)/u)
    await see('[data-facet="year"] li', /2024年\s*\(3\)/u)
    await see('[data-facet="topic"] li', /综合政务\s*\(2\)/u)
    await see('[data-facet="documentType"] li', /通知\s*\(1\)/u)
    await see('[data-facet="validity"] li', /失效\s*\(1\)/u)
    expect(await page.locator('[data-facet="topic"]').textContent()).not.toMatch(/\d\d\.\d\d/u)
    await shoot('01-list')

    await page.locator('[data-facet="validity"] a', { hasText: '失效' }).click()
    await see('.total', '共 1 件')
    await see('.results .title', '关于疫情防控期间公共场所管理的通告')
    await see('[data-facet="year"] li', /2020年\s*\(1\)/u)
    expect(await page.locator('[data-facet="year"] li').count()).toBe(1)
    await page.locator('.active-filters a[data-clear="validity"]').click()
    await see('.total', '共 4 件')

    await page.locator('input[name="q"]').fill('政务公开')
    await page.locator('form[role="search"] button').click()
    await see('h1', '“政务公开”的搜索结果')
    await see('.total', '共 2 件')
    await see('[data-facet="kind"] li', /政策解读\s*\(1\)/u)
    await page.locator('[data-facet="kind"] a', { hasText: '政策解读' }).click()
    await see('.total', '共 1 件')
    await see('.results .title', '《关于做好2024年政务公开工作的通知》政策解读')
    expect(new URL(page.url()).searchParams.get('q')).toBe('政务公开')
    expect(await page.locator('input[name="q"]').inputValue()).toBe('政务公开')
    await page.locator('[data-facet="agency"] a', { hasText: '天津市武清区人民政府办公室' }).click()
    await see('.active-filters', '机构：天津市武清区人民政府办公室')
    const params = new URL(page.url()).searchParams
    expect([params.get('q'), params.get('kind'), params.get('agency')]).toEqual(['政务公开', 'interpretation', 'wuqing-gov'])
    await see('.feeds a', '订阅：天津市武清区人民政府办公室 政策文件')
    await shoot('02-search-with-facets')
    await page.locator('.active-filters a.clear-all').click()
    await see('.total', '共 2 件')
    expect(await page.locator('.active-filters').count()).toBe(0)
  })

  it('shows a policy with its interpretation and the interpretation with its policy', async () => {
    await page.goto(siteUrl)
    await page.locator('.results').getByRole('link', { name: '关于做好2024年政务公开工作的通知', exact: true }).click()
    await see('h1', /^关于做好2024年政务公开工作的通知$/u)
    await see('[data-related="interpretations"] h2', '政策解读')
    await shoot('03-policy-with-interpretation')
    await page.locator('[data-related="interpretations"]').getByRole('link', { name: '《关于做好2024年政务公开工作的通知》政策解读', exact: true }).click()
    await see('h1', /^《关于做好2024年政务公开工作的通知》政策解读$/u)
    await see('[data-related="interprets"] h2', '解读的政策文件')
    await page.locator('[data-related="interprets"]').getByRole('link', { name: '关于做好2024年政务公开工作的通知', exact: true }).click()
    await see('h1', /^关于做好2024年政务公开工作的通知$/u)
    expect(new URL(page.url()).pathname).toBe('/documents/wq-2024-001')
  })

  it('shows the 有效性 history of a document whose validity changed', async () => {
    await page.goto(`${siteUrl}/?validity=expired`)
    await page.locator('.results a.title', { hasText: '关于疫情防控期间公共场所管理的通告' }).click()
    await see('.history .validity', '当前有效性：失效')
    await see('.history tr[data-event="created"]', '发布')
    await see('.history tr[data-event="validity_changed"]', '有效性变更为“失效”')
    await see('.history tr[data-event="validity_changed"]', '疫情防控措施已调整，本通告自即日起失效。')
    await shoot('04-validity-history')
  })

  it('links the agency’s Atom feed in the head and follows the 订阅 link to a valid Atom feed', async () => {
    await page.goto(`${siteUrl}/?agency=wuqing-gov`)
    const feedHref = await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href')
    expect(feedHref).toBe(`${libraryUrl}/v1/agencies/wuqing-gov/feed.atom`)
    const [response] = await Promise.all([page.waitForResponse((candidate) => candidate.url() === feedHref), page.locator('.feeds a.feed').click()])
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toMatch(/^application\/atom\+xml/u)
    // Parse it with the browser's own XML parser: well-formed, an Atom feed with the agency's documents.
    // The library serves its feeds with `Content-Security-Policy: default-src 'none'`, so the feed page may not
    // fetch; the browser's parser reads the body it navigated to instead.
    const feed = await page.evaluate((text) => {
      const xml = new DOMParser().parseFromString(text, 'application/xml')
      const atom = 'http://www.w3.org/2005/Atom'
      const entries = [...xml.getElementsByTagNameNS(atom, 'entry')]
      return {
        hasError: xml.getElementsByTagName('parsererror').length > 0,
        root: `${xml.documentElement.namespaceURI} ${xml.documentElement.localName}`,
        title: xml.documentElement.getElementsByTagNameNS(atom, 'title')[0]?.textContent,
        entries: entries.map((entry) => ({
          title: entry.getElementsByTagNameNS(atom, 'title')[0]?.textContent,
          hasId: Boolean(entry.getElementsByTagNameNS(atom, 'id')[0]?.textContent),
          hasUpdated: Boolean(entry.getElementsByTagNameNS(atom, 'updated')[0]?.textContent),
        })),
      }
    }, await response.text())
    expect(feed.hasError).toBe(false)
    expect(feed.root).toBe('http://www.w3.org/2005/Atom feed')
    expect(feed.title).toBe('天津市武清区人民政府办公室 · 政策文件')
    expect(feed.entries.map((entry) => entry.title).sort()).toEqual(
      ['《关于做好2024年政务公开工作的通知》政策解读', '关于做好2024年政务公开工作的通知（津武政办发〔2024〕1号）', '关于疫情防控期间公共场所管理的通告'].sort(),
    )
    expect(feed.entries.every((entry) => entry.hasId && entry.hasUpdated)).toBe(true)

    await page.goto(`${siteUrl}/?topic=02.01`)
    expect(await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href')).toBe(`${libraryUrl}/v1/topics/02.01/feed.atom`)
    await see('.feeds a', '订阅：综合政务\\政务公开 政策文件')
  })

  it('answers 410 with the notice for a withdrawn document', async () => {
    const response = await page.goto(`${siteUrl}/documents/wq-2019-004`)
    expect(response?.status()).toBe(410)
    await see('h1', '本文件已撤回')
    await see('.withdrawn .notice', '因活动取消，本通告撤回。')
    expect(await page.locator('main').textContent()).not.toContain('交通管制期间禁止通行')
    await shoot('05-withdrawn-410')
  })
})

import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { samplePolicyTitle } from '../src/seed/seedSampleContent'
import { launchChromium } from '@gongkai/dev-browser'
import { type CmsServer, startCmsServer } from './cmsServer'

const screenshots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'test-results')
const editor = { email: 'editor@wuqing.gov.example', password: 'Gongkai-smoke-2026' }

describe('example CMS admin in Chromium', () => {
  let cms: CmsServer
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true })
    cms = await startCmsServer()
    browser = await launchChromium()
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })
    page = await context.newPage()
    // Generous: CI runs this beside other suites on two cores.
    page.setDefaultTimeout(90_000)
  })

  afterAll(async () => {
    await browser?.close()
    await cms?.stop()
  })

  it('starts the policy library beside the CMS, migrated and ready', async () => {
    const ready = await fetch(`${cms.libraryUrl}/readyz`)
    expect(ready.status).toBe(200)
    const search = await fetch(`${cms.libraryUrl}/v1/documents?q=${encodeURIComponent('政务公开')}`)
    expect(search.status).toBe(200)
  })

  it('asks for the first user in Chinese and signs them in', async () => {
    await page.goto(`${cms.url}/admin`)
    await page.waitForURL(/\/admin\/create-first-user/)
    // Fill the form only once React has hydrated it; earlier input is lost on hydration.
    await page.waitForLoadState('networkidle')
    expect(await page.getAttribute('html', 'lang')).toBe('zh')
    await page.fill('#field-email', editor.email)
    await page.fill('#field-password', editor.password)
    await page.fill('#field-confirm-password', editor.password)
    await Promise.all([
      page.waitForURL((url) => url.pathname.replace(/\/$/, '') === '/admin', { waitUntil: 'commit' }),
      page.click('button[type="submit"]'),
    ])
    await page.screenshot({ path: path.join(screenshots, 'dashboard.png') })
  })

  it('logs in again with the password after logging out', async () => {
    await page.context().clearCookies()
    await page.goto(`${cms.url}/admin/login`)
    await page.waitForLoadState('networkidle')
    await page.fill('#field-email', editor.email)
    await page.fill('#field-password', editor.password)
    await Promise.all([
      page.waitForURL((url) => !url.pathname.includes('/login'), { waitUntil: 'commit' }),
      page.click('button[type="submit"]'),
    ])
    expect(new URL(page.url()).pathname.replace(/\/$/, '')).toBe('/admin')
  })

  it('opens the seeded Wuqing policy with its statutory metadata and body', async () => {
    await page.goto(`${cms.url}/admin/collections/policies`)
    // The list links its first column, 索引号; open the row of the sample policy.
    // A list that has just loaded may still replace its URL (list preferences) or hydrate, which cancels or
    // swallows the click: click again until the document's page is the one open.
    const link = page.locator('.table tbody tr').filter({ hasText: samplePolicyTitle }).getByRole('link').first()
    const documentUrl = /\/admin\/collections\/policies\/\d+/
    await expect
      .poll(
        async () => {
          if (!documentUrl.test(page.url())) await link.click({ timeout: 5_000 }).catch(() => undefined)
          return await page.waitForURL(documentUrl, { timeout: 5_000 }).then(
            () => true,
            () => false,
          )
        },
        { timeout: 90_000, interval: 250 },
      )
      .toBe(true)
    await page.waitForSelector('#field-title')
    expect(await page.inputValue('#field-title')).toBe(samplePolicyTitle)
    // The Lexical body renders after the form: wait for a line from the notice itself.
    await page.getByText('各镇人民政府、街道办事处').first().waitFor({ timeout: 60_000 })
    // The 发文机关 name and the workflow state load after the body (relationship labels, the workflow controls):
    // wait for the text that is asserted, not for the body as a stand-in for it.
    const expected = ['武清区人民政府办公室', '通知', '主动公开', '有效', '已发布', '武清区2022年政务公开工作要点']
    await expect
      .poll(async () => {
        const text = await page.locator('body').innerText()
        return expected.filter((item) => !text.includes(item))
      }, { timeout: 60_000 })
      .toEqual([])
    // 成文日期 as Chinese offices write dates.
    await page.locator('input[value="2022年6月30日"]').first().waitFor()
    // The import was numbered like any publication: the agency's code / year / first serial.
    await page.locator('input[value="11120114MB1234562N/2022-00001"]').waitFor()
    expect(await page.locator('input[value="11120114MB1234562N/2022-00001"]').count()).toBe(1)
    await page.screenshot({ path: path.join(screenshots, 'sample-policy.png'), fullPage: true })
  })
})

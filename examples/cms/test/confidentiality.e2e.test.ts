import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchChromium } from '@gongkai/dev-browser'
import { type CmsServer, startCmsServer } from './cmsServer'

const admin = { email: 'admin@wuqing.gov.example', password: 'Gongkai-review-2026' }
const residentId = '11010519491231002X'

/** A one-paragraph Lexical state. */
function lexical(text: string) {
  const textNode = { type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text, version: 1 }
  const paragraph = { type: 'paragraph', direction: 'ltr', format: '', indent: 0, version: 1, textFormat: 0, children: [textNode] }
  return { root: { type: 'root', direction: 'ltr', format: '', indent: 0, version: 1, children: [paragraph] } }
}

describe('保密审查 findings in the admin (Chromium)', () => {
  let cms: CmsServer
  let browser: Browser
  let page: Page
  let token: string
  let policyId: number

  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${cms.url}/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: response.status, body: await response.json() }
  }

  beforeAll(async () => {
    cms = await startCmsServer()
    // The first user becomes 站点管理员.
    const registered = await api('POST', '/users/first-register', { ...admin, confirmPassword: admin.password })
    expect(registered.status).toBe(200)
    token = registered.body.token
    const agency = (await api('GET', '/agencies?limit=1&depth=0')).body.docs[0]
    const topic = (await api('GET', '/topics?where[code][equals]=02.01&depth=0')).body.docs[0]
    const created = await api('POST', '/policies?draft=true&depth=0', {
      title: '关于发放2024年度困难群众救助金的公示',
      issuingAgency: agency.id,
      writtenDate: '2024-06-30T04:00:00.000Z',
      documentType: 'notice',
      topic: topic.id,
      body: lexical(`救助对象张某，身份证号${residentId}，联系电话13812345678。`),
    })
    expect(created.status).toBe(201)
    policyId = created.body.doc.id

    browser = await launchChromium()
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })
    page = await context.newPage()
    page.setDefaultTimeout(90_000)
    await page.goto(`${cms.url}/admin/login`)
    await page.waitForLoadState('networkidle')
    await page.fill('#field-email', admin.email)
    await page.fill('#field-password', admin.password)
    await Promise.all([page.waitForURL((url) => !url.pathname.includes('/login'), { waitUntil: 'commit' }), page.click('button[type="submit"]')])
  })

  afterAll(async () => {
    await browser?.close()
    await cms?.stop()
  })

  it('shows the ID number finding beside the body field, with the masked suggestion', async () => {
    await page.goto(`${cms.url}/admin/collections/policies/${policyId}`)
    const findings = page.locator('.gongkai-confidentiality-findings[data-field-path="body"]')
    await findings.waitFor({ timeout: 90_000 })
    const text = await findings.innerText()
    expect(text).toContain('居民身份证号')
    expect(text).toContain('须处理')
    expect(text).toContain('11*************02X')
    expect(text).toContain('手机号')
    expect(await page.locator('.gongkai-confidentiality-findings[data-field-path="title"]').count()).toBe(0)
  })

  it('masks every finding with 一键脱敏 and shows the masked body', async () => {
    const findings = page.locator('.gongkai-confidentiality-findings[data-field-path="body"]')
    // Wait for the outcomes themselves: the mask's response, then the findings the reloaded form asks for (not the
    // page's load event, and not the absence of the findings box, which is also absent before they are loaded).
    let isMasked = false
    const masked = page.waitForResponse((response) => response.url().endsWith('/confidentiality-review/mask'))
    const reloadedFindings = page.waitForResponse((response) => {
      if (response.url().endsWith('/confidentiality-review/mask')) isMasked = true
      return isMasked && response.url().includes('/confidentiality-review/findings')
    })
    await findings.getByRole('button', { name: '一键脱敏' }).click()
    expect((await masked).status()).toBe(200)
    const stored = await api('GET', `/policies/${policyId}?draft=true&depth=0`)
    expect(JSON.stringify(stored.body.body)).toContain('身份证号11*************02X，联系电话138****5678')
    await page.locator('[data-lexical-editor="true"]', { hasText: '身份证号11*************02X' }).waitFor({ timeout: 60_000 })
    const after = (await (await reloadedFindings).json()) as { findings: { fieldPath: string }[] }
    expect(after.findings.filter((finding) => finding.fieldPath === 'body')).toEqual([])
    expect(await findings.count()).toBe(0)
  })
})

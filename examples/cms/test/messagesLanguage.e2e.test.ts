import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchChromium } from '@gongkai/dev-browser'
import { type CmsServer, startCmsServer } from './cmsServer'

// Issues 11 and 12: an editor whose admin language is English reads the refusal of 提交审核 in English (the
// field highlighted), and the Chinese admin reads it in Chinese — the same refusal, from the plugin's translations.

const password = 'Gongkai-language-2026'
const admin = { email: 'admin@wuqing.gov.example', password }
const editor = 'editor-en@wuqing.gov.example'
const screenshots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'test-results')
const title = 'Notice on administrative normative documents'

/** Chinese in a message, quoted user values (the 发文字号 typed, “国办发〔2018〕123号”) and the title aside. */
const chineseOutsideQuotes = (text: string) => text.replace(/“[^”]*”|"[^"]*"/gu, ' ').match(/\p{Script=Han}+/gu) ?? []
/** English words in a message, quoted user values aside (the title is English here). */
const englishOutsideQuotes = (text: string) => text.replace(/“[^”]*”|"[^"]*"/gu, ' ').match(/[A-Za-z]*[a-z][A-Za-z]*/gu) ?? []

function lexical(text: string) {
  const textNode = { type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text, version: 1 }
  const paragraph = { type: 'paragraph', direction: 'ltr', format: '', indent: 0, version: 1, textFormat: 0, children: [textNode] }
  return { root: { type: 'root', direction: 'ltr', format: '', indent: 0, version: 1, children: [paragraph] } }
}

describe('a refusal in the admin’s language (Chromium, English and Chinese admins)', () => {
  let cms: CmsServer
  let browser: Browser
  let adminToken: string
  let editorToken: string
  let policyId: number

  const api = async (method: string, route: string, body?: unknown, token = adminToken) => {
    const response = await fetch(`${cms.url}/api${route}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: response.status, body: await response.json() }
  }

  /** A signed-in admin page in `language` (Payload's `payload-lng` cookie, as the account page's language switch sets). */
  async function pageIn(language: 'zh' | 'en'): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale: language === 'zh' ? 'zh-CN' : 'en-GB', timezoneId: 'Asia/Shanghai', viewport: { width: 1600, height: 1000 } })
    await context.addInitScript(() => {
      const seen: string[] = []
      ;(window as unknown as { __toasts: string[] }).__toasts = seen
      new MutationObserver(() => {
        for (const toast of document.querySelectorAll('[data-sonner-toast]')) {
          const text = (toast as HTMLElement).innerText.trim()
          if (text && !seen.includes(text)) seen.push(text)
        }
      }).observe(document, { childList: true, subtree: true, characterData: true })
    })
    await context.addCookies([
      { name: 'payload-token', value: editorToken, url: cms.url, httpOnly: true, sameSite: 'Lax' },
      { name: 'payload-lng', value: language, url: cms.url, sameSite: 'Lax' },
    ])
    const page = await context.newPage()
    page.setDefaultTimeout(90_000)
    return { context, page }
  }

  /** Clicks the workflow button `name` and confirms it; returns the toasts and the error shown beside the controls. */
  async function refuse(page: Page, name: string, expected: string) {
    await page.goto(`${cms.url}/admin/collections/policies/${policyId}`)
    await page.locator('.gongkai-workflow').getByRole('button', { name, exact: true }).click()
    const dialog = page.locator('.confirmation-modal')
    await dialog.waitFor()
    await dialog.locator('#confirm-action').click()
    await expect.poll(() => page.locator('.gongkai-workflow__error').innerText(), { timeout: 60_000 }).toBe(expected)
    await expect
      .poll(() => page.locator('.field-type.text:has(#field-documentNumber)').first().evaluate((element) => element.classList.contains('error')), { timeout: 60_000 })
      .toBe(true)
    return { toasts: await page.evaluate(() => (window as unknown as { __toasts?: string[] }).__toasts ?? []) }
  }

  beforeAll(async () => {
    cms = await startCmsServer()
    const registered = await api('POST', '/users/first-register', { ...admin, confirmPassword: password })
    expect(registered.status).toBe(200)
    adminToken = registered.body.token
    const agencyId = (await api('GET', '/agencies?limit=1&depth=0')).body.docs[0].id
    const topicId = (await api('GET', '/topics?where[code][equals]=02.01&depth=0')).body.docs[0].id
    expect((await api('POST', '/users', { email: editor, password, agencyRoles: [{ agency: agencyId, roles: ['editor'] }] })).status).toBe(201)
    editorToken = (await api('POST', '/users/login', { email: editor, password })).body.token
    const created = await api(
      'POST',
      '/policies?draft=true&depth=0',
      {
        title,
        documentNumber: '津武政规〔2022〕3',
        issuingAgency: agencyId,
        writtenDate: '2022-06-28T04:00:00.000Z',
        documentType: 'notice',
        topic: topicId,
        disclosure: 'proactive',
        body: lexical('各镇人民政府，各街道办事处：现将有关事项通知如下。'),
      },
      editorToken,
    )
    expect(created.status).toBe(201)
    policyId = created.body.doc.id
    browser = await launchChromium()
    mkdirSync(screenshots, { recursive: true })
  })

  afterAll(async () => {
    await browser?.close()
    await cms?.stop()
  })

  it('shows the English admin an English refusal of Submit for review and highlights 发文字号’s field', async () => {
    const { context, page } = await pageIn('en')
    const expected = `Policy document "${title}" cannot be sent on (submit for review): Document number: The document number “津武政规〔2022〕3” is malformed: it must end in “号” after the sequence, e.g. “国办发〔2018〕123号”`
    const { toasts } = await refuse(page, 'Submit for review', expected)
    await page.screenshot({ path: path.join(screenshots, 'language-en-submit-refused.png') })
    expect(toasts.some((text) => text.includes(expected))).toBe(true)
    for (const text of toasts) expect(chineseOutsideQuotes(text), text).toEqual([])
    // The workflow's own words are English too: the state and the review line.
    expect(chineseOutsideQuotes(await page.locator('.gongkai-workflow').innerText())).toEqual([])
    expect((await api('GET', `/policies/${policyId}/workflow`, undefined, editorToken)).body).toMatchObject({ state: 'draft' })
    await context.close()
  })

  it('shows the Chinese admin the same refusal in Chinese', async () => {
    const { context, page } = await pageIn('zh')
    const expected = `政策文件“${title}”不能提交审核：发文字号“津武政规〔2022〕3”有误：缺少“号”字`
    const { toasts } = await refuse(page, '提交审核', expected)
    await page.screenshot({ path: path.join(screenshots, 'language-zh-submit-refused.png') })
    expect(toasts.some((text) => text.includes(expected))).toBe(true)
    for (const text of toasts) expect(englishOutsideQuotes(text), text).toEqual([])
    await context.close()
  })
})

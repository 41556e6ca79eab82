import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchChromium } from '@gongkai/dev-browser'
import { type CmsServer, startCmsServer } from './cmsServer'

const password = 'Gongkai-rules-2026'
const admin = { email: 'admin@wuqing.gov.example', password }
const editor = 'zhuangao@wuqing.gov.example'
const screenshots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'test-results')

/** Payload's own English toasts and messages, which the Chinese admin must never show. */
const payloadEnglish = [
  /The following fields? (is|are) invalid/i,
  /Please correct invalid fields/i,
  /Submitting/i,
  /Something went wrong/i,
  /An unknown error/i,
  /Updated successfully/i,
  /This field is required/i,
]
/** A field's key (`documentNumber`, `body`) in a message. */
const fieldKey = /[a-z][A-Za-z]+/

function lexical(text: string) {
  const textNode = { type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text, version: 1 }
  const paragraph = { type: 'paragraph', direction: 'ltr', format: '', indent: 0, version: 1, textFormat: 0, children: [textNode] }
  return { root: { type: 'root', direction: 'ltr', format: '', indent: 0, version: 1, children: [paragraph] } }
}

describe('rules where they are made, in the admin (Chromium, as 撰稿)', () => {
  let cms: CmsServer
  let browser: Browser
  let page: Page
  let editorToken: string
  let adminToken: string
  let policyId: number

  const api = async (method: string, route: string, body?: unknown, token = adminToken) => {
    const response = await fetch(`${cms.url}/api${route}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: response.status, body: await response.json() }
  }
  /** Every toast text shown since the page loaded (toasts disappear; an observer keeps them). */
  const toasts = async () => await page.evaluate(() => (window as unknown as { __toasts?: string[] }).__toasts ?? [])
  /** Payload's text field around the 发文字号 input (it gets the `error` class when the field is highlighted). */
  const documentNumberField = () => page.locator('.field-type.text:has(#field-documentNumber)').first()

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
        title: '关于进一步规范行政规范性文件管理的通知',
        documentNumber: '津武政规〔2022〕3号',
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
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1600, height: 1000 } })
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
    page = await context.newPage()
    page.setDefaultTimeout(90_000)
    await context.addCookies([{ name: 'payload-token', value: editorToken, url: cms.url, httpOnly: true, sameSite: 'Lax' }])
    mkdirSync(screenshots, { recursive: true })
  })

  afterAll(async () => {
    await browser?.close()
    await cms?.stop()
  })

  it('saves a draft with a 发文字号 without 号 and shows the warning beside the field', async () => {
    await page.goto(`${cms.url}/admin/collections/policies/${policyId}`)
    await page.locator('.gongkai-workflow').waitFor()
    await page.locator('#field-documentNumber').fill('津武政规〔2022〕3')
    await page.locator('#action-save-draft').click()
    // The warning the server computed for the saved draft, beside 发文字号 (the draft is saved: no error).
    const warning = page.locator('.gongkai-rule-warning[data-path="documentNumber"]')
    await expect.poll(async () => (await warning.count()) > 0 && (await warning.innerText()), { timeout: 60_000 }).toContain('缺少“号”字')
    expect(await warning.innerText()).toBe('⚠ 提交审核前须改正：发文字号“津武政规〔2022〕3”有误：缺少“号”字')
    expect(await documentNumberField().evaluate((element) => element.classList.contains('error'))).toBe(false)
    const saved = await api('GET', `/policies/${policyId}?draft=true&depth=0`, undefined, editorToken)
    expect(saved.body).toMatchObject({ documentNumber: '津武政规〔2022〕3', workflowState: 'draft' })
    await page.screenshot({ path: path.join(screenshots, 'rules-draft-warning.png') })
  })

  it('refuses 提交审核 with the Chinese message naming 发文字号, highlights the field, and shows no English toast', async () => {
    await page.locator('.gongkai-workflow').getByRole('button', { name: '提交审核', exact: true }).click()
    const dialog = page.locator('.confirmation-modal')
    await dialog.waitFor()
    await dialog.locator('#confirm-action').click()
    const expected = '政策文件“关于进一步规范行政规范性文件管理的通知”不能提交审核：发文字号“津武政规〔2022〕3”有误：缺少“号”字'
    // The server's message, once, in a toast and beside the controls.
    await expect.poll(async () => (await toasts()).some((text) => text.includes(expected)), { timeout: 60_000 }).toBe(true)
    await expect.poll(() => page.locator('.gongkai-workflow__error').innerText(), { timeout: 60_000 }).toBe(expected)
    await page.screenshot({ path: path.join(screenshots, 'rules-submit-refused-toast.png') })
    // The field is highlighted with its own message (and the warning gives way to it: said once).
    await expect.poll(() => documentNumberField().evaluate((element) => element.classList.contains('error')), { timeout: 60_000 }).toBe(true)
    expect(await page.locator('.gongkai-rule-warning[data-path="documentNumber"]').count()).toBe(0)
    await page.screenshot({ path: path.join(screenshots, 'rules-submit-refused.png') })
    const shown = await toasts()
    expect(shown.length).toBeGreaterThan(0)
    for (const text of shown) {
      for (const english of payloadEnglish) expect(text, text).not.toMatch(english)
      expect(text, text).not.toMatch(fieldKey)
    }
    expect((await api('GET', `/policies/${policyId}/workflow`, undefined, editorToken)).body).toMatchObject({ state: 'draft' })
  })

  it('submits once the 发文字号 is corrected; the warning is gone', async () => {
    await page.locator('#field-documentNumber').fill('津武政规〔2022〕3号')
    await page.locator('#action-save-draft').click()
    await expect.poll(async () => (await api('GET', `/policies/${policyId}?draft=true&depth=0`, undefined, editorToken)).body.documentNumber, { timeout: 60_000 }).toBe('津武政规〔2022〕3号')
    await expect.poll(() => page.locator('.gongkai-rule-warning').count(), { timeout: 60_000 }).toBe(0)
    await page.locator('.gongkai-workflow').getByRole('button', { name: '提交审核', exact: true }).click()
    const dialog = page.locator('.confirmation-modal')
    await dialog.waitFor()
    await dialog.locator('#confirm-action').click()
    await page.locator('.gongkai-workflow[data-state="pending_review"]').waitFor()
    for (const text of await toasts()) for (const english of payloadEnglish) expect(text, text).not.toMatch(english)
  })
})

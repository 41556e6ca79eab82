import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type AdminSession, lexical, openBrowser, payloadEnglish, shoot, signIn, startAdminSession, toasts as shownToasts } from './support/adminSession'

const password = 'Gongkai-rules-2026'
/** A field's key (`documentNumber`, `body`) in a message. */
const fieldKey = /[a-z][A-Za-z]+/

describe('rules where they are made, in the admin (Chromium, as 撰稿)', () => {
  let session: AdminSession
  let browser: Browser
  let page: Page
  let policyId: number

  const api: AdminSession['api'] = (...args) => session.api(...args)
  /** Every toast text shown since the page loaded (toasts disappear; an observer keeps them). */
  const toasts = () => shownToasts(page)
  /** Payload's text field around the 发文字号 input (it gets the `error` class when the field is highlighted). */
  const documentNumberField = () => page.locator('.field-type.text:has(#field-documentNumber)').first()

  beforeAll(async () => {
    session = await startAdminSession({ password, roles: ['editor'] })
    const created = await api(
      'POST',
      '/policies?draft=true&depth=0',
      {
        title: '关于进一步规范行政规范性文件管理的通知',
        documentNumber: '津武政规〔2022〕3号',
        issuingAgency: session.agency.id,
        writtenDate: '2022-06-28T04:00:00.000Z',
        documentType: 'notice',
        topic: session.topicId,
        disclosure: 'proactive',
        body: lexical('各镇人民政府，各街道办事处：现将有关事项通知如下。'),
      },
      'editor',
    )
    expect(created.status).toBe(201)
    policyId = created.body.doc.id

    ;({ browser, page } = await openBrowser({ recordToasts: true }))
    await signIn(page, session, 'editor')
  })

  afterAll(async () => {
    await browser?.close()
    await session?.stop()
  })

  it('saves a draft with a 发文字号 without 号 and shows the warning beside the field', async () => {
    await page.goto(`${session.cms.url}/admin/collections/policies/${policyId}`)
    await page.locator('.gongkai-workflow').waitFor()
    await page.locator('#field-documentNumber').fill('津武政规〔2022〕3')
    await page.locator('#action-save-draft').click()
    // The warning the server computed for the saved draft, beside 发文字号 (the draft is saved: no error).
    const warning = page.locator('.gongkai-rule-warning[data-path="documentNumber"]')
    await expect.poll(async () => (await warning.count()) > 0 && (await warning.innerText()), { timeout: 60_000 }).toContain('缺少“号”字')
    expect(await warning.innerText()).toBe('⚠ 提交审核前须改正：发文字号“津武政规〔2022〕3”有误：缺少“号”字')
    expect(await documentNumberField().evaluate((element) => element.classList.contains('error'))).toBe(false)
    const saved = await api('GET', `/policies/${policyId}?draft=true&depth=0`, undefined, 'editor')
    expect(saved.body).toMatchObject({ documentNumber: '津武政规〔2022〕3', workflowState: 'draft' })
    await shoot(page, 'rules-draft-warning')
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
    await shoot(page, 'rules-submit-refused-toast')
    // The field is highlighted with its own message (and the warning gives way to it: said once).
    await expect.poll(() => documentNumberField().evaluate((element) => element.classList.contains('error')), { timeout: 60_000 }).toBe(true)
    expect(await page.locator('.gongkai-rule-warning[data-path="documentNumber"]').count()).toBe(0)
    await shoot(page, 'rules-submit-refused')
    const shown = await toasts()
    expect(shown.length).toBeGreaterThan(0)
    for (const text of shown) {
      for (const english of payloadEnglish) expect(text, text).not.toMatch(english)
      expect(text, text).not.toMatch(fieldKey)
    }
    expect((await api('GET', `/policies/${policyId}/workflow`, undefined, 'editor')).body).toMatchObject({ state: 'draft' })
  })

  it('submits once the 发文字号 is corrected; the warning is gone', async () => {
    await page.locator('#field-documentNumber').fill('津武政规〔2022〕3号')
    await page.locator('#action-save-draft').click()
    await expect.poll(async () => (await api('GET', `/policies/${policyId}?draft=true&depth=0`, undefined, 'editor')).body.documentNumber, { timeout: 60_000 }).toBe('津武政规〔2022〕3号')
    await expect.poll(() => page.locator('.gongkai-rule-warning').count(), { timeout: 60_000 }).toBe(0)
    await page.locator('.gongkai-workflow').getByRole('button', { name: '提交审核', exact: true }).click()
    const dialog = page.locator('.confirmation-modal')
    await dialog.waitFor()
    await dialog.locator('#confirm-action').click()
    await page.locator('.gongkai-workflow[data-state="pending_review"]').waitFor()
    for (const text of await toasts()) for (const english of payloadEnglish) expect(text, text).not.toMatch(english)
  })
})

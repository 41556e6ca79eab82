import { PDFDocument, StandardFonts } from 'pdf-lib'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchChromium } from '@gongkai/dev-browser'
import { type CmsServer, startCmsServer } from './cmsServer'

const admin = { email: 'admin@wuqing.gov.example', password: 'Gongkai-disclosure-2026' }
const residentId = '120114198506124877'

function lexical(text: string) {
  const textNode = { type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text, version: 1 }
  const paragraph = { type: 'paragraph', direction: 'ltr', format: '', indent: 0, version: 1, textFormat: 0, children: [textNode] }
  return { root: { type: 'root', direction: 'ltr', format: '', indent: 0, version: 1, children: [paragraph] } }
}

async function pdfWith(text: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  pdf.addPage().drawText(text, { x: 50, y: 750, size: 12, font: await pdf.embedFont(StandardFonts.Helvetica) })
  return pdf.save()
}

describe('依申请公开 documents and unreviewed attachments on the running CMS', () => {
  let cms: CmsServer
  let browser: Browser
  let page: Page
  let token: string
  let policyId: number
  let attachment: { id: number; filename: string }

  const api = async (method: string, path: string, body?: unknown, auth: string | null = token) => {
    const response = await fetch(`${cms.url}/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `JWT ${auth}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    let parsed: unknown = null
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      // Not JSON (an HTML error page): no body to read.
    }
    // Response bodies are whatever Payload's JSON says; the tests read them field by field.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: response.status, body: parsed as any }
  }

  beforeAll(async () => {
    cms = await startCmsServer()
    const registered = await api('POST', '/users/first-register', { ...admin, confirmPassword: admin.password })
    expect(registered.status).toBe(200)
    token = registered.body.token
    const agency = (await api('GET', '/agencies?limit=1&depth=0')).body.docs[0]
    const topic = (await api('GET', '/topics?where[code][equals]=02.01&depth=0')).body.docs[0]

    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await pdfWith(`Applicant ID ${residentId}`))], { type: 'application/pdf' }), 'applicants.pdf')
    form.append('_payload', JSON.stringify({ title: '申请人名单' }))
    const uploaded = await fetch(`${cms.url}/api/gongkai-attachments?depth=0`, { method: 'POST', headers: { authorization: `JWT ${token}` }, body: form })
    expect(uploaded.status).toBe(201)
    attachment = ((await uploaded.json()) as { doc: { id: number; filename: string } }).doc

    const created = await api('POST', '/policies?draft=true&depth=0', {
      title: '关于区级储备粮轮换的内部工作方案',
      issuingAgency: agency.id,
      writtenDate: '2024-06-30T04:00:00.000Z',
      documentType: 'notice',
      topic: topic.id,
      disclosure: 'on_request',
      nonDisclosureReason: 'process_information',
      body: lexical('储备粮轮换按计划分批进行。'),
      attachments: [attachment.id],
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

  it('shows the ID number found in the attached PDF beside the 附件 field', async () => {
    await page.goto(`${cms.url}/admin/collections/policies/${policyId}`)
    const findings = page.locator('.gongkai-attachment-findings[data-field-path="attachments"]')
    await findings.waitFor({ timeout: 90_000 })
    const text = await findings.innerText()
    expect(text).toContain('居民身份证号')
    expect(text).toContain('附件“申请人名单”第1页')
    expect(text).not.toContain(residentId)
  })

  it('records the 依申请公开 policy instead of publishing it: nothing reaches an anonymous reader', async () => {
    const signedOff = await api('POST', `/policies/${policyId}/workflow/force-publish`, { reason: '测试：站点管理员签发认定' })
    expect(signedOff).toMatchObject({ status: 200, body: { state: 'recorded', published: [] } })

    expect((await api('GET', `/policies/${policyId}`, undefined, null)).status).toBe(404)
    expect((await api('GET', `/policies?where[id][equals]=${policyId}`, undefined, null)).body.docs).toEqual([])
    expect((await api('GET', `/gongkai-attachments/${attachment.id}`, undefined, null)).status).toBe(404)
    const file = await fetch(`${cms.url}/api/gongkai-attachments/file/${encodeURIComponent(attachment.filename)}`)
    expect([403, 404]).toContain(file.status)
    expect(Buffer.from(await file.arrayBuffer()).includes(Buffer.from(residentId))).toBe(false)

    // The site administrator still reads both.
    expect((await api('GET', `/policies/${policyId}`)).body).toMatchObject({ workflowState: 'recorded', _status: 'draft' })
    expect((await fetch(`${cms.url}/api/gongkai-attachments/file/${encodeURIComponent(attachment.filename)}`, { headers: { authorization: `JWT ${token}` } })).status).toBe(200)
  })

  it('shows the state 已认定 in the workflow controls', async () => {
    await page.goto(`${cms.url}/admin/collections/policies/${policyId}`)
    const controls = page.locator('[aria-label="审核发布"]')
    await controls.waitFor({ timeout: 90_000 })
    await expect.poll(async () => controls.innerText(), { timeout: 60_000 }).toContain('已认定（不公开）')
  })
})

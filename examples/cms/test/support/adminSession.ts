import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { PDFDocument, StandardFonts } from 'pdf-lib'
import type { Browser, Locator, Page } from 'playwright-core'
import { expect } from 'vitest'

import { launchChromium } from '@gongkai/dev-browser'
import { type CmsServer, startCmsServer } from '../cmsServer'

/**
 * What the admin's Chromium tests share: the example CMS with a site admin and the three people of one agency
 * (撰稿, 审核, 签发), a REST helper acting as any of them, a Chinese browser page signed in by session cookie, and
 * screenshots kept in examples/cms/test-results/ (the test artifacts).
 */

export type Role = 'editor' | 'reviewer' | 'publisher'
export type Person = Role | 'admin'

/** The site admin: the first user, registered through Payload's first-register. */
export const siteAdmin = { email: 'admin@wuqing.gov.example', name: '陈管理' }
/** The three people of one agency, by role: e-mail and 姓名. */
export const people: Record<Role, { email: string; name: string }> = {
  editor: { email: 'zhuangao@wuqing.gov.example', name: '王撰稿' },
  reviewer: { email: 'shenhe@wuqing.gov.example', name: '李审核' },
  publisher: { email: 'qianfa@wuqing.gov.example', name: '赵签发' },
}
export const timeZone = 'Asia/Shanghai'
export const screenshots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-results')

/** Payload's own English toasts and messages, which the Chinese admin must never show. */
export const payloadEnglish = [
  /The following fields? (is|are) invalid/i,
  /Please correct invalid fields/i,
  /Submitting/i,
  /Something went wrong/i,
  /An unknown error/i,
  /Updated successfully/i,
  /This field is required/i,
]

/** A one-paragraph Lexical state. */
export function lexical(text: string) {
  const textNode = { type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text, version: 1 }
  const paragraph = { type: 'paragraph', direction: 'ltr', format: '', indent: 0, version: 1, textFormat: 0, children: [textNode] }
  return { root: { type: 'root', direction: 'ltr', format: '', indent: 0, version: 1, children: [paragraph] } }
}

/** Saves a full-page screenshot of `page` as test-results/`name`.png. */
export async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true })
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true })
}

export type ApiResult = {
  status: number
  // Payload's JSON, read field by field in the tests.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any
}

export type AdminSession = {
  cms: CmsServer
  /** Session tokens of the site admin and of each person created. */
  tokens: Partial<Record<Person, string>>
  /** The seeded agency the people belong to, and the topic 02.01. */
  agency: { id: number; name: string; shortName?: string }
  topicId: number
  /** A REST call to the CMS's `/api` as `as` (the site admin unless told). */
  api: (method: string, apiPath: string, body?: unknown, as?: Person) => Promise<ApiResult>
  /** The user ID of `person`. */
  idOf: (person: Person) => Promise<number>
  stop: () => Promise<void>
}

/**
 * Starts the example CMS (test/cmsServer.ts), registers the site admin with `password` and creates `roles` in
 * the seeded agency, each signed in. `withNames` gives them their 姓名 (people[role].name) as well.
 */
export async function startAdminSession(options: {
  password: string
  roles?: Role[]
  withNames?: boolean
  env?: Record<string, string>
}): Promise<AdminSession> {
  const { password, roles = ['editor', 'reviewer', 'publisher'], withNames = false } = options
  const cms = await startCmsServer(options.env ? { env: options.env } : {})
  const tokens: Partial<Record<Person, string>> = {}
  const api = async (method: string, apiPath: string, body?: unknown, as: Person = 'admin'): Promise<ApiResult> => {
    const token = tokens[as]
    const response = await fetch(`${cms.url}/api${apiPath}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: response.status, body: await response.json() }
  }
  const registered = await api('POST', '/users/first-register', {
    email: siteAdmin.email,
    password,
    confirmPassword: password,
    ...(withNames ? { name: siteAdmin.name } : {}),
  })
  expect(registered.status).toBe(200)
  tokens.admin = registered.body.token
  const agency = (await api('GET', '/agencies?limit=1&depth=0')).body.docs[0]
  const topicId = (await api('GET', '/topics?where[code][equals]=02.01&depth=0')).body.docs[0].id as number
  for (const role of roles) {
    const person = withNames ? people[role] : { email: people[role].email }
    const user = await api('POST', '/users', { ...person, password, agencyRoles: [{ agency: agency.id, roles: [role] }] })
    expect(user.status).toBe(201)
    tokens[role] = (await api('POST', '/users/login', { email: people[role].email, password })).body.token
  }
  const idOf = async (person: Person) => (await api('GET', '/users/me', undefined, person)).body.user.id as number
  return { cms, tokens, agency, topicId, api, idOf, stop: () => cms.stop() }
}

/**
 * Chromium with one Chinese page (zh-CN, Asia/Shanghai, 1600×1000). With `recordToasts`, every toast text shown
 * on a page is kept in the page (toasts disappear): read them with `toasts(page)`.
 */
export async function openBrowser(options: { recordToasts?: boolean } = {}): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchChromium()
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: timeZone, viewport: { width: 1600, height: 1000 } })
  if (options.recordToasts) {
    await context.addInitScript(() => {
      const seen: string[] = []
      ;(window as unknown as { gongkaiToasts: string[] }).gongkaiToasts = seen
      new MutationObserver(() => {
        for (const toast of document.querySelectorAll<HTMLElement>('[data-sonner-toast]')) {
          const text = toast.innerText.trim()
          if (text && !seen.includes(text)) seen.push(text)
        }
      }).observe(document, { childList: true, subtree: true, characterData: true })
    })
  }
  const page = await context.newPage()
  page.setDefaultTimeout(90_000)
  return { browser, page }
}

/** The toast texts shown on the current page so far (see openBrowser's `recordToasts`). */
export async function toasts(page: Page): Promise<string[]> {
  return await page.evaluate(() => (window as unknown as { gongkaiToasts?: string[] }).gongkaiToasts ?? [])
}

/**
 * Signs `page` in as `person` with that user's session cookie (the admin's login form itself is covered by
 * admin.smoke.test.ts). Chromium's contexts here share one cookie jar, so the page switches users rather than
 * keeping one context per user.
 */
export async function signIn(page: Page, session: AdminSession, person: Person, extraCookies: { name: string; value: string }[] = []): Promise<void> {
  const token = session.tokens[person]
  if (!token) throw new Error(`no session for ${person}`)
  await page.context().clearCookies()
  await page.context().addCookies([
    { name: 'payload-token', value: token, url: session.cms.url, httpOnly: true, sameSite: 'Lax' },
    ...extraCookies.map((cookie) => ({ ...cookie, url: session.cms.url, sameSite: 'Lax' as const })),
  ])
}

/** A one-page PDF with `text` on it, for the admin's upload fields. */
export async function pdfFile(text: string): Promise<Buffer> {
  const pdf = await PDFDocument.create()
  pdf.addPage().drawText(text, { x: 50, y: 750, size: 12, font: await pdf.embedFont(StandardFonts.Helvetica) })
  return Buffer.from(await pdf.save())
}

/**
 * Creates an attachment through an upload field's 创建新条目 drawer: the file, its 标题, 保存. A page that has just
 * loaded may not be hydrated yet and then ignores the click, so the button is clicked again until the drawer opens.
 */
export async function uploadNewAttachment(page: Page, field: Locator, file: { name: string; mimeType: string; buffer: Buffer }, title: string): Promise<void> {
  const drawer = page.locator('.drawer--is-open').last()
  const fileInput = drawer.locator('input[type="file"]')
  await expect
    .poll(
      async () => {
        if ((await fileInput.count()) === 0) await field.locator('.upload__createNewToggler').first().click()
        return await fileInput.waitFor({ state: 'attached', timeout: 5_000 }).then(
          () => true,
          () => false,
        )
      },
      { timeout: 60_000, interval: 250 },
    )
    .toBe(true)
  await fileInput.setInputFiles(file)
  await drawer.locator('#field-title').fill(title)
  await drawer.getByRole('button', { name: '保存', exact: true }).click()
  await drawer.waitFor({ state: 'detached' })
}

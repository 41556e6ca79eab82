import { writeFileSync } from 'node:fs'
import path from 'node:path'

import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import {
  type AdminSession,
  lexical,
  openBrowser,
  payloadEnglish,
  pdfFile,
  people,
  type Person,
  screenshots,
  shoot,
  signIn,
  startAdminSession,
  toasts,
  uploadNewAttachment,
} from './support/adminSession'
import { paste, wordTableHtml } from './support/clipboard'

/**
 * An office's day in the Chinese admin, in Chromium, as the three people of one agency — 撰稿 王撰稿, 审核 李审核,
 * 签发 赵签发 — with a colleague who both drafts and reviews (周审核) and the site admin (陈管理), who sees a second
 * agency too. One policy goes from a draft with a badly written 发文字号 and a table pasted from Word, through a
 * 退回, 一键脱敏 and 审核通过, to 签发发布; a decision's 集体讨论决定 is saved and read back. Each step asserts what
 * its person sees. Page loads of the main views are measured and printed (never asserted).
 */

const password = 'Gongkai-journey-2026'
const title = '关于调整困难群众基本生活救助标准的通知'
const badNumber = '津武政规〔2022〕3'
const goodNumber = '津武政规〔2022〕3号'
const returnReason = '请在摘要中写明新标准的执行时间'
const residentId = '11010519491231002X'
const meetingName = '区政府第12次常务会议'
const editorReviewer = { email: 'zhoushenhe@wuqing.gov.example', name: '周审核' }
const otherAgency = { name: '天津市武清区民政局', shortName: '区民政局', agencyCode: '武民发', organizationCode: '12120114MD7382942C' }


/** A date and time the way the Chinese admin writes them: 2026年11月30日 03:23. */
const chineseDateTime = /\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/
/** The way Payload wrote them before: 十一月 30日 2026, 3:23 上午. */
const englishStyleDate = /[一二三四五六七八九十]+月 \d+日|上午|下午/

type Load = { view: string; as: Person; responseMs: number; navigationMs: number; loadEventMs: number; readyMs: number }

describe('an office’s day in the Chinese admin (Chromium): 撰稿 → 审核 → 签发, workbench per role, lists, the decision form', () => {
  let session: AdminSession
  let browser: Browser
  let page: Page
  let policyId: number
  let authoredId: number
  let otherPolicyTitle: string
  let decisionId: number
  const loads: Load[] = []

  const api: AdminSession['api'] = (...args) => session.api(...args)
  const url = (adminPath: string) => `${session.cms.url}/admin${adminPath}`
  const open = async (as: Person, adminPath: string) => {
    await signIn(page, session, as)
    await page.goto(url(adminPath))
  }
  const panel = () => page.locator('.gongkai-workflow')
  const bodyEditor = () => page.locator('[data-lexical-editor="true"]').first()
  const line = (key: string) => page.locator(`.gongkai-workbench__line[data-line="${key}"]`)
  const sections = async () => await page.locator('.gongkai-workbench__section').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-audience')))
  const rows = () => page.locator('.table tbody tr')
  /** Clicks a workflow button, fills the dialog's inputs and confirms. */
  const act = async (label: string, fill?: (dialog: Locator) => Promise<void>) => {
    await panel().getByRole('button', { name: label, exact: true }).click()
    const dialog = page.locator('.confirmation-modal')
    await dialog.waitFor()
    if (fill) await fill(dialog)
    await dialog.locator('#confirm-action').click()
  }
  const latest = async (id: number, as: Person = 'admin') => (await api('GET', `/policies/${id}?draft=true&depth=0`, undefined, as)).body
  /** No toast so far, and no text on the page, in Payload's English; no toast names a field by its key. */
  const expectNoEnglish = async () => {
    const shown = await toasts(page)
    const text = await page.locator('body').innerText()
    for (const english of payloadEnglish) expect(text, 'the page').not.toMatch(english)
    for (const toast of shown) {
      for (const english of payloadEnglish) expect(toast, toast).not.toMatch(english)
      expect(toast, toast).not.toMatch(/[a-z][A-Za-z]+/)
    }
    return shown
  }
  /** Loads `adminPath` as `as` and records how long until `ready` shows (and the browser's own navigation timing). */
  const measure = async (view: string, as: Person, adminPath: string, ready: () => Locator) => {
    await signIn(page, session, as)
    const started = performance.now()
    await page.goto(url(adminPath))
    await ready().first().waitFor()
    const readyMs = performance.now() - started
    await page.waitForLoadState('load')
    const timing = await page.evaluate(() => {
      const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
      return { responseMs: entry.responseEnd, navigationMs: entry.domContentLoadedEventEnd, loadEventMs: entry.loadEventEnd }
    })
    loads.push({
      view,
      as,
      readyMs: Math.round(readyMs),
      responseMs: Math.round(timing.responseMs),
      navigationMs: Math.round(timing.navigationMs),
      loadEventMs: Math.round(timing.loadEventMs),
    })
  }

  beforeAll(async () => {
    session = await startAdminSession({ password, withNames: true })
    const agencyId = session.agency.id
    // A colleague who drafts and reviews: the reviewer who edits besides masking becomes the version's author.
    const colleague = await api('POST', '/users', { ...editorReviewer, password, agencyRoles: [{ agency: agencyId, roles: ['editor', 'reviewer'] }] })
    expect(colleague.status, JSON.stringify(colleague.body)).toBe(201)
    // A second agency with its own 撰稿 and a policy waiting for review: only the site admin sees it.
    const agency = await api('POST', '/agencies', otherAgency)
    expect(agency.status, JSON.stringify(agency.body)).toBe(201)
    const otherEditor = await api('POST', '/users', { email: 'minzheng@wuqing.gov.example', name: '孙民政', password, agencyRoles: [{ agency: agency.body.doc.id, roles: ['editor'] }] })
    expect(otherEditor.status, JSON.stringify(otherEditor.body)).toBe(201)
    const otherToken = (await api('POST', '/users/login', { email: 'minzheng@wuqing.gov.example', password })).body.token as string
    otherPolicyTitle = '关于开展2026年度养老机构等级评定的通知'
    const other = await fetch(`${session.cms.url}/api/policies?draft=true&depth=0`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${otherToken}` },
      body: JSON.stringify({
        title: otherPolicyTitle,
        documentNumber: '武民发〔2026〕8号',
        writtenDate: '2026-11-20T04:00:00.000Z',
        documentType: 'notice',
        topic: session.topicId,
        disclosure: 'proactive',
        body: lexical('各镇街民政办：现将养老机构等级评定工作安排如下。'),
      }),
    })
    expect(other.status).toBe(201)
    const otherId = ((await other.json()) as { doc: { id: number; issuingAgency: number } }).doc.id
    const submitted = await fetch(`${session.cms.url}/api/policies/${otherId}/workflow/submit`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `JWT ${otherToken}` }, body: '{}' })
    expect(submitted.status, await submitted.text()).toBe(200)
    ;({ browser, page } = await openBrowser({ recordToasts: true }))
  })

  // One day's story: once a step fails, the steps after it cannot happen (they are reported as skipped, the failure
  // fails the suite). The page at the failure is kept beside the other screenshots.
  let failedStep: string | undefined
  beforeEach((context) => {
    if (failedStep) context.skip(`after the failed step “${failedStep}”`)
    context.onTestFailed(async () => {
      failedStep ??= context.task.name
      await shoot(page, 'journey-failed').catch(() => undefined)
    })
  })

  afterAll(async () => {
    if (loads.length > 0) {
      const byView = new Map<string, Load[]>()
      for (const load of loads) byView.set(load.view, [...(byView.get(load.view) ?? []), load])
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
      const summary = [...byView].map(([view, samples]) => ({
        view,
        samples: samples.length,
        medianResponseMs: median(samples.map((sample) => sample.responseMs)),
        medianReadyMs: median(samples.map((sample) => sample.readyMs)),
        medianDomContentLoadedMs: median(samples.map((sample) => sample.navigationMs)),
        medianLoadEventMs: median(samples.map((sample) => sample.loadEventMs)),
        readyMs: samples.map((sample) => sample.readyMs).join(' '),
      }))
      console.log('[journey] page loads in ms (response = the server-rendered HTML received; DOMContentLoaded / load from Navigation Timing; ready = until the view’s content shows):')
      console.table(summary)
      writeFileSync(path.join(screenshots, 'journey-page-loads.json'), JSON.stringify({ summary, loads }, null, 2))
    }
    await browser?.close()
    await session?.stop()
  })

  it('撰稿 starts a policy: 发文机关 is filled in, a table pasted from Word stays a table, a bad 发文字号 is flagged beside the field on save', async () => {
    await open('editor', '/collections/policies/create')
    await page.locator('#field-issuingAgency').getByText(session.agency.name, { exact: true }).first().waitFor()
    await page.locator('#field-title').fill(title)
    await page.locator('#field-documentNumber').fill(badNumber)
    await page.locator('#field-documentType .rs__control').click()
    await page.locator('.rs__option', { hasText: /^通知$/ }).click()
    const topic = (await api('GET', `/topics/${session.topicId}?depth=0`)).body.fullName as string
    await page.locator('#field-topic .rs__control').click()
    await page.locator('#field-topic input').first().fill(topic.split(/[\\/]/).pop() ?? topic)
    await page.locator('.rs__option', { hasText: topic.split(/[\\/]/).pop() }).first().click()
    await expect.poll(() => page.locator('#field-topic').innerText()).toContain(topic.split(/[\\/]/).pop())
    await page.locator('#field-writtenDate input, input#field-writtenDate').first().click()
    await page.locator('.react-datepicker__day--today').first().click()
    await bodyEditor().click()
    await page.keyboard.insertText(`救助对象张某，身份证号${residentId}，联系电话13812345678。`)
    await page.keyboard.press('Enter')
    await paste(bodyEditor(), wordTableHtml, '各镇街须按下表执行。')
    await bodyEditor().locator('table').waitFor()
    const created = page.waitForResponse((response) => /\/api\/policies(\?|$)/.test(response.url()) && response.request().method() === 'POST')
    await page.locator('#action-save-draft').click()
    expect((await created).status()).toBe(201)
    await page.waitForURL(/\/collections\/policies\/\d+/)
    policyId = Number(/\/policies\/(\d+)/.exec(page.url())?.[1])
    expect(await latest(policyId, 'editor')).toMatchObject({ title, documentNumber: badNumber, issuingAgency: session.agency.id, workflowState: 'draft' })

    // The draft is saved; the rule the server checked shows beside 发文字号, by its Chinese label, as a warning.
    const warning = page.locator('.gongkai-rule-warning[data-path="documentNumber"]')
    await expect.poll(async () => (await warning.count()) > 0 && (await warning.innerText()), { timeout: 60_000 }).toBe(`⚠ 提交审核前须改正：发文字号“${badNumber}”有误：缺少“号”字`)
    expect(await page.locator('.field-type.text:has(#field-documentNumber)').first().evaluate((element) => element.classList.contains('error'))).toBe(false)
    // The table is still a table in the saved form.
    expect(await bodyEditor().locator('table td, table th').allInnerTexts()).toEqual(['救助类别', '标准（元/月）', '城市低保', '1140'])
    await shoot(page, 'journey-01-editor-draft-warning')
    await expectNoEnglish()
  })

  it('撰稿’s 提交审核 is refused in Chinese with 发文字号 highlighted; fixed, the table survives a reload and the policy is submitted', async () => {
    await act('提交审核')
    const expected = `政策文件“${title}”不能提交审核：发文字号“${badNumber}”有误：缺少“号”字`
    await expect.poll(async () => (await toasts(page)).some((text) => text.includes(expected)), { timeout: 60_000 }).toBe(true)
    await expect.poll(() => page.locator('.gongkai-workflow__error').innerText(), { timeout: 60_000 }).toBe(expected)
    const field = page.locator('.field-type.text:has(#field-documentNumber)').first()
    await expect.poll(() => field.evaluate((element) => element.classList.contains('error')), { timeout: 60_000 }).toBe(true)
    // Said once: the field's error replaces the warning.
    expect(await page.locator('.gongkai-rule-warning[data-path="documentNumber"]').count()).toBe(0)
    await shoot(page, 'journey-02-editor-submit-refused')
    expect(await expectNoEnglish()).toContain(expected)
    expect((await latest(policyId, 'editor')).workflowState).toBe('draft')

    await page.locator('#field-documentNumber').fill(goodNumber)
    await page.locator('#action-save-draft').click()
    await expect.poll(async () => (await latest(policyId, 'editor')).documentNumber, { timeout: 60_000 }).toBe(goodNumber)
    await page.reload()
    await bodyEditor().locator('table').waitFor()
    expect(await bodyEditor().locator('table td, table th').allInnerTexts()).toEqual(['救助类别', '标准（元/月）', '城市低保', '1140'])
    expect(await page.locator('#field-documentNumber').inputValue()).toBe(goodNumber)
    expect(await page.locator('.gongkai-rule-warning').count()).toBe(0)
    await act('提交审核')
    await page.locator('.gongkai-workflow[data-state="pending_review"]').waitFor()
    const stored = (await latest(policyId, 'editor')).body
    expect(JSON.stringify(stored)).toContain('"type":"table"')
    await expectNoEnglish()
  })

  it('审核 finds it in 待审核 on the workbench with the waiting time, follows the line to the filtered list, and 退回 it with a reason', async () => {
    await measure('dashboard (工作台)', 'reviewer', '', () => line('pendingReview').locator('.gongkai-workbench__item'))
    expect(await sections()).toEqual(['reviewer', 'agency'])
    const pending = line('pendingReview')
    expect(await pending.innerText()).toContain(title)
    expect(await pending.innerText()).toMatch(/已等待 \d+ (分钟|小时)/)
    expect(await pending.innerText()).toContain('经办 王撰稿')
    // Only the reviewer's own agency.
    expect(await pending.innerText()).not.toContain(otherPolicyTitle)
    await shoot(page, 'journey-03-reviewer-workbench')
    await pending.locator('.gongkai-workbench__link').click()
    await page.waitForURL(/\/admin\/collections\/policies\?.*where/)
    await expect.poll(async () => await rows().allInnerTexts()).toEqual([expect.stringContaining(title)])
    expect(await rows().first().innerText()).toContain('待审核')
    await shoot(page, 'journey-04-reviewer-filtered-list')

    await rows().first().locator('a').first().click()
    await page.waitForURL(new RegExp(`/collections/policies/${policyId}`))
    await panel().getByRole('button', { name: '退回修改', exact: true }).waitFor()
    await act('退回修改', async (dialog) => {
      await dialog.locator('textarea[name="reason"]').fill(returnReason)
    })
    await page.locator('.gongkai-workflow[data-state="returned"]').waitFor()
    expect((await latest(policyId)).workflowState).toBe('returned')
  })

  it('撰稿 sees the return reason and 李审核 at the top and on the workbench, one status in the header, fixes and resubmits', async () => {
    await open('editor', '')
    await line('returned').locator('.gongkai-workbench__reason').waitFor()
    expect(await sections()).toEqual(['editor', 'agency'])
    expect(await page.locator('.gongkai-workbench__roles').innerText()).toBe(`${session.agency.shortName || session.agency.name} · 撰稿`)
    expect(await line('returned').innerText()).toContain(`理由：${returnReason}`)
    expect(await line('returned').innerText()).toContain('经办 李审核')
    await shoot(page, 'journey-05-editor-workbench')

    await line('returned').locator('.gongkai-workbench__item a').first().click()
    await page.waitForURL(new RegExp(`/collections/policies/${policyId}`))
    const notice = page.locator('.gongkai-return-notice')
    await notice.getByText(`退回理由：${returnReason}`).waitFor()
    await notice.getByText(/退回人：李审核/).waitFor()
    expect(await page.locator('.gongkai-workflow__state').innerText()).toBe('已退回')
    expect(await page.locator('.doc-controls__status .status__value').isVisible()).toBe(false)
    await shoot(page, 'journey-06-editor-returned')

    await page.locator('#field-summary').fill('自2027年1月1日起执行新的城乡低保标准。')
    await page.locator('#action-save-draft').click()
    await expect.poll(async () => (await latest(policyId, 'editor')).summary, { timeout: 60_000 }).toBe('自2027年1月1日起执行新的城乡低保标准。')
    await panel().getByRole('button', { name: '提交审核', exact: true }).waitFor()
    await act('提交审核')
    await page.locator('.gongkai-workflow[data-state="pending_review"]').waitFor()
    await expectNoEnglish()
  })

  it('审核 masks the findings with 一键脱敏, records the 保密审查 and still approves: masking is not authorship', async () => {
    await open('reviewer', `/collections/policies/${policyId}`)
    const findings = page.locator('.gongkai-confidentiality-findings[data-field-path="body"]')
    await findings.getByRole('button', { name: '一键脱敏' }).click()
    await page.locator('[data-lexical-editor="true"]', { hasText: '身份证号11*************02X' }).waitFor()
    await panel().waitFor()
    await act('记录保密审查', async (dialog) => {
      await dialog.locator('select[name="conclusion"]').selectOption('passed')
      await dialog.locator('textarea[name="basis"]').fill('已一键脱敏，经审查可以公开')
    })
    await page.locator('.gongkai-workflow__review[data-current="true"]').waitFor()
    const approved = page.waitForResponse((response) => response.url().includes(`/api/policies/${policyId}/workflow/approve`))
    await act('审核通过')
    expect((await approved).status()).toBe(200)
    await page.locator('.gongkai-workflow[data-state="approved"]').waitFor()
    await shoot(page, 'journey-07-reviewer-masked-approved')
    const stored = await latest(policyId)
    expect(stored).toMatchObject({ workflowState: 'approved', lastEditedBy: await session.idOf('editor'), workflow: { approvedBy: await session.idOf('reviewer') } })
    expect(JSON.stringify(stored.body)).toContain('联系电话138****5678')
    // The table went through the masking too.
    expect(JSON.stringify(stored.body)).toContain('"type":"table"')
    await expectNoEnglish()
  })

  it('a reviewer who edits besides masking becomes the author and is refused 审核通过, in Chinese', async () => {
    const created = await api(
      'POST',
      '/policies?draft=true&depth=0',
      {
        title: '关于临时救助对象公示的通知',
        documentNumber: '津武政规〔2022〕4号',
        // 三同步: waits for its interpretation (the agency's workbench counts it).
        needsInterpretation: true,
        writtenDate: '2026-11-20T04:00:00.000Z',
        documentType: 'notice',
        topic: session.topicId,
        disclosure: 'proactive',
        body: lexical(`救助对象李某，身份证号${residentId}，请于五日内补正材料。`),
      },
      'editor',
    )
    expect(created.status).toBe(201)
    authoredId = created.body.doc.id
    expect((await api('POST', `/policies/${authoredId}/workflow/submit`, {}, 'editor')).status).toBe(200)
    const colleagueToken = (await api('POST', '/users/login', { email: editorReviewer.email, password })).body.token as string
    await page.context().clearCookies()
    await page.context().addCookies([{ name: 'payload-token', value: colleagueToken, url: session.cms.url, httpOnly: true, sameSite: 'Lax' }])
    await page.goto(url(`/collections/policies/${authoredId}`))
    await page.locator('.gongkai-confidentiality-findings[data-field-path="body"]').getByRole('button', { name: '一键脱敏' }).click()
    await page.locator('[data-lexical-editor="true"]', { hasText: '身份证号11*************02X' }).waitFor()
    // Besides masking, the reviewer changes 摘要: that is authorship.
    await page.locator('#field-summary').fill('临时救助对象名单')
    await page.locator('#action-save-draft').click()
    await expect.poll(async () => (await latest(authoredId)).summary, { timeout: 60_000 }).toBe('临时救助对象名单')
    await act('记录保密审查', async (dialog) => {
      await dialog.locator('select[name="conclusion"]').selectOption('passed')
      await dialog.locator('textarea[name="basis"]').fill('已脱敏')
    })
    await page.locator('.gongkai-workflow__review[data-current="true"]').waitFor()
    await act('审核通过')
    const error = panel().locator('.gongkai-workflow__error')
    await expect.poll(async () => ((await error.count()) > 0 ? await error.innerText() : ''), { timeout: 60_000 }).toContain('审核人不得是该版本的撰稿人（四眼原则）')
    await shoot(page, 'journey-08-reviewer-author-refused')
    const colleagueId = ((await (await fetch(`${session.cms.url}/api/users/me`, { headers: { authorization: `JWT ${colleagueToken}` } })).json()) as { user: { id: number } }).user.id
    expect(await latest(authoredId)).toMatchObject({ workflowState: 'pending_review', lastEditedBy: colleagueId })
    await expectNoEnglish()
  })

  it('签发 sees it 已审核 on the workbench, 签发发布; the 保密审查 stays 已通过 after publishing and a reload', async () => {
    await open('publisher', '')
    await line('approved').locator('.gongkai-workbench__item').first().waitFor()
    expect(await sections()).toEqual(['publisher', 'agency'])
    expect(await line('approved').innerText()).toContain(title)
    expect(await line('approved').innerText()).toMatch(/已等待 \d+ (分钟|小时)/)
    expect(await line('scheduled').getAttribute('data-count')).toBe('0')
    // Everyone in the agency: the policy marked 需要解读 has no interpretation yet; the meetings against the target.
    expect(await line('needsInterpretation').getAttribute('data-count')).toBe('1')
    expect(await line('publicAttendance').innerText()).toMatch(/\d+ \/ 目标 \d+/)
    await line('failedDeliveries').waitFor()
    await line('disclosureReviewDue').waitFor()
    await shoot(page, 'journey-09-publisher-workbench')

    // The 需要解读 line lists exactly the policy waiting for its interpretation.
    await line('needsInterpretation').locator('.gongkai-workbench__link').click()
    await page.waitForURL(/\/admin\/collections\/policies\?.*where/)
    await expect.poll(async () => await rows().allInnerTexts(), { timeout: 60_000 }).toEqual([expect.stringContaining('关于临时救助对象公示的通知')])

    await open('publisher', '')
    await line('approved').locator('.gongkai-workbench__item a', { hasText: title }).click()
    await page.waitForURL(new RegExp(`/collections/policies/${policyId}`))
    await panel().getByRole('button', { name: '签发发布', exact: true }).waitFor()
    await act('签发发布')
    await page.locator('.gongkai-workflow[data-state="published"]').waitFor()
    const published = (await api('GET', `/policies/${policyId}?depth=0`)).body
    expect(published).toMatchObject({ _status: 'published', workflowState: 'published' })
    expect(published.indexNumber).toMatch(/\/2026-\d{5}$/)
    await expect.poll(() => page.locator('.gongkai-workflow__review').innerText(), { timeout: 60_000 }).toBe('保密审查：已通过')
    await page.reload()
    await page.locator('.gongkai-workflow[data-state="published"]').waitFor()
    expect(await page.locator('.gongkai-workflow__review').innerText()).toBe('保密审查：已通过')
    expect(await page.locator('body').innerText()).not.toContain('内容已修改')
    expect((await api('GET', `/policies/${policyId}/workflow`, undefined, 'publisher')).body.confidentialityReview).toMatchObject({ isCurrent: true })
    // One status in the header: the workflow's, not Payload's 状态.
    expect(await page.locator('.gongkai-workflow__state').innerText()).toBe('已发布')
    expect(await page.locator('.doc-controls__status .status__value').isVisible()).toBe(false)
    // Dates in the header the Chinese way (Payload formats them once its date-fns locale has loaded: 加载中... before).
    await expect.poll(() => page.locator('.doc-controls').innerText(), { timeout: 30_000 }).toMatch(chineseDateTime)
    const header = await page.locator('.doc-controls').innerText()
    expect(header).not.toMatch(englishStyleDate)
    await shoot(page, 'journey-10-publisher-published')
    await expectNoEnglish()
  })

  it('the policies list: the office’s columns, no internal fields to pick, a look-alike 发文字号 search, Chinese dates and presets', async () => {
    await measure('policies list', 'editor', '/collections/policies', () => rows().filter({ hasText: title }))
    const headers = (await page.locator('.table thead th').allInnerTexts()).map((text) => text.trim()).filter(Boolean)
    expect(headers).toEqual(['索引号', '标题', '发文字号', '发文机关', '发布日期', '工作流状态'])
    const row = rows().filter({ hasText: title })
    expect(await row.innerText()).toContain('已发布')
    expect(await row.innerText()).toContain(goodNumber)
    // 发布日期 the Chinese way (the date of 签发发布).
    await expect.poll(() => row.innerText(), { timeout: 30_000 }).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/)

    await page.locator('#toggle-list-columns').click()
    const columns = page.locator('.pill-selector')
    await columns.getByText('联合发文机关', { exact: true }).waitFor()
    const columnLabels = await columns.locator('button, .pill').allInnerTexts()
    expect(columnLabels.join('|')).toContain('成文日期')
    for (const internal of ['所审查内容指纹', '所审查版本的保存时间', 'Scheduled Job Id', 'scheduledJobId', 'Index Number', '规则提示']) {
      expect(columnLabels.join('|')).not.toContain(internal)
    }
    await page.locator('#toggle-list-filters').click()
    await page.locator('.where-builder__add-first-filter').click()
    await page.locator('.condition__field .rs__control').first().click()
    await page.locator('.rs__option').first().waitFor()
    const filterLabels = await page.locator('.rs__option').allInnerTexts()
    expect(filterLabels).toContain('发文字号')
    for (const internal of ['所审查内容指纹', '所审查版本的保存时间', 'Scheduled Job Id', 'scheduledJobId', 'Index Number']) expect(filterLabels.join('|')).not.toContain(internal)
    await shoot(page, 'journey-11-list-filter-picker')
    await page.keyboard.press('Escape')

    await page.goto(url('/collections/policies'))
    await rows().filter({ hasText: title }).waitFor()
    await page.locator('#search-filter-input').fill('津武政规[2022]3号')
    await page.waitForURL(/search=/)
    await expect.poll(async () => await rows().allInnerTexts(), { timeout: 60_000 }).toEqual([expect.stringContaining(title)])
    await shoot(page, 'journey-12-list-search-lookalike')

    const toggler = page.locator('.active-query-preset')
    await toggler.getByText(/选择\s*筛选方案/).waitFor()
    await toggler.click()
    const drawer = page.locator('.list-drawer').last()
    await drawer.getByText('查看：所有人').first().waitFor()
    const drawerText = await drawer.innerText()
    for (const chinese of ['名称', '共享设置']) expect(drawerText).toContain(chinese)
    for (const english of ['Presets', 'Title', 'Is Shared', 'Sharing settings', 'Everyone', 'Index Number']) expect(drawerText).not.toContain(english)
    await shoot(page, 'journey-13-presets-drawer')
  })

  it('操作日志 reads dates the Chinese way and names people by 姓名', async () => {
    await open('editor', '/collections/gongkai-audit-log')
    await rows().first().waitFor()
    // The date and person cells render on the client (the date once date-fns' locale has loaded, 加载中... before;
    // the person once the relationship is fetched): wait for both, then read the whole table.
    const table = page.locator('.table')
    await expect.poll(() => table.innerText(), { timeout: 30_000 }).toMatch(chineseDateTime)
    await expect.poll(() => rows().filter({ hasText: '提交审核' }).filter({ hasText: title }).first().innerText(), { timeout: 30_000 }).toContain('王撰稿')
    const text = await table.innerText()
    expect(text).not.toMatch(englishStyleDate)
    expect(text).not.toContain('加载中')
    expect(text).not.toContain(people.editor.email)
    await shoot(page, 'journey-14-audit-log')
    await open('editor', `/collections/policies/${policyId}`)
    const submission = page.locator('.gongkai-audit-trail__entry[data-action="submit"]').first()
    await submission.waitFor()
    expect(await submission.innerText()).toContain('王撰稿')
    expect(await submission.innerText()).not.toContain(people.editor.email)
  })

  it('the site admin’s workbench covers every agency; the users list shows 机构 · 角色 and finds people by 姓名', async () => {
    await open('admin', '')
    await line('pendingReview').locator('.gongkai-workbench__item').first().waitFor()
    expect(await sections()).toEqual(['editor', 'reviewer', 'publisher', 'agency'])
    expect(await page.locator('.gongkai-workbench__roles').innerText()).toBe('站点管理员 · 全部机构')
    const pending = await line('pendingReview').innerText()
    expect(pending).toContain(otherPolicyTitle)
    expect(pending).toContain('关于临时救助对象公示的通知')
    // 公众列席 per agency: both agencies.
    expect(await line('publicAttendance').count()).toBeGreaterThanOrEqual(2)
    expect(await line('publicAttendance').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining(otherAgency.shortName)]))
    await shoot(page, 'journey-15-admin-workbench')

    await open('admin', '/collections/users')
    const row = rows().filter({ hasText: '李审核' })
    await row.locator('.gongkai-agency-roles').getByText(`${session.agency.shortName || session.agency.name} · 审核`).waitFor()
    expect(await rows().filter({ hasText: '周审核' }).locator('.gongkai-agency-roles').innerText()).toMatch(/撰稿.*审核|审核.*撰稿/)
    expect(await page.locator('.table tbody').innerText()).not.toContain('机构角色')
    await page.locator('#search-filter-input').fill('赵签发')
    await page.waitForURL(/search=/)
    await expect.poll(async () => await rows().allInnerTexts(), { timeout: 60_000 }).toEqual([expect.stringContaining('赵签发')])
    await shoot(page, 'journey-16-users-list')
  })

  it('the decision form: stage tabs, a draft attachment, and 集体讨论决定 values that stay after 保存草稿, a reload, and in every read-only view', async () => {
    const created = await api(
      'POST',
      '/decisions?draft=true&depth=0',
      {
        catalogueYear: 2026,
        catalogueNumber: 9,
        title: '武清区城乡低保标准调整',
        responsibleAgency: session.agency.id,
        stage: 'deciding',
        draftText: lexical('第一条 为保障困难群众基本生活……'),
        legalityReview: lexical('经审查，草案符合法律法规规定'),
        legalityReviewDate: '2026-11-10T04:00:00.000Z',
        legalityReviewConclusion: 'lawful',
        meeting: { date: '2026-11-20T04:00:00.000Z' },
      },
      'editor',
    )
    expect(created.status).toBe(201)
    decisionId = created.body.doc.id
    const tab = (label: string) => page.locator('.document-fields__main .tabs-field__tab-button', { hasText: new RegExp(`^${label}$`) })
    const meetingValues = async () => ({
      name: await page.locator('#field-meeting__name').inputValue(),
      kind: await page.locator('#field-meeting__kind').innerText(),
      date: await page.locator('#field-meeting__date input, input#field-meeting__date').first().inputValue(),
    })
    const expectMeeting = async () => {
      await page.locator('#field-meeting__name').waitFor({ state: 'visible' })
      await expect.poll(async () => (await meetingValues()).name, { timeout: 60_000 }).toBe(meetingName)
      const values = await meetingValues()
      expect(values.kind).toContain('政府常务会议')
      expect(values.date).toBe('2026年11月20日')
    }

    await open('editor', `/collections/decisions/${decisionId}`)
    await tab('决策事项').waitFor()
    expect(await page.locator('.document-fields__main .tabs-field__tab-button').allInnerTexts()).toEqual([
      '决策事项',
      '决策草案',
      '公众参与',
      '专家论证',
      '风险评估',
      '合法性审查',
      '集体讨论决定',
      '决策公布',
      '执行',
      '后评估',
    ])
    await tab('决策草案').click()
    const attachments = page.locator('#field-draftTextAttachments')
    await uploadNewAttachment(page, attachments, { name: 'draft.pdf', mimeType: 'application/pdf', buffer: await pdfFile('Draft of the relief standard') }, '起草说明')
    await expect.poll(async () => (await attachments.locator('.upload-relationship-details__filename').allInnerTexts()).length).toBe(1)

    await tab('集体讨论决定').click()
    await page.locator('#field-meeting__name').fill(meetingName)
    await page.locator('#field-meeting__kind .rs__control').click()
    await page.locator('.rs__option', { hasText: '政府常务会议' }).click()
    await page.locator('#action-save-draft').click()
    await expect
      .poll(async () => (await api('GET', `/decisions/${decisionId}?draft=true&depth=0`, undefined, 'editor')).body, { timeout: 60_000 })
      .toMatchObject({ meeting: { name: meetingName, kind: 'executive_meeting', date: '2026-11-20T04:00:00.000Z' }, draftTextAttachments: [expect.any(Number)] })
    // Right after the save, after switching tabs, and after a reload.
    await expectMeeting()
    await tab('决策草案').click()
    await expect.poll(async () => (await attachments.locator('.upload-relationship-details__filename').allInnerTexts()).length).toBe(1)
    await tab('集体讨论决定').click()
    await expectMeeting()
    await page.reload()
    await tab('集体讨论决定').click()
    await expectMeeting()
    await shoot(page, 'journey-17-decision-meeting-saved')

    // Read-only: leave the editor's form and release its lock, then the reviewer and the 签发 (no update right).
    await page.goto('about:blank')
    const lockQuery = `/payload-locked-documents?where[document.value][equals]=${decisionId}&where[document.relationTo][equals]=decisions&depth=0`
    for (const lock of (await api('GET', lockQuery)).body.docs as { id: number }[]) expect((await api('DELETE', `/payload-locked-documents/${lock.id}`)).status).toBe(200)
    for (const reader of ['reviewer', 'publisher'] as const) {
      await open(reader, `/collections/decisions/${decisionId}`)
      const meetingTab = tab('集体讨论决定')
      await meetingTab.waitFor({ state: 'attached' })
      await expect.poll(async () => meetingTab.isEnabled()).toBe(true)
      await meetingTab.click()
      await page.locator('.document-fields__main .tabs-field__tab-button--active', { hasText: '集体讨论决定' }).waitFor()
      await expectMeeting()
      expect(await page.locator('#field-meeting__name').isDisabled()).toBe(true)
      expect(await page.locator('#action-save-draft').count()).toBe(0)
      await shoot(page, `journey-18-decision-read-only-${reader}`)
    }
    await expectNoEnglish()
  })

  it('measures the main views’ page loads (printed, not asserted)', async () => {
    for (let round = 0; round < 3; round++) {
      await measure('dashboard (工作台)', 'editor', '', () => page.locator('.gongkai-workbench__line'))
      await measure('policies list', 'editor', '/collections/policies', () => rows().filter({ hasText: title }))
      await measure('policy edit', 'editor', `/collections/policies/${policyId}`, () => panel())
    }
    expect(loads.filter((load) => load.view === 'policy edit')).toHaveLength(3)
  })
})

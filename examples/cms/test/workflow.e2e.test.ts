import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type AdminSession, lexical, openBrowser, people, type Role, shoot, signIn, startAdminSession, timeZone } from './support/adminSession'

const password = 'Gongkai-workflow-2026'

/** `YYYY-MM-DDTHH:mm` of an instant in `timeZone`, as a datetime-local input takes it. */
function localDateTime(instant: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`
}

describe('审核发布 in the admin (Chromium): 撰稿 → 审核 → 签发, revisions, 撤回, 定时发布', () => {
  let session: AdminSession
  let browser: Browser
  let page: Page
  let policyId: number

  const api: AdminSession['api'] = (...args) => session.api(...args)
  const createPolicy = async (title: string) => {
    const created = await api(
      'POST',
      '/policies?draft=true&depth=0',
      {
        title,
        documentNumber: `武清政务〔2024〕${Math.floor(Math.random() * 900) + 100}号`,
        issuingAgency: session.agency.id,
        writtenDate: '2024-06-28T04:00:00.000Z',
        publishDate: '2024-07-01T04:00:00.000Z',
        documentType: 'notice',
        topic: session.topicId,
        disclosure: 'proactive',
        summary: '原摘要',
        body: lexical('各镇人民政府，各街道办事处：现将有关事项通知如下。'),
      },
      'editor',
    )
    expect(created.status).toBe(201)
    return created.body.doc.id as number
  }
  const workflowOf = async (id: number, as: Role = 'editor') => (await api('GET', `/policies/${id}/workflow`, undefined, as)).body
  const panel = (page: Page) => page.locator('.gongkai-workflow')
  /** Opens a policy in the admin as `role` (signed in with that user's session cookie). */
  const openPolicy = async (role: Role, id: number) => {
    await signIn(page, session, role)
    await page.goto(`${session.cms.url}/admin/collections/policies/${id}`)
    await page.waitForLoadState('networkidle')
    await panel(page).waitFor()
  }
  /** Clicks a workflow button, fills the dialog's inputs and confirms. */
  const act = async (page: Page, label: string, fill?: (dialog: ReturnType<Page['locator']>) => Promise<void>) => {
    await panel(page).getByRole('button', { name: label, exact: true }).click()
    const dialog = page.locator('.confirmation-modal')
    await dialog.waitFor()
    if (fill) await fill(dialog)
    await dialog.locator('#confirm-action').click()
    await dialog.waitFor({ state: 'detached' })
  }

  beforeAll(async () => {
    session = await startAdminSession({ password })
    policyId = await createPolicy('关于做好2024年度政务公开工作的通知')
    // One page; each test signs in as its user (support/adminSession.ts).
    ;({ browser, page } = await openBrowser())
  })

  afterAll(async () => {
    await browser?.close()
    await session?.stop()
  })

  it('shows the editor the state and 提交审核 instead of Payload’s Publish button, and submits', async () => {
    await openPolicy('editor', policyId)
    expect(await panel(page).getAttribute('data-state')).toBe('draft')
    expect(await panel(page).locator('.gongkai-workflow__state').innerText()).toBe('草稿')
    expect(await panel(page).getByRole('button').allInnerTexts()).toEqual(['提交审核'])
    // Payload's own Publish (a save with _status: published) is gone: publishing is the workflow's.
    expect(await page.locator('#action-save').count()).toBe(0)
    await act(page, '提交审核')
    await page.locator('.gongkai-workflow[data-state="pending_review"]').waitFor()
    await page.getByText('提交审核成功，当前状态：待审核').waitFor()
    expect(await workflowOf(policyId)).toMatchObject({ state: 'pending_review' })
    expect(await panel(page).getByRole('button').count()).toBe(0)
    // The sidebar's 操作记录 shows the submission, newest first.
    const entry = page.locator('.gongkai-audit-trail__entry').first()
    await page.locator('.gongkai-audit-trail__entry[data-action="submit"]').waitFor()
    expect(await entry.innerText()).toContain('提交审核（草稿 → 待审核）')
    expect(await entry.innerText()).toContain(people.editor.email)
  })

  it('shows the reviewer why approval is refused, records the 保密审查 and approves', async () => {
    await openPolicy('reviewer', policyId)
    expect(await panel(page).getByRole('button').allInnerTexts()).toEqual(['记录保密审查', '退回修改', '审核通过'])
    expect(await panel(page).locator('.gongkai-workflow__review').innerText()).toBe('保密审查：未审查')
    await act(page, '审核通过')
    const error = panel(page).locator('.gongkai-workflow__error')
    await error.waitFor()
    expect(await error.innerText()).toContain('未通过保密审查，不能审核通过：尚未记录保密审查（审查人、时间、结论、依据）')
    expect(await workflowOf(policyId)).toMatchObject({ state: 'pending_review' })

    await act(page, '记录保密审查', async (dialog) => {
      await dialog.locator('select[name="conclusion"]').selectOption('passed')
      await dialog.locator('textarea[name="basis"]').fill('《中华人民共和国保守国家秘密法》及本机关保密审查规定')
    })
    await page.locator('.gongkai-workflow__review[data-current="true"]').waitFor()
    expect(await error.count()).toBe(0)
    await shoot(page, 'workflow-reviewer')
    await act(page, '审核通过')
    await page.locator('.gongkai-workflow[data-state="approved"]').waitFor()
    const stored = await api('GET', `/policies/${policyId}?draft=true&depth=0`)
    expect(stored.body.workflowState).toBe('approved')
    expect(stored.body.confidentialityReview).toMatchObject({ conclusion: 'passed' })
  })

  it('lets the publisher 签发发布 and shows the assigned 索引号 without a reload', async () => {
    await openPolicy('publisher', policyId)
    expect(await panel(page).getByRole('button').allInnerTexts()).toEqual(['签发发布', '定时发布'])
    await act(page, '签发发布')
    await page.locator('.gongkai-workflow[data-state="published"]').waitFor()
    const published = await api('GET', `/policies/${policyId}?depth=0`)
    expect(published.body._status).toBe('published')
    expect(published.body.indexNumber).toMatch(/^11120114MB1234562N\/2024-\d{5}$/)
    await page.waitForFunction(
      (expected) => Array.from(document.querySelectorAll('input')).some((input) => input.value === expected),
      published.body.indexNumber as string,
    )
  })

  it('lets the editor save a draft revision of the published policy; the published version stays public', async () => {
    await openPolicy('editor', policyId)
    await page.locator('#field-summary').fill('修订后的摘要')
    // The form marks itself modified after the input event is handled: wait for the hint, do not count at once.
    await panel(page).getByText('请先保存草稿').first().waitFor({ state: 'attached' })
    const saved = page.waitForResponse((response) => response.url().includes(`/api/policies/${policyId}`) && ['PATCH', 'POST'].includes(response.request().method()))
    await page.locator('#action-save-draft').click()
    expect((await saved).status()).toBe(200)
    await page.locator('.gongkai-workflow[data-state="draft"]').waitFor()
    expect(await panel(page).getByRole('button').allInnerTexts()).toEqual(['提交审核'])
    const live = await api('GET', `/policies/${policyId}?depth=0`, undefined, 'editor')
    expect(live.body).toMatchObject({ _status: 'published', summary: '原摘要', workflowState: 'published' })
    const latest = await api('GET', `/policies/${policyId}?draft=true&depth=0`, undefined, 'editor')
    expect(latest.body).toMatchObject({ summary: '修订后的摘要', workflowState: 'draft' })
  })

  it('lets the editor discard the revision with Payload’s “恢复为已发布”', async () => {
    await openPolicy('editor', policyId)
    await page.locator('#action-revert-to-published').click()
    const dialog = page.locator('.confirmation-modal')
    await dialog.waitFor()
    await dialog.locator('#confirm-action').click()
    await page.locator('.gongkai-workflow[data-state="published"]').waitFor()
    // The workflow panel and the form reload separately: wait for the field itself, not the panel, to show
    // the restored value (on a busy machine the form can lag the panel by seconds).
    await expect.poll(() => page.locator('#field-summary').inputValue(), { timeout: 60_000 }).toBe('原摘要')
    const latest = await api('GET', `/policies/${policyId}?draft=true&depth=0`, undefined, 'editor')
    expect(latest.body).toMatchObject({ _status: 'published', summary: '原摘要', workflowState: 'published' })
    const audit = await api('GET', `/gongkai-audit-log?where[documentId][equals]=${policyId}&where[action][equals]=revert&depth=0`, undefined, 'editor')
    expect(audit.body.docs).toHaveLength(1)
  })

  it('offers no bulk 发布 or 取消发布 in the list (they would bypass the workflow); bulk delete stays', async () => {
    await signIn(page, session, 'editor')
    await page.goto(`${session.cms.url}/admin/collections/policies`)
    await page.waitForLoadState('networkidle')
    await page.locator('.table input[type="checkbox"]').nth(1).check()
    const selection = page.locator('.list-selection')
    await selection.waitFor()
    const labels = await selection.locator('button').allInnerTexts()
    expect(labels).toContain('删除')
    expect(labels).not.toContain('发布')
    expect(labels).not.toContain('取消发布')
    expect(labels).not.toContain('编辑')
  })

  it('lets the reviewer 一键脱敏 and still 审核通过: masking is a review action, not authorship', async () => {
    const id = await createPolicy('关于困难群众救助对象公示的通知')
    const body = lexical('救助对象张某，身份证号11010519491231002X，联系电话13812345678。')
    expect((await api('PATCH', `/policies/${id}?draft=true&depth=0`, { body }, 'editor')).status).toBe(200)
    expect((await api('POST', `/policies/${id}/workflow/submit`, {}, 'editor')).status).toBe(200)
    await openPolicy('reviewer', id)
    const findings = page.locator('.gongkai-confidentiality-findings[data-field-path="body"]')
    await findings.getByRole('button', { name: '一键脱敏' }).click()
    // The mask saves a new version and reloads the form: wait for the masked text in the editor itself.
    await page.locator('[data-lexical-editor="true"]', { hasText: '身份证号11*************02X' }).waitFor()
    await panel(page).waitFor()
    await act(page, '记录保密审查', async (dialog) => {
      await dialog.locator('select[name="conclusion"]').selectOption('passed')
      await dialog.locator('textarea[name="basis"]').fill('已一键脱敏，经审查可以公开')
    })
    await page.locator('.gongkai-workflow__review[data-current="true"]').waitFor()
    const approved = page.waitForResponse((response) => response.url().includes(`/api/policies/${id}/workflow/approve`))
    await act(page, '审核通过')
    expect((await approved).status()).toBe(200)
    await page.locator('.gongkai-workflow[data-state="approved"]').waitFor()
    await shoot(page, 'workflow-mask-then-approve')
    const stored = (await api('GET', `/policies/${id}?draft=true&depth=0`, undefined, 'reviewer')).body
    expect(stored).toMatchObject({ workflowState: 'approved', lastEditedBy: await session.idOf('editor'), workflow: { approvedBy: await session.idOf('reviewer') } })
    expect(JSON.stringify(stored.body)).toContain('身份证号11*************02X，联系电话138****5678')
  })

  it('asks the publisher for a reason before 撤回, then takes the policy offline', async () => {
    const id = await createPolicy('关于撤回测试的通知')
    await api('POST', `/policies/${id}/workflow/submit`, {}, 'editor')
    await api('POST', `/policies/${id}/confidentiality-review`, { conclusion: 'passed', basis: '本机关保密审查规定' }, 'reviewer')
    await api('POST', `/policies/${id}/workflow/approve`, {}, 'reviewer')
    await api('POST', `/policies/${id}/workflow/publish`, {}, 'publisher')
    await openPolicy('publisher', id)
    // With the library beside the CMS, 签发 may also 删除（误发） and 抹除历史版本 (delivered to the library).
    expect(await panel(page).getByRole('button').allInnerTexts()).toEqual(['撤回', '宣布失效', '删除（误发）', '抹除历史版本'])
    await panel(page).getByRole('button', { name: '撤回', exact: true }).click()
    const dialog = page.locator('.confirmation-modal')
    await dialog.locator('#confirm-action').click()
    // Nothing typed: the dialog comes back with the rule in it, and the policy stays published.
    await dialog.locator('.gongkai-workflow__dialog-error', { hasText: '撤回须填写：撤回理由' }).waitFor()
    expect((await api('GET', `/policies/${id}?depth=0`)).body._status).toBe('published')
    await dialog.locator('textarea[name="reason"]').fill('文件内容有误，更正后重新发布')
    await dialog.locator('#confirm-action').click()
    await page.locator('.gongkai-workflow[data-state="withdrawn"]').waitFor()
    const after = await api('GET', `/policies/${id}?depth=0`)
    expect(after.body).toMatchObject({ _status: 'draft', workflowState: 'withdrawn' })
    const audit = await api('GET', `/gongkai-audit-log?where[documentId][equals]=${id}&where[action][equals]=withdraw&depth=0`, undefined, 'editor')
    expect(audit.body.docs).toMatchObject([{ reason: '文件内容有误，更正后重新发布', toState: 'withdrawn' }])
  })

  it('schedules publication from the admin; the CMS’s job runner publishes it when the time comes', async () => {
    const id = await createPolicy('关于定时发布测试的通知')
    await api('POST', `/policies/${id}/workflow/submit`, {}, 'editor')
    await api('POST', `/policies/${id}/confidentiality-review`, { conclusion: 'passed', basis: '本机关保密审查规定' }, 'reviewer')
    await api('POST', `/policies/${id}/workflow/approve`, {}, 'reviewer')
    await openPolicy('publisher', id)
    // The next whole minute at least 40 s away (the input has minute precision).
    const publishAt = new Date(Math.ceil((Date.now() + 40_000) / 60_000) * 60_000)
    await panel(page).getByRole('button', { name: '定时发布', exact: true }).click()
    const dialog = page.locator('.confirmation-modal')
    // A time in the past is refused by the server, naming the field; the dialog comes back to correct it.
    await dialog.locator('input[name="publishAt"]').fill(localDateTime(new Date(Date.now() - 3_600_000)))
    await dialog.locator('#confirm-action').click()
    await dialog.locator('.gongkai-workflow__dialog-error', { hasText: '须晚于当前时间' }).waitFor()
    await dialog.locator('input[name="publishAt"]').fill(localDateTime(publishAt))
    await dialog.locator('#confirm-action').click()
    await page.locator('.gongkai-workflow[data-state="scheduled"]').waitFor()
    expect(await workflowOf(id, 'publisher')).toMatchObject({ state: 'scheduled', stateLabel: '待发布（定时）' })
    expect((await api('GET', `/policies/${id}?draft=true&depth=0`)).body.workflow.scheduledFor).toBe(publishAt.toISOString())
    expect((await api('GET', `/policies/${id}?depth=0`)).body._status).toBe('draft')
    // jobs.autoRun runs the queue every minute; allow two runs after the time.
    const deadline = publishAt.getTime() + 150_000
    let status = 'draft'
    while (Date.now() < deadline) {
      status = (await api('GET', `/policies/${id}?depth=0`)).body._status
      if (status === 'published') break
      await new Promise((resolve) => setTimeout(resolve, 2_000))
    }
    expect(status).toBe('published')
    const published = (await api('GET', `/policies/${id}?depth=0`)).body
    expect(published.workflowState).toBe('published')
    expect(new Date(published.workflow.publishedAt).getTime()).toBeGreaterThanOrEqual(publishAt.getTime())
    expect(published.indexNumber).toMatch(/^11120114MB1234562N\/2024-\d{5}$/)
  })
})

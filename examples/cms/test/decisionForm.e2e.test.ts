import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type AdminSession, lexical, openBrowser, pdfFile, type Person, shoot, signIn, startAdminSession, uploadNewAttachment } from './support/adminSession'

const password = 'Gongkai-decision-2026'
const meetingName = '区政府第12次常务会议'

describe('the decision form in the admin (Chromium): tabs by stage, draft attachments, 集体讨论决定, join titles', () => {
  let session: AdminSession
  let browser: Browser
  let page: Page
  let agencyId: number
  let decisionId: number
  let policyId: number

  const api: AdminSession['api'] = (...args) => session.api(...args)
  const open = async (role: Person, adminPath: string) => {
    await signIn(page, session, role)
    await page.goto(`${session.cms.url}/admin${adminPath}`)
    await page.waitForLoadState('networkidle')
  }
  const tab = (label: string) => page.locator('.document-fields__main .tabs-field__tab-button', { hasText: new RegExp(`^${label}$`) })
  const shot = (name: string) => shoot(page, `decision-form-${name}`)
  const meetingDate = async () => page.locator('#field-meeting__date input, input#field-meeting__date').first().inputValue()

  beforeAll(async () => {
    session = await startAdminSession({ password, roles: ['editor', 'reviewer'] })
    agencyId = session.agency.id
    const created = await api(
      'POST',
      '/decisions?draft=true&depth=0',
      {
        catalogueYear: 2026,
        catalogueNumber: 7,
        title: '武清区养老服务设施布局规划',
        responsibleAgency: agencyId,
        stage: 'deciding',
        draftText: lexical('第一条 为完善养老服务设施布局……'),
        legalityReview: lexical('经审查，草案符合法律法规规定'),
        legalityReviewDate: '2026-04-10T04:00:00.000Z',
        legalityReviewConclusion: 'lawful',
        // Only the date: the editor fills in the rest of the group in the admin.
        meeting: { date: '2026-04-20T04:00:00.000Z' },
      },
      'editor',
    )
    expect(created.status).toBe(201)
    decisionId = created.body.doc.id

    ;({ browser, page } = await openBrowser())
  })

  afterAll(async () => {
    await browser?.close()
    await session?.stop()
  })

  it('groups the form in one tab per stage and opens the current stage’s tabs from the sidebar', async () => {
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
    // 审议决定: the sidebar offers 合法性审查 and 集体讨论决定.
    const shortcut = page.locator('.gongkai-stage-shortcut')
    expect(await shortcut.locator('button').allInnerTexts()).toEqual(['合法性审查', '集体讨论决定'])
    await shortcut.getByRole('button', { name: '合法性审查', exact: true }).click()
    await page.locator('.document-fields__main .tabs-field__tab-button--active', { hasText: '合法性审查' }).waitFor()
    await page.locator('#field-legalityReviewConclusion').waitFor()
    await shot('tabs')
  })

  it('uploads a file for the 决策草案 and keeps it from anyone outside the agency until published', async () => {
    await open('editor', `/collections/decisions/${decisionId}`)
    await tab('决策草案').click()
    const field = page.locator('#field-draftTextAttachments')
    await field.waitFor()
    await uploadNewAttachment(page, field, { name: 'draft.pdf', mimeType: 'application/pdf', buffer: await pdfFile('Draft of the plan for comments') }, '决策草案（征求意见稿）')
    // The drawer created the attachment; the field lists it by its file name (Payload's upload card).
    const created = await api('GET', `/gongkai-attachments?where[title][equals]=${encodeURIComponent('决策草案（征求意见稿）')}&depth=0`, undefined, 'editor')
    expect(created.status).toBe(200)
    expect(created.body.docs).toHaveLength(1)
    const uploaded = created.body.docs[0] as { id: number; filename: string }
    expect(uploaded.filename).toMatch(/^draft(-\d+)?\.pdf$/)
    await expect.poll(async () => field.locator('.upload-relationship-details__filename').allInnerTexts()).toEqual([uploaded.filename])
    await page.locator('#action-save-draft').click()
    await expect
      .poll(async () => (await api('GET', `/decisions/${decisionId}?draft=true&depth=0`, undefined, 'editor')).body.draftTextAttachments)
      .toEqual([uploaded.id])
    expect(
      (await api('GET', `/decisions/${decisionId}?draft=true&depth=1`, undefined, 'editor')).body.draftTextAttachments?.map((file: { title: string }) => file.title),
    ).toEqual(['决策草案（征求意见稿）'])
    // After the save the field still shows the linked file.
    await expect.poll(async () => field.locator('.upload-relationship-details__filename').allInnerTexts()).toEqual([uploaded.filename])
    await shot('draft-attachment')

    const attachment = (await api('GET', `/decisions/${decisionId}?draft=true&depth=1`, undefined, 'editor')).body.draftTextAttachments[0]
    expect(attachment.id).toBe(uploaded.id)
    const anonymousRest = await fetch(`${session.cms.url}/api/gongkai-attachments/${attachment.id}`)
    expect(anonymousRest.status).toBe(404)
    const anonymousFile = await fetch(`${session.cms.url}/api/gongkai-attachments/file/${encodeURIComponent(attachment.filename)}`)
    expect([403, 404]).toContain(anonymousFile.status)
    const graphql = await fetch(`${session.cms.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `query { GongkaiAttachment(id: ${attachment.id}) { id filename } }` }),
    })
    expect(((await graphql.json()) as { data?: { GongkaiAttachment?: unknown } }).data?.GongkaiAttachment ?? null).toBeNull()
    const memberFile = await fetch(`${session.cms.url}/api/gongkai-attachments/file/${encodeURIComponent(attachment.filename)}`, { headers: { authorization: `JWT ${session.tokens.reviewer}` } })
    expect(memberFile.status).toBe(200)
  })

  it('keeps the 集体讨论决定 inputs and values after 保存草稿', async () => {
    await open('editor', `/collections/decisions/${decisionId}`)
    await tab('集体讨论决定').click()
    const name = page.locator('#field-meeting__name')
    await name.waitFor()
    expect(await name.inputValue()).toBe('')
    await name.fill(meetingName)
    await page.locator('#field-meeting__kind .rs__control').click()
    await page.locator('.rs__option', { hasText: '政府常务会议' }).click()
    await page.locator('#action-save-draft').click()
    await expect
      .poll(async () => (await api('GET', `/decisions/${decisionId}?draft=true&depth=0`, undefined, 'editor')).body.meeting)
      .toMatchObject({ name: meetingName, kind: 'executive_meeting', date: '2026-04-20T04:00:00.000Z' })
    // The form after the save: the group's inputs are still there, with what was saved.
    await expect.poll(async () => page.locator('#field-meeting__name').inputValue()).toBe(meetingName)
    expect(await page.locator('#field-meeting__kind').innerText()).toContain('政府常务会议')
    await expect.poll(meetingDate, { timeout: 30_000 }).toBe('2026年4月20日')
    await page.reload()
    await page.waitForLoadState('networkidle')
    await tab('集体讨论决定').click()
    await expect.poll(async () => page.locator('#field-meeting__name').inputValue()).toBe(meetingName)
    await shot('meeting-after-save')
  })

  it('shows the 集体讨论决定 values in the read-only view of a reviewer', async () => {
    // Payload locks a document for whoever changes it 10 s or more after opening it, so whether the previous test
    // left the editor's lock (and the reviewer Payload's 文档已锁定 dialog) depends on the machine's speed. Leave the
    // editor's form and release any lock, as a site admin would: the reviewer sees what the reviewer's role gives.
    await page.goto('about:blank')
    const lockQuery = `/payload-locked-documents?where[document.value][equals]=${decisionId}&where[document.relationTo][equals]=decisions&depth=0`
    for (const lock of (await api('GET', lockQuery)).body.docs as { id: number }[]) {
      expect((await api('DELETE', `/payload-locked-documents/${lock.id}`)).status).toBe(200)
    }
    expect((await api('GET', lockQuery)).body.docs).toEqual([])
    await open('reviewer', `/collections/decisions/${decisionId}`)
    const meetingTab = tab('集体讨论决定')
    await meetingTab.waitFor({ state: 'attached' })
    await expect.poll(async () => meetingTab.isEnabled()).toBe(true)
    await meetingTab.click()
    const name = page.locator('#field-meeting__name')
    await name.waitFor({ state: 'visible' })
    await page.locator('.document-fields__main .tabs-field__tab-button--active', { hasText: '集体讨论决定' }).waitFor()
    expect(await name.isDisabled()).toBe(true)
    await expect.poll(async () => name.inputValue()).toBe(meetingName)
    await expect.poll(meetingDate, { timeout: 30_000 }).toBe('2026年4月20日')
    expect(await page.locator('#field-meeting__kind').innerText()).toContain('政府常务会议')
    // Read-only by role: no lock dialog, no save buttons.
    expect(await page.locator('dialog#document-locked').count()).toBe(0)
    expect(await page.locator('#action-save-draft').count()).toBe(0)
    await shot('meeting-read-only')
  })

  it('shows titles in the join tables: a policy’s interpretations and a decision’s participation records', async () => {
    const topicId = session.topicId
    const policy = await api(
      'POST',
      '/policies?draft=true&depth=0',
      {
        title: '武清区养老服务设施布局规划',
        documentNumber: '武清政发〔2026〕3号',
        issuingAgency: agencyId,
        writtenDate: '2026-04-28T04:00:00.000Z',
        documentType: 'notice',
        topic: topicId,
        disclosure: 'proactive',
        body: lexical('现将规划印发给你们。'),
      },
      'editor',
    )
    expect(policy.status).toBe(201)
    policyId = policy.body.doc.id
    const interpretation = await api(
      'POST',
      '/interpretations?draft=true&depth=0',
      { title: '《武清区养老服务设施布局规划》解读', policies: [policyId], form: 'text', interpretingAgency: agencyId, body: lexical('一、制定背景') },
      'editor',
    )
    expect(interpretation.status).toBe(201)
    const participation = await api(
      'POST',
      '/participation?draft=true&depth=0',
      { kind: 'meeting_attendance', meetingName, meetingDate: '2026-04-20T04:00:00.000Z', decision: decisionId, meetingKind: 'executive_meeting' },
      'editor',
    )
    expect(participation.status).toBe(201)

    await open('editor', `/collections/policies/${policyId}`)
    const interpretations = page.locator('#field-interpretations')
    await interpretations.locator('table').waitFor()
    // The first cell opens the interpretation (a drawer toggler); relationship columns are not offered.
    const interpretationCell = interpretations.locator('tbody tr').first().locator('td').first()
    await expect.poll(async () => interpretationCell.innerText(), { timeout: 30_000 }).toBe('《武清区养老服务设施布局规划》解读')
    expect(await interpretations.innerText()).not.toContain('没有')
    await shot('join-interpretations')

    await open('editor', `/collections/decisions/${decisionId}`)
    await tab('公众参与').click()
    const records = page.locator('#field-participationRecords')
    await records.locator('table').waitFor()
    const recordCell = records.locator('tbody tr').first().locator('td').first()
    await expect.poll(async () => recordCell.innerText(), { timeout: 30_000 }).toBe(meetingName)
    expect(await records.innerText()).not.toContain('没有')
    await shot('join-participation')
  })
})

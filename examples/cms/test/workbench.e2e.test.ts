import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type AdminSession, lexical, openBrowser, type Person, type Role, shoot as shootPage, signIn, startAdminSession } from './support/adminSession'

const password = 'Gongkai-workbench-2026'

describe('工作台, lists and people in the Chinese admin (Chromium), as 撰稿, 审核, 签发 and the site admin', () => {
  let session: AdminSession
  let browser: Browser
  let page: Page
  let agencyId: number
  let agencyName: string
  let agencyFullName: string
  let topicId: number
  const policies = {} as Record<'draft' | 'returned' | 'pending' | 'approved', { id: number; title: string; documentNumber: string }>

  const api: AdminSession['api'] = (...args) => session.api(...args)
  const createPolicy = async (title: string, serial: number) => {
    const documentNumber = `津武政规〔2024〕${serial}号`
    const created = await api(
      'POST',
      '/policies?draft=true&depth=0',
      {
        title,
        documentNumber,
        issuingAgency: agencyId,
        writtenDate: '2024-06-28T04:00:00.000Z',
        publishDate: '2024-07-01T04:00:00.000Z',
        documentType: 'notice',
        topic: topicId,
        disclosure: 'proactive',
        body: lexical('各镇人民政府，各街道办事处：现将有关事项通知如下。'),
      },
      'editor',
    )
    expect(created.status).toBe(201)
    return { id: created.body.doc.id as number, title, documentNumber }
  }
  const action = async (id: number, name: string, as: Role, body: Record<string, unknown> = {}) => {
    const result = await api('POST', `/policies/${id}/workflow/${name}`, body, as)
    expect(result.status).toBe(200)
  }
  /** Opens an admin page as `role` (signed in with that user's session cookie). */
  const open = async (role: Person, adminPath: string) => {
    await signIn(page, session, role)
    await page.goto(`${session.cms.url}/admin${adminPath}`)
  }
  const shoot = (name: string) => shootPage(page, name)
  const line = (key: string) => page.locator(`.gongkai-workbench__line[data-line="${key}"]`)
  const sections = async () => await page.locator('.gongkai-workbench__section').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-audience')))

  beforeAll(async () => {
    session = await startAdminSession({ password, withNames: true })
    const agency = session.agency
    agencyId = agency.id
    agencyName = agency.shortName || agency.name
    agencyFullName = agency.name
    topicId = session.topicId
    policies.draft = await createPolicy('关于开展政务公开培训的通知', 11)
    policies.returned = await createPolicy('关于规范政务新媒体管理的通知', 12)
    await action(policies.returned.id, 'submit', 'editor')
    await action(policies.returned.id, 'return', 'reviewer', { reason: '请补充政策依据和附件' })
    policies.pending = await createPolicy('关于做好依申请公开工作的通知', 13)
    await action(policies.pending.id, 'submit', 'editor')
    policies.approved = await createPolicy('关于加强政府网站内容保障的通知', 14)
    await action(policies.approved.id, 'submit', 'editor')
    const review = await api(
      'POST',
      `/policies/${policies.approved.id}/confidentiality-review`,
      { conclusion: 'passed', basis: '《中华人民共和国保守国家秘密法》及本机关保密审查规定' },
      'reviewer',
    )
    expect(review.status).toBe(200)
    await action(policies.approved.id, 'approve', 'reviewer')

    ;({ browser, page } = await openBrowser())
  })

  afterAll(async () => {
    await browser?.close()
    await session?.stop()
  })

  it('shows the 撰稿 their drafts and the returned document with its reason and who returned it, and links to the filtered list', async () => {
    await open('editor', '')
    await line('returned').locator('.gongkai-workbench__reason').waitFor()
    expect(await sections()).toEqual(['editor', 'agency'])
    expect(await page.locator('.gongkai-workbench__roles').innerText()).toBe(`${agencyName} · 撰稿`)
    expect(await line('myDrafts').getAttribute('data-count')).toBe('1')
    const returned = await line('returned').innerText()
    expect(returned).toContain(policies.returned.title)
    expect(returned).toContain('经办 李审核')
    expect(returned).toContain('理由：请补充政策依据和附件')
    await shoot('workbench-editor')
    await line('returned').locator('.gongkai-workbench__link').click()
    await page.waitForURL(/\/admin\/collections\/policies\?.*where/)
    await page.locator('.table tbody tr').filter({ hasText: policies.returned.title }).waitFor()
    // The row can show before the list settles on the filter: wait for the filtered list itself.
    await expect.poll(async () => await page.locator('.table tbody tr').allInnerTexts()).toEqual([expect.stringContaining(policies.returned.title)])
  })

  it('shows the 审核 what waits for review with the waiting time, and the 签发 what is approved', async () => {
    await open('reviewer', '')
    await line('pendingReview').locator('.gongkai-workbench__item').first().waitFor()
    expect(await sections()).toEqual(['reviewer', 'agency'])
    const pending = await line('pendingReview').innerText()
    expect(pending).toContain(policies.pending.title)
    expect(pending).toMatch(/已等待 \d+ (分钟|小时)/)
    expect(pending).toContain('经办 王撰稿')
    await shoot('workbench-reviewer')

    await open('publisher', '')
    await line('approved').locator('.gongkai-workbench__item').first().waitFor()
    expect(await sections()).toEqual(['publisher', 'agency'])
    expect(await line('approved').innerText()).toContain(policies.approved.title)
    expect(await line('scheduled').getAttribute('data-count')).toBe('0')
    expect(await line('publicAttendance').innerText()).toMatch(/0 \/ 目标 3/)
    await shoot('workbench-publisher')
  })

  it('shows the site admin every line across agencies', async () => {
    await open('admin', '')
    await line('pendingReview').waitFor()
    expect(await sections()).toEqual(['editor', 'reviewer', 'publisher', 'agency'])
    expect(await page.locator('.gongkai-workbench__roles').innerText()).toBe('站点管理员 · 全部机构')
    await shoot('workbench-admin')
  })

  it('lists policies with 索引号, 标题, 发文字号, 发文机关, 发布日期 and 工作流状态, dates the Chinese way, and finds 津武政规[2024]13号', async () => {
    await open('admin', '/collections/policies')
    const headers = page.locator('.table thead th')
    await page.locator('.table tbody tr').filter({ hasText: policies.pending.title }).waitFor()
    const headerTexts = (await headers.allInnerTexts()).map((text) => text.trim()).filter(Boolean)
    expect(headerTexts).toEqual(['索引号', '标题', '发文字号', '发文机关', '发布日期', '工作流状态'])
    const row = page.locator('.table tbody tr').filter({ hasText: policies.pending.title })
    // Payload formats list dates once its date-fns locale has loaded on the client (加载中... before).
    await expect.poll(() => row.innerText(), { timeout: 30_000 }).toContain('2024年7月1日')
    expect(await row.innerText()).toContain('待审核')
    await page.locator('#search-filter-input').fill('津武政规[2024]13号')
    await page.waitForURL(/search=/)
    await page.locator('.table tbody tr').filter({ hasText: policies.pending.title }).waitFor()
    await expect.poll(async () => await page.locator('.table tbody tr').count()).toBe(1)
    await shoot('policies-list-search')
  })

  it('names list presets in Chinese: 选择 筛选方案, and the presets drawer with 名称, 共享设置, 查看：所有人 and column labels', async () => {
    await open('admin', '/collections/policies')
    const toggler = page.locator('.active-query-preset')
    await toggler.getByText(/选择\s*筛选方案/).waitFor()
    await toggler.click()
    const drawer = page.locator('.list-drawer').last()
    await drawer.getByText('查看：所有人').first().waitFor()
    const text = await drawer.innerText()
    for (const chinese of ['名称', '共享设置', '索引号']) expect(text).toContain(chinese)
    for (const english of ['Presets', 'Title', 'Is Shared', 'Sharing settings', 'Everyone', 'Index Number']) expect(text).not.toContain(english)
    await shoot('query-presets-drawer')
  })

  it('shows the editor of a returned document the reason and who returned it at the top, and one status in the header', async () => {
    await open('editor', `/collections/policies/${policies.returned.id}`)
    const notice = page.locator('.gongkai-return-notice')
    await notice.getByText('退回理由：请补充政策依据和附件').waitFor()
    // 退回人 is looked up by ID after the form loads: wait for the name itself.
    await notice.getByText(/退回人：李审核/).waitFor()
    expect(await page.locator('.gongkai-workflow__state').innerText()).toBe('已退回')
    // Payload's own “状态：草稿” is not shown beside the workflow state.
    expect(await page.locator('.doc-controls__status .status__value').isVisible()).toBe(false)
    await shoot('policy-returned-editor')
  })

  it('pre-fills 发文机关 for an editor of one agency', async () => {
    await open('editor', '/collections/policies/create')
    await page.locator('#field-issuingAgency').getByText(agencyFullName, { exact: true }).first().waitFor()
    await shoot('policy-create-editor')
  })

  it('shows the English admin the workbench and the return notice in English, not in Chinese-only words', async () => {
    await signIn(page, session, 'editor', [{ name: 'payload-lng', value: 'en' }])
    await page.goto(`${session.cms.url}/admin`)
    await line('returned').locator('.gongkai-workbench__reason').waitFor()
    const text = await page.locator('.gongkai-workbench').innerText()
    for (const english of ['Workbench', 'My drafts', 'Returned', 'Reason: 请补充政策依据和附件', `${agencyName} · Editor`]) expect(text).toContain(english)
    for (const chinese of ['工作台', '我的草稿', '已退回', '本机构', '理由：', '撰稿']) expect(text).not.toContain(chinese)
    await shoot('workbench-editor-en')
    await page.goto(`${session.cms.url}/admin/collections/policies/${policies.returned.id}`)
    const notice = page.locator('.gongkai-return-notice')
    await notice.getByText(/Returned by 李审核/).waitFor()
    expect(await notice.innerText()).toContain('Reason: 请补充政策依据和附件')
  })

  it('lists users by 姓名 with their agency and role, and finds them by 姓名', async () => {
    await open('admin', '/collections/users')
    const row = page.locator('.table tbody tr').filter({ hasText: '李审核' })
    await row.locator('.gongkai-agency-roles').getByText(`${agencyName} · 审核`).waitFor()
    expect(await page.locator('.table tbody').innerText()).not.toContain('机构角色')
    await page.locator('#search-filter-input').fill('赵签发')
    await page.waitForURL(/search=/)
    await expect.poll(async () => await page.locator('.table tbody tr').allInnerTexts()).toEqual([expect.stringContaining('赵签发')])
    await shoot('users-list')
  })
})

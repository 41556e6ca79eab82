import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { fakePng, startFakeWeChat } from '@gongkai/sdk/testing'
import type { FakeWeChat } from '@gongkai/sdk/testing'
import { type AdminSession, lexical, openBrowser, type Role, shoot as shootPage, signIn, startAdminSession, toasts } from './support/adminSession'

const password = 'Gongkai-delivery-2026'
const weChatLabel = '武清发布'

/** The account's default cover, uploaded once as permanent material (as the README tells an admin to). */
async function uploadCover(server: FakeWeChat): Promise<string> {
  const tokenResponse = await fetch(`${server.url}/cgi-bin/stable_token`, {
    method: 'POST',
    body: JSON.stringify({ grant_type: 'client_credential', appid: server.appId, secret: server.appSecret }),
  })
  const token = (await tokenResponse.json()) as { access_token: string }
  const form = new FormData()
  form.append('media', new File([Buffer.from(fakePng(300))], 'cover.png', { type: 'image/png' }))
  const material = await fetch(`${server.url}/cgi-bin/material/add_material?type=image&access_token=${token.access_token}`, { method: 'POST', body: form })
  return ((await material.json()) as { media_id: string }).media_id
}

describe('推送 in the admin (Chromium): 签发发布 reaches the 政策文件库 and WeChat, 撤回 follows, a failed channel is retried', () => {
  let session: AdminSession
  let wechat: FakeWeChat
  let browser: Browser
  let page: Page

  const api: AdminSession['api'] = (...args) => session.api(...args)
  const library = async (path: string) => {
    const response = await fetch(`${session.cms.libraryUrl}${path}`)
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }
  /** A policy taken through 撰稿 → 审核 over the REST API, waiting for 签发. */
  const approvedPolicy = async (title: string, searchWord: string) => {
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
        summary: `关于${searchWord}的通知`,
        body: lexical(`各镇人民政府，各街道办事处：现将${searchWord}有关事项通知如下。`),
      },
      'editor',
    )
    expect(created.status).toBe(201)
    const id = created.body.doc.id as number
    expect((await api('POST', `/policies/${id}/workflow/submit`, {}, 'editor')).status).toBe(200)
    const review = await api('POST', `/policies/${id}/confidentiality-review`, { conclusion: 'passed', basis: '本机关保密审查规定' }, 'reviewer')
    expect(review.status).toBe(200)
    expect((await api('POST', `/policies/${id}/workflow/approve`, {}, 'reviewer')).status).toBe(200)
    return id
  }
  const panel = () => page.locator('.gongkai-workflow')
  /** The delivery status line of one target (政策文件库 is `library`, the WeChat account `wechat`). */
  const target = (name: 'library' | 'wechat'): Locator => page.locator(`.gongkai-delivery-status [data-target="${name}"]`)
  const openPolicy = async (role: Role, id: number) => {
    await signIn(page, session, role)
    await page.goto(`${session.cms.url}/admin/collections/policies/${id}`)
    await panel()
      .waitFor()
      .catch(async (error: unknown) => {
        await shoot(`delivery-open-${id}-failed`)
        throw new Error(`the edit view of policy ${id} has no workflow controls: ${String(error)}\npage: ${(await page.locator('body').innerText()).slice(0, 2000)}\nCMS output:\n${session.cms.output().slice(-4000)}`)
      })
  }
  /** Clicks a workflow button, fills the dialog and confirms. */
  const act = async (label: string, fill?: (dialog: Locator) => Promise<void>) => {
    await panel().getByRole('button', { name: label, exact: true }).click()
    const dialog = page.locator('.confirmation-modal')
    await dialog.waitFor()
    if (fill) await fill(dialog)
    await dialog.locator('#confirm-action').click()
    await dialog.waitFor({ state: 'detached' })
  }
  const searchIds = async (query: string) =>
    ((await library(`/v1/documents?q=${encodeURIComponent(query)}`)).body.items as { contentId: string }[]).map((item) => item.contentId)
  const shoot = (name: string) => shootPage(page, name)

  beforeAll(async () => {
    wechat = await startFakeWeChat()
    const coverMediaId = await uploadCover(wechat)
    session = await startAdminSession({
      password,
      env: {
        GONGKAI_WECHAT_APP_ID: wechat.appId,
        GONGKAI_WECHAT_APP_SECRET: wechat.appSecret,
        GONGKAI_WECHAT_API: wechat.url,
        GONGKAI_WECHAT_COVER_MEDIA_ID: coverMediaId,
        GONGKAI_WECHAT_LABEL: weChatLabel,
      },
    })
    // Every toast the admin shows is kept, to check that none is in English.
    ;({ browser, page } = await openBrowser({ recordToasts: true }))
  })

  afterAll(async () => {
    await browser?.close()
    await session?.stop()
    await wechat?.close()
  })

  /** The toasts shown on the current page so far: each in Chinese. */
  const expectChineseToasts = async () => {
    const shown = await toasts(page)
    for (const toast of shown) expect(toast, 'a toast in the Chinese admin').toMatch(/\p{Script=Han}/u)
    return shown
  }

  let publishedId: number

  it('shows 已推送 for the 政策文件库 and the WeChat account after 签发发布, and the library finds the policy', async () => {
    publishedId = await approvedPolicy('关于推进智慧养老服务试点的通知', '智慧养老')
    // (The seeded sample policy went out on the first start: count from here.)
    const submissionsBefore = wechat.submissions.length
    await openPolicy('publisher', publishedId)
    await act('签发发布')
    await page.locator('.gongkai-workflow[data-state="published"]').waitFor()
    // No reload: the status beside the workflow controls follows the new deliveries until they arrive.
    await target('library').filter({ hasText: '已推送' }).waitFor()
    await target('wechat').filter({ hasText: '已推送' }).waitFor()
    expect(await target('library').innerText()).toContain('政策文件库')
    expect(await target('wechat').innerText()).toContain(weChatLabel)
    expect(await target('wechat').getByRole('link', { name: '查看' }).getAttribute('href')).toMatch(/^https:\/\/mp\.weixin\.qq\.com\/s\//)
    await shoot('delivery-published')
    expect(await expectChineseToasts()).toContain('签发发布成功，当前状态：已发布')

    // The library has it, under the plugin's content id `<collection>-<id>`, and finds it by a word of its text.
    const stored = await library(`/v1/documents/policies-${publishedId}`)
    expect(stored.status).toBe(200)
    expect(stored.body).toMatchObject({ version: 1, kind: 'policy', title: '关于推进智慧养老服务试点的通知' })
    await expect.poll(() => searchIds('智慧养老'), { timeout: 60_000 }).toContain(`policies-${publishedId}`)
    expect(wechat.submissions.length - submissionsBefore).toBe(1)
  })

  it('撤回 with a reason: the library answers 410 with the notice, WeChat deletes the article, the status shows the withdrawal delivered', async () => {
    const reason = '文件内容有误，更正后重新发布'
    const deletionsBefore = wechat.deletions.length
    await openPolicy('publisher', publishedId)
    await target('library').filter({ hasText: '已推送' }).waitFor()
    await act('撤回', async (dialog) => {
      await dialog.locator('textarea[name="reason"]').fill(reason)
    })
    await page.locator('.gongkai-workflow[data-state="withdrawn"]').waitFor()
    await target('library').filter({ hasText: '撤回：已推送' }).waitFor()
    await target('wechat').filter({ hasText: '撤回：已推送' }).waitFor()
    await shoot('delivery-withdrawn')

    const gone = await library(`/v1/documents/policies-${publishedId}`)
    expect(gone.status).toBe(410)
    expect(gone.body).toMatchObject({ removal: 'withdrawn', withdrawal: { notice: reason }, document: { title: '关于推进智慧养老服务试点的通知' } })
    expect(gone.body).not.toHaveProperty('document.bodyText')
    expect(await searchIds('智慧养老')).not.toContain(`policies-${publishedId}`)
    expect(wechat.deletions.length - deletionsBefore).toBe(1)
    await expectChineseToasts()
  })

  it('shows 推送失败 with the Chinese reason when WeChat refuses (48001); 签发 retries once fixed and sees 已推送', async () => {
    const id = await approvedPolicy('关于开展老旧小区改造意见征集的通知', '老旧小区')
    const submissionsBefore = wechat.submissions.length
    // The account loses its publishing permission (an unverified account): WeChat answers 48001, a permanent failure.
    wechat.isPublishUnauthorised = true
    await openPolicy('publisher', id)
    await act('签发发布')
    await page.locator('.gongkai-workflow[data-state="published"]').waitFor()
    const failed = target('wechat').filter({ hasText: '推送失败' })
    await failed.waitFor()
    expect(await failed.innerText()).toContain('公众号没有该接口的权限（48001）')
    // The failing channel holds nothing else back.
    await target('library').filter({ hasText: '已推送' }).waitFor()
    await expect.poll(() => searchIds('老旧小区'), { timeout: 60_000 }).toContain(`policies-${id}`)
    const retry = target('wechat').getByRole('button', { name: '重试', exact: true })
    await retry.waitFor()
    await shoot('delivery-failed')
    expect(wechat.submissions.length - submissionsBefore).toBe(0)

    // Verified again: the 签发 retries from the edit view.
    wechat.isPublishUnauthorised = false
    await retry.click()
    await page.getByText(`已重新排队推送到${weChatLabel}`).waitFor()
    await target('wechat').filter({ hasText: '已推送' }).waitFor()
    expect(await target('wechat').getByRole('button', { name: '重试', exact: true }).count()).toBe(0)
    await shoot('delivery-retried')
    expect(wechat.submissions.length - submissionsBefore).toBe(1)
    const deliveries = await api('GET', `/deliveries?where[documentCollection][equals]=policies&where[documentId][equals]=${id}&where[target][equals]=wechat&depth=0`)
    expect(deliveries.body.docs).toMatchObject([{ state: 'delivered', action: 'publish' }])
    await expectChineseToasts()
  })
})

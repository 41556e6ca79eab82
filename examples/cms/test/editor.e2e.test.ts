import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type AdminSession, openBrowser, shoot as shootPage, signIn, startAdminSession } from './support/adminSession'
import { paste, wordHtml, wpsHtml } from './support/clipboard'

const password = 'Gongkai-editor-2026'



type LexicalNode = { type: string; tag?: string; listType?: string; format?: number; text?: string; children?: LexicalNode[] }

function nodesOf(node: LexicalNode | undefined): LexicalNode[] {
  if (!node) return []
  return [node, ...(node.children ?? []).flatMap(nodesOf)]
}

function textOf(node: LexicalNode): string {
  return nodesOf(node)
    .filter((child) => child.type === 'text')
    .map((child) => child.text ?? '')
    .join('')
}

describe('正文 tables and pasting from Word/WPS (Chromium)', () => {
  let session: AdminSession
  let browser: Browser
  let page: Page
  let policyId: number

  const api: AdminSession['api'] = (...args) => session.api(...args)
  const shoot = (name: string) => shootPage(page, name)
  const bodyEditor = () => page.locator('[data-lexical-editor="true"]').first()

  beforeAll(async () => {
    session = await startAdminSession({ password })
    // No 发文机关: the editor belongs to one agency, which the server fills in.
    const created = await api(
      'POST',
      '/policies?draft=true&depth=0',
      {
        title: '武清区困难群众救助标准的通知',
        documentNumber: `武清政务〔2024〕${Math.floor(Math.random() * 900) + 100}号`,
        writtenDate: '2024-06-28T04:00:00.000Z',
        publishDate: '2024-07-01T04:00:00.000Z',
        documentType: 'notice',
        topic: session.topicId,
        disclosure: 'proactive',
        summary: '救助标准',
      },
      'editor',
    )
    expect(created.status).toBe(201)
    expect(created.body.doc.issuingAgency).toBe(session.agency.id)
    policyId = created.body.doc.id

    ;({ browser, page } = await openBrowser())
    await signIn(page, session, 'editor')
  })

  afterAll(async () => {
    await browser?.close()
    await session?.stop()
  })

  it('keeps the table, heading, numbered list and bold of a Word paste, and the bulleted list and table of a WPS paste, through save and reload', async () => {
    await page.goto(`${session.cms.url}/admin/collections/policies/${policyId}`)
    await bodyEditor().waitFor()
    // Two empty paragraphs: the Word paste goes into the second, the WPS paste into the first (a paste at the end
    // of the document would land in the last table cell).
    await bodyEditor().click()
    await page.keyboard.press('Enter')
    await bodyEditor().locator('p').nth(1).waitFor()
    await paste(bodyEditor(), wordHtml, '一、补助标准\n各镇街须按下表执行。')
    await bodyEditor().locator('table').first().waitFor()
    await page.keyboard.press('Control+Home')
    await paste(bodyEditor(), wpsHtml, '二、办理时限')
    await expect.poll(() => bodyEditor().locator('table').count(), { timeout: 60_000 }).toBe(2)
    const saved = page.waitForResponse((response) => response.url().includes(`/api/policies/${policyId}`) && ['PATCH', 'POST'].includes(response.request().method()))
    await page.locator('#action-save-draft').click()
    expect((await saved).status()).toBe(200)

    await page.reload()
    await bodyEditor().locator('table').nth(1).waitFor()
    await shoot('editor-pasted-tables')
    const editor = bodyEditor()
    expect(await editor.locator('table').count()).toBe(2)
    const wordTable = editor.locator('table', { hasText: '城市低保' })
    expect(await wordTable.locator('tr').count()).toBe(2)
    expect(await wordTable.locator('th, td').allInnerTexts()).toEqual(['救助类别', '标准（元/月）', '城市低保', '1140'])
    expect(await editor.locator('h1').innerText()).toBe('一、补助标准')
    expect(await editor.locator('h2').innerText()).toBe('二、办理时限')
    expect(await editor.locator('ol > li').allInnerTexts()).toEqual(['申请人提交申请材料', '街道办事处审核'])
    expect(await editor.locator('ul > li').allInnerTexts()).toEqual(['材料齐全的当场受理', '材料不全的一次性告知'])
    expect(await editor.locator('strong', { hasText: '各镇街须按下表执行。' }).count()).toBe(1)
    expect(await editor.locator('strong', { hasText: '自受理之日起十个工作日内办结。' }).count()).toBe(1)

    // The stored 正文 is Lexical's own JSON: table, heading, number and bullet lists, bold text.
    const stored = (await api('GET', `/policies/${policyId}?draft=true&depth=0`, undefined, 'editor')).body
    const nodes = nodesOf(stored.body.root as LexicalNode)
    expect(nodes.filter((node) => node.type === 'table')).toHaveLength(2)
    expect(nodes.filter((node) => node.type === 'heading').map((node) => [node.tag, textOf(node)])).toEqual([
      ['h2', '二、办理时限'],
      ['h1', '一、补助标准'],
    ])
    expect(nodes.filter((node) => node.type === 'list').map((node) => node.listType)).toEqual(['bullet', 'number'])
    const bold = nodes.filter((node) => node.type === 'text' && ((node.format ?? 0) & 1) === 1).map((node) => node.text)
    expect(bold).toEqual(expect.arrayContaining(['各镇街须按下表执行。', '救助类别', '自受理之日起十个工作日内办结。', '环节']))
  })

  it('delivers the table to the 政策文件库 as HTML, and its cells as plain text for search', async () => {
    expect((await api('POST', `/policies/${policyId}/workflow/submit`, {}, 'editor')).status).toBe(200)
    expect((await api('POST', `/policies/${policyId}/confidentiality-review`, { conclusion: 'passed', basis: '本机关保密审查规定' }, 'reviewer')).status).toBe(200)
    expect((await api('POST', `/policies/${policyId}/workflow/approve`, {}, 'reviewer')).status).toBe(200)
    expect((await api('POST', `/policies/${policyId}/workflow/publish`, {}, 'publisher')).status).toBe(200)
    const library = async () => {
      const response = await fetch(`${session.cms.libraryUrl}/v1/documents/policies-${policyId}`)
      return response.status === 200 ? ((await response.json()) as Record<string, unknown>) : null
    }
    // Delivery runs after the publication commits: wait for the library's copy itself.
    await expect.poll(library, { timeout: 90_000 }).not.toBeNull()
    const document = (await library()) as Record<string, unknown>
    const html = String(document.bodyHtml ?? '')
    expect(html).toContain('<table')
    expect(html).toMatch(/<t[dh][^>]*>\s*(<[^>]+>\s*)*城市低保/u)
    expect(html).toMatch(/<ol[^>]*>[\s\S]*申请人提交申请材料[\s\S]*<\/ol>/u)
    expect(html).toMatch(/<h1[^>]*>[\s\S]*一、补助标准[\s\S]*<\/h1>/u)
    await expect
      .poll(async () => ((await (await fetch(`${session.cms.libraryUrl}/v1/documents?q=${encodeURIComponent('城市低保')}`)).json()) as { items: { contentId: string }[] }).items.map((item) => item.contentId), { timeout: 60_000 })
      .toContain(`policies-${policyId}`)
  })
})

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type AdminSession, openBrowser, shoot as shootPage, signIn, startAdminSession } from './support/adminSession'

const password = 'Gongkai-editor-2026'

/** What Word (Windows) puts on the clipboard: a heading, bold, a numbered list as mso-list paragraphs, a table. */
const wordHtml = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15"></head>
<body lang=ZH-CN style='tab-interval:21.0pt'>
<!--StartFragment-->
<h1><span lang=EN-US>一、补助标准</span></h1>
<p class=MsoNormal><b><span style='font-family:宋体'>各镇街须按下表执行。</span></b><span>其他事项另行通知。</span></p>
<p class=MsoListParagraphCxSpFirst style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]><span>申请人提交申请材料</span></p>
<p class=MsoListParagraphCxSpLast style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]><span>街道办事处审核</span></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt'>
 <tr style='mso-yfti-irow:0'>
  <td width=277 valign=top style='width:207.4pt;border:solid windowtext 1.0pt'><p class=MsoNormal><b><span>救助类别</span></b></p></td>
  <td width=277 valign=top style='width:207.4pt;border:solid windowtext 1.0pt'><p class=MsoNormal><b><span>标准（元/月）</span></b></p></td>
 </tr>
 <tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'>
  <td width=277 valign=top style='width:207.4pt;border:solid windowtext 1.0pt'><p class=MsoNormal><span>城市低保</span></p></td>
  <td width=277 valign=top style='width:207.4pt;border:solid windowtext 1.0pt'><p class=MsoNormal><span lang=EN-US>1140</span></p></td>
 </tr>
</table>
<!--EndFragment-->
</body></html>`

/** What WPS Writer puts on the clipboard: bold as a styled span, a bulleted list, a table with a header row. */
const wpsHtml = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta name="ProgId" content="Word.Document"><meta name="Generator" content="WPS Office WWO_wpscloud_20240515"></head>
<body>
<!--StartFragment-->
<h2><span style="font-family:黑体;">二、办理时限</span></h2>
<p class="MsoNormal"><span style="font-family:仿宋;font-weight:bold;">自受理之日起十个工作日内办结。</span></p>
<p class="MsoListParagraph" style="margin-left:21pt;text-indent:-21pt;mso-list:l1 level1 lfo2;"><span style="font-family:Wingdings;mso-list:Ignore;">l&nbsp;</span><span>材料齐全的当场受理</span></p>
<p class="MsoListParagraph" style="margin-left:21pt;text-indent:-21pt;mso-list:l1 level1 lfo2;"><span style="font-family:Wingdings;mso-list:Ignore;">l&nbsp;</span><span>材料不全的一次性告知</span></p>
<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;border:none;">
<tbody><tr><td width="284" style="border:1pt solid windowtext;"><p class="MsoNormal"><span style="font-weight:bold;">环节</span></p></td><td width="284" style="border:1pt solid windowtext;"><p class="MsoNormal"><span style="font-weight:bold;">时限</span></p></td></tr>
<tr><td width="284" style="border:1pt solid windowtext;"><p class="MsoNormal"><span>受理</span></p></td><td width="284" style="border:1pt solid windowtext;"><p class="MsoNormal"><span>当日</span></p></td></tr></tbody>
</table>
<!--EndFragment-->
</body></html>`

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
  /** Pastes `html` into the 正文 editor where the caret is, as the browser does for Ctrl+V with that clipboard. */
  const paste = async (html: string, text: string) => {
    await bodyEditor().evaluate(
      (element, clipboard) => {
        const data = new DataTransfer()
        data.setData('text/html', clipboard.html)
        data.setData('text/plain', clipboard.text)
        element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
      },
      { html, text },
    )
  }

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
    await paste(wordHtml, '一、补助标准\n各镇街须按下表执行。')
    await bodyEditor().locator('table').first().waitFor()
    await page.keyboard.press('Control+Home')
    await paste(wpsHtml, '二、办理时限')
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

import { mkdirSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createTestDatabase, type TestDatabase } from '@gongkai/dev-postgres'
import { createPolicyLibrary, type PolicyLibrary } from '@gongkai/policy-library'
import { createPolicyLibraryClient, type DecisionDossier } from '@gongkai/sdk'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDepartmentSite } from '../src/index'
import { launchChromium } from '@gongkai/dev-browser'

// A decision's 专栏 (Wuqing 2022 work plan, points 18 and 19) as a visitor sees it in Chromium: the timeline of
// its statutory steps, its documents, the comment statistics and adoption, and the public representatives who
// attended the decision meeting with their opinions and adoption.

const screenshots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'test-results')
const adminToken = 'site-dossier-admin-token-0123456789'
let database: TestDatabase
let library: PolicyLibrary
let site: Server
let siteUrl: string
let browser: Browser
let page: Page

const adoption = (summary: string, counts: Partial<Record<'adopted' | 'partiallyAdopted' | 'notAdopted' | 'pending', number>>) => {
  const { adopted = 0, partiallyAdopted = 0, notAdopted = 0, pending = 0 } = counts
  return { total: adopted + partiallyAdopted + notAdopted + pending, adopted, partiallyAdopted, notAdopted, pending, summary }
}

const dossier: DecisionDossier = {
  stage: 'implementing',
  catalogueYear: 2022,
  catalogueNumber: '2',
  steps: [
    { step: 'public_participation', status: 'complete', date: '2022-07-15', endDate: '2022-08-15' },
    { step: 'expert_review', status: 'complete', date: '2022-08-25' },
    { step: 'risk_assessment', status: 'withheld', date: '2022-08-30' },
    { step: 'legality_review', status: 'complete', date: '2022-09-05' },
    { step: 'collective_decision', status: 'complete', date: '2022-09-15' },
    { step: 'publication', status: 'complete', date: '2022-09-20' },
    { step: 'implementation', status: 'complete', date: '2022-12-01' },
    { step: 'post_evaluation', status: 'incomplete' },
  ],
  sections: [
    { section: 'result', title: '决策结果', html: '<p>区政府第12次常务会议审议通过《武清区中小学幼儿园布局专项规划（2022—2035年）》。</p>', text: '区政府第12次常务会议审议通过。' },
    { section: 'draftText', title: '决策草案全文', html: '<p>第一章 总则<script>alert(1)</script></p>', text: '第一章 总则' },
    { section: 'draftingExplanation', title: '草案说明', text: '一、编制背景\n二、主要内容：至2035年新建、改扩建中小学幼儿园共46所。' },
    { section: 'background', title: '决策背景', text: '随着京津冀协同发展和城区人口增长，部分片区学位紧张。' },
    { section: 'expertReview', title: '专家论证意见', text: '专家组认为规划学位测算依据充分。' },
  ],
  consultation: {
    consultationForm: 'public_solicitation',
    startDate: '2022-07-15',
    endDate: '2022-08-15',
    noticeContentId: 'policies-2',
    noticeTitle: '关于公开征求《武清区中小学幼儿园布局专项规划（草案）》意见的公告',
  },
  comments: {
    adoption: adoption('共收到意见 3 条：采纳 1 条，部分采纳 1 条，未采纳 1 条。', { adopted: 1, partiallyAdopted: 1, notAdopted: 1 }),
    entries: [
      { summary: '建议在杨村街新城片区增设一所九年一贯制学校', adoption: 'adopted' },
      { summary: '建议所有幼儿园均为公办', adoption: 'partially_adopted', adoptionReason: '公办园在园幼儿占比提高至55%以上' },
      { summary: '建议取消学区划分<img src=x onerror="document.title=1">', adoption: 'not_adopted', adoptionReason: '学区划分依法由教育行政部门确定' },
    ],
  },
  legalityConclusion: 'lawful',
  decisionMeeting: { meetingDate: '2022-09-15', meetingKind: 'executive_meeting', meetingName: '区政府第12次常务会议' },
  implementation: [{ date: '2022-12-01', recordKind: 'progress', content: '首批5所学校开工建设。' }],
  participation: [
    {
      participationKind: 'meeting_attendance',
      meetingName: '区政府第12次常务会议',
      meetingDate: '2022-09-15',
      meetingKind: 'executive_meeting',
      selectionMethod: 'open_registration',
      selectionNote: '共 14 人报名，按界别随机遴选 3 人。',
      participants: [
        { displayName: '家长代表甲', sector: 'resident', selectionMethod: 'open_registration' },
        { displayName: '人大代表乙', sector: 'deputy', selectionMethod: 'invitation' },
        { displayName: '教育界代表丙', sector: 'expert', selectionMethod: 'open_registration' },
      ],
      opinions: [
        { speaker: '家长代表甲', content: '建议新建学校同步规划校车停靠点', adoption: 'adopted' },
        { speaker: '人大代表乙', content: '建议优先保障农村学校教师周转宿舍', adoption: 'partially_adopted', adoptionReason: '纳入2023年实施计划' },
      ],
      publicSummary: '3 名公众代表列席会议，发表意见 2 条。',
      adoption: adoption('共收到列席人员意见 2 条：采纳 1 条，部分采纳 1 条。', { adopted: 1, partiallyAdopted: 1 }),
    },
  ],
}

async function admin(libraryUrl: string, route: string, body: unknown): Promise<{ token: string }> {
  const response = await fetch(`${libraryUrl}${route}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`)
  return (await response.json()) as { token: string }
}

async function see(selector: string, text: string | RegExp): Promise<void> {
  await page.locator(selector, { hasText: text }).first().waitFor()
}

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true })
  database = await createTestDatabase('department_site_dossier')
  library = createPolicyLibrary({ databaseUrl: database.url, adminToken, logger: { level: 'silent' }, rateLimit: false, syncIntervalMs: 50 })
  const { url: libraryUrl } = await library.listen({ port: 0, host: '127.0.0.1' })
  await admin(libraryUrl, '/v1/agencies', { id: 'wuqing-edu', name: '天津市武清区教育局' })
  const cms = createPolicyLibraryClient({ baseUrl: libraryUrl, token: (await admin(libraryUrl, '/v1/agencies/wuqing-edu/tokens', { name: 'cms' })).token })
  await cms.push('policies-2', {
    version: 1,
    kind: 'policy',
    title: '关于公开征求《武清区中小学幼儿园布局专项规划（草案）》意见的公告',
    issuers: ['wuqing-edu'],
    documentType: 'announcement',
    publishedAt: '2022-07-15',
    bodyText: '现将草案全文公布，征求社会公众意见。',
  })
  await cms.push('decisions-1', {
    version: 1,
    kind: 'decision',
    title: '武清区中小学幼儿园布局专项规划（2022—2035年）',
    issuers: ['wuqing-edu'],
    publishedAt: '2022-09-20',
    bodyText: '区政府第12次常务会议审议通过。',
    dossier,
  })
  // 专家论证 marked 不适用: the reason is shown as text (its markup never run), the step counts as done.
  await cms.push('decisions-3', {
    version: 1,
    kind: 'decision',
    title: '武清区中小学课后服务收费标准调整方案',
    issuers: ['wuqing-edu'],
    publishedAt: '2022-10-20',
    bodyText: '区政府常务会议审议通过。',
    dossier: {
      ...dossier,
      steps: dossier.steps.map((step) =>
        step.step === 'expert_review' ? { step: 'expert_review', status: 'not_applicable', notApplicableReason: '本事项技术性不强<b>无需</b>专家论证' } : step,
      ),
      sections: dossier.sections.filter((section) => section.section !== 'expertReview'),
    },
  })
  site = createDepartmentSite({ library: createPolicyLibraryClient({ baseUrl: libraryUrl }), title: '天津市武清区人民政府', pageSize: 10 })
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`
  browser = await launchChromium()
  page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } })
}, 180_000)

afterAll(async () => {
  await browser?.close()
  site?.closeAllConnections()
  await new Promise((resolve) => site?.close(resolve))
  await library?.close()
  await database?.drop()
})

describe('a decision’s 专栏 in Chromium', { timeout: 120_000 }, () => {
  it('shows the timeline of its steps with dates, its documents, comment statistics, attendance and adoption', async () => {
    const response = await page.goto(`${siteUrl}/documents/decisions-1`)
    expect(response?.status()).toBe(200)
    await see('h1', '武清区中小学幼儿园布局专项规划（2022—2035年）')
    await see('.dossier .stage', '决策阶段：执行中')
    await see('.dossier .stage', '列入2022年度重大行政决策事项目录（第 2 项）')

    const steps = await page.locator('.timeline li').evaluateAll((items) =>
      items.map((item) => [item.querySelector('.step')?.textContent, item.querySelector('time')?.textContent, item.querySelector('.status')?.textContent]),
    )
    expect(steps).toEqual([
      ['公众参与', '2022年7月15日至2022年8月15日', '已完成'],
      ['专家论证', '2022年8月25日', '已完成'],
      ['风险评估', '2022年8月30日', '已完成（依法不公开）'],
      ['合法性审查', '2022年9月5日', '已完成'],
      ['集体讨论决定', '2022年9月15日', '已完成'],
      ['决策公布', '2022年9月20日', '已完成'],
      ['执行', '2022年12月1日', '已完成'],
      ['后评估', '', '未开展'],
    ])

    const headings = await page.locator('.dossier-section h3').allTextContents()
    expect(headings).toEqual(['决策草案全文', '草案说明', '决策背景', '专家论证意见', '决策结果'])
    await see('[data-section="draftingExplanation"] p', '至2035年新建、改扩建中小学幼儿园共46所')
    expect(await page.locator('[data-section="draftText"] script').count()).toBe(0)

    await see('.comments .consultation', '征求意见方式：向社会公开征求意见；征求意见期间：2022年7月15日至2022年8月15日')
    await see('.comments .adoption-summary', '共收到意见 3 条：采纳 1 条，部分采纳 1 条，未采纳 1 条。')
    await see('.comments tr[data-adoption="partially_adopted"]', '公办园在园幼儿占比提高至55%以上')
    // A comment's markup is shown as text, never run.
    await see('.comments tr[data-adoption="not_adopted"] td', '<img src=x onerror="document.title=1">')
    expect(await page.title()).not.toBe('1')

    await see('.attendance h4', '区政府第12次常务会议')
    await see('.attendance .meta', '2022年9月15日 · 政府常务会议 · 公开报名遴选')
    await see('.attendance .selection', '遴选情况：共 14 人报名，按界别随机遴选 3 人。')
    expect(await page.locator('.attendance .participants li').allTextContents()).toEqual(['家长代表甲（居民）', '人大代表乙（人大代表）', '教育界代表丙（专家学者）'])
    await see('.attendance tr[data-adoption="adopted"]', '建议新建学校同步规划校车停靠点')
    await see('.attendance .adoption-summary', '共收到列席人员意见 2 条：采纳 1 条，部分采纳 1 条。')
    await see('.decision-meeting', '合法性审查结论：合法')
    await see('.implementation li', '执行进展：首批5所学校开工建设。')
    await page.screenshot({ path: path.join(screenshots, '06-decision-dossier.png'), fullPage: true })

    await page.locator('.comments a.notice').click()
    await see('h1', '关于公开征求《武清区中小学幼儿园布局专项规划（草案）》意见的公告')
  })

  it('shows a step marked 不适用 as “不适用（理由）” in the timeline, without its section', async () => {
    const response = await page.goto(`${siteUrl}/documents/decisions-3`)
    expect(response?.status()).toBe(200)
    await see('h1', '武清区中小学课后服务收费标准调整方案')
    const step = page.locator('.timeline li[data-step="expert_review"]')
    expect(await step.getAttribute('data-status')).toBe('not_applicable')
    expect(await step.locator('.status').textContent()).toBe('不适用（本事项技术性不强<b>无需</b>专家论证）')
    expect(await step.locator('.status b').count()).toBe(0)
    expect(await step.locator('time').textContent()).toBe('')
    expect(await page.locator('.timeline li[data-step="legality_review"] .status').textContent()).toBe('已完成')
    expect(await page.locator('.dossier-section h3').allTextContents()).not.toContain('专家论证意见')
  })
})

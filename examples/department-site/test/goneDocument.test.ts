import { PolicyLibraryError, type PolicyDocument, type Problem } from '@gongkai/sdk'
import { describe, expect, it } from 'vitest'
import { goneDocumentOf, renderGonePage } from '../src/index'

const site = { title: '天津市武清区人民政府' }

// The 410 answers (GoneProblem, problem+json) of a library that no longer serves withdrawn and deleted documents.
const issuers = [{ id: 'wuqing-gov', name: '天津市武清区人民政府办公室' }]
const withdrawnProblem = {
  type: 'https://gongkai.dev/problems/gone',
  title: 'Gone',
  status: 410,
  detail: '文件 wq-2019-004 已撤回',
  removal: 'withdrawn',
  withdrawal: { notice: '因活动取消，本通告撤回。', withdrawnAt: '2026-11-29T16:30:00.000Z' },
  document: {
    contentId: 'wq-2019-004',
    version: 2,
    kind: 'policy',
    title: '关于临时交通管制的通告',
    indexNumber: '11120114MB1234567X/2019-00004',
    documentNumber: '津武政通〔2019〕4号',
    issuers,
    publishedAt: '2019-06-01',
  },
} as Problem
const deletedProblem = {
  type: 'https://gongkai.dev/problems/gone',
  title: 'Gone',
  status: 410,
  detail: '文件 wq-2019-005 已删除',
  removal: 'deleted',
  deletion: { reason: '误发', deletedAt: '2026-11-29T16:30:00.000Z', deletedBy: 'wuqing-gov' },
  document: { contentId: 'wq-2019-005', version: 3, kind: 'policy', documentNumber: '津武政通〔2019〕5号', issuers, publishedAt: '2019-06-02' },
} as Problem

describe('gone documents (410)', () => {
  it('reads a withdrawn document’s notice and identifiers from a 410 problem body', () => {
    const error = new PolicyLibraryError({ message: '410 Gone', status: 410, problem: withdrawnProblem })
    expect(goneDocumentOf('wq-2019-004', error.problem)).toEqual({
      contentId: 'wq-2019-004',
      reason: 'withdrawn',
      title: '关于临时交通管制的通告',
      indexNumber: '11120114MB1234567X/2019-00004',
      documentNumber: '津武政通〔2019〕4号',
      issuerIds: ['wuqing-gov'],
      withdrawal: { notice: '因活动取消，本通告撤回。', withdrawnAt: '2026-11-29T16:30:00.000Z' },
    })
  })

  it('never takes the problem’s own title for the document’s', () => {
    const untitled = { contentId: 'wq-2019-004', version: 2, kind: 'policy', issuers, publishedAt: '2019-06-01' }
    expect(goneDocumentOf('wq-2019-004', { ...withdrawnProblem, document: untitled } as Problem).title).toBeUndefined()
  })

  it('tells a deleted document (410 without a notice) from a withdrawn one', () => {
    expect(goneDocumentOf('wq-2019-005', deletedProblem)).toEqual({
      contentId: 'wq-2019-005',
      reason: 'deleted',
      documentNumber: '津武政通〔2019〕5号',
      issuerIds: ['wuqing-gov'],
    })
    const page = renderGonePage(site, goneDocumentOf('wq-2019-005', deletedProblem))
    expect(page).toContain('<h1>该文件已删除</h1>')
    expect(page).toContain('该文件已删除，不再提供查阅。')
    expect(page).not.toMatch(/已撤回|误发/u)
  })

  it('reads a withdrawn document the library still answers with 200', () => {
    const document = {
      contentId: 'wq-2019-004',
      status: 'withdrawn',
      title: '关于临时交通管制的通告',
      documentNumber: '津武政通〔2019〕4号',
      issuers: [{ id: 'wuqing-gov', name: '天津市武清区人民政府办公室' }],
      withdrawal: { notice: '因活动取消，本通告撤回。', withdrawnAt: '2026-11-29T16:30:00.000Z' },
      bodyText: '交通管制。',
    } as PolicyDocument
    expect(goneDocumentOf('wq-2019-004', document)).toEqual({
      contentId: 'wq-2019-004',
      reason: 'withdrawn',
      title: '关于临时交通管制的通告',
      documentNumber: '津武政通〔2019〕4号',
      issuerIds: ['wuqing-gov'],
      withdrawal: { notice: '因活动取消，本通告撤回。', withdrawnAt: '2026-11-29T16:30:00.000Z' },
    })
  })

  it('renders the withdrawal notice with the date in Beijing time and the identifiers, escaped', () => {
    const page = renderGonePage(site, { ...goneDocumentOf('wq-2019-004', withdrawnProblem), title: '关于<临时>交通管制的通告' })
    expect(page).toContain('<h1>本文件已撤回</h1>')
    expect(page).toContain('<strong>本文件已撤回</strong>（2026年11月30日）：<span class="notice">因活动取消，本通告撤回。</span>')
    expect(page).toContain('<tr><th>标题</th><td>关于&lt;临时&gt;交通管制的通告</td></tr>')
    expect(page).toContain('<tr><th>发文字号</th><td>津武政通〔2019〕4号</td></tr>')
  })
})

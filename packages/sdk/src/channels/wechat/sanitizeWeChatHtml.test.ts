import { describe, expect, it } from 'vitest'
import { collectImageSources, sanitizeWeChatHtml } from './sanitizeWeChatHtml.js'

const keepImages = { rewriteImage: (source: string) => `http://mmbiz.qpic.cn/${encodeURIComponent(source)}` }

describe('sanitizeWeChatHtml', () => {
  it('removes scripts, iframes, forms, styles and their contents', () => {
    const html = '<p>正文</p><script>alert(1)</script><style>p{}</style><iframe src="https://x"></iframe><form><input><button>提交</button></form><svg><text>x</text></svg>'
    expect(sanitizeWeChatHtml(html, keepImages)).toBe('<p>正文</p>')
  })

  it('removes event handlers, classes, ids and javascript: links', () => {
    const html = '<p class="x" id="y" onclick="a()" onmouseover="b()">文</p><a href="javascript:alert(1)">链</a>'
    expect(sanitizeWeChatHtml(html, keepImages)).toBe('<p>文</p><a>链</a>')
  })

  it('keeps safe inline styles and drops positioning and url() values', () => {
    const html = '<p style="color: #c00; text-align: center; position: absolute; background-image: url(https://x/a.png); background-color: red">文</p>'
    expect(sanitizeWeChatHtml(html, keepImages)).toBe('<p style="color:#c00;text-align:center;background-color:red">文</p>')
  })

  it('rewrites images to their uploaded URL and drops images that were not uploaded', () => {
    const html = '<img src="/a.png" alt="图"><img src="https://other.example/b.png">'
    const result = sanitizeWeChatHtml(html, {
      baseUrl: 'https://www.wuqing.gov.cn/zwgk/1.html',
      rewriteImage: (source) => (source === 'https://www.wuqing.gov.cn/a.png' ? 'http://mmbiz.qpic.cn/a/0' : undefined),
    })
    expect(result).toBe('<img alt="图" src="http://mmbiz.qpic.cn/a/0" />')
  })

  it('keeps tables with spans', () => {
    const html = '<table><tbody><tr><td colspan="2" onclick="x">合计</td></tr></tbody></table>'
    expect(sanitizeWeChatHtml(html, keepImages)).toBe('<table><tbody><tr><td colspan="2">合计</td></tr></tbody></table>')
  })

  it('collects absolute image sources once each, in order', () => {
    expect(collectImageSources('<img src="b.png"><img src="/a.png"><img src="b.png">', 'https://s.cn/dir/page.html')).toEqual(['https://s.cn/dir/b.png', 'https://s.cn/a.png'])
  })
})

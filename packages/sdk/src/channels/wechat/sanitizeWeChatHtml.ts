import sanitizeHtml from 'sanitize-html'

/**
 * Tags the WeChat article editor renders. Anything else (scripts, iframes, forms, embeds, SVG, video)
 * is removed by the platform or breaks the layout, so it is removed here first, where it can be tested.
 */
const allowedTags = [
  'p', 'br', 'span', 'section', 'div', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'sub', 'sup', 'small',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'hr', 'pre', 'code',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'colgroup', 'col',
  'figure', 'figcaption', 'img', 'a',
]

// Inline styles are all WeChat keeps (there is no stylesheet, so `class` is dropped). Values that load
// anything (`url(...)`, `expression(...)`) are refused: an external background image is an external image.
const safeValue = /^(?!.*(?:url|expression|javascript)\s*\()[-#%.,\w\s()'"]+$/iu
const styledProperties = [
  'color', 'background-color', 'font-size', 'font-weight', 'font-style', 'font-family', 'text-align',
  'text-decoration', 'text-indent', 'line-height', 'letter-spacing', 'vertical-align', 'white-space',
  'margin', 'margin-top', 'margin-bottom', 'margin-left', 'margin-right',
  'padding', 'padding-top', 'padding-bottom', 'padding-left', 'padding-right',
  'border', 'border-top', 'border-bottom', 'border-left', 'border-right', 'border-color', 'border-width',
  'border-style', 'border-collapse', 'border-radius', 'width', 'max-width', 'height', 'display',
]
const allowedStyles = Object.fromEntries(styledProperties.map((property) => [property, [safeValue]]))

export type SanitizeWeChatHtmlOptions = {
  /**
   * Maps an image's absolute source URL to the URL WeChat serves it from (after `media/uploadimg`).
   * Returning undefined drops the image: WeChat would drop an external image anyway.
   */
  rewriteImage: (source: string) => string | undefined
  /** Base for relative `src` and `href` values: the document's canonical URL. */
  baseUrl?: string
}

function absolute(url: string, baseUrl: string | undefined): string | undefined {
  try {
    return new URL(url, baseUrl).toString()
  } catch {
    return undefined
  }
}

/** Reduces HTML to what the WeChat editor renders, with every image pointing at its uploaded copy. */
export function sanitizeWeChatHtml(html: string, options: SanitizeWeChatHtmlOptions): string {
  return sanitizeHtml(html, {
    allowedTags,
    allowedAttributes: {
      '*': ['style'],
      img: ['src', 'alt', 'width', 'height', 'style'],
      a: ['href', 'style'],
      td: ['colspan', 'rowspan', 'style', 'align', 'valign'],
      th: ['colspan', 'rowspan', 'style', 'align', 'valign'],
      col: ['span', 'width', 'style'],
      ol: ['start', 'style'],
    },
    allowedStyles: { '*': allowedStyles },
    allowedSchemes: ['http', 'https'],
    allowedSchemesByTag: { img: ['http', 'https', 'data'] },
    allowProtocolRelative: false,
    // Drop the contents of these, not only the tags: their text is code or widgets, not article text.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'form', 'button', 'select'],
    transformTags: {
      img: (tagName, attribs) => {
        const source = attribs.src ? absolute(attribs.src, options.baseUrl) : undefined
        const rewritten = source ? options.rewriteImage(source) : undefined
        const { src: _src, ...rest } = attribs
        return { tagName, attribs: rewritten ? { ...rest, src: rewritten } : rest }
      },
      a: (tagName, attribs) => {
        const href = attribs.href ? absolute(attribs.href, options.baseUrl) : undefined
        const { href: _href, ...rest } = attribs
        return { tagName, attribs: href ? { ...rest, href } : rest }
      },
    },
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  })
}

/** The absolute URLs of the images in `html`, in order of appearance, without duplicates. */
export function collectImageSources(html: string, baseUrl?: string): string[] {
  const sources = new Set<string>()
  sanitizeWeChatHtml(html, {
    baseUrl,
    rewriteImage: (source) => {
      sources.add(source)
      return source
    },
  })
  return [...sources]
}

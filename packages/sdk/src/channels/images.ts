import type { ChannelImage, FetchLike } from './Channel.js'

export type LoadedImage = { url: string; data: Uint8Array; contentType: string; filename: string }

const extensionTypes: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  bmp: 'image/bmp',
  webp: 'image/webp',
}

export function filenameOf(url: string): string {
  let pathname = url
  try {
    pathname = new URL(url).pathname
  } catch {
    // a relative or odd URL: use it as it is
  }
  const last = pathname.split('/').filter(Boolean).pop() ?? 'image'
  return decodeURIComponent(last)
}

export function contentTypeOf(filename: string): string | undefined {
  const extension = filename.split('.').pop()?.toLowerCase() ?? ''
  return extensionTypes[extension]
}

const extensionsByType: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/bmp': 'bmp', 'image/webp': 'webp' }

export function isDataUrl(url: string): boolean {
  return /^data:/iu.test(url)
}

/** The media type a `data:` URL declares, e.g. `image/png` (`text/plain` when it declares none, as RFC 2397 says). */
export function dataUrlContentType(url: string): string {
  const header = url.slice(5, url.indexOf(',') === -1 ? undefined : url.indexOf(','))
  return header.split(';')[0]?.trim().toLowerCase() || 'text/plain'
}

/** Decoded size of a `data:` URL's bytes, from its length alone (no decoding). */
export function dataUrlByteLength(url: string): number {
  const comma = url.indexOf(',')
  if (comma === -1) return 0
  const payload = url.slice(comma + 1)
  // Percent-encoded: an upper bound, good enough for a size check before the bytes are decoded.
  if (!/;base64$/iu.test(url.slice(0, comma))) return payload.length
  const padding = payload.endsWith('==') ? 2 : payload.endsWith('=') ? 1 : 0
  return Math.max(0, Math.floor((payload.replace(/\s/gu, '').length * 3) / 4) - padding)
}

/** How to name an image in a message: its URL, or for a data: URL its type and size instead of kilobytes of base64. */
export function imageLabel(url: string): string {
  if (!isDataUrl(url)) return url
  return `（内嵌 ${dataUrlContentType(url)} 图片，${formatBytes(dataUrlByteLength(url))}）`
}

/** Gets an image's bytes: from the document when it carries them, otherwise over HTTP with `fetch`. */
export async function loadImage(image: ChannelImage, fetchImage: FetchLike, signal?: AbortSignal): Promise<LoadedImage> {
  // A data: URL carries its bytes; a URL would be a useless file name, and the injected fetch (an HTTP
  // client for the website) has no business with it. The platform fetch decodes it by the WHATWG rules.
  if (!image.data && isDataUrl(image.url)) {
    const response = await globalThis.fetch(image.url, { signal }).catch(() => undefined)
    if (!response?.ok) throw new ImageLoadError('data: URL', '无法解码', false)
    const contentType = image.contentType ?? (response.headers.get('content-type')?.split(';')[0]?.trim() || 'application/octet-stream')
    return {
      url: image.url,
      data: new Uint8Array(await response.arrayBuffer()),
      contentType,
      filename: image.filename ?? `image.${extensionsByType[contentType] ?? 'bin'}`,
    }
  }
  const filename = image.filename ?? filenameOf(image.url)
  if (image.data) {
    return {
      url: image.url,
      data: image.data,
      contentType: image.contentType ?? contentTypeOf(filename) ?? 'application/octet-stream',
      filename,
    }
  }
  const response = await fetchImage(image.url, { signal })
  if (!response.ok) throw new ImageLoadError(image.url, `HTTP ${response.status}`, response.status >= 500)
  const data = new Uint8Array(await response.arrayBuffer())
  const headerType = response.headers.get('content-type')?.split(';')[0]?.trim()
  return {
    url: image.url,
    data,
    contentType: image.contentType ?? (headerType || contentTypeOf(filename) || 'application/octet-stream'),
    filename,
  }
}

export class ImageLoadError extends Error {
  readonly url: string
  readonly isRetryable: boolean
  constructor(url: string, detail: string, isRetryable: boolean) {
    super(`图片 ${url} 无法下载（${detail}）`)
    this.name = 'ImageLoadError'
    this.url = url
    this.isRetryable = isRetryable
  }
}

/** The image as a multipart part. */
export function toBlob(image: LoadedImage): Blob {
  return new Blob([image.data as Uint8Array<ArrayBuffer>], { type: image.contentType })
}

/** `1 MB` for whole megabytes (limits), kilobytes rounded up otherwise, so a size just over a limit never reads as equal to it. */
export function formatBytes(bytes: number): string {
  const megabytes = bytes / 1024 / 1024
  if (Number.isInteger(megabytes)) return `${megabytes} MB`
  return `${Math.ceil(bytes / 1024).toLocaleString('en-US')} KB`
}

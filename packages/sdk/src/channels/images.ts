import type { ChannelImage, FetchLike } from './Channel'

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

/** Gets an image's bytes: from the document when it carries them, otherwise over HTTP with `fetch`. */
export async function loadImage(image: ChannelImage, fetchImage: FetchLike, signal?: AbortSignal): Promise<LoadedImage> {
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

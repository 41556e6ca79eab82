import { readFile, writeFile } from 'node:fs/promises'

import { APIError } from 'payload'
import type { CollectionBeforeOperationHook } from 'payload'

import { message } from '../../translations/message.js'

/**
 * Removes EXIF, GPS, XMP and IPTC metadata from an uploaded image before Payload stores it: photos taken on a phone
 * carry where and when they were taken, and who took them. The image is turned upright first (EXIF orientation) and
 * re-encoded by the app's `sharp` (Payload's `config.sharp`); its output keeps no metadata unless asked to. Without
 * sharp an image cannot be cleaned and is refused.
 */
export function stripImageMetadata(): CollectionBeforeOperationHook {
  return async ({ args, operation, req }) => {
    if (operation !== 'create' && operation !== 'update') return args
    const file = req.file
    if (!file || !file.mimetype.startsWith('image/') || file.mimetype === 'image/svg+xml') return args
    const sharp = req.payload.config.sharp
    if (!sharp) {
      throw new APIError(message(req, 'imageMetadataNoSharp'), 400, undefined, true)
    }
    const input = file.tempFilePath ? await readFile(file.tempFilePath) : file.data
    const cleaned = await sharp(input, { animated: file.mimetype === 'image/gif' || file.mimetype === 'image/webp' })
      .rotate()
      .toBuffer()
      .catch(() => {
        throw new APIError(message(req, 'imageMetadataUnreadable', { name: file.name }), 400, undefined, true)
      })
    if (file.tempFilePath) await writeFile(file.tempFilePath, cleaned)
    else file.data = cleaned
    file.size = cleaned.length
    return args
  }
}

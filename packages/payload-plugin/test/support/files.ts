import type { File } from 'payload'

/** A small but well-formed PDF, recognised as application/pdf from its bytes. */
export function pdfFile(name = '附件1.pdf'): File {
  const data = Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
      'xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n' +
      'trailer<</Size 3/Root 1 0 R>>\nstartxref\n98\n%%EOF\n',
    'latin1',
  )
  return { data, mimetype: 'application/pdf', name, size: data.length }
}

/** An MP4 file's box structure (an ftyp box, then a free box), recognised and accepted as video/mp4. */
export function mp4File(name = '解读视频.mp4'): File {
  const ftyp = Buffer.from([
    0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32, 0x00, 0x00, 0x00, 0x00, 0x6d, 0x70, 0x34, 0x32,
    0x69, 0x73, 0x6f, 0x6d,
  ])
  const free = Buffer.concat([Buffer.from([0x00, 0x00, 0x00, 0x48]), Buffer.from('free', 'latin1'), Buffer.alloc(64)])
  const data = Buffer.concat([ftyp, free])
  return { data, mimetype: 'video/mp4', name, size: data.length }
}

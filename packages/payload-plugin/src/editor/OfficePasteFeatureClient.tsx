'use client'
import { createClientFeature } from '@payloadcms/richtext-lexical/client'
import { COMMAND_PRIORITY_HIGH, PASTE_COMMAND } from '@payloadcms/richtext-lexical/lexical'
import { useLexicalComposerContext } from '@payloadcms/richtext-lexical/lexical/react/LexicalComposerContext'
import { useEffect } from 'react'

import { normalizeOfficeHtml } from './normalizeOfficeHtml.js'

/** Paste events this plugin dispatched itself, so it does not rewrite them twice. */
const replayed = new WeakSet<ClipboardEvent>()

/**
 * Rewrites Word/WPS list paragraphs in the pasted HTML into lists, then hands the paste on to Lexical's rich-text
 * paste handling (which imports the HTML with every node the editor knows: tables, headings, lists, bold).
 */
function OfficePastePlugin() {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          if (!(event instanceof ClipboardEvent) || replayed.has(event) || !event.clipboardData) return false
          const html = event.clipboardData.getData('text/html')
          const normalized = html ? normalizeOfficeHtml(html) : html
          if (!html || normalized === html) return false
          const data = new DataTransfer()
          data.setData('text/html', normalized)
          data.setData('text/plain', event.clipboardData.getData('text/plain'))
          const replay = new ClipboardEvent('paste', { clipboardData: data })
          replayed.add(replay)
          event.preventDefault()
          return editor.dispatchCommand(PASTE_COMMAND, replay)
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor],
  )
  return null
}

export const OfficePasteFeatureClient = createClientFeature({
  plugins: [{ Component: OfficePastePlugin, position: 'normal' }],
})

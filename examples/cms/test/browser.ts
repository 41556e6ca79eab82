import { existsSync } from 'node:fs'

import { type Browser, chromium } from 'playwright-core'

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']

/** Debian's Chromium (`apt-get install chromium fonts-noto-cjk`), or the one CHROMIUM_PATH names. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = candidates.find((candidate) => candidate && existsSync(candidate))
  if (!executablePath) {
    throw new Error(
      'No Chromium found for the admin browser test. Install it (Debian/Ubuntu: `apt-get install -y chromium fonts-noto-cjk`) or set CHROMIUM_PATH.',
    )
  }
  return await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

import { existsSync } from 'node:fs'

import { type Browser, chromium } from 'playwright-core'

const systemChromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']

const flags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/**
 * Debian's Chromium (`apt-get install chromium fonts-noto-cjk`) or the one CHROMIUM_PATH names; on a Linux
 * machine with neither, the Chromium build that ships inside the `@sparticuz/chromium` npm package, so the
 * tests need nothing beyond Node and npm.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = systemChromium.find((candidate) => candidate && existsSync(candidate))
  if (executablePath) return await chromium.launch({ executablePath, headless: true, args: flags })
  if (process.platform !== 'linux') {
    throw new Error('No Chromium found for the browser tests: install Chromium or set CHROMIUM_PATH.')
  }
  const { default: packagedChromium } = await import('@sparticuz/chromium')
  return await chromium.launch({
    executablePath: await packagedChromium.executablePath(),
    headless: true,
    args: [...packagedChromium.args, ...flags],
  })
}

// Finds a Chromium for the browser tests, or on a Debian machine where we are root installs
// Debian's `chromium` and a CJK font (otherwise Chinese renders as boxes in screenshots).
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'

const CANDIDATES = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
].filter((p): p is string => Boolean(p))

const hasCjkFont = () => spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout?.trim().length > 0

const isDebianRoot = () => fs.existsSync('/etc/debian_version') && process.getuid?.() === 0

export function findChromium(): string | null {
  return CANDIDATES.find((p) => fs.existsSync(p)) ?? null
}

function aptInstall(packages: string[]): void {
  console.log(`[e2e] 正在安装 ${packages.join(' ')}（apt-get，仅首次）…`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env })
}

/** Returns the Chromium path, installing it and the CJK font when that is possible; throws one clear line otherwise. */
export function ensureBrowser(): string {
  let chromium = findChromium()
  const missing = [...(chromium ? [] : ['chromium']), ...(hasCjkFont() ? [] : ['fonts-wqy-microhei'])]
  if (missing.length > 0 && isDebianRoot()) {
    aptInstall(missing)
    chromium = findChromium()
  }
  if (!chromium) {
    throw new Error('找不到 Chromium：请安装 chromium（Debian: apt-get install chromium fonts-wqy-microhei）或设置 CHROME_PATH。')
  }
  if (!hasCjkFont()) console.warn('[e2e] 未找到中文字体（fonts-wqy-microhei），截图中的中文可能显示为方块。')
  return chromium
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]

if (require.main === module) console.log(ensureBrowser())

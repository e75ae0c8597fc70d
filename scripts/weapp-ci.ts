// WeChat's own checks on the built mini-program, offline: miniprogram-ci's checkCodeQuality (the
// rules DevTools' "代码质量" panel runs before upload) and analyseCode (package and file sizes).
// Neither contacts WeChat, but the Project wants a private key: a throwaway RSA key is made per run.
// Every rule must pass, except those listed in EXCUSED with the reason they cannot.
// miniprogram-ci leaves handles open, so the script exits by itself when done.
// It lives in tools/weapp-ci with its own lock (about 650 packages nothing else uses): installed
// there with `npm ci` the first time this runs, so the app's install and lock stay lean.
import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(__dirname, '..')
const toolDir = path.join(root, 'tools/weapp-ci')

/** miniprogram-ci from tools/weapp-ci, installed from that folder's lock on first use. */
function loadMiniprogramCi(): unknown {
  const toolRequire = createRequire(path.join(toolDir, 'package.json'))
  try {
    return toolRequire('miniprogram-ci')
  } catch {
    console.log('首次运行：在 tools/weapp-ci 安装 miniprogram-ci（npm ci）…')
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: toolDir, stdio: 'inherit' })
    return toolRequire('miniprogram-ci')
  }
}

/** Rules that cannot pass for this project, and why. (None today.) */
const EXCUSED: Record<string, string> = {}

interface CheckItem {
  name: string
  success: boolean
  text?: string
  detail?: unknown
  docURL?: string
}

async function main(): Promise<number> {
  const ci = loadMiniprogramCi() as {
    Project: new (o: Record<string, unknown>) => unknown
    checkCodeQuality(p: unknown): Promise<CheckItem[]>
    analyseCode(p: unknown, o?: { silent: boolean }): Promise<unknown>
  }
  if (!fs.existsSync(path.join(root, 'dist/weapp/app.json'))) {
    console.error('未找到 dist/weapp：请先运行 npx taro build --type weapp')
    return 1
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-ci-'))
  try {
    const keyFile = path.join(dir, 'private.key')
    const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 })
    fs.writeFileSync(keyFile, privateKey.export({ type: 'pkcs1', format: 'pem' }))
    const config = JSON.parse(fs.readFileSync(path.join(root, 'project.config.json'), 'utf8')) as { appid: string }
    const project = new ci.Project({
      appid: config.appid,
      type: 'miniProgram',
      projectPath: path.join(root, 'dist/weapp'),
      privateKeyPath: keyFile,
      ignores: ['node_modules/**/*'],
    })

    const quality = await ci.checkCodeQuality(project)
    let failed = 0
    for (const item of quality) {
      const excuse = EXCUSED[item.name]
      const mark = item.success ? '✓' : excuse ? '–' : '✕'
      console.log(`${mark} ${item.name}${item.text ? `  ${item.text}` : ''}${!item.success && excuse ? `  (excused: ${excuse})` : ''}`)
      if (!item.success && !excuse) {
        failed++
        if (item.detail) console.log(`    ${JSON.stringify(item.detail).slice(0, 600)}`)
      }
    }

    // analyseCode: every file with its size and package; printed per package, largest files first.
    const analysis = (await ci.analyseCode(project, { silent: true })) as { files?: Array<{ path: string; size: number; subPackage: string | null }> } | undefined
    const files = analysis?.files ?? []
    if (!files.length) {
      console.log('✕ analyseCode listed no files')
      failed++
    }
    const byPackage = new Map<string, typeof files>()
    for (const f of files) byPackage.set(f.subPackage ?? 'main', [...(byPackage.get(f.subPackage ?? 'main') ?? []), f])
    for (const [pkg, fs_] of byPackage) {
      const total = fs_.reduce((a, f) => a + f.size, 0)
      const largest = [...fs_].sort((a, b) => b.size - a.size).slice(0, 3).map((f) => `${f.path} ${(f.size / 1024).toFixed(1)} KB`)
      console.log(`  ${pkg.padEnd(12)} ${(total / 1024).toFixed(1).padStart(6)} KB  ${fs_.length} files; largest: ${largest.join(', ')}`)
    }
    console.log(failed ? `\n${failed} check(s) failed` : `\nall ${quality.length} code-quality rules pass`)
    return failed ? 1 : 0
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e)
    process.exit(1)
  },
)

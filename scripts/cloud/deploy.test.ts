import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { functions } from '../../cloud/functions'
import { jobs } from '../../cloud/jobs'
import { CLOUD_VARIABLES } from '../../cloud/runtime/wxcloud/variables'
import { ROOT } from './build'

jest.setTimeout(90_000)

const ALL_VARS = {
  APP_SECRET: 'do-not-print-me',
  ADMIN_OPENIDS: 'o-admin',
  STAFF_OPENIDS: '',
  BOOKING_OPERATOR_OPENIDS: '',
  CONTENT_EDITOR_OPENIDS: '',
  ZONE_EDITOR_OPENIDS: '',
  TRANSFER_OFFICER_OPENIDS: '',
  TRANSFER_TEMPLATE_ID: '',
  POLICY_ALERT_TEMPLATE_ID: '',
  WAITLIST_TEMPLATE_ID: '',
  WXACODE_ENV_VERSION: 'release',
  REMINDER_TEMPLATE_ID: 'Rm4dEr_tEmPlAtE-iD-for-the-visit-reminder01',
  REMINDER_TEMPLATE_KEYS: '',
  MINIPROGRAM_STATE: 'formal',
  CONSOLE_ORIGIN: 'https://gxq-prod-1a2b.tcloudbaseapp.com',
  CLOSURE_TEMPLATE_ID: 'Cl0sUrE_tEmPlAtE-iD-for-closure-notices0001',
  PLACES_PER_ADDRESS_PER_SESSION: '',
  NEW_IDS_PER_ADDRESS_PER_DAY: '',
  IMPORT_MAX_ROWS: '',
  IMPORT_HEAP_MB: '',
  H5_ORIGIN: '',
}

function deploy(args: string[], vars: Record<string, string | undefined>, pathDirs = '/usr/bin:/bin') {
  const env: NodeJS.ProcessEnv = { ...process.env, TCB_ENV_ID: 'gxq-prod-1a2b', TCB_SECRET_ID: '', TCB_SECRET_KEY: '', PATH: pathDirs }
  for (const k of [...Object.keys(ALL_VARS), ...Object.keys(CLOUD_VARIABLES)]) delete env[k]
  for (const [k, v] of Object.entries(vars)) if (v !== undefined) env[k] = v
  try {
    return { status: 0, out: execFileSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/cloud/deploy.ts', ...args], { cwd: ROOT, env, encoding: 'utf8', stdio: 'pipe' }), err: '' }
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string }
    return { status: e.status, out: e.stdout, err: e.stderr }
  }
}

describe('deploy:cloud --dry-run', () => {
  it('prints one `tcb fn deploy --force` per function, run from the repository root with a relative functionRoot, the timeouts, and no separate trigger create', () => {
    const { status, out } = deploy(['--dry-run'], ALL_VARS)
    expect(status).toBe(0)
    for (const name of [...Object.keys(functions), ...Object.keys(jobs)]) expect(out).toContain(`$ tcb fn deploy ${name} -e gxq-prod-1a2b --force`)
    // --force already creates the triggers listed in the config; a second create would fail on the existing name.
    expect(out).not.toContain('tcb fn trigger create')
    const config = JSON.parse(out.slice(out.indexOf('{'), out.indexOf('\n}\n') + 2))
    // The CLI joins process.cwd() with functionRoot: relative, and tcb runs from the root.
    expect(config.functionRoot).toBe('cloudfunctions')
    expect(out).toContain(`（在仓库根目录 ${ROOT} 执行；functionRoot = cloudfunctions）`)
    const timeouts = Object.fromEntries(config.functions.map((f: { name: string; timeout: number }) => [f.name, f.timeout]))
    expect(timeouts).toMatchObject({ admin: 60, reminders: 60, noShows: 60, booking: 10, staff: 10 })
    expect(config.functions.find((f: { name: string }) => f.name === 'noShows').triggers).toEqual([expect.objectContaining({ name: 'noShowSweep', type: 'timer' })])
    const varsOf = (name: string) => config.functions.find((f: { name: string }) => f.name === name).envVariables
    const common = { APP_SECRET: '***', ADMIN_OPENIDS: 'o-admin', WXACODE_ENV_VERSION: 'release', MINIPROGRAM_STATE: 'formal', CONSOLE_ORIGIN: ALL_VARS.CONSOLE_ORIGIN }
    // Each function gets what its code reads, with the shell's non-empty values.
    expect(varsOf('booking')).toEqual(common)
    expect(varsOf('reminders')).toEqual({ ...common, REMINDER_TEMPLATE_ID: ALL_VARS.REMINDER_TEMPLATE_ID })
    expect(varsOf('console')).toEqual({ ...common, CLOSURE_TEMPLATE_ID: ALL_VARS.CLOSURE_TEMPLATE_ID })
    expect(out).not.toContain('do-not-print-me')
    expect(out).toContain('演练结束：未执行任何命令')
    expect(out).not.toContain('tcb login')
  })

  it('refuses without APP_SECRET: a redeploy would otherwise wipe the secret every ticket and ID hash depends on', () => {
    const { status, out, err } = deploy(['--dry-run'], { ...ALL_VARS, APP_SECRET: undefined })
    expect(status).toBe(2)
    expect(err).toContain('拒绝部署')
    expect(err).toContain('APP_SECRET 未设置或为空')
    expect(out).not.toContain('tcb fn deploy')
  })

  it('accepts the key ring (APP_KEYS) instead of APP_SECRET, and never prints it', () => {
    const { status, out } = deploy(['--dry-run'], { ...ALL_VARS, APP_SECRET: undefined, APP_KEYS: 'ring-do-not-print' })
    expect(status).toBe(0)
    expect(out).toContain('"APP_KEYS": "***"')
    expect(out).not.toContain('ring-do-not-print')
  })

  it('refuses when a managed variable is absent from the shell (it would be cleared), and accepts it set empty on purpose', () => {
    const { status, err } = deploy(['--dry-run'], { ...ALL_VARS, STAFF_OPENIDS: undefined, REMINDER_TEMPLATE_ID: undefined })
    expect(status).toBe(2)
    expect(err).toContain('REMINDER_TEMPLATE_ID 未出现在当前环境中（读取它的云函数：reminders）')
    expect(err).toContain('STAFF_OPENIDS 未出现在当前环境中')
    // The 成果转化 variables are managed like the others: left out, the deploy would wipe them.
    const transfer = deploy(['--dry-run'], { ...ALL_VARS, TRANSFER_OFFICER_OPENIDS: undefined, TRANSFER_TEMPLATE_ID: undefined })
    expect(transfer.status).toBe(2)
    expect(transfer.err).toContain('TRANSFER_OFFICER_OPENIDS 未出现在当前环境中')
    expect(transfer.err).toContain('TRANSFER_TEMPLATE_ID 未出现在当前环境中（读取它的云函数：console）')
    expect(deploy(['--dry-run'], ALL_VARS).status).toBe(0)
  })
})

/** The export line(s) of the guide's §3 (docs/wechat-cloud.md), exactly as an operator would paste them. */
function guideExports(): Record<string, string> {
  const doc = fs.readFileSync(path.join(ROOT, 'docs/wechat-cloud.md'), 'utf8')
  const section = doc.slice(doc.indexOf('## 3. Scripted deploy'))
  const block = section.slice(section.indexOf('```bash') + 7, section.indexOf('```', section.indexOf('```bash') + 7))
  const exportText = block.split('\n').filter((l) => !l.trim().startsWith('#')).join('\n').replace(/\\\n/g, ' ')
  const line = exportText.split('\n').find((l) => l.trim().startsWith('export ')) ?? ''
  const vars: Record<string, string> = {}
  for (const m of line.trim().slice('export '.length).matchAll(/([A-Z][A-Z0-9_]*)=('[^']*'|"[^"]*"|\S*)/g)) vars[m[1]] = m[2].replace(/^['"]|['"]$/g, '')
  // What the operator fills in: each <placeholder> becomes a value of the kind it asks for.
  for (const [k, v] of Object.entries(vars)) {
    if (/[<…]/.test(v)) vars[k] = k.endsWith('_ORIGIN') ? `https://${k.toLowerCase().replace(/_/g, '-')}.example.cn` : k.endsWith('_TEMPLATE_ID') ? `${k.replace(/_/g, '')}xxxxxxxxxxxxxxxxxxxx` : `value-of-${k}`
  }
  return vars
}

describe("deploy:cloud with the guide's own exports", () => {
  it('is accepted, and keeps CONSOLE_ORIGIN and CLOSURE_TEMPLATE_ID on the functions that read them (the CLI replaces the whole set)', () => {
    const exported = guideExports()
    expect(exported.CONSOLE_ORIGIN).toBeTruthy()
    expect(exported.CLOSURE_TEMPLATE_ID).toBeTruthy()
    const { status, out, err } = deploy(['--dry-run'], exported)
    expect(err).toBe('')
    expect(status).toBe(0)
    const config = JSON.parse(out.slice(out.indexOf('{'), out.indexOf('\n}\n') + 2))
    const varsOf = (name: string) => config.functions.find((f: { name: string }) => f.name === name).envVariables
    // The console's browser calls come through HTTP access to these two: without it every call is 403 FORBIDDEN_ORIGIN.
    for (const name of ['console', 'accounts']) expect(varsOf(name).CONSOLE_ORIGIN).toBe(exported.CONSOLE_ORIGIN)
    expect(varsOf('console').CLOSURE_TEMPLATE_ID).toBe(exported.CLOSURE_TEMPLATE_ID)
  })

  it('refuses when a variable some function reads is missing from the shell, naming it and the functions that read it', () => {
    const { CONSOLE_ORIGIN: _dropped, ...rest } = guideExports()
    void _dropped
    const { status, err } = deploy(['--dry-run'], rest)
    expect(status).toBe(2)
    expect(err).toContain('CONSOLE_ORIGIN')
    expect(err).toContain('console')
  })
})

describe('deploy:cloud with a recording stand-in for tcb (not the real CLI)', () => {
  it('runs tcb from the repository root, where cloudbaserc.json sits and functionRoot resolves to the built folders; removes the file after', () => {
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-faketcb-'))
    const log = path.join(bin, 'calls.jsonl')
    // Records what the real CLI would resolve: cwd + functionRoot + name must be a built function folder.
    fs.writeFileSync(
      path.join(bin, 'tcb'),
      `#!/usr/bin/env node
const fs = require('fs'), path = require('path')
const rc = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'cloudbaserc.json'), 'utf8'))
const name = process.argv[4]
const dir = path.join(process.cwd(), rc.functionRoot, name || '')
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ cwd: process.cwd(), args: process.argv.slice(2), folderExists: fs.existsSync(path.join(dir, 'index.js')) }) + '\\n')
`,
      { mode: 0o755 },
    )
    try {
      const { status, out } = deploy(['--only', 'booking,noShows'], ALL_VARS, `${bin}:/usr/bin:/bin`)
      expect(status).toBe(0)
      expect(out).toContain('部署完成')
      const calls = fs.readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l))
      expect(calls).toEqual([
        { cwd: ROOT, args: ['fn', 'deploy', 'booking', '-e', 'gxq-prod-1a2b', '--force'], folderExists: true },
        { cwd: ROOT, args: ['fn', 'deploy', 'noShows', '-e', 'gxq-prod-1a2b', '--force'], folderExists: true },
      ])
      expect(fs.existsSync(path.join(ROOT, 'cloudbaserc.json'))).toBe(false)
    } finally {
      fs.rmSync(bin, { recursive: true, force: true })
    }
  })
})

// cloud:preflight: what it refuses and what it only asks an operator to confirm.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildCloud, type BuiltFunction } from './build'
import { preflight, type Finding } from './preflight'

jest.setTimeout(60_000)

const REMIND = 'Rm4dEr_tEmPlAtE-iD-for-the-visit-reminder01'
const CLOSE = 'Cl0sUrE_tEmPlAtE-iD-for-closure-notices0001'
const GOOD = {
  TCB_ENV_ID: 'gxq-prod-1a2b',
  APP_SECRET: 's3cret',
  CONSOLE_ORIGIN: 'https://gxq-prod-1a2b.tcloudbaseapp.com',
  H5_ORIGIN: '',
  WXACODE_ENV_VERSION: 'release',
  MINIPROGRAM_STATE: 'formal',
  ADMIN_OPENIDS: 'o-admin',
  BOOKING_OPERATOR_OPENIDS: '',
  CONTENT_EDITOR_OPENIDS: '',
  ZONE_EDITOR_OPENIDS: '',
  STAFF_OPENIDS: '',
  TRANSFER_OFFICER_OPENIDS: '',
  TRANSFER_TEMPLATE_ID: '',
  POLICY_ALERT_TEMPLATE_ID: '',
  WAITLIST_TEMPLATE_ID: '',
  REMINDER_TEMPLATE_ID: REMIND,
  REMINDER_TEMPLATE_KEYS: '',
  PLACES_PER_ADDRESS_PER_SESSION: '',
  NEW_IDS_PER_ADDRESS_PER_DAY: '',
  IMPORT_MAX_ROWS: '',
  IMPORT_HEAP_MB: '160',
  CLOSURE_TEMPLATE_ID: CLOSE,
  CONSOLE_HTTP_AUTH: 'off',
} as Record<string, string>

describe('cloud:preflight', () => {
  let out: string
  let release: string
  let built: BuiltFunction[]
  beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-preflight-'))
    release = path.join(out, 'weapp-release')
    fs.mkdirSync(release)
    built = await buildCloud({ outDir: path.join(out, 'functions') })
  })
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }))
  const marker = (info: object) => fs.writeFileSync(path.join(release, 'release.json'), JSON.stringify(info))
  const run = (env: Record<string, string | undefined>, dryRun = false) => preflight({ env: env as NodeJS.ProcessEnv, built, releaseDir: release, dryRun })
  const errors = (f: Finding[]) => f.filter((x) => x.level === 'error').map((x) => `[${x.check}] ${x.message}`)

  it('passes a complete setup whose release build matches, and still asks to confirm the open-API permissions by a DevTools upload', () => {
    marker({ cloudEnv: 'gxq-prod-1a2b', reminderTemplateId: REMIND, closureTemplateId: CLOSE, builtAt: '2026-12-06T23:00:00Z' })
    const findings = run(GOOD)
    expect(errors(findings)).toEqual([])
    const permission = findings.find((f) => f.check === '权限')
    expect(permission).toMatchObject({ level: 'warn', message: expect.stringContaining('admin（wxacode.getUnlimited）') })
    expect(permission?.message).toContain('reminders（subscribeMessage.send）')
    expect(permission?.message).toContain('微信开发者工具')
    // Direct uploads need storage to take the hosting origin's form POST: asked, with that origin named.
    expect(findings.find((f) => f.check === '上传')).toMatchObject({ level: 'warn', message: expect.stringContaining(GOOD.CONSOLE_ORIGIN) })
  })

  it("refuses the harness's template id, a release build for another environment or other templates, and gateway authentication on the console's routes", () => {
    marker({ cloudEnv: 'gxq-test-9z', reminderTemplateId: REMIND, closureTemplateId: 'Other_closure-template-id-xxxxxxxxxxxxxxxx', builtAt: '2026-12-06T23:00:00Z' })
    const found = errors(run({ ...GOOD, REMINDER_TEMPLATE_ID: 'harness-visit-reminder', CONSOLE_HTTP_AUTH: 'on' })).join('\n')
    expect(found).toContain('[模板] REMINDER_TEMPLATE_ID 「harness-visit-reminder」不是真实的模板 ID')
    expect(found).toContain('[环境] 小程序发布版（dist/weapp-release）连接的环境是 gxq-test-9z，而部署目标是 gxq-prod-1a2b')
    expect(found).toContain('[模板] 小程序发布版请求订阅的 CLOSURE_TEMPLATE_ID')
    expect(found).toContain('[HTTP] CONSOLE_HTTP_AUTH=on')
  })

  it('says which version subscribe messages open, and refuses a value WeChat does not know', () => {
    marker({ cloudEnv: 'gxq-prod-1a2b', reminderTemplateId: REMIND, closureTemplateId: CLOSE, builtAt: '2026-12-06T23:00:00Z' })
    expect(run({ ...GOOD, MINIPROGRAM_STATE: 'trial' }).find((f) => f.message.startsWith('MINIPROGRAM_STATE=trial'))).toMatchObject({ level: 'warn', message: expect.stringContaining('体验版') })
    expect(errors(run({ ...GOOD, MINIPROGRAM_STATE: 'test' })).join('\n')).toContain('MINIPROGRAM_STATE=test 无效')
  })

  it('refuses a missing variable and a missing environment id; a dry run only warns about the latter', () => {
    marker({ cloudEnv: 'gxq-prod-1a2b', reminderTemplateId: REMIND, closureTemplateId: CLOSE, builtAt: '2026-12-06T23:00:00Z' })
    const { CONSOLE_ORIGIN: _gone, TCB_ENV_ID: _id, ...rest } = GOOD
    void _gone
    void _id
    const found = errors(run(rest)).join('\n')
    expect(found).toContain('[变量] CONSOLE_ORIGIN 未出现在当前环境中')
    expect(found).toContain('[环境] 未设置 TCB_ENV_ID')
    expect(errors(run({ ...rest, CONSOLE_ORIGIN: GOOD.CONSOLE_ORIGIN }, true))).toEqual([])
  })
})

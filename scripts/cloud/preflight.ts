// `npm run cloud:preflight`: everything that can be checked before a first (or any) deployment, in
// words an operator can act on. `npm run deploy:cloud` runs it first and stops on an error.
//   变量     every variable each function reads is in the shell; keys and template ids non-empty
//   模板     template ids are real (not the harness's) and match the release build of the mini-program
//   环境     TCB_ENV_ID set, and the same environment the release build initialises
//   运行时   no package a function installs excludes the runtime (engines)
//   体积     every bundle under 1 MB
//   权限     open-API permissions: applied by a DevTools upload only (WeChat's doc) — says which functions
//   隐私     every privacy-gated API the app calls is declared in the guide
//   HTTP     the HTTP-access authentication choice for the console's routes
import fs from 'node:fs'
import path from 'node:path'
import { CLOUD_NODE_RUNTIME, CLOUD_NODE_VERSION } from '../../cloud/runtime/wxcloud/manifest'
import { RELEASE_DIR, RELEASE_MARKER, releaseProblems, type ReleaseBuildInfo } from '../build-weapp-release'
import { privacyUses, undeclaredUses } from '../weapp-privacy'
import { buildCloud, ROOT, SIZE_TARGET_BYTES, type BuiltFunction } from './build'
import { checkEngines } from './engines'
import { GUIDE, variableProblems } from './variables'

export interface Finding {
  check: string
  level: 'error' | 'warn' | 'ok'
  message: string
}

export interface PreflightOptions {
  env: NodeJS.ProcessEnv
  built: BuiltFunction[]
  root?: string
  /** deploy:cloud --dry-run: no environment id needed yet. */
  dryRun?: boolean
  /** Where the release build of the mini-program is (default dist/weapp-release). */
  releaseDir?: string
}

/** The console's HTTP-access routes: their own 身份认证 switch must be off (see the guide, §11a). */
export const CONSOLE_ROUTES = ['/console-api/_session', '/console-api/accounts', '/console-api/console']

export function preflight(options: PreflightOptions): Finding[] {
  const { env, built } = options
  const root = options.root ?? ROOT
  const out: Finding[] = []
  const add = (check: string, level: Finding['level'], message: string) => out.push({ check, level, message })

  const vars = variableProblems(built, env)
  for (const p of vars) add('变量', 'error', p)
  if (vars.length === 0) add('变量', 'ok', `${built.length} 个云函数读取的环境变量均已设置`)

  // Which version subscribe messages open (miniprogram_state: developer | trial | formal, default formal).
  const state = env.MINIPROGRAM_STATE ?? ''
  if (state && !['formal', 'trial', 'developer'].includes(state)) add('变量', 'error', `MINIPROGRAM_STATE=${state} 无效：只能是 formal、trial 或 developer`)
  else if (state === 'trial' || state === 'developer') add('变量', 'warn', `MINIPROGRAM_STATE=${state}：提醒和闭馆通知将打开${state === 'trial' ? '体验版' : '开发版'}；正式发布前改为 formal 并重新部署`)
  else add('变量', 'ok', 'MINIPROGRAM_STATE=formal：订阅消息打开正式版（在体验版上测试提醒时设为 trial，否则发送失败 41030）')
  const codeVersion = env.WXACODE_ENV_VERSION ?? ''
  if (codeVersion && !['release', 'trial', 'develop'].includes(codeVersion)) add('变量', 'error', `WXACODE_ENV_VERSION=${codeVersion} 无效：只能是 release、trial 或 develop`)

  // Template ids: the same check as the release build (never the harness's fake ones).
  const templates = releaseProblems({ ...env, CLOUD_ENV: 'checked-below' }).filter((p) => !p.startsWith('CLOUD_ENV'))
  for (const p of templates) add('模板', 'error', p)
  const marker = path.join(options.releaseDir ?? path.join(root, RELEASE_DIR), RELEASE_MARKER)
  const envId = env.TCB_ENV_ID ?? ''
  if (!envId) add('环境', options.dryRun ? 'warn' : 'error', '未设置 TCB_ENV_ID（云开发环境 ID）')
  if (fs.existsSync(marker)) {
    const info = JSON.parse(fs.readFileSync(marker, 'utf8')) as ReleaseBuildInfo
    if (envId && info.cloudEnv !== envId) add('环境', 'error', `小程序发布版（${RELEASE_DIR}）连接的环境是 ${info.cloudEnv}，而部署目标是 ${envId}：请用 CLOUD_ENV=${envId} 重新 npm run build:weapp:release`)
    for (const [key, built] of [
      ['REMINDER_TEMPLATE_ID', info.reminderTemplateId],
      ['CLOSURE_TEMPLATE_ID', info.closureTemplateId],
    ] as const) {
      if (env[key] && env[key] !== built) add('模板', 'error', `小程序发布版请求订阅的 ${key} 是 ${built}，云函数将使用 ${env[key]}：两者必须相同，否则消息发送失败`)
    }
    if (envId && info.cloudEnv === envId) add('环境', 'ok', `小程序发布版连接环境 ${envId}（构建于 ${info.builtAt}）`)
  } else {
    add('模板', 'warn', `尚未生成小程序发布版（${RELEASE_DIR}/${RELEASE_MARKER}）：上传前请运行 CLOUD_ENV=<环境 ID> REMINDER_TEMPLATE_ID=… CLOSURE_TEMPLATE_ID=… npm run build:weapp:release`)
  }

  for (const f of built) {
    const pkg = JSON.parse(fs.readFileSync(path.join(f.dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
    const report = checkEngines(Object.keys(pkg.dependencies), CLOUD_NODE_VERSION, root)
    for (const e of report.excluded) add('运行时', 'error', `${f.name}：${e}，与运行时 ${CLOUD_NODE_RUNTIME} 不符`)
    if (report.glibc.length > 0) add('运行时', 'warn', `${f.name}：${report.glibc.join('；')}。云函数镜像的 glibc 版本文档未写明；若加载失败，上传照片会提示 PHOTO_PROCESSOR_UNAVAILABLE`)
    if (f.bytes > SIZE_TARGET_BYTES) add('体积', 'error', `${f.name} 的 index.js 为 ${(f.bytes / 1024).toFixed(0)} KB，超过 1 MB`)
  }
  if (!out.some((x) => x.check === '运行时' && x.level === 'error')) add('运行时', 'ok', `所有依赖的 engines 均接受 ${CLOUD_NODE_RUNTIME}`)

  const withApis = built.filter((f) => f.openapi.length > 0)
  if (withApis.length > 0) {
    add(
      '权限',
      'warn',
      `云调用权限（config.json 的 permissions.openapi）按微信文档只在“微信开发者工具上传云函数”时生效：部署后请在开发者工具中右键 ${withApis.map((f) => `${f.name}（${f.openapi.join('、')}）`).join('、')} → 上传并部署：云端安装依赖，并等 10 分钟缓存过期；否则调用报 -604101`,
    )
  }

  const privacy = undeclaredUses(privacyUses(path.join(root, 'src'), root), fs.readFileSync(path.join(root, GUIDE), 'utf8'))
  for (const p of privacy) add('隐私', 'error', p)
  if (privacy.length === 0) add('隐私', 'ok', '小程序调用的隐私接口均已在 docs/wechat-cloud.md 声明（公众平台的《用户隐私保护指引》须与之一致）')

  const auth = (env.CONSOLE_HTTP_AUTH ?? '').toLowerCase()
  if (auth === 'on') {
    add('HTTP', 'error', `CONSOLE_HTTP_AUTH=on：HTTP 访问服务的「身份认证」开启后，网关要求 Authorization: Bearer <云开发令牌>，与后台自己的 Bearer 登录令牌冲突，后台无法登录。请在 ${CONSOLE_ROUTES.join('、')} 上关闭「身份认证」（由云函数校验后台账号），并设 CONSOLE_HTTP_AUTH=off`)
  } else if (auth !== 'off') {
    add('HTTP', 'warn', `请在云开发控制台 → HTTP 访问服务中确认 ${CONSOLE_ROUTES.join('、')} 的「身份认证」为关闭（后台由云函数校验账号令牌），确认后设 CONSOLE_HTTP_AUTH=off 以消除此提示`)
  } else {
    add('HTTP', 'ok', '后台路径不使用 HTTP 访问服务的身份认证，由云函数校验账号令牌')
  }
  // Console files go from the hosting origin straight to cloud storage (a signed COS form; docs §11a):
  // the browser's cross-origin POST needs storage to accept that origin, which nothing here can see.
  add(
    '上传',
    'warn',
    `后台的照片、录音和表格从后台域名直接上传到云存储（签名表单）：请在云开发控制台的安全配置（WEB 安全域名 / 云存储跨域）中加入 ${env.CONSOLE_ORIGIN || '后台域名（CONSOLE_ORIGIN）'}，上传一张照片确认；若被拒绝，后台会提示「文件上传失败：云存储拒绝了上传」`,
  )
  return out
}

export function formatFindings(findings: Finding[]): string {
  const mark = { error: '✗', warn: '!', ok: '✓' } as const
  return findings.map((f) => `${mark[f.level]} [${f.check}] ${f.message}`).join('\n')
}

async function cli(argv: string[]) {
  const built = await buildCloud()
  const findings = preflight({ env: process.env, built, dryRun: argv.includes('--dry-run') })
  console.log(formatFindings(findings))
  const errors = findings.filter((f) => f.level === 'error').length
  const warns = findings.filter((f) => f.level === 'warn').length
  console.log(`\n检查结果：${errors} 个错误，${warns} 个需要人工确认。${errors > 0 ? '请先处理错误再部署。' : ''}`)
  if (errors > 0) process.exitCode = 2
}

if (require.main === module) {
  cli(process.argv.slice(2)).catch((error) => {
    console.error('预检失败:', error instanceof Error ? error.message : error)
    process.exit(1)
  })
}

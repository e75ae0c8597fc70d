// `npm run build:weapp:release`: the mini-program build that is uploaded. It refuses without the
// cloud environment id and the real subscription template ids (the app asks visitors for exactly
// these; a build without them never offers reminders), and never takes the harness's fake ones.
// It writes dist/weapp-release — the folder project.config.json (what DevTools opens) points at —
// while test and dev builds write dist/weapp under config/project.dev.config.json's tourist appid,
// which DevTools cannot upload. A marker (release.json) records what the build carries; the
// preflight compares it with the variables the functions are deployed with.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export const RELEASE_DIR = 'dist/weapp-release'
export const TEST_DIR = 'dist/weapp'
export const RELEASE_MARKER = 'release.json'
const ROOT = path.resolve(__dirname, '..')

export interface ReleaseBuildInfo {
  cloudEnv: string
  reminderTemplateId: string
  closureTemplateId: string
  builtAt: string
}

/** Subscribe-message template ids are long url-safe strings chosen in the 公众平台 (43 characters today). */
const TEMPLATE_ID = /^[A-Za-z0-9_-]{20,}$/
/** Cloud environment ids: letters, digits, dashes (e.g. cloud1-8g5xxxx). */
const ENV_ID = /^[a-z][a-z0-9-]{3,}$/i
const fake = (v: string) => /harness|example|placeholder|test-?env/i.test(v)

export function releaseProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = []
  const cloudEnv = env.CLOUD_ENV ?? ''
  if (!ENV_ID.test(cloudEnv) || fake(cloudEnv)) {
    problems.push(`CLOUD_ENV ${cloudEnv ? `「${cloudEnv}」不像真实的云开发环境 ID` : '未设置'}：请填写云开发控制台中的环境 ID；没有它 wx.cloud.init 不知道连哪个环境`)
  }
  for (const [name, what] of [
    ['REMINDER_TEMPLATE_ID', '到访提醒'],
    ['CLOSURE_TEMPLATE_ID', '闭馆/场次取消通知'],
  ] as const) {
    const value = env[name] ?? ''
    if (!TEMPLATE_ID.test(value) || fake(value)) {
      problems.push(`${name} ${value ? `「${value}」不是真实的模板 ID（测试用的假 ID 或占位符）` : '未设置'}：请填写公众平台 → 订阅消息中「${what}」模板的 ID，并与云函数的 ${name} 相同`)
    }
  }
  return problems
}

function cli(argv: string[]) {
  const problems = releaseProblems(process.env)
  if (problems.length > 0) {
    console.error(`拒绝构建发布版：\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    process.exit(2)
  }
  if (argv.includes('--check-only')) {
    console.log('发布版构建所需的变量齐全。')
    return
  }
  const res = spawnSync(path.join(ROOT, 'node_modules/.bin/taro'), ['build', '--type', 'weapp'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', WEAPP_RELEASE: '1' },
  })
  if (res.status !== 0) process.exit(res.status ?? 1)
  const info: ReleaseBuildInfo = {
    cloudEnv: process.env.CLOUD_ENV as string,
    reminderTemplateId: process.env.REMINDER_TEMPLATE_ID as string,
    closureTemplateId: process.env.CLOSURE_TEMPLATE_ID as string,
    builtAt: new Date().toISOString(),
  }
  fs.writeFileSync(path.join(ROOT, RELEASE_DIR, RELEASE_MARKER), `${JSON.stringify(info, null, 2)}\n`)
  console.log(`\n发布版已生成到 ${RELEASE_DIR}（project.config.json 指向这里）：环境 ${info.cloudEnv}。在微信开发者工具中打开仓库根目录上传。`)
}

if (require.main === module) cli(process.argv.slice(2))

// `npm run deploy:cloud [-- --dry-run] [-- --only name]` — scripted deploy with @cloudbase/cli (tcb).
// Builds the folders (npm run build:cloud), writes a cloudbaserc.json for them in a temp folder and
// runs `tcb fn deploy` per function and `tcb fn trigger create` per timer job, in the environment
// named by TCB_ENV_ID. --dry-run prints every command and the generated config without running
// anything and needs neither @cloudbase/cli nor credentials.
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CLOUD_NODE_RUNTIME, FUNCTION_TIMEOUT } from '../../cloud/runtime/wxcloud/manifest'
import { buildCloud, ROOT, type BuiltFunction } from './build'

/** Function environment variables passed through from the deploying shell when set. */
export const PASSED_ENV = ['APP_KEYS', 'APP_SECRET', 'ADMIN_OPENIDS', 'STAFF_OPENIDS', 'BOOKING_OPERATOR_OPENIDS', 'CONTENT_EDITOR_OPENIDS', 'ZONE_EDITOR_OPENIDS', 'WXACODE_ENV_VERSION', 'REMINDER_TEMPLATE_ID', 'REMINDER_TEMPLATE_KEYS', 'MINIPROGRAM_STATE']

export function cloudbaserc(envId: string, built: BuiltFunction[], env: NodeJS.ProcessEnv = process.env) {
  const envVariables = Object.fromEntries(PASSED_ENV.filter((k) => env[k]).map((k) => [k, env[k] as string]))
  return {
    version: '2.0',
    envId,
    functionRoot: path.dirname(built[0]?.dir ?? path.join(ROOT, 'cloudfunctions', 'x')),
    functions: built.map((f) => ({
      name: f.name,
      handler: 'index.main',
      runtime: CLOUD_NODE_RUNTIME,
      installDependency: true,
      timeout: FUNCTION_TIMEOUT[f.name] ?? (f.kind === 'job' ? 60 : 10),
      envVariables,
      ...(f.trigger ? { triggers: [f.trigger] } : {}),
    })),
  }
}

export function deployCommands(envId: string, built: BuiltFunction[]): string[][] {
  return [
    ...built.map((f) => ['tcb', 'fn', 'deploy', f.name, '-e', envId, '--force']),
    ...built.filter((f) => f.trigger).map((f) => ['tcb', 'fn', 'trigger', 'create', f.name, '-e', envId]),
  ]
}

/** The printed config never shows the secret itself. */
export function masked(config: ReturnType<typeof cloudbaserc>) {
  return {
    ...config,
    functions: config.functions.map((f) => ({
      ...f,
      envVariables: Object.fromEntries(Object.entries(f.envVariables).map(([k, v]) => [k, k === 'APP_SECRET' ? '***' : v])),
    })),
  }
}

function findTcb(): string | null {
  const local = path.join(ROOT, 'node_modules/.bin/tcb')
  if (fs.existsSync(local)) return local
  const which = spawnSync('sh', ['-c', 'command -v tcb'], { encoding: 'utf8' })
  return which.status === 0 ? which.stdout.trim() : null
}

async function cli(argv: string[]) {
  const dryRun = argv.includes('--dry-run')
  const onlyAt = argv.indexOf('--only')
  const only = onlyAt >= 0 ? argv[onlyAt + 1]?.split(',') : null
  const envId = process.env.TCB_ENV_ID ?? process.env.CLOUD_ENV ?? ''
  if (!envId && !dryRun) {
    console.error('请设置 TCB_ENV_ID（云开发环境 ID），或先用 --dry-run 查看将执行的操作。')
    process.exit(2)
  }
  const built = (await buildCloud()).filter((f) => !only || only.includes(f.name))
  const config = cloudbaserc(envId || '<TCB_ENV_ID>', built)
  const commands = deployCommands(envId || '<TCB_ENV_ID>', built)
  console.log(`${dryRun ? '[演练] ' : ''}部署 ${built.length} 个云函数到环境 ${envId || '<TCB_ENV_ID>'}：`)
  console.log(`\ncloudbaserc.json（临时生成）：\n${JSON.stringify(masked(config), null, 2)}\n`)
  if (process.env.TCB_SECRET_ID && process.env.TCB_SECRET_KEY) console.log('$ tcb login --apiKeyId *** --apiKey ***')
  for (const c of commands) console.log(`$ ${c.join(' ')}`)
  if (dryRun) {
    console.log('\n演练结束：未执行任何命令。去掉 --dry-run 即可部署（需要 @cloudbase/cli：npm i -g @cloudbase/cli）。')
    return
  }
  const tcb = findTcb()
  if (!tcb) {
    console.error('\n找不到 tcb：请先安装 @cloudbase/cli（npm i -g @cloudbase/cli），或在微信开发者工具中右键上传各云函数文件夹。')
    process.exit(2)
  }
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-deploy-'))
  fs.writeFileSync(path.join(cwd, 'cloudbaserc.json'), JSON.stringify(config, null, 2))
  if (process.env.TCB_SECRET_ID && process.env.TCB_SECRET_KEY) {
    execFileSync(tcb, ['login', '--apiKeyId', process.env.TCB_SECRET_ID, '--apiKey', process.env.TCB_SECRET_KEY], { cwd, stdio: 'inherit' })
  }
  for (const [, ...args] of commands) execFileSync(tcb, args, { cwd, stdio: 'inherit' })
  console.log('\n部署完成。')
}

if (require.main === module) {
  cli(process.argv.slice(2)).catch((error) => {
    console.error('部署失败:', error instanceof Error ? error.message : error)
    process.exit(1)
  })
}

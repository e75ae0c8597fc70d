// `npm run deploy:cloud [-- --dry-run] [-- --only name]` — scripted deploy with @cloudbase/cli (tcb).
// Builds the folders (npm run build:cloud), writes cloudbaserc.json at the repository root with a
// RELATIVE functionRoot (the CLI joins process.cwd() with functionRoot, so tcb runs from the root)
// and runs `tcb fn deploy <name> --force` per function; --force also (re)creates the triggers the
// config lists, so no separate `tcb fn trigger create` is run. Environment variables: the CLI
// REPLACES a function's whole set on deploy, so a variable missing from the deploying shell would be
// wiped in the cloud; the script therefore refuses to run unless every variable it manages is
// present (APP_SECRET non-empty; others may be set empty on purpose, meaning "not used").
// --dry-run prints the config and commands without running anything; it needs neither
// @cloudbase/cli nor credentials, but runs the preflight (scripts/cloud/preflight.ts) and refuses on
// its errors exactly like a real run.
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { CLOUD_NODE_RUNTIME } from '../../cloud/runtime/wxcloud/manifest'
import { cloudVariable, isCloudVariable } from '../../cloud/runtime/wxcloud/variables'
import { buildCloud, ROOT, type BuiltFunction } from './build'
import { formatFindings, preflight } from './preflight'
import { envVariablesFor } from './variables'

/** Written at the repository root; tcb runs from there, so functionRoot is relative to it. */
export const CLOUDBASERC = path.join(ROOT, 'cloudbaserc.json')

export function cloudbaserc(envId: string, built: BuiltFunction[], env: NodeJS.ProcessEnv = process.env) {
  const functionRoot = path.relative(ROOT, path.dirname(built[0]?.dir ?? path.join(ROOT, 'cloudfunctions', 'x'))).split(path.sep).join('/')
  return {
    version: '2.0',
    envId,
    functionRoot,
    functions: built.map((f) => ({
      name: f.name,
      handler: 'index.main',
      runtime: CLOUD_NODE_RUNTIME,
      installDependency: true,
      timeout: f.timeout,
      envVariables: envVariablesFor(f.variables, env),
      ...(f.trigger ? { triggers: [f.trigger] } : {}),
    })),
  }
}

/** One deploy per function; `--force` overwrites code, config and the triggers listed in cloudbaserc.json. */
export function deployCommands(envId: string, built: BuiltFunction[]): string[][] {
  return built.map((f) => ['tcb', 'fn', 'deploy', f.name, '-e', envId, '--force'])
}

/** The printed config never shows the secret itself. */
export function masked(config: ReturnType<typeof cloudbaserc>) {
  return {
    ...config,
    functions: config.functions.map((f) => ({
      ...f,
      envVariables: Object.fromEntries(Object.entries(f.envVariables).map(([k, v]) => [k, isCloudVariable(k) && cloudVariable(k).secret ? '***' : v])),
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
  // The preflight first (npm run cloud:preflight): any error stops the deploy, dry run included.
  const findings = preflight({ env: process.env, built, dryRun })
  const errors = findings.filter((f) => f.level === 'error')
  if (errors.length > 0) {
    console.error(`拒绝部署${dryRun ? '（演练同样检查）' : ''}：\n${errors.map((p) => `  - [${p.check}] ${p.message}`).join('\n')}`)
    process.exit(2)
  }
  console.log(`预检（npm run cloud:preflight）：\n${formatFindings(findings)}\n`)
  const config = cloudbaserc(envId || '<TCB_ENV_ID>', built)
  const commands = deployCommands(envId || '<TCB_ENV_ID>', built)
  console.log(`${dryRun ? '[演练] ' : ''}部署 ${built.length} 个云函数到环境 ${envId || '<TCB_ENV_ID>'}：`)
  console.log(`\ncloudbaserc.json（生成于仓库根目录，tcb 在仓库根目录运行）：\n${JSON.stringify(masked(config), null, 2)}\n`)
  if (process.env.TCB_SECRET_ID && process.env.TCB_SECRET_KEY) console.log('$ tcb login --apiKeyId *** --apiKey ***')
  console.log(`（在仓库根目录 ${ROOT} 执行；functionRoot = ${config.functionRoot}）`)
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
  const cwd = ROOT
  fs.writeFileSync(CLOUDBASERC, JSON.stringify(config, null, 2))
  if (process.env.TCB_SECRET_ID && process.env.TCB_SECRET_KEY) {
    execFileSync(tcb, ['login', '--apiKeyId', process.env.TCB_SECRET_ID, '--apiKey', process.env.TCB_SECRET_KEY], { cwd, stdio: 'inherit' })
  }
  try {
    for (const [, ...args] of commands) execFileSync(tcb, args, { cwd, stdio: 'inherit' })
  } finally {
    // The file holds APP_SECRET in clear: it lives only as long as the deploy.
    fs.rmSync(CLOUDBASERC, { force: true })
  }
  console.log('\n部署完成。')
}

if (require.main === module) {
  cli(process.argv.slice(2)).catch((error) => {
    console.error('部署失败:', error instanceof Error ? error.message : error)
    process.exit(1)
  })
}

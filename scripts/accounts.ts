// `npm run accounts -- <command>` — named staff and operator accounts of the local runtime.
//   add <username> --role staff --name 张三      (password from ACCOUNT_PASSWORD or a hidden prompt)
//   list
//   disable <username> | enable <username>
//   reset-password <username>                    (same password sources; also clears every sign-in lock of that name)
// Nothing ships with a default password: the first admin is made here.
// With --cloud the same commands write the WeChat cloud database (`staff_accounts`) instead, through
// the node-sdk bridge that cloud:init uses (TCB_ENV_ID, TCB_SECRET_ID, TCB_SECRET_KEY; run
// `npm run cloud:init -- --apply` first). That is how the console's first admin gets into the cloud:
// the console itself cannot make the first account, and HTTP access has no other way in.
import os from 'node:os'
import readline from 'node:readline'
import { ACCOUNT_ROLE_LABELS } from '../cloud/contracts/accounts'
import { createAccount, resetPassword, toAccountView } from '../cloud/accounts/service'
import { accountRoleSchema, displayNameSchema, usernameSchema } from '../cloud/contracts/requests/accounts'
import { dbFileFrom } from '../cloud/runtime/config'
import type { Store } from '../cloud/store/port'
import { recordChange } from '../cloud/ops/audit'
import { openSqliteStore } from '../cloud/store/sqlite'
import { openWxCloudStore } from '../cloud/store/wxcloud'
import type { WxDatabase } from '../cloud/store/wxcloud/db'
import { connectLive, liveCredentials, MISSING_CREDENTIALS, type LiveCredentials } from './cloud/live'

type Io = { log: (s: string) => void; password: () => Promise<string> }

/** Asks for a password without echoing it (a TTY); reads one line otherwise. */
function promptPassword(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true })
    const out = rl as unknown as { _writeToOutput: (s: string) => void }
    rl.question(question, (answer) => {
      rl.close()
      process.stdout.write('\n')
      resolve(answer)
    })
    out._writeToOutput = (s: string) => {
      if (s.startsWith(question)) process.stdout.write(question)
    }
  })
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : undefined
}

/** Who made a change from the command line, as the audit log names it. */
const cliOperator = () => {
  let user = 'unknown'
  try {
    user = os.userInfo().username
  } catch {
    /* no user database (a container): 'unknown' */
  }
  return `命令行:${user}`
}

/** Runs one command; answers the process exit code. Every change lands in the audit log the console shows. */
export async function runAccounts(store: Store, args: string[], io: Io, now = new Date(), operator = cliOperator()): Promise<number> {
  const audit = (action: string, target: string, before: unknown, after: unknown) =>
    recordChange({ openid: null, role: 'admin', account: operator, store, now: () => now }, action, target, before, after)
  const [command, rawName] = args
  const username = rawName === undefined ? null : usernameSchema.safeParse(rawName)
  const needName = () => {
    if (!username?.success) {
      io.log(username ? username.error.issues[0].message : '请给出用户名')
      return null
    }
    return username.data
  }
  switch (command) {
    case 'add': {
      const name = needName()
      if (!name) return 1
      const role = accountRoleSchema.safeParse(option(args, 'role') ?? 'staff')
      const display = displayNameSchema.safeParse(option(args, 'name') ?? '')
      if (!role.success) {
        io.log(`角色不正确：可选 ${Object.keys(ACCOUNT_ROLE_LABELS).join(' / ')}`)
        return 1
      }
      if (!display.success) {
        io.log('请用 --name 给出姓名（最多 20 个字）')
        return 1
      }
      const created = await createAccount(store.accounts, { username: name, name: display.data, role: role.data, password: await io.password() }, now)
      if (!created.ok) {
        io.log(created.error.message)
        return 1
      }
      await audit('accounts.create', name, null, created.data)
      io.log(`已创建账号 ${name}（${display.data}，${ACCOUNT_ROLE_LABELS[role.data]}）`)
      return 0
    }
    case 'list': {
      const all = await store.accounts.list()
      if (all.length === 0) io.log('还没有账号。创建：npm run accounts -- add <用户名> --role admin --name 姓名')
      for (const a of all.map((x) => toAccountView(x, now))) {
        const state = a.disabled ? '已停用' : '正常'
        io.log(`${a.username.padEnd(20)} ${a.name}  ${ACCOUNT_ROLE_LABELS[a.role]}  ${state}`)
      }
      return 0
    }
    case 'disable':
    case 'enable': {
      const name = needName()
      if (!name) return 1
      const before = await store.accounts.get(name)
      const updated = before && (await store.accounts.update(name, { disabled: command === 'disable', at: now.toISOString() }))
      if (before && updated) await audit('accounts.update', name, toAccountView(before, now), toAccountView(updated, now))
      io.log(updated ? `账号 ${name} 已${command === 'disable' ? '停用' : '启用'}` : '没有这个账号')
      return updated ? 0 : 1
    }
    case 'reset-password': {
      const name = needName()
      if (!name) return 1
      const reset = await resetPassword(store.accounts, name, await io.password(), now)
      if (reset.ok) await audit('accounts.resetPassword', name, null, { passwordReset: true })
      io.log(reset.ok ? `账号 ${name} 的密码已重设（各网络的登录锁定已解除）` : reset.error.message)
      return reset.ok ? 0 : 1
    }
    default:
      io.log('用法：npm run accounts -- add <用户名> --role <staff|content_editor|booking_operator|zone_editor|transfer_officer|admin> --name 姓名 | list | disable <用户名> | enable <用户名> | reset-password <用户名>')
      return command ? 1 : 0
  }
}

export type AccountsTarget = { ok: true; store: Store; where: string; args: string[] } | { ok: false; message: string }

/**
 * Which database the command writes: the local SQLite file, or with `--cloud` the cloud environment
 * named by TCB_ENV_ID (through the node-sdk bridge; `connect` is replaced by a fake in tests).
 */
export function accountsTarget(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
  connect: (creds: LiveCredentials) => { db: WxDatabase } = connectLive,
): AccountsTarget {
  const args = argv.filter((a) => a !== '--cloud')
  if (args.length === argv.length) return { ok: true, store: openSqliteStore(dbFileFrom(env)), where: '本地数据库', args }
  const creds = liveCredentials(env as NodeJS.ProcessEnv)
  if (!creds) return { ok: false, message: MISSING_CREDENTIALS }
  return { ok: true, store: openWxCloudStore(connect(creds).db), where: `云环境 ${creds.envId}`, args }
}

if (require.main === module) {
  // Only the database is needed (no keys): works in production without APP_KEYS in the shell.
  let target: AccountsTarget
  try {
    target = accountsTarget(process.argv.slice(2))
  } catch (error) {
    // e.g. --cloud without @cloudbase/node-sdk installed: the message says what to install.
    target = { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
  if (!target.ok) {
    console.error(target.message)
    process.exit(1)
  }
  const { store, where, args } = target
  const password = async () => process.env.ACCOUNT_PASSWORD ?? (await promptPassword('密码（至少 8 位）：'))
  console.log(`写入：${where}`)
  runAccounts(store, args, { log: console.log, password })
    .then(async (code) => {
      await store.close()
      process.exit(code)
    })
    .catch((error) => {
      console.error(error)
      if (where !== '本地数据库') console.error('写入云数据库失败：请确认凭据正确，并已运行 npm run cloud:init -- --apply 建好 staff_accounts 集合。')
      process.exit(1)
    })
}

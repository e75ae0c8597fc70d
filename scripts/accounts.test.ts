import { ringFromSecret } from '../cloud/booking/keys'
import { functions } from '../cloud/functions'
import { handleHttpAccess } from '../cloud/runtime/wxcloud/http-access'
import { fakeNodeSdkConnection } from '../cloud/testing/nodesdk'
import { tempSqliteStore } from '../cloud/testing/stores'
import { openWxCloudStore } from '../cloud/store/wxcloud'
import { COLLECTIONS } from '../cloud/store/wxcloud/collections'
import { MISSING_CREDENTIALS } from './cloud/live'
import { accountsTarget, runAccounts } from './accounts'

describe('npm run accounts', () => {
  it('adds an account with the given role and name, lists it without its hash, disables and resets it', async () => {
    const env = await tempSqliteStore({ seed: false })
    const lines: string[] = []
    const io = (password: string) => ({ log: (s: string) => lines.push(s), password: async () => password })
    try {
      expect(await runAccounts(env.store, ['add', 'zhangsan', '--role', 'staff', '--name', '张三'], io('gate-password-1'))).toBe(0)
      expect(lines.pop()).toBe('已创建账号 zhangsan（张三，入口核验）')
      // No default or short password gets in.
      expect(await runAccounts(env.store, ['add', 'lisi', '--role', 'admin', '--name', '李四'], io('short'))).toBe(1)
      expect(lines.pop()).toBe('密码至少 8 位')
      expect(await runAccounts(env.store, ['add', 'wangwu', '--role', 'visitor', '--name', '王五'], io('long-enough'))).toBe(1)
      expect(await runAccounts(env.store, ['list'], io(''))).toBe(0)
      expect(lines.pop()).toMatch(/^zhangsan\s+张三 {2}入口核验 {2}正常$/)
      expect(await runAccounts(env.store, ['disable', 'zhangsan'], io(''))).toBe(0)
      expect((await env.store.accounts.get('zhangsan'))!.disabled).toBe(true)
      const before = (await env.store.accounts.get('zhangsan'))!.passwordHash
      expect(await runAccounts(env.store, ['reset-password', 'zhangsan'], io('new-password-2'))).toBe(0)
      expect((await env.store.accounts.get('zhangsan'))!.passwordHash).not.toBe(before)
      expect(await runAccounts(env.store, ['disable', 'nobody'], io(''))).toBe(1)
    } finally {
      await env.cleanup()
    }
  })

  it('puts every change in the audit log the console shows: who (the command line and its user), when, what — never the password', async () => {
    const env = await tempSqliteStore({ seed: false })
    const io = (password: string) => ({ log: () => undefined, password: async () => password })
    const at = new Date('2026-11-26T02:00:00.000Z')
    try {
      await runAccounts(env.store, ['add', 'zhaoliu', '--role', 'staff', '--name', '赵六'], io('first-password-1'), at, '命令行:ops')
      await runAccounts(env.store, ['disable', 'zhaoliu'], io(''), at, '命令行:ops')
      await runAccounts(env.store, ['enable', 'zhaoliu'], io(''), at, '命令行:ops')
      await runAccounts(env.store, ['reset-password', 'zhaoliu'], io('second-password-2'), at, '命令行:ops')
      const entries = (await env.store.ops.listAudit({ limit: 50 })).reverse()
      expect(entries.map((e) => [e.account, e.at, e.action, e.target])).toEqual([
        ['命令行:ops', at.toISOString(), 'accounts.create', 'zhaoliu'],
        ['命令行:ops', at.toISOString(), 'accounts.update', 'zhaoliu'],
        ['命令行:ops', at.toISOString(), 'accounts.update', 'zhaoliu'],
        ['命令行:ops', at.toISOString(), 'accounts.resetPassword', 'zhaoliu'],
      ])
      expect(entries[1]).toMatchObject({ before: { disabled: false }, after: { disabled: true } })
      expect(JSON.stringify(entries)).not.toMatch(/password-1|password-2|scrypt|passwordHash/)
    } finally {
      await env.cleanup()
    }
  })
})

describe('npm run accounts -- --cloud (the first admin of the cloud console)', () => {
  const CREDS = { TCB_ENV_ID: 'gxq-env-1a2b', TCB_SECRET_ID: 'id', TCB_SECRET_KEY: 'key' }

  it('refuses without the environment credentials, naming them', () => {
    const target = accountsTarget(['add', 'boss', '--cloud'], {})
    expect(target).toEqual({ ok: false, message: MISSING_CREDENTIALS })
  })

  it('writes the cloud database through the node-sdk bridge: the account then signs in through HTTP access', async () => {
    // A cloud environment after `cloud:init --apply` (FAKE node-sdk over the stand-in; not the real cloud).
    const { standin, conn } = fakeNodeSdkConnection()
    for (const c of COLLECTIONS) await standin.createCollection(c.name)
    const connected: string[] = []
    const target = accountsTarget(['add', 'boss', '--role', 'admin', '--name', '馆长', '--cloud'], CREDS, (creds) => (connected.push(creds.envId), conn))
    if (!target.ok) throw new Error(target.message)
    expect([target.where, connected]).toEqual(['云环境 gxq-env-1a2b', ['gxq-env-1a2b']])
    const lines: string[] = []
    expect(await runAccounts(target.store, target.args, { log: (s) => lines.push(s), password: async () => 'first-admin-pass' })).toBe(0)
    expect(lines.pop()).toBe('已创建账号 boss（馆长，管理员）')

    // What the functions read: the same document, through wx-server-sdk shapes.
    const functionsView = openWxCloudStore(standin)
    expect(await functionsView.accounts.get('boss')).toMatchObject({ username: 'boss', role: 'admin', disabled: false })
    const origin = 'https://gxq-env-1a2b.tcloudbaseapp.com'
    const res = await handleHttpAccess(
      { path: '/console-api/_session', httpMethod: 'POST', headers: { origin, 'x-real-ip': '203.0.113.1' }, body: JSON.stringify({ username: 'boss', password: 'first-admin-pass' }) },
      { fn: functions.accounts, store: functionsView, keys: ringFromSecret('s'), origins: new Set([origin]) },
    )
    expect([res.statusCode, JSON.parse(res.body).role]).toEqual([200, 'admin'])

    // list and reset-password work the same way against the cloud.
    expect(await runAccounts(target.store, ['list'], { log: (s) => lines.push(s), password: async () => '' })).toBe(0)
    expect(lines.pop()).toMatch(/^boss\s+馆长 {2}管理员 {2}正常$/)
  })
})

import { tempSqliteStore } from '../cloud/testing/stores'
import { runAccounts } from './accounts'

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
})

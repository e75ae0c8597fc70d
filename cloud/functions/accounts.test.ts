import { accounts } from './accounts'
import { dispatch } from './dispatch'
import { contextFor, tempSqliteStore } from '../testing/stores'
import type { Role } from './types'
import { signIn } from '../accounts/service'
import { hashPassword } from '../accounts/password'

describe('accounts cloud function (admin manages named accounts; hashes never leave the store)', () => {
  let env: Awaited<ReturnType<typeof tempSqliteStore>>
  beforeAll(async () => {
    env = await tempSqliteStore({ seed: false })
  })
  afterAll(() => env.cleanup())
  const as = (role: Role, account?: string) => ({ ...contextFor(env.store, { openid: account ? `account:${account}` : 'o-1', role }), account })
  const call = (event: object, role: Role, account?: string) => dispatch(accounts, event, as(role, account))

  it('lets an admin create, list, rename, change role, disable and reset a password, never showing a hash', async () => {
    const created = await call({ action: 'create', username: 'ZhaoLiu', name: '赵六', role: 'booking_operator', password: 'long-enough-1' }, 'admin', 'boss')
    expect(created).toMatchObject({ ok: true, data: { account: { username: 'zhaoliu', name: '赵六', role: 'booking_operator', disabled: false } } })
    const listed = await call({ action: 'list' }, 'admin', 'boss')
    expect(JSON.stringify(listed)).not.toMatch(/scrypt|passwordHash|failedAttempts/)
    const updated = await call({ action: 'update', username: 'zhaoliu', name: '赵六六', role: 'staff', disabled: true }, 'admin', 'boss')
    expect(updated).toMatchObject({ ok: true, data: { account: { name: '赵六六', role: 'staff', disabled: true } } })
    const reset = await call({ action: 'resetPassword', username: 'zhaoliu', password: 'another-long-1' }, 'admin', 'boss')
    expect(JSON.stringify(reset)).not.toMatch(/scrypt/)
    expect(reset.ok).toBe(true)
  })

  it('audits every account change (create, name, role, disable/enable, password reset): who and when, never the password', async () => {
    const at = new Date('2026-11-27T03:00:00.000Z')
    const by = (event: object) => dispatch(accounts, event, { ...as('admin', 'chief'), now: () => at })
    await by({ action: 'create', username: 'qianqi', name: '钱七', role: 'staff', password: 'qianqi-secret-1' })
    await by({ action: 'update', username: 'qianqi', name: '钱七七' })
    await by({ action: 'update', username: 'qianqi', role: 'content_editor' })
    await by({ action: 'update', username: 'qianqi', disabled: true })
    await by({ action: 'update', username: 'qianqi', disabled: false })
    await by({ action: 'resetPassword', username: 'qianqi', password: 'qianqi-secret-2' })
    // A refused change is not a change.
    await by({ action: 'update', username: 'nobody-here', disabled: true })
    const entries = (await env.store.ops.listAudit({ account: 'chief', limit: 50 })).reverse()
    expect(entries.map((e) => [e.account, e.role, e.at, e.action, e.target])).toEqual([
      ['chief', 'admin', at.toISOString(), 'accounts.create', 'qianqi'],
      ...Array(4).fill(['chief', 'admin', at.toISOString(), 'accounts.update', 'qianqi']),
      ['chief', 'admin', at.toISOString(), 'accounts.resetPassword', 'qianqi'],
    ])
    expect(entries[0].after).toMatchObject({ username: 'qianqi', name: '钱七', role: 'staff', disabled: false })
    expect([entries[1].before, entries[1].after]).toMatchObject([{ name: '钱七' }, { name: '钱七七' }])
    expect([entries[2].before, entries[2].after]).toMatchObject([{ role: 'staff' }, { role: 'content_editor' }])
    expect([entries[3].after, entries[4].after]).toMatchObject([{ disabled: true }, { disabled: false }])
    expect(entries[5].after).toEqual({ passwordReset: true })
    expect(JSON.stringify(entries)).not.toMatch(/qianqi-secret|scrypt|passwordHash/)
  })

  it('refuses a short password, a taken username, an unknown role, and an unknown account, in Chinese', async () => {
    expect(await call({ action: 'create', username: 'short', name: '短', role: 'staff', password: '1234567' }, 'admin')).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: '密码至少 8 位' },
    })
    await call({ action: 'create', username: 'dup', name: '甲', role: 'staff', password: 'long-enough-1' }, 'admin')
    expect(await call({ action: 'create', username: 'dup', name: '乙', role: 'staff', password: 'long-enough-2' }, 'admin')).toMatchObject({
      ok: false,
      error: { code: 'ACCOUNT_EXISTS', message: '用户名已被使用，请换一个' },
    })
    expect(await call({ action: 'create', username: 'vis', name: '访', role: 'visitor', password: 'long-enough-1' }, 'admin')).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', fields: { role: '角色不正确' } },
    })
    expect(await call({ action: 'resetPassword', username: 'ghost', password: 'long-enough-1' }, 'admin')).toMatchObject({ ok: false, error: { code: 'ACCOUNT_NOT_FOUND' } })
  })

  it('keeps an admin from disabling or demoting their own account', async () => {
    await call({ action: 'create', username: 'boss', name: '馆长', role: 'admin', password: 'long-enough-1' }, 'admin')
    expect(await call({ action: 'update', username: 'boss', disabled: true }, 'admin', 'boss')).toMatchObject({ ok: false, error: { code: 'ACCOUNT_SELF_LOCKOUT' } })
    expect(await call({ action: 'update', username: 'boss', role: 'staff' }, 'admin', 'boss')).toMatchObject({ ok: false, error: { code: 'ACCOUNT_SELF_LOCKOUT' } })
    expect(await call({ action: 'update', username: 'boss', name: '新馆长' }, 'admin', 'boss')).toMatchObject({ ok: true })
  })

  it('lets only an admin manage accounts; `me` answers any signed-in account and no visitor', async () => {
    for (const role of ['staff', 'content_editor', 'booking_operator', 'zone_editor', 'visitor'] as Role[]) {
      expect(await call({ action: 'list' }, role)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(await call({ action: 'create', username: 'x-' + role.slice(0, 3), name: 'x', role: 'admin', password: 'long-enough-1' }, role)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(await call({ action: 'me' }, 'admin', 'boss')).toEqual({ ok: true, data: { me: { role: 'admin', username: 'boss', name: '新馆长' } } })
    // In the cloud build: an OPENID with a role, no account.
    expect(await call({ action: 'me' }, 'staff')).toEqual({ ok: true, data: { me: { role: 'staff', openid: 'o-1' } } })
    expect(await call({ action: 'me' }, 'visitor')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
  it('lets a signed-in operator change their own password: the current one checked, audited without either, old locks left behind', async () => {
    const at = new Date('2026-11-27T04:00:00.000Z')
    const self = (event: object, account = 'sunba') => dispatch(accounts, event, { ...as('booking_operator', account), now: () => at })
    await call({ action: 'create', username: 'sunba', name: '孙八', role: 'booking_operator', password: 'sunba-first-1' }, 'admin', 'boss')
    // Someone locks the name out from the desk's address by guessing.
    const tryAt = (password: string) => signIn(env.store, { username: 'sunba', password, address: '10.0.0.7' }, at)
    for (let i = 0; i < 5; i++) await tryAt('wrong-guess-1')
    expect(await tryAt('sunba-first-1')).toMatchObject({ ok: false, code: 'ACCOUNT_LOCKED' })

    expect(await self({ action: 'changeOwnPassword', current: 'not-the-one-1', next: 'sunba-second-2' })).toMatchObject({ ok: false, error: { code: 'PASSWORD_WRONG', message: '当前密码不正确' } })
    expect(await self({ action: 'changeOwnPassword', current: 'sunba-first-1', next: 'short' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    expect(await self({ action: 'changeOwnPassword', current: 'sunba-first-1', next: 'sunba-second-2' })).toMatchObject({ ok: true })
    // The new password signs in from that same address at once; the old one no longer does.
    expect(await tryAt('sunba-second-2')).toMatchObject({ ok: true })
    expect(await tryAt('sunba-first-1')).toMatchObject({ ok: false, code: 'SIGN_IN_FAILED' })
    const entries = await env.store.ops.listAudit({ operation: 'accounts.changeOwnPassword', limit: 5 })
    expect(entries.map((e) => [e.account, e.target, e.after])).toEqual([['sunba', 'sunba', { passwordChanged: true }]])
    expect(JSON.stringify(entries)).not.toMatch(/sunba-first|sunba-second|scrypt/)
    // Without a named account (a cloud OPENID) there is no password to change.
    expect(await dispatch(accounts, { action: 'changeOwnPassword', current: 'sunba-second-2', next: 'sunba-third-3' }, as('booking_operator'))).toMatchObject({ ok: false, error: { code: 'ACCOUNT_NOT_FOUND' } })
  })

  it('shows no account as locked that sign-in does not lock (locks are per address and a reset leaves them behind)', async () => {
    const at = new Date('2026-11-27T05:00:00.000Z')
    // A record from before locks moved to per-address counters still carries a lock field.
    await env.store.accounts.create({ username: 'zhoujiu', name: '周九', role: 'staff', passwordHash: await hashPassword('zhoujiu-pass-1'), failedAttempts: 3, lockedUntil: '2026-11-27T06:00:00.000Z', disabled: false, createdAt: at.toISOString() })
    expect(await signIn(env.store, { username: 'zhoujiu', password: 'zhoujiu-pass-1', address: '10.0.0.8' }, at)).toMatchObject({ ok: true })
    const listed = (await dispatch(accounts, { action: 'list' }, { ...as('admin', 'boss'), now: () => at })) as any
    expect(listed.data.accounts.find((a: any) => a.username === 'zhoujiu').lockedUntil).toBeUndefined()
  })
})

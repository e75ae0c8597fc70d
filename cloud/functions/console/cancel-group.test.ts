// An operator cancels one approved group (console → 团体预约 → 取消), on real SQLite: the places
// and the people's day claims go back exactly once (two operators at once: one wins), the change
// is audited, and the leader sees 已取消 with the reason; what cannot be cancelled is refused and
// changes nothing.
import { bj, caller } from '../../testing/booking'
import { groupSubmit, schoolRoster, type RosterLine } from '../../testing/roster'
import { tempSqliteStore } from '../../testing/stores'

const NOW = bj('2026-11-26 10:00')
const SESSION = '2026-11-27.am'
const operator = { openid: 'o-op', role: 'booking_operator' as const, account: 'op1', now: NOW }
const operator2 = { openid: 'o-op2', role: 'booking_operator' as const, account: 'op2', now: NOW }

let env: Awaited<ReturnType<typeof tempSqliteStore>>
let call: ReturnType<typeof caller>
let seq = 0
beforeEach(async () => {
  env = await tempSqliteStore()
  call = caller(env.store)
})
afterEach(() => env.cleanup())

async function submit(lines: RosterLine[], openid = 'o-leader') {
  const res = await call('groups', 'submit', await groupSubmit(SESSION, lines, `grp-${++seq}-abcdef`), { openid, now: NOW })
  if (!res.ok) throw new Error(res.error.message)
  return res.data.request.id
}
const approved = async (lines: RosterLine[], openid?: string) => {
  const id = await submit(lines, openid)
  expect(await call('console', 'approveGroup', { requestId: id }, operator)).toMatchObject({ ok: true })
  return id
}
const groupTaken = async () => (await env.store.groups.placesTaken([SESSION]))[SESSION] ?? 0

describe('an operator cancels one approved group', () => {
  it('gives back its places and day claims, is audited, and the leader sees 已取消 with the reason', async () => {
    const lines = schoolRoster(30, 2)
    const id = await approved(lines)
    expect(await groupTaken()).toBe(32)

    const res = await call('console', 'cancelGroup', { requestId: id, reason: '展厅临时检修' }, operator)
    expect(res).toMatchObject({ ok: true, data: { request: { id, status: 'cancelled', reason: '展厅临时检修' }, released: 32 } })
    expect(await groupTaken()).toBe(0)
    const mine = await call('groups', 'mine', {}, { openid: 'o-leader', now: NOW })
    expect(mine).toMatchObject({ ok: true, data: { requests: [{ id, status: 'cancelled', reason: '展厅临时检修' }] } })
    if (mine.ok) expect(mine.data.requests[0].leaderCode).toBeUndefined()
    const audit = await env.store.ops.listAudit({ limit: 10 } as never)
    expect(audit.find((a) => a.action === 'console.cancelGroup')).toMatchObject({ account: 'op1', target: id, before: { status: '已通过' }, after: { status: '已取消', reason: '展厅临时检修', people: 32 } })
    // The gate no longer admits it; the same people may book that day again.
    expect(await call('groups', 'gate', { code: id }, { openid: 'g', role: 'staff', account: 'gate1', now: bj('2026-11-27 09:05') })).toMatchObject({ ok: false, error: { code: 'GROUP_NOT_APPROVED' } })
    expect(await submit(lines, 'o-other')).toEqual(expect.any(String))
  })

  it('two operators cancelling at once: one wins, the places go back once', async () => {
    const id = await approved(schoolRoster(30, 2))
    await approved(schoolRoster(20, 1, 300), 'o-leader2')
    expect(await groupTaken()).toBe(53)
    const both = await Promise.all([
      call('console', 'cancelGroup', { requestId: id, reason: '展厅临时检修' }, operator),
      call('console', 'cancelGroup', { requestId: id, reason: '团体改期' }, operator2),
    ])
    expect(both.filter((r) => r.ok)).toHaveLength(1)
    expect(both.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'NOT_CANCELLABLE', message: expect.stringContaining('已取消') } })
    expect(await groupTaken()).toBe(21)
    const audit = await env.store.ops.listAudit({ limit: 10 } as never)
    expect(audit.filter((a) => a.action === 'console.cancelGroup')).toHaveLength(1)
  })

  it('a head count landing between the cancel’s check and its step: the cancel is refused (GROUP_CHECKED_IN), nothing is given back, the people stay counted in', async () => {
    const id = await approved(schoolRoster(30, 2))
    const other = await approved(schoolRoster(20, 1, 300), 'o-leader2')
    const gate = { openid: 'g', role: 'staff' as const, account: 'gate1', now: bj('2026-11-27 09:05') }
    // The console's read of the request answers what it read (nobody inside yet), and the gate's
    // head count lands right after it, before the cancel's status change.
    let countedIn: unknown
    const racing = caller({
      ...env.store,
      groups: {
        ...env.store.groups,
        get: async (requestId: string) => {
          const seen = await env.store.groups.get(requestId)
          if (requestId === id && countedIn === undefined) countedIn = await call('groups', 'countIn', { code: id, count: 5 }, gate)
          return seen
        },
      },
    })
    const res = await racing('console', 'cancelGroup', { requestId: id, reason: '展厅临时检修' }, operator)
    expect(countedIn).toMatchObject({ ok: true })
    expect(res).toMatchObject({ ok: false, error: { code: 'GROUP_CHECKED_IN', message: expect.stringContaining('5 人') } })
    expect(await env.store.groups.get(id)).toMatchObject({ status: 'approved', checkedIn: 5 })
    // Its 32 places (and the other group's 21) are still taken; nothing was audited as cancelled.
    expect(await groupTaken()).toBe(53)
    expect((await env.store.ops.listAudit({ limit: 10 } as never)).filter((a) => a.action === 'console.cancelGroup')).toHaveLength(0)
    expect((await env.store.groups.get(other))?.status).toBe('approved')
  })

  it('refuses a pending request (it is rejected instead), one counted in at the gate, an unknown id, no reason, and a content editor — changing nothing', async () => {
    const pending = await submit(schoolRoster(10, 1))
    const inside = await approved(schoolRoster(20, 1, 300), 'o-leader2')
    expect(await call('groups', 'countIn', { code: inside, count: 5 }, { openid: 'g', role: 'staff', account: 'gate1', now: bj('2026-11-27 09:05') })).toMatchObject({ ok: true })
    const before = await groupTaken()

    expect(await call('console', 'cancelGroup', { requestId: pending, reason: '展厅临时检修' }, operator)).toMatchObject({ ok: false, error: { code: 'NOT_CANCELLABLE', message: expect.stringContaining('待审核') } })
    expect(await call('console', 'cancelGroup', { requestId: inside, reason: '展厅临时检修' }, operator)).toMatchObject({ ok: false, error: { code: 'GROUP_CHECKED_IN', message: expect.stringContaining('5 人') } })
    expect(await call('console', 'cancelGroup', { requestId: 'AAAAAAAAAAAAAAAA', reason: '展厅临时检修' }, operator)).toMatchObject({ ok: false, error: { code: 'GROUP_NOT_FOUND' } })
    expect(await call('console', 'cancelGroup', { requestId: inside, reason: ' ' } as never, operator)).toMatchObject({ ok: false, error: { fields: { reason: expect.any(String) } } })
    expect(await call('console', 'cancelGroup', { requestId: inside, reason: '展厅临时检修' }, { ...operator, role: 'content_editor' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    expect(await groupTaken()).toBe(before)
    expect((await env.store.groups.get(pending))?.status).toBe('pending')
    expect((await env.store.groups.get(inside))?.status).toBe('approved')
  })
})

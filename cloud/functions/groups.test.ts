// Group visits end to end on real SQLite: the roster refused row by row, the group quota apart from
// individuals' places, the one-booking-per-ID-per-day claims shared with individuals, approval and
// rejection in the console (audited), the leader's code and the gate's head count.
import ExcelJS from 'exceljs'
import { saveBookingConfig, DEFAULT_BOOKING_CONFIG } from '../booking/config'
import { bj, caller, residentId } from '../testing/booking'
import { groupSubmit, rosterXlsx, schoolRoster, withWrongCheckChar, type RosterLine } from '../testing/roster'
import { tempSqliteStore } from '../testing/stores'

const NOW = bj('2026-11-26 10:00')
const SESSION = '2026-11-27.am'
const leader = { openid: 'o-leader', now: NOW }
const operator = { openid: 'o-op', role: 'booking_operator' as const, account: 'op1', now: NOW }
const gate = (time: string) => ({ openid: 'o-gate', role: 'staff' as const, account: 'gate1', now: bj(`2026-11-27 ${time}`) })

let env: Awaited<ReturnType<typeof tempSqliteStore>>
let call: ReturnType<typeof caller>
let seq = 0

beforeEach(async () => {
  env = await tempSqliteStore()
  call = caller(env.store)
})
afterEach(() => env.cleanup())

async function submit(lines: RosterLine[], over: Record<string, unknown> = {}, who: { openid: string; now: Date } = leader) {
  return call('groups', 'submit', { ...(await groupSubmit(SESSION, lines, `grp-${++seq}-abcdef`)), ...over } as never, who)
}

const groupTaken = async () => (await env.store.groups.placesTaken([SESSION]))[SESSION] ?? 0
const individualsLeft = async () => {
  const res = await call('booking', 'calendar', {}, leader)
  if (!res.ok) throw new Error(res.error.message)
  return res.data.days.flatMap((d) => d.sessions).find((s) => s.id === SESSION)!.left
}

describe('submitting a group', () => {
  it('refuses a 120-row roster with 3 bad IDs row by row, holding nothing; the fixed roster is accepted pending with 120 places held in the group quota', async () => {
    const lines = schoolRoster(114, 6)
    const bad = [11, 57, 103].map((i) => i + 2) // sheet rows
    const broken = lines.map((l, i) => (bad.includes(i + 2) ? { ...l, id: withWrongCheckChar(l.id) } : l))
    const refused = await submit(broken)
    expect(refused.ok).toBe(false)
    if (refused.ok) return
    expect(refused.error.code).toBe('ROSTER_ROWS')
    expect(refused.error.message).toContain('名单有 3 行有误')
    // The Chinese sentence for the console and older apps, and the code the app renders in the visitor's language.
    expect(refused.error.fields).toEqual(
      Object.fromEntries(bad.flatMap((row) => [[`rows.${row}.身份证号`, '身份证号校验位不符'], [`rowCodes.${row}.身份证号`, 'ID_CHECK_CHAR']])),
    )
    expect(await groupTaken()).toBe(0)
    expect((await call('groups', 'mine', {}, leader)).ok && (await call('groups', 'mine', {}, leader))).toMatchObject({ data: { requests: [] } })

    const before = await individualsLeft()
    const accepted = await submit(lines)
    expect(accepted).toMatchObject({ ok: true, data: { request: { status: 'pending', people: 120, counts: { teachers: 6, students: 114, adults: 0 }, creditCodeMasked: '12100000******624D', leaderPhoneMasked: '139****0000' } } })
    expect(await groupTaken()).toBe(120)
    // Individuals' places are untouched by the group.
    expect(await individualsLeft()).toBe(before)
    const sessions = await call('groups', 'sessions', {}, leader)
    expect(sessions.ok && sessions.data.sessions.find((s) => s.sessionId === SESSION)).toMatchObject({ quota: 150, taken: 120 })
  })

  it('refuses a group too small, too large for its teachers, and a bad credit code or phone', async () => {
    expect(await submit(schoolRoster(8, 1))).toMatchObject({ ok: false, error: { code: 'GROUP_TOO_SMALL' } })
    expect(await submit(schoolRoster(45, 2))).toMatchObject({ ok: false, error: { code: 'RATIO', message: '45 名学生至少需要 3 名带队教师（每 20 名学生 1 名），名单中有 2 名' } })
    expect(await submit(schoolRoster(20, 1), { creditCode: '12100000400000624E' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: { creditCode: expect.stringContaining('统一社会信用代码') } } })
    expect(await submit(schoolRoster(20, 1), { leaderPhone: '1390000' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: { leaderPhone: '请填写11位手机号码' } } })
    expect(await groupTaken()).toBe(0)
  })

  it('follows the ratio setting of the booking settings', async () => {
    await saveBookingConfig(env.store, { ...DEFAULT_BOOKING_CONFIG, groups: { ...DEFAULT_BOOKING_CONFIG.groups, pupilsPerTeacher: 10 } })
    expect(await submit(schoolRoster(25, 2))).toMatchObject({ ok: false, error: { code: 'RATIO' } })
    expect(await submit(schoolRoster(25, 3))).toMatchObject({ ok: true })
  })

  it('a retried submit answers the same request and holds its places once', async () => {
    const lines = schoolRoster(30, 2)
    const first = await submit(lines, { clientRequestId: 'same-request-1' })
    const again = await submit(lines, { clientRequestId: 'same-request-1' })
    expect(first.ok && again.ok && again.data.request.id === first.data.request.id).toBe(true)
    expect(await groupTaken()).toBe(32)
  })

  it('keeps the group quota apart: a second group past it is refused while individuals still book, and individuals never use it', async () => {
    expect(await submit(schoolRoster(114, 6))).toMatchObject({ ok: true })
    expect(await submit(schoolRoster(38, 2, 500))).toMatchObject({ ok: false, error: { code: 'GROUP_QUOTA_FULL', message: expect.stringContaining('团体名额只剩 30 个') } })
    expect(await submit(schoolRoster(28, 2, 500))).toMatchObject({ ok: true })
    // Individuals fill their 300 places; the groups' 150 are not among them.
    await saveBookingConfig(env.store, { ...DEFAULT_BOOKING_CONFIG, sessions: DEFAULT_BOOKING_CONFIG.sessions.map((s) => ({ ...s, capacity: 1 })) })
    const v = await call('booking', 'addVisitor', { name: '散客甲', idType: 'resident', idNumber: residentId(901) }, { openid: 'o-ind', now: NOW })
    const w = await call('booking', 'addVisitor', { name: '散客乙', idType: 'resident', idNumber: residentId(902) }, { openid: 'o-ind2', now: NOW })
    if (!v.ok || !w.ok) throw new Error('visitor')
    expect(await call('booking', 'book', { sessionId: SESSION, visitorIds: [v.data.visitor.id], clientRequestId: 'ind-1-abcdef' }, { openid: 'o-ind', now: NOW })).toMatchObject({ ok: true })
    expect(await call('booking', 'book', { sessionId: SESSION, visitorIds: [w.data.visitor.id], clientRequestId: 'ind-2-abcdef' }, { openid: 'o-ind2', now: NOW })).toMatchObject({ ok: false, error: { code: 'SESSION_FULL' } })
    expect(await groupTaken()).toBe(150)
  })

  it('one booking per ID per day across individuals and groups: each side is refused an ID the other holds, naming the row', async () => {
    const lines = schoolRoster(20, 1)
    const v = await call('booking', 'addVisitor', { name: lines[5].name, idType: 'resident', idNumber: lines[5].id }, { openid: 'o-ind', now: NOW })
    if (!v.ok) throw new Error(v.error.message)
    expect(await call('booking', 'book', { sessionId: '2026-11-27.pm', visitorIds: [v.data.visitor.id], clientRequestId: 'ind-1-abcdef' }, { openid: 'o-ind', now: NOW })).toMatchObject({ ok: true })
    const refused = await submit(lines)
    expect(refused).toMatchObject({ ok: false, error: { code: 'ROSTER_ROWS', fields: { 'rows.7.身份证号': expect.stringContaining('当天已有预约'), 'rowCodes.7.身份证号': 'ID_TAKEN' } } })
    expect(await groupTaken()).toBe(0)

    const other = schoolRoster(20, 1, 300)
    expect(await submit(other)).toMatchObject({ ok: true })
    const x = await call('booking', 'addVisitor', { name: other[3].name, idType: 'resident', idNumber: other[3].id }, { openid: 'o-ind3', now: NOW })
    if (!x.ok) throw new Error(x.error.message)
    expect(await call('booking', 'book', { sessionId: '2026-11-27.pm', visitorIds: [x.data.visitor.id], clientRequestId: 'ind-3-abcdef' }, { openid: 'o-ind3', now: NOW })).toMatchObject({ ok: false, error: { code: 'ID_ALREADY_BOOKED' } })
  })

  it('keeps ID numbers out of storage and answers: only hashes and masks', async () => {
    const lines = schoolRoster(20, 1)
    const res = await submit(lines)
    if (!res.ok) throw new Error(res.error.message)
    const got = await call('groups', 'get', { requestId: res.data.request.id }, leader)
    const stored = JSON.stringify(await env.store.groups.get(res.data.request.id))
    for (const l of lines) {
      expect(JSON.stringify(got)).not.toContain(l.id)
      expect(stored).not.toContain(l.id)
    }
    expect(got.ok && got.data.request.roster![0].idMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/)
    // Another identity is told there is no such request.
    expect(await call('groups', 'get', { requestId: res.data.request.id }, { openid: 'o-other', now: NOW })).toMatchObject({ ok: false, error: { code: 'GROUP_NOT_FOUND' } })
    expect(await call('groups', 'cancel', { requestId: res.data.request.id }, { openid: 'o-other', now: NOW })).toMatchObject({ ok: false, error: { code: 'GROUP_NOT_FOUND' } })
  })
})

describe('approval, rejection and cancellation', () => {
  it('approves once (audited) and gives the leader a code; a second decision is refused', async () => {
    const res = await submit(schoolRoster(30, 2))
    if (!res.ok) throw new Error(res.error.message)
    const id = res.data.request.id
    const listed = await call('console', 'groupRequests', { day: '2026-11-27' }, operator)
    expect(listed).toMatchObject({ ok: true, data: { requests: [{ id, status: 'pending', leaderPhone: '13900000000', creditCode: '12100000400000624D' }] } })
    expect(await call('console', 'approveGroup', { requestId: id }, operator)).toMatchObject({ ok: true, data: { request: { status: 'approved', decidedBy: 'op1' } } })
    expect(await call('console', 'rejectGroup', { requestId: id, reason: '名额调整' }, operator)).toMatchObject({ ok: false, error: { code: 'NOT_PENDING', message: expect.stringContaining('已通过') } })
    const mine = await call('groups', 'get', { requestId: id }, leader)
    expect(mine.ok && mine.data.request.leaderCode).toMatch(/^G1\./)
    // The list by status: the approved one under 已通过, none left under 待审核.
    const other = await submit(schoolRoster(20, 1, 300))
    const byStatus = async (status: 'pending' | 'approved') => {
      const res = await call('console', 'groupRequests', { day: '2026-11-27', status }, operator)
      return res.ok ? res.data.requests.map((r) => r.id) : []
    }
    expect(await byStatus('approved')).toEqual([id])
    expect(await byStatus('pending')).toEqual([other.ok && other.data.request.id])
    const audit = await env.store.ops.listAudit({ limit: 10 } as never)
    expect(audit.find((a) => a.action === 'console.approveGroup')).toMatchObject({ account: 'op1', target: id, before: { status: '待审核' }, after: { status: '已通过', people: 32 } })
    expect(await groupTaken()).toBe(32 + 21)
  })

  it('a rejection gives back the places and the day claims, with the reason shown to the leader', async () => {
    const lines = schoolRoster(30, 2)
    const res = await submit(lines)
    if (!res.ok) throw new Error(res.error.message)
    expect(await call('console', 'rejectGroup', { requestId: res.data.request.id, reason: '当天有大型活动' }, operator)).toMatchObject({ ok: true })
    expect(await groupTaken()).toBe(0)
    expect(await call('groups', 'get', { requestId: res.data.request.id }, leader)).toMatchObject({ ok: true, data: { request: { status: 'rejected', reason: '当天有大型活动' } } })
    // The same people can now be booked (as a new group, or one by one).
    expect(await submit(lines)).toMatchObject({ ok: true })
  })

  it('the leader cancels a pending or approved request before the session, giving everything back', async () => {
    const res = await submit(schoolRoster(30, 2))
    if (!res.ok) throw new Error(res.error.message)
    await call('console', 'approveGroup', { requestId: res.data.request.id }, operator)
    expect(await call('groups', 'cancel', { requestId: res.data.request.id }, leader)).toMatchObject({ ok: true, data: { request: { status: 'cancelled' } } })
    expect(await groupTaken()).toBe(0)
    expect(await call('groups', 'cancel', { requestId: res.data.request.id }, leader)).toMatchObject({ ok: false, error: { code: 'NOT_CANCELLABLE' } })
  })

  it('a head count landing between the leader’s cancel check and its step (the morning of the visit, before the deadline): the cancel is refused, the places stay with the people inside', async () => {
    const res = await submit(schoolRoster(30, 2))
    if (!res.ok) throw new Error(res.error.message)
    const id = res.data.request.id
    await call('console', 'approveGroup', { requestId: id }, operator)
    const morning = { ...leader, now: bj('2026-11-27 08:50') }
    let countedIn: unknown
    const racing = caller({
      ...env.store,
      groups: {
        ...env.store.groups,
        get: async (requestId: string) => {
          const seen = await env.store.groups.get(requestId)
          if (requestId === id && countedIn === undefined) countedIn = await call('groups', 'countIn', { code: id, count: 12 }, gate('08:50'))
          return seen
        },
      },
    })
    const refused = await racing('groups', 'cancel', { requestId: id }, morning)
    expect(countedIn).toMatchObject({ ok: true })
    expect(refused).toMatchObject({ ok: false, error: { code: 'CANCEL_DEADLINE_PASSED' } })
    expect(await env.store.groups.get(id)).toMatchObject({ status: 'approved', checkedIn: 12 })
    expect(await groupTaken()).toBe(32)
  })

  it('prints the roster as a workbook with masked IDs and the group’s details', async () => {
    const lines = schoolRoster(30, 2)
    const res = await submit(lines)
    if (!res.ok) throw new Error(res.error.message)
    const sheet = await call('console', 'groupRoster', { requestId: res.data.request.id }, operator)
    if (!sheet.ok) throw new Error(sheet.error.message)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(sheet.data.data, 'base64') as unknown as ArrayBuffer)
    const text = JSON.stringify(book.worksheets[0].getSheetValues())
    expect(text).toContain('大连高新区第一小学')
    expect(text).toContain(lines[0].name)
    for (const l of lines) expect(text).not.toContain(l.id)
    expect(sheet.data.roster).toHaveLength(32)
  })
})

describe('the gate', () => {
  async function approvedCode(): Promise<{ id: string; code: string }> {
    const res = await submit(schoolRoster(114, 6))
    if (!res.ok) throw new Error(res.error.message)
    await call('console', 'approveGroup', { requestId: res.data.request.id }, operator)
    const got = await call('groups', 'get', { requestId: res.data.request.id }, leader)
    if (!got.ok) throw new Error(got.error.message)
    return { id: res.data.request.id, code: got.data.request.leaderCode! }
  }

  it('shows the organisation and expected heads, then takes partial counts up to the approved number, audited', async () => {
    const { id, code } = await approvedCode()
    expect(await call('groups', 'gate', { code }, gate('08:45'))).toMatchObject({ ok: true, data: { group: { organisation: '大连高新区第一小学', expected: 120, checkedIn: 0 } } })
    expect(await call('groups', 'countIn', { code, count: 70 }, gate('08:50'))).toMatchObject({ ok: true, data: { group: { checkedIn: 70 } } })
    expect(await call('groups', 'countIn', { code, count: 51 }, gate('08:55'))).toMatchObject({ ok: false, error: { code: 'HEADCOUNT_OVER', message: expect.stringContaining('本次最多 50 人') } })
    expect(await call('groups', 'countIn', { code: id, count: 50 }, gate('09:05'))).toMatchObject({ ok: true, data: { group: { checkedIn: 120, headCounts: [{ count: 70 }, { count: 50 }] } } })
    const stored = await env.store.groups.get(id)
    expect(stored!.headCounts.map((c) => c.by)).toEqual(['gate1', 'gate1'])
    const audit = await env.store.ops.listAudit({ limit: 10 } as never)
    expect(audit.filter((a) => a.action === 'groups.countIn')).toHaveLength(2)
  })

  it('the gate’s counts of the day show each session’s approved groups and their heads in, apart from individuals', async () => {
    const { code } = await approvedCode()
    await submit(schoolRoster(20, 1, 600)) // pending: not expected at the gate
    await call('groups', 'countIn', { code, count: 45 }, gate('08:50'))
    const today = await call('staff', 'today', {}, gate('08:55'))
    expect(today.ok && today.data.sessions.find((s) => s.sessionId === SESSION)).toMatchObject({ booked: 0, checkedIn: 0, groups: { expected: 120, checkedIn: 45 } })
    expect(today.ok && today.data.sessions.find((s) => s.sessionId === '2026-11-27.pm')).not.toHaveProperty('groups')
  })

  it('refuses a forged code, a pending request, and the wrong day', async () => {
    const { code } = await approvedCode()
    expect(await call('groups', 'gate', { code: code.slice(0, -2) + (code.endsWith('AA') ? 'BB' : 'AA') }, gate('09:00'))).toMatchObject({ ok: false, error: { code: 'GROUP_CODE_INVALID' } })
    expect(await call('groups', 'gate', { code }, { ...gate('09:00'), now: bj('2026-11-26 09:00') })).toMatchObject({ ok: false, error: { code: 'GROUP_WRONG_DAY' } })
    const pending = await submit(schoolRoster(20, 1, 600))
    if (!pending.ok) throw new Error(pending.error.message)
    expect(await call('groups', 'countIn', { code: pending.data.request.id, count: 5 }, gate('09:00'))).toMatchObject({ ok: false, error: { code: 'GROUP_NOT_APPROVED' } })
  })
})

describe('group rules in the booking settings', () => {
  it('an operator changes the ratio, size and quota (audited); the next submit follows them', async () => {
    const saved = await call('console', 'saveGroupRules', { minPeople: 15, maxPeople: 100, pupilsPerTeacher: 10, quotaPerSession: 60 }, operator)
    expect(saved).toMatchObject({ ok: true, data: { rules: { minPeople: 15, maxPeople: 100, pupilsPerTeacher: 10, quotaPerSession: 60 } } })
    expect(await submit(schoolRoster(12, 2))).toMatchObject({ ok: false, error: { code: 'GROUP_TOO_SMALL' } })
    expect(await submit(schoolRoster(25, 2))).toMatchObject({ ok: false, error: { code: 'RATIO' } })
    expect(await submit(schoolRoster(57, 6))).toMatchObject({ ok: false, error: { code: 'GROUP_QUOTA_FULL' } })
    expect(await submit(schoolRoster(50, 5))).toMatchObject({ ok: true })
    const listed = await call('console', 'groupRequests', { day: '2026-11-27' }, operator)
    expect(listed).toMatchObject({ ok: true, data: { rules: { quotaPerSession: 60 }, sessions: [{ sessionId: SESSION, quota: 60, taken: 55 }, { quota: 60, taken: 0 }] } })
    const audit = await env.store.ops.listAudit({ limit: 10 } as never)
    expect(audit.find((a) => a.action === 'console.saveGroupRules')).toMatchObject({ account: 'op1', after: { minPeople: 15, pupilsPerTeacher: 10 } })
  })

  it('refuses a minimum above the maximum, changing nothing', async () => {
    expect(await call('console', 'saveGroupRules', { minPeople: 50, maxPeople: 40, pupilsPerTeacher: 20, quotaPerSession: 150 }, operator)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: { minPeople: expect.any(String) } } })
    expect(await submit(schoolRoster(20, 1))).toMatchObject({ ok: true })
  })
})

describe('race: groups and individuals for the last places of one session', () => {
  it('of groups racing for the group places exactly those that fit get them, while a rush of individuals fills only its own places', async () => {
    await saveBookingConfig(env.store, { ...DEFAULT_BOOKING_CONFIG, sessions: DEFAULT_BOOKING_CONFIG.sessions.map((s) => ({ ...s, capacity: 3, groupQuota: 50 })) })
    const individuals = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const who = { openid: `o-rush-${i}`, now: NOW }
        const v = await call('booking', 'addVisitor', { name: `散客${'甲乙丙丁戊己'[i]}`, idType: 'resident', idNumber: residentId(800 + i) }, who)
        if (!v.ok) throw new Error(v.error.message)
        return { who, visitorId: v.data.visitor.id }
      }),
    )
    const rosters = await Promise.all([0, 1, 2].map((k) => rosterXlsx(schoolRoster(22, 2, 100 + k * 30))))
    const [groupResults, bookResults] = await Promise.all([
      Promise.all(rosters.map((r, k) => submit([], { rosterBase64: r.toString('base64') }, { openid: `o-leader-${k}`, now: NOW }))),
      Promise.all(individuals.map(({ who, visitorId }, i) => call('booking', 'book', { sessionId: SESSION, visitorIds: [visitorId], clientRequestId: `rush-${i}-abcdef` }, who))),
    ])
    // 3 groups of 24 for 50 group places: 2 fit; 6 people for 3 individual places: 3 get in.
    expect(groupResults.filter((r) => r.ok)).toHaveLength(2)
    expect(groupResults.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['GROUP_QUOTA_FULL'])
    expect(bookResults.filter((r) => r.ok)).toHaveLength(3)
    expect(await groupTaken()).toBe(48)
    expect((await env.store.booking.placesBooked([SESSION]))[SESSION]).toBe(3)
  })
})

describe('a museum closure', () => {
  it('cancels the day’s pending and approved groups with the reason, giving back their places and claims', async () => {
    const approved = await submit(schoolRoster(30, 2))
    const pending = await submit(schoolRoster(20, 1, 400))
    const otherDay = await submit(schoolRoster(20, 1, 700), { sessionId: '2026-11-28.am' })
    if (!approved.ok || !pending.ok || !otherDay.ok) throw new Error('submit')
    await call('console', 'approveGroup', { requestId: approved.data.request.id }, operator)
    expect(await call('console', 'closeDay', { day: '2026-11-27', reason: '台风停馆' }, operator)).toMatchObject({ ok: true })
    for (const id of [approved.data.request.id, pending.data.request.id]) {
      expect(await call('groups', 'get', { requestId: id }, leader)).toMatchObject({ ok: true, data: { request: { status: 'cancelled', reason: '台风停馆' } } })
    }
    expect(await groupTaken()).toBe(0)
    expect(await call('groups', 'get', { requestId: otherDay.data.request.id }, leader)).toMatchObject({ ok: true, data: { request: { status: 'pending' } } })
    // Run again (the closure job is re-runnable): nothing is given back twice.
    expect(await call('console', 'closeDay', { day: '2026-11-27', reason: '台风停馆' }, operator)).toMatchObject({ ok: true })
    expect(await groupTaken()).toBe(0)
    expect((await env.store.groups.placesTaken(['2026-11-28.am']))['2026-11-28.am']).toBe(21)
  })
})

// The gate in the built mini-program (dist/weapp, src/staff): a staff phone scans a group leader's
// code (the fake scanner reads it), sees the organisation and the approved heads, and counts the
// group in, in two parts; the day's counts show the group apart from individuals. With walk-in
// release to the door configured (the console's saveWalkIn) and the morning session started past
// the release minutes, the gate shows how many people at the door it may let in.
//
// Time: the server's clock is frozen at Friday 2026-11-27 09:40 Beijing (CLOCK_AT), 40 minutes into
// the morning session (09:00–12:00). What happened the day before (the bookings, the group's request
// and its approval, the setting) goes through the same handlers on the same database file, at
// Thursday 10:00 — as e2e/weapp/waitlist.test.ts does it.
import { createAccount } from '../../cloud/accounts/service'
import { DEFAULT_BOOKING_CONFIG, saveBookingConfig } from '../../cloud/booking/config'
import { openSqliteStore } from '../../cloud/store/sqlite'
import type { Store } from '../../cloud/store/port'
import { bj, bookPeople, caller } from '../../cloud/testing/booking'
import { rosterXlsx, schoolRoster } from '../../cloud/testing/roster'
import { callApi, startServer, type RunningServer } from '../harness'
import { ensureWeappBuild, reportSetData } from './build'
import { createStaffAccount, staffIdentity, visitorIdentity } from './identity'
import { launchMiniProgram, type MiniProgram, type PageHandle } from './mini-program'
import { readQrDataUrl } from './read-qr'
import { findNodes, textOf } from './tree'

let server: RunningServer
let store: Store
const opened: MiniProgram[] = []

const BEFORE = bj('2026-11-26 10:00')
const AM = '2026-11-27.am'
const ORG = '大连高新区第一小学'
const CAPACITY = 10
const OPERATOR = { username: 'ops-weapp', password: 'ops-weapp-password' }

beforeAll(async () => {
  ensureWeappBuild()
  server = await startServer({ CLOCK_AT: '2026-11-27T09:40:00+08:00', NO_SHOW_INTERVAL_MS: '0' }, { h5: false })
  await createStaffAccount(server)
  store = openSqliteStore(server.dbFile)
  const made = await createAccount(store.accounts, { ...OPERATOR, name: '运营（小程序）', role: 'booking_operator' }, new Date())
  if (!made.ok) throw new Error(made.error.message)
  await saveBookingConfig(store, { ...DEFAULT_BOOKING_CONFIG, capacityOverrides: [{ date: '2026-11-27', key: 'am', capacity: CAPACITY }] })
})
afterAll(async () => {
  for (const mp of opened) mp.close()
  reportSetData(opened.flatMap((mp) => mp.setData))
  await store?.close()
  await server?.stop()
})

const LEADER_QR = '领队二维码：在闸口出示，工作人员按人数核验入馆'

/** The OPENID a local-runtime token carries (its claims are readable; only the signature is secret). */
const openidOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[2], 'base64url').toString('utf8')) as { o: string }).o

/** The booking operator, through the server's API as the console calls it (POST /api/console). */
async function asOperator(action: string, body: object): Promise<{ ok: boolean; data?: any; error?: { message: string } }> {
  const { token } = await callApi<{ token: string }>(server, '_session', OPERATOR)
  return callApi(server, 'console', { action, ...body }, token)
}

/** The day's row for one session on the gate page (its name and hours, e.g. 上午场 09:00–12:00). */
function dayRow(gate: PageHandle, session: string): string {
  const rows = findNodes(gate.root(), { cls: 'st-count', contains: session })
  if (rows.length !== 1) throw new Error(`expected one ${session} row, found ${rows.length}:\n${gate.text()}`)
  return textOf(rows[0])
}

test('the gate scans a group leader’s code, counts the group in by heads (shown apart in the day’s counts), and with walk-in release to the door shows 现场可放行 N 人', async () => {
  const call = caller(store)
  // Yesterday: three people booked the morning; a school's 32 were approved for it. The leader is a
  // phone of this server (the OPENID its token carries), so their page shows the code the server signs.
  let serial = 700
  await bookPeople(call, { openid: 'family-a', now: BEFORE }, AM, 3, () => ++serial)
  const leaderToken = visitorIdentity(server)()
  const leader = { openid: openidOf(await leaderToken), now: BEFORE }
  const submitted = await call(
    'groups',
    'submit',
    { sessionId: AM, organisation: ORG, creditCode: '12100000400000624D', leaderName: '王老师', leaderPhone: '13900000000', rosterBase64: (await rosterXlsx(schoolRoster(30, 2))).toString('base64'), clientRequestId: 'gate-weapp-group-1' },
    leader,
  )
  if (!submitted.ok) throw new Error(submitted.error.message)
  const requestId = submitted.data.request.id
  expect(await asOperator('approveGroup', { requestId })).toMatchObject({ ok: true, data: { request: { status: 'approved' } } })

  // The leader's phone: 我的团体预约 shows 已通过 and the code; the gate's camera reads that screen.
  const leaderPhone = await launchMiniProgram({ serverUrl: server.url, identity: () => leaderToken })
  opened.push(leaderPhone)
  const mine = await leaderPhone.open('groups/index')
  expect(mine.text()).toMatch(new RegExp(`${ORG}\\s*已通过`))
  const code = readQrDataUrl(String(mine.attr({ prop: LEADER_QR }, 'src')))
  expect(code).toMatch(/^G1\./)
  leaderPhone.assertHealthy()

  // The gate phone, before walk-in release is configured: no door places shown.
  const staff = await launchMiniProgram({ serverUrl: server.url, identity: staffIdentity(server) })
  opened.push(staff)
  const gate = await staff.open('staff/pages/checkin/index')
  expect(dayRow(gate, '上午场')).toContain('团体 已入馆 0 / 获批 32')
  expect(gate.text()).not.toContain('现场可放行')

  // The leader shows the code; the scanner reads it.
  staff.wx.scanAnswers.push({ result: code! })
  await gate.tap({ text: '扫码核验电子票' })
  const group = () => textOf(gate.the({ cls: 'st-result' }))
  expect(group()).toMatch(new RegExp(`团体：${ORG} · 获批 32 人[\\s\\S]*王老师[\\s\\S]*已入馆 0 / 32 人`))

  // Counted in two parts, as they come through.
  await gate.input({ prop: '本次清点人数' }, '20')
  await gate.tap({ text: '确认入馆 20 人' })
  expect(group()).toContain('本次入馆 20 人，累计 20 / 32 人')
  expect(dayRow(gate, '上午场')).toContain('团体 已入馆 20 / 获批 32')
  await gate.input({ prop: '本次清点人数' }, '12')
  await gate.tap({ text: '确认入馆 12 人' })
  expect(group()).toContain('本次入馆 12 人，累计 32 / 32 人')
  expect(group()).toContain('全团已入馆')
  // The day's counts keep the group apart from the three individuals (none of them in yet).
  expect(dayRow(gate, '上午场')).toMatch(/已入馆 0 \/ 已预约 3\s*团体 已入馆 32 \/ 获批 32/)
  const stored = await store.groups.get(requestId)
  expect(stored).toMatchObject({ checkedIn: 32 })
  expect(stored!.headCounts.map((c) => [c.count, c.by])).toEqual([
    [20, 'gate-weapp'],
    [12, 'gate-weapp'],
  ])

  // The operator sets walk-in release: 30 minutes after the start, to the door.
  expect(await asOperator('saveWalkIn', { releaseAfterMinutes: 30, to: 'onsite' })).toMatchObject({ ok: true, data: { walkIn: { releaseAfterMinutes: 30, to: 'onsite' } } })
  // 09:40 is past 09:30: the morning's free places (10 − 3 booked) may be let in at the door; the
  // afternoon has not started, so it shows none.
  await gate.tap({ text: '刷新' })
  expect(dayRow(gate, '上午场')).toContain(`现场可放行 ${CAPACITY - 3} 人`)
  expect(dayRow(gate, '下午场')).not.toContain('现场可放行')
  staff.assertHealthy()
}, 120_000)

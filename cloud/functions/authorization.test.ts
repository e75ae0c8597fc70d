// The authorization matrix, table-driven: every role (and a caller with no identity at all) against
// every action of every cloud function, then own records against someone else's. The table is
// written out by hand — it is the intended policy, checked against what dispatch actually does —
// and it must name every action in the registry, so a new action cannot ship without a row.
import { ROLES, type Role } from './types'
import { dispatch } from './dispatch'
import { functions } from './index'
import { bj, caller, residentId } from '../testing/booking'
import { contextFor, tempSqliteStore } from '../testing/stores'

type Caller = 'anonymous' | Role
const CALLERS: Caller[] = ['anonymous', ...ROLES]
const ANYONE: Caller[] = CALLERS
const IDENTIFIED: Caller[] = [...ROLES]
const ACCOUNTS: Caller[] = ROLES.filter((r) => r !== 'visitor')
const only = (...roles: Caller[]): Caller[] => [...roles, 'admin']

const MATRIX: Record<string, Caller[]> = {
  'system.ping': ANYONE,
  'exhibits.get': ANYONE,
  'exhibits.list': ANYONE,
  'exhibits.pack': ANYONE,
  'admin.exhibitCodes': only(),
  'zone.searchCompanies': ANYONE,
  'zone.getCompany': ANYONE,
  'zone.searchPolicies': ANYONE,
  'zone.getPolicy': ANYONE,
  'zone.match': ANYONE,
  'zone.figures': ANYONE,
  'zone.policiesFor': ANYONE,
  // 政策提醒: the visitor's own saved profile.
  'zone.saveProfile': IDENTIFIED,
  'zone.alerts': IDENTIFIED,
  'zone.subscribeAlerts': IDENTIFIED,
  'booking.calendar': ANYONE,
  'booking.crowd': ANYONE,
  'booking.visitors': IDENTIFIED,
  'booking.addVisitor': IDENTIFIED,
  'booking.addChild': IDENTIFIED,
  'booking.removeVisitor': IDENTIFIED,
  'booking.book': IDENTIFIED,
  'booking.mine': IDENTIFIED,
  'booking.get': IDENTIFIED,
  'booking.cancel': IDENTIFIED,
  'booking.reschedule': IDENTIFIED,
  'booking.joinWaitlist': IDENTIFIED,
  'booking.waitlist': IDENTIFIED,
  'booking.leaveWaitlist': IDENTIFIED,
  'booking.acceptOffer': IDENTIFIED,
  'booking.noShowStanding': IDENTIFIED,
  'staff.checkIn': only('staff'),
  'staff.today': only('staff'),
  'staff.expected': only('staff'),
  'accounts.me': ACCOUNTS,
  'accounts.list': only(),
  'accounts.create': only(),
  'accounts.update': only(),
  'accounts.resetPassword': only(),
  'accounts.changeOwnPassword': ACCOUNTS,
  'notices.active': ANYONE,
  // The operator console (cloud/functions/console/, CONSOLE_ROLES).
  'console.exhibits': only('content_editor'),
  'console.saveExhibit': only('content_editor'),
  'console.uploadPhoto': only('content_editor'),
  // Photos and recordings for content editors, sheets for zone editors (the purpose is checked inside).
  'console.uploadTicket': only('content_editor', 'zone_editor'),
  'console.codeSheet': only('content_editor'),
  'console.halls': only('content_editor'),
  'console.uploadAudio': only('content_editor'),
  'console.regenerateAudio': only('content_editor'),
  'console.decideAudio': only('content_editor'),
  'console.saveHall': only('content_editor'),
  'console.notices': only('content_editor'),
  'console.saveNotice': only('content_editor'),
  'console.removeNotice': only('content_editor'),
  'console.closures': only('booking_operator'),
  'console.closeDay': only('booking_operator'),
  'console.closureImpact': only('booking_operator'),
  'console.closeDays': only('booking_operator'),
  'console.reopenDay': only('booking_operator'),
  'console.reopenSession': only('booking_operator'),
  'console.bookingConfig': only('booking_operator'),
  'console.saveSessionTemplates': only('booking_operator'),
  'console.setCapacity': only('booking_operator'),
  'console.closeSession': only('booking_operator'),
  'console.saveHolidays': only('booking_operator'),
  'console.roster': only('booking_operator'),
  'console.rosterXlsx': only('booking_operator'),
  'console.cancelBooking': only('booking_operator'),
  'console.previewImport': only('zone_editor'),
  'console.importZone': only('zone_editor'),
  'console.exportZone': only('zone_editor'),
  'console.zoneTemplate': only('zone_editor'),
  'console.zoneData': only('zone_editor'),
  'console.saveCompany': only('zone_editor'),
  'console.removeCompany': only('zone_editor'),
  'console.savePolicy': only('zone_editor'),
  'console.removePolicy': only('zone_editor'),
  'console.testRules': only('zone_editor'),
  'console.saveChart': only('zone_editor'),
  'console.dashboard': only('content_editor', 'booking_operator', 'zone_editor'),
  'console.transferRequests': only('transfer_officer'),
  'console.setRequestStatus': only('transfer_officer'),
  'console.transferNeeds': only('transfer_officer'),
  'console.reviewNeed': only('transfer_officer'),
  'console.transferLists': only('transfer_officer'),
  'console.savePlatform': only('transfer_officer'),
  'console.removePlatform': only('transfer_officer'),
  'console.saveResult': only('transfer_officer'),
  'console.removeResult': only('transfer_officer'),
  // 成果转化: the lists are public; requests and posted needs need an identity (and are one's own).
  'transfer.results': ANYONE,
  'transfer.getResult': ANYONE,
  'transfer.needs': ANYONE,
  'transfer.platforms': ANYONE,
  'transfer.submitRequest': IDENTIFIED,
  'transfer.myRequests': IDENTIFIED,
  'transfer.subscribe': IDENTIFIED,
  'transfer.submitNeed': IDENTIFIED,
  'console.audit': only(),
  'console.auditXlsx': only(),
  'console.holds': only('booking_operator'),
  'console.holdPlaces': only('booking_operator'),
  'console.releaseHold': only('booking_operator'),
  'console.closureNotices': only('booking_operator'),
  'console.dayReport': only('booking_operator'),
  'console.qrSheet': only('content_editor'),
  'console.waitlist': only('booking_operator'),
  // Groups and schools: the leader's own requests; the gate's head count; approval in the console.
  'groups.sessions': ANYONE,
  'groups.template': ANYONE,
  'groups.submit': IDENTIFIED,
  'groups.mine': IDENTIFIED,
  'groups.get': IDENTIFIED,
  'groups.cancel': IDENTIFIED,
  'groups.gate': only('staff'),
  'groups.countIn': only('staff'),
  'console.groupRequests': only('booking_operator'),
  'console.approveGroup': only('booking_operator'),
  'console.rejectGroup': only('booking_operator'),
  'console.cancelGroup': only('booking_operator'),
  'console.groupRoster': only('booking_operator'),
  'console.saveGroupRules': only('booking_operator'),
  'console.walkIn': only('booking_operator'),
  'console.saveWalkIn': only('booking_operator'),
}

const registry = Object.entries(functions).flatMap(([fn, def]) => Object.keys(def.actions).map((action) => `${fn}.${action}`))

describe('authorization matrix: each role × each action', () => {
  let env: Awaited<ReturnType<typeof tempSqliteStore>>
  beforeAll(async () => {
    env = await tempSqliteStore()
  })
  afterAll(() => env.cleanup())

  it('has a row for every action in the registry, and no row for an action that does not exist', () => {
    expect(registry.filter((a) => !(a in MATRIX))).toEqual([])
    expect(Object.keys(MATRIX).filter((a) => !registry.includes(a))).toEqual([])
  })

  const cases = registry.flatMap((action) => CALLERS.map((who) => [action, who, (MATRIX[action] ?? []).includes(who)] as const))

  it.each(cases)('%s as %s → allowed: %s', async (action, who, allowed) => {
    const [fn, name] = action.split('.')
    const ctx = contextFor(env.store, { openid: who === 'anonymous' ? null : `o-${who}`, role: who === 'anonymous' ? 'visitor' : who })
    // Roles are checked before the request is read: an empty request shows the decision alone.
    const result = await dispatch(functions[fn as keyof typeof functions], { action: name }, ctx)
    const refusal = !result.ok && ['FORBIDDEN', 'UNAUTHENTICATED'].includes(result.error.code) ? result.error.code : null
    if (allowed) expect(refusal).toBeNull()
    else expect(refusal).toBe(who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN')
  })
})

describe('authorization matrix: own records against someone else\'s', () => {
  let env: Awaited<ReturnType<typeof tempSqliteStore>>
  let call: ReturnType<typeof caller>
  const NOW = bj('2026-11-26 10:00')
  let booking: { id: string; ticketCode: string }
  let visitorId: string

  beforeAll(async () => {
    env = await tempSqliteStore()
    call = caller(env.store)
    visitorId = ((await call('booking', 'addVisitor', { name: '张三', idType: 'resident', idNumber: residentId(11) }, { openid: 'o-owner', now: NOW })) as any).data.visitor.id
    booking = ((await call('booking', 'book', { sessionId: '2026-11-27.am', visitorIds: [visitorId], clientRequestId: 'own-other-1' }, { openid: 'o-owner', now: NOW })) as any).data.booking
  })
  afterAll(() => env.cleanup())

  // Whatever their role, another identity is told the record does not exist (not that it is someone else's).
  it.each(ROLES.map((role) => [role]))('%s who is not the owner cannot see, cancel or list the booking, or remove the owner\'s visitor', async (role) => {
    const as = { openid: `o-other-${role}`, role, now: NOW }
    expect(await call('booking', 'get', { bookingId: booking.id }, as)).toMatchObject({ ok: false, error: { code: 'BOOKING_NOT_FOUND' } })
    expect(await call('booking', 'cancel', { bookingId: booking.id }, as)).toMatchObject({ ok: false, error: { code: 'BOOKING_NOT_FOUND' } })
    expect(await call('booking', 'removeVisitor', { visitorId }, as)).toMatchObject({ ok: false, error: { code: 'VISITOR_NOT_FOUND' } })
    expect(((await call('booking', 'mine', {}, as)) as any).data.bookings).toEqual([])
    expect(((await call('booking', 'visitors', {}, as)) as any).data.visitors).toEqual([])
  })

  it('the owner sees their booking; gate staff check in anyone\'s ticket (the ticket, not the owner, is the key), once', async () => {
    expect(await call('booking', 'get', { bookingId: booking.id }, { openid: 'o-owner', now: NOW })).toMatchObject({ ok: true, data: { booking: { id: booking.id } } })
    const gate = { openid: 'o-gate', role: 'staff' as const, now: bj('2026-11-27 09:10') }
    expect(await call('staff', 'checkIn', { code: booking.ticketCode }, gate)).toMatchObject({ ok: true })
    expect(await call('staff', 'checkIn', { code: booking.ticketCode }, gate)).toMatchObject({ ok: false, error: { code: 'TICKET_USED' } })
  })
})

describe('authorization matrix: a 对接 request is its sender\'s and the transfer officers\' only', () => {
  let env: Awaited<ReturnType<typeof tempSqliteStore>>
  let call: ReturnType<typeof caller>
  const NOW = bj('2026-11-26 10:00')
  let requestId: string

  beforeAll(async () => {
    env = await tempSqliteStore()
    call = caller(env.store)
    const sent = await call('transfer', 'submitRequest', { kind: 'result', targetId: 'traindoor', organisation: '某公司', contactName: '李四', phone: '13800000000', message: '想了解许可方式和价格' }, { openid: 'o-sender', now: NOW })
    requestId = (sent as any).data.request.id
  })
  afterAll(() => env.cleanup())

  it.each(ROLES.map((role) => [role]))('%s who is not the sender does not see it in 我的对接 and cannot subscribe to it', async (role) => {
    const as = { openid: `o-other-${role}`, role, now: NOW }
    expect(((await call('transfer', 'myRequests', {}, as)) as any).data.requests).toEqual([])
    expect(await call('transfer', 'subscribe', { id: requestId }, as)).toMatchObject({ ok: false, error: { code: 'REQUEST_NOT_FOUND' } })
  })

  it('the transfer officer (and admin) see it in the console with the sender\'s contact; no other role does', async () => {
    for (const role of ['transfer_officer', 'admin'] as const) {
      const res = (await call('console', 'transferRequests', {}, { openid: `o-${role}`, role, now: NOW })) as any
      expect(res.data.requests.map((r: { id: string; phone: string }) => [r.id, r.phone])).toEqual([[requestId, '13800000000']])
    }
    for (const role of ROLES.filter((r) => r !== 'transfer_officer' && r !== 'admin')) {
      expect(await call('console', 'transferRequests', {}, { openid: `o-${role}`, role, now: NOW })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
  })
})

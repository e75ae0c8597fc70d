// How a stored group request is shown: to its leader (masked contact, the leader code once
// approved), to the console (full contact, head counts) and at the gate. And the one way a
// request gives back what it holds (places in the group quota, its people's day claims).
import { maskCreditCode, maskPhone, type ConsoleGroupRequest, type GroupGateView, type GroupRequestView } from '../contracts/groups'
import type { BookingConfig } from '../booking/config'
import { sessionRef } from '../booking/calendar'
import type { KeyRing } from '../booking/keys'
import type { GroupRequestRecord, Store } from '../store/port'
import { leaderCode } from './leader-code'

function sessionOf(config: BookingConfig, r: GroupRequestRecord) {
  const t = sessionRef(config, r.sessionId)?.template
  return { sessionName: t?.name ?? '', start: t?.start ?? '', end: t?.end ?? '' }
}

/** What the leader and the console both see of a request (the console sees the contact unmasked). */
function shared(config: BookingConfig, r: GroupRequestRecord) {
  return {
    id: r.id,
    sessionId: r.sessionId,
    day: r.day,
    ...sessionOf(config, r),
    organisation: r.organisation,
    leaderName: r.leaderName,
    people: r.people,
    counts: r.counts,
    status: r.status,
    createdAt: r.createdAt,
    ...(r.decidedAt ? { decidedAt: r.decidedAt } : {}),
    ...(r.reason ? { reason: r.reason } : {}),
    checkedIn: r.checkedIn,
  }
}

export function leaderView(config: BookingConfig, ring: KeyRing, r: GroupRequestRecord, withRoster = false): GroupRequestView {
  return {
    ...shared(config, r),
    creditCodeMasked: maskCreditCode(r.creditCode),
    leaderPhoneMasked: maskPhone(r.leaderPhone),
    ...(r.status === 'approved' ? { leaderCode: leaderCode(ring, r.id) } : {}),
    ...(withRoster ? { roster: r.roster.map((p) => ({ name: p.name, idMasked: p.idMasked, kind: p.kind })) } : {}),
  }
}

export function consoleView(config: BookingConfig, r: GroupRequestRecord): ConsoleGroupRequest {
  return {
    ...shared(config, r),
    creditCode: r.creditCode,
    leaderPhone: r.leaderPhone,
    ...(r.decidedBy ? { decidedBy: r.decidedBy } : {}),
    headCounts: r.headCounts,
  }
}

export function gateView(config: BookingConfig, r: GroupRequestRecord): GroupGateView {
  return {
    requestId: r.id,
    organisation: r.organisation,
    leaderName: r.leaderName,
    sessionId: r.sessionId,
    day: r.day,
    ...sessionOf(config, r),
    expected: r.people,
    checkedIn: r.checkedIn,
    headCounts: r.headCounts.map((c) => ({ at: c.at, count: c.count })),
  }
}

/** Gives back a request's places and its people's day claims. Called only by the winner of the
 *  guarded status change that ended the request, so it happens once. */
export async function releaseGroup(store: Store, r: GroupRequestRecord): Promise<void> {
  await store.booking.releaseIds(r.day, r.roster.map((p) => p.idHash), r.id)
  await store.groups.releasePlaces(r.sessionId, r.people)
}

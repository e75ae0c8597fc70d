import { createStaffStore } from './store'

const view = { requestId: 'AbCdEfGh12345678', organisation: '第一小学', leaderName: '王老师', sessionId: '2026-11-27.am', sessionName: '上午场', start: '09:00', end: '12:00', day: '2026-11-27', expected: 120, checkedIn: 0, headCounts: [] }

test('a group leader’s code asks the groups function, and a head count is sent with the same code', async () => {
  const calls: Array<[string, string, unknown]> = []
  const call = (async (fn: string, action: string, req: unknown) => {
    calls.push([fn, action, req])
    if (action === 'gate') return { ok: true, data: { group: view } }
    if (action === 'countIn') return { ok: true, data: { group: { ...view, checkedIn: 70 } } }
    return { ok: false, error: { code: 'X', message: 'x' } }
  }) as never
  const store = createStaffStore(call)
  await store.getState().checkIn(' G1.k0.AbCdEfGh12345678.abcdefghijklmnop ')
  expect(calls[0]).toEqual(['groups', 'gate', { code: 'G1.k0.AbCdEfGh12345678.abcdefghijklmnop' }])
  expect(store.getState().group?.view.expected).toBe(120)
  expect(store.getState().last).toBeNull()
  await store.getState().countGroup(70)
  expect(calls[1]).toEqual(['groups', 'countIn', { code: 'G1.k0.AbCdEfGh12345678.abcdefghijklmnop', count: 70 }])
  expect(store.getState().group).toMatchObject({ admitted: 70, view: { checkedIn: 70 } })
})

test('an e-ticket still goes to the staff check-in, and clears a group shown before', async () => {
  const calls: string[] = []
  const call = (async (fn: string, action: string) => {
    calls.push(`${fn}.${action}`)
    return action === 'gate' ? { ok: true, data: { group: view } } : { ok: false, error: { code: 'TICKET_INVALID', message: 'x' } }
  }) as never
  const store = createStaffStore(call)
  await store.getState().checkIn('G1.k0.AbCdEfGh12345678.abcdefghijklmnop')
  await store.getState().checkIn('ABCD2345')
  expect(calls.slice(0, 2)).toEqual(['groups.gate', 'staff.checkIn'])
  expect(store.getState().group).toBeNull()
})

test('a background refresh of today’s counts updates them, and keeps them on screen when the network fails', async () => {
  const day = (checkedIn: number) => ({ date: '2026-11-27', sessions: [{ sessionId: '2026-11-27.am', name: '上午场', start: '09:00', end: '12:00', booked: 10, checkedIn }] })
  const answers: unknown[] = [{ ok: true, data: day(3) }, { ok: true, data: day(5) }, { ok: false, error: { code: 'NETWORK', message: '网络不给力' } }]
  const store = createStaffStore((async () => answers.shift()) as never)
  await store.getState().loadToday()
  await store.getState().loadToday('background')
  expect(store.getState().today).toMatchObject({ status: 'ready', data: { sessions: [{ checkedIn: 5 }] } })
  // A failed background refresh is not an error banner over the counts the gate is reading.
  await store.getState().loadToday('background')
  expect(store.getState().today).toMatchObject({ status: 'ready', data: { sessions: [{ checkedIn: 5 }] } })
})

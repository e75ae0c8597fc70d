import type { Result } from '@cloud/contracts/result'
import { createCalendarStore } from './calendar-store'
import { errorText } from '@/i18n/errors'
import { createBookingStore } from './store'

type Call = { fn: string; action: string; req: any }

function fakeCloud(answers: Array<Result<any>>) {
  const calls: Call[] = []
  const call = (async (fn: string, action: string, req: any) => {
    calls.push({ fn, action, req })
    if (action === 'calendar') return { ok: true, data: { days: [], today: '2026-11-27', timezone: 'Asia/Shanghai', sourceNote: '' } }
    return answers.shift() ?? { ok: false, error: { code: 'NETWORK', message: '网络不给力' } }
  }) as any
  return { calls, call }
}

const booking = { id: 'b1', status: 'confirmed' }

describe('booking store', () => {
  it('keeps the same request id when a submission fails on the network, so the retry books once', async () => {
    const cloud = fakeCloud([{ ok: false, error: { code: 'NETWORK', message: '网络不给力，请检查网络后重试' } }, { ok: true, data: { booking } }])
    const store = createBookingStore(cloud.call)
    expect((await store.getState().book('2026-11-27.am', ['v1', 'v2'])).ok).toBe(false)
    expect((await store.getState().book('2026-11-27.am', ['v1', 'v2'])).ok).toBe(true)
    const books = cloud.calls.filter((c) => c.action === 'book')
    expect(books).toHaveLength(2)
    expect(books[0].req.clientRequestId).toBe(books[1].req.clientRequestId)
    expect(store.getState().draft).toBeNull()
  })

  it('sends remind: true only when the visitor accepted the reminder, and nothing otherwise', async () => {
    const cloud = fakeCloud([{ ok: true, data: { booking } }, { ok: true, data: { booking: { ...booking, id: 'b2' } } }])
    const store = createBookingStore(cloud.call)
    await store.getState().book('2026-11-27.am', ['v1'], { remind: true })
    await store.getState().book('2026-11-27.pm', ['v1'], { remind: false })
    const books = cloud.calls.filter((c) => c.action === 'book')
    expect(books[0].req.remind).toBe(true)
    expect('remind' in books[1].req).toBe(false)
  })

  it('starts a new intent after a decided refusal or a change of visitors', async () => {
    const cloud = fakeCloud([
      { ok: false, error: { code: 'SESSION_FULL', message: '该场次已约满' } },
      { ok: false, error: { code: 'NETWORK', message: '网络' } },
      { ok: true, data: { booking } },
    ])
    const store = createBookingStore(cloud.call)
    await store.getState().book('2026-11-27.am', ['v1'])
    await store.getState().book('2026-11-27.pm', ['v1'])
    await store.getState().book('2026-11-27.pm', ['v1', 'v2'])
    const ids = cloud.calls.filter((c) => c.action === 'book').map((c) => c.req.clientRequestId)
    expect(new Set(ids).size).toBe(3)
  })

  it('ignores a second tap while the first is in flight', async () => {
    let release!: (r: Result<any>) => void
    const calls: Call[] = []
    const store = createBookingStore((async (fn: string, action: string, req: any) => {
      calls.push({ fn, action, req })
      if (action === 'book') return new Promise((r) => (release = r))
      return { ok: true, data: { days: [], sourceNote: '' } }
    }) as any)
    const first = store.getState().book('2026-11-27.am', ['v1'])
    const second = await store.getState().book('2026-11-27.am', ['v1'])
    expect(second).toMatchObject({ ok: false, error: { code: 'IN_PROGRESS' } })
    release({ ok: true, data: { booking } })
    expect((await first).ok).toBe(true)
    expect(calls.filter((c) => c.action === 'book')).toHaveLength(1)
  })
})

describe('one calendar for home and the booking pages', () => {
  it('shows in the booking store what home loaded, and on home what a cancellation reloaded', async () => {
    const days = (left: number) => [{ date: '2026-11-27', weekday: '周五', status: 'open', sessions: [{ id: '2026-11-27.am', left }] }]
    let left = 300
    const call = (async (_fn: string, action: string) =>
      action === 'calendar' ? { ok: true, data: { days: days(left), today: '2026-11-27', timezone: 'Asia/Shanghai', sourceNote: '' } } : { ok: true, data: { booking } }) as any
    const calendar = createCalendarStore(call)
    const store = createBookingStore(call, calendar)
    // Home's card loads the calendar; the booking pages show it without loading again.
    await calendar.getState().loadCalendar()
    expect(store.getState().calendar).toEqual({ status: 'ready', data: expect.objectContaining({ days: days(300) }) })
    // A cancellation frees places; home's card shows them.
    left = 302
    const reloaded = new Promise<void>((resolve) => {
      const stop = calendar.subscribe((s) => {
        if (s.calendar.status === 'ready' && s.calendar.data.days[0].sessions[0].left === 302) resolve(stop())
      })
    })
    await store.getState().cancel('b1')
    await reloaded // the reload the cancellation started
    expect(calendar.getState().calendar).toEqual({ status: 'ready', data: expect.objectContaining({ days: days(302) }) })
    expect(store.getState().calendar).toBe(calendar.getState().calendar)
  })
})

it('booking pages say booking refusals in English (the sentences come with the booking store, not the main package)', () => {
  expect(errorText({ code: 'SESSION_FULL', message: '该场次已约满' }, 'en')).toBe('This session is full. Please choose another session.')
  expect(errorText({ code: 'ACCOUNT_DAY_LIMIT', message: '…' }, 'en')).toMatch(/^One account can hold one booking per day/)
})

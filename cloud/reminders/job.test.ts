import type { OutboxMessage } from '../store/port'
import { tempSqliteStore } from '../testing/stores'
import { bj, caller, residentId } from '../testing/booking'
import { runOutbox } from '../../scripts/outbox'
import { reminders } from '../jobs'
import { drainOutbox, queueVisitReminders } from './job'
import { reminderMessage, shanghaiDay, DEFAULT_REMINDER_KEYS, type Visit } from './reminder'

const template = { id: 'TMPL-visit', keys: DEFAULT_REMINDER_KEYS }
// 2026-11-30 18:30 UTC is already 12-01 02:30 in Shanghai: "tomorrow" is 12-02.
const now = new Date('2026-11-30T18:30:00.000Z')
const visit = (id: string, over: Partial<Visit> = {}): Visit => ({
  bookingId: id,
  openid: `o-${id}`,
  day: '2026-12-02',
  session: '09:00–12:00',
  visitors: 3,
  remind: true,
  ...over,
})

describe('visit reminders (fake visit source, real SQLite outbox)', () => {
  let env: Awaited<ReturnType<typeof tempSqliteStore>>
  beforeEach(async () => {
    env = await tempSqliteStore({ seed: false })
  })
  afterEach(() => env.cleanup())

  it('takes "tomorrow" in Asia/Shanghai whatever the server zone', () => {
    expect(shanghaiDay(now, 1)).toBe('2026-12-02')
    expect(shanghaiDay(new Date('2026-12-01T15:59:59.000Z'))).toBe('2026-12-01')
    expect(shanghaiDay(new Date('2026-12-01T16:00:00.000Z'))).toBe('2026-12-02')
  })

  it('builds a template message within WeChat field rules, opening the ticket with its one-tap 「不去了，释放名额」', () => {
    const m = reminderMessage(visit('b1'), template, now)
    expect(m).toMatchObject({ id: 'remind:b1', touser: 'o-b1', templateId: 'TMPL-visit', page: 'booking/pages/ticket/index?id=b1&release=1' })
    expect(m.data).toEqual({
      thing1: { value: '大连高新区科技馆' },
      date2: { value: '2026年12月02日' },
      time3: { value: '09:00~12:00' },
      thing4: { value: '明天参观，共3人，请带好证件' },
    })
    for (const key of ['thing1', 'thing4']) expect(Array.from(m.data[key].value).length).toBeLessThanOrEqual(20)
  })

  it('queues tomorrow\'s reminders for those who subscribed, once, even when the job runs twice', async () => {
    const asked: string[] = []
    const visits = { listVisitsOn: async (day: string) => (asked.push(day), [visit('b1'), visit('b2', { remind: false }), visit('b3')]) }
    const first = await queueVisitReminders({ visits, outbox: env.store.outbox, template, now })
    expect(first).toEqual({ day: '2026-12-02', visits: 3, queued: 2, alreadyQueued: 0, notSubscribed: 1 })
    const again = await queueVisitReminders({ visits, outbox: env.store.outbox, template, now })
    expect(again).toMatchObject({ queued: 0, alreadyQueued: 2 })
    expect(asked).toEqual(['2026-12-02', '2026-12-02'])
    expect((await env.store.outbox.pending(10)).map((m) => m.touser).sort()).toEqual(['o-b1', 'o-b3'])
  })

  it('drains the outbox: sent ones leave, refused ones are marked failed and not retried', async () => {
    const visits = { listVisitsOn: async () => [visit('b1'), visit('b2')] }
    await queueVisitReminders({ visits, outbox: env.store.outbox, template, now })
    const sent: OutboxMessage[] = []
    const send = async (m: OutboxMessage) => {
      if (m.touser === 'o-b2') throw { errCode: 43101, errMsg: 'user refuse to accept the msg' }
      sent.push(m)
    }
    const result = await drainOutbox({ outbox: env.store.outbox, send, now: () => now })
    expect(result).toMatchObject({ sent: 1, failed: 1, failures: [{ id: 'remind:b2', error: expect.stringContaining('refuse') }] })
    expect(sent.map((m) => m.id)).toEqual(['remind:b1'])
    expect(await drainOutbox({ outbox: env.store.outbox, send, now: () => now })).toMatchObject({ sent: 0, failed: 0 })
  })

  it('sends several at once (bounded), stops taking new ones at the deadline, and the next run resumes where it stopped', async () => {
    const visits = { listVisitsOn: async () => Array.from({ length: 30 }, (_, i) => visit(`v${String(i).padStart(2, '0')}`)) }
    await queueVisitReminders({ visits, outbox: env.store.outbox, template, now })
    // A clock that moves one second per message sent: the run's deadline falls after 12 sends.
    let clock = now.getTime()
    const tick = () => new Date(clock)
    let inFlight = 0
    let maxInFlight = 0
    const sentIds: string[] = []
    const send = async (m: OutboxMessage) => {
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      await Promise.resolve()
      await new Promise<void>((resolve) => setImmediate(resolve))
      sentIds.push(m.id)
      clock += 1000
      inFlight--
    }
    const first = await drainOutbox({ outbox: env.store.outbox, send, now: tick, concurrency: 4, deadline: new Date(now.getTime() + 12_000) })
    expect(maxInFlight).toBeGreaterThan(1)
    expect(maxInFlight).toBeLessThanOrEqual(4)
    expect(first.stoppedAtDeadline).toBe(true)
    // Those in flight at the deadline finish; nothing new starts after it.
    expect(first.sent).toBeGreaterThanOrEqual(12)
    expect(first.sent).toBeLessThan(12 + 4)
    expect((await env.store.outbox.pending(100)).length).toBe(30 - first.sent)
    const second = await drainOutbox({ outbox: env.store.outbox, send, now: tick, concurrency: 4, deadline: new Date(clock + 60_000) })
    expect(second).toMatchObject({ sent: 30 - first.sent, failed: 0, stoppedAtDeadline: false })
    expect(new Set(sentIds).size).toBe(30)
    expect(sentIds).toHaveLength(30)
  })

  it('the timer job says plainly when no template is configured', async () => {
    const sendCalls: OutboxMessage[] = []
    const platform = { sendSubscribeMessage: async (m: OutboxMessage) => void sendCalls.push(m) }
    const noTemplate = await reminders.run({ store: env.store, now: () => now, platform, env: {} })
    expect(noTemplate.queued).toEqual({ skipped: expect.stringContaining('REMINDER_TEMPLATE_ID') })
    expect(sendCalls).toEqual([])
  })
})

describe('visit reminders end to end (real booking handlers, real SQLite file, npm run outbox logic)', () => {
  let env: Awaited<ReturnType<typeof tempSqliteStore>>
  let call: ReturnType<typeof caller>
  let seq = 0
  beforeEach(async () => {
    env = await tempSqliteStore()
    call = caller(env.store)
  })
  afterEach(() => env.cleanup())

  // Booked on Thursday 10:00 Beijing for Friday's morning session; the job runs Thursday evening.
  const bookedAt = bj('2026-11-26 10:00')
  const jobAt = bj('2026-11-26 18:00')
  const FRI_AM = '2026-11-27.am'

  async function bookFor(openid: string, remind: boolean | undefined) {
    const added = await call('booking', 'addVisitor', { name: '王小明', idType: 'resident', idNumber: residentId(++seq) }, { openid, now: bookedAt })
    if (!added.ok) throw new Error(added.error.message)
    const req = { sessionId: FRI_AM, visitorIds: [added.data.visitor.id], clientRequestId: `remind-${++seq}-req`, ...(remind === undefined ? {} : { remind }) }
    const res = await call('booking', 'book', req, { openid, now: bookedAt })
    if (!res.ok) throw new Error(res.error.message)
    return res.data.booking.id as string
  }

  it('queues exactly one message: for the confirmed booking with remind=true, none for remind=false, none when cancelled', async () => {
    const wanted = await bookFor('o-yes', true)
    await bookFor('o-no', false)
    await bookFor('o-unsaid', undefined)
    const cancelled = await bookFor('o-cancel', true)
    const c = await call('booking', 'cancel', { bookingId: cancelled }, { openid: 'o-cancel', now: bookedAt })
    expect(c.ok).toBe(true)
    expect((await env.store.booking.getBooking(wanted))?.remind).toBe(true)

    const lines: string[] = []
    const first = await runOutbox(env.store, { now: () => jobAt, env: { REMINDER_TEMPLATE_ID: 'TMPL' }, log: (l) => lines.push(l) })
    expect(first).toMatchObject({ sent: 1, failed: 0 })
    const text = lines.join('\n')
    expect(text).toContain('明天（2026-11-27）的参观：3 个预约，新入队提醒 1 条（已入队 0，未订阅 2）')
    expect(text).toContain(`→ o-yes  模板 TMPL  打开 booking/pages/ticket/index?id=${wanted}&release=1  (remind:${wanted})`)
    expect(text).toContain('time3: 09:00~12:00')
    expect(text).not.toContain('o-cancel')
    expect(text).not.toContain('→ o-no')

    // A second run the same evening queues nothing again.
    const again: string[] = []
    expect(await runOutbox(env.store, { now: () => jobAt, env: { REMINDER_TEMPLATE_ID: 'TMPL' }, log: (l) => again.push(l) })).toMatchObject({ sent: 0 })
    expect(again.join('\n')).toContain('新入队提醒 0 条（已入队 1，未订阅 2）')
  })

  it('the cloud timer job sends the same one message through the platform', async () => {
    const wanted = await bookFor('o-yes', true)
    await bookFor('o-no', false)
    const sendCalls: OutboxMessage[] = []
    const platform = { sendSubscribeMessage: async (m: OutboxMessage) => void sendCalls.push(m) }
    const result = await reminders.run({ store: env.store, now: () => jobAt, platform, env: { REMINDER_TEMPLATE_ID: 'T' } })
    expect(result).toMatchObject({ queued: { visits: 2, queued: 1, notSubscribed: 1 }, drained: { sent: 1, failed: 0 } })
    expect(sendCalls.map((m) => [m.id, m.touser, m.templateId])).toEqual([[`remind:${wanted}`, 'o-yes', 'T']])
  })
})

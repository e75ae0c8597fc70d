// 候补 in the built mini-program (dist/weapp) against the real local runtime, by taps on what the
// pages show: the Friday morning session is full; a family of three joins its line from the
// calendar; someone else cancels three places; the offer the message opens shows on 我的候补; the
// family confirms, and the e-ticket carries the same three people with their IDs masked. As the H5
// journey (e2e/waitlist.test.ts): the server's clock is frozen at Thursday 10:00 Beijing time and
// the other visitor books and cancels through the same handlers on the same database file.
import { maskIdNumber } from '../../cloud/contracts/booking'
import type { Store } from '../../cloud/store/port'
import { bookPeople, caller } from '../../cloud/testing/booking'
import type { RunningServer } from '../harness'
import { AM, FAMILY, NOW, startWaitlistStage } from '../waitlist-family'
import { ensureWeappBuild, reportSetData } from './build'
import { visitorIdentity } from './identity'
import { launchMiniProgram, parseUrl, type MiniProgram } from './mini-program'

let server: RunningServer
let store: Store
let mp: MiniProgram | undefined

beforeAll(async () => {
  ensureWeappBuild()
  ;({ server, store } = await startWaitlistStage({ h5: false }))
})
afterAll(async () => {
  mp?.close()
  if (mp) reportSetData(mp.setData)
  await store?.close()
  await server?.stop()
})

test('a family of 3 waits for a full session, someone cancels 3, the offer shows, they confirm and the ticket carries the same 3 masked IDs', async () => {
  // Someone else takes all three places.
  let serial = 900
  const other = { openid: 'other-visitor', now: NOW }
  const call = caller(store)
  const theirs = await bookPeople(call, other, AM, 3, () => ++serial)

  mp = await launchMiniProgram({ serverUrl: server.url, identity: visitorIdentity(server) })
  const calendar = await mp.open('booking/pages/calendar/index')
  await calendar.tap({ cls: 'bk-strip__date', text: '11/27' })
  expect(calendar.text()).toContain('已约满 · 可候补')

  // The full session opens the form in 候补 mode; the family is added (each picked once saved).
  await calendar.tap({ cls: 'bk-session__name', text: '上午场' })
  const form = mp.top()
  expect(form.route).toBe('booking/pages/form/index')
  expect(form.query).toMatchObject({ session: AM })
  expect(form.text()).toContain('该场次已约满。加入候补后')
  for (const person of FAMILY) {
    await form.tap({ contains: '添加参观人', cls: 'btn' })
    await form.input({ prop: '与证件一致' }, person.name)
    await form.input({ cls: 'bk-input', nth: 1 }, person.id)
    await form.tap({ text: '保存参观人' })
    expect(form.text()).toContain(person.name)
  }
  expect(form.text()).toMatch(/已选\s*3\s*\/\s*5/)
  await form.tap({ prop: '我已阅读并同意用户隐私保护指引' })
  await form.tap({ text: '加入候补' })

  // 我的候补: first in line, nobody ahead, no full ID on the page.
  const line = mp.top()
  expect(line.route).toBe('booking/pages/waitlist/index')
  expect(line.text()).toContain('第 1 位')
  expect(line.text()).toContain('下一位就是您')
  for (const person of FAMILY) expect(line.text()).not.toContain(person.id)

  // The other visitor cancels their three places: the line is offered them at once, one message.
  expect((await call('booking', 'cancel', { bookingId: theirs }, other)).ok).toBe(true)
  const messages = (await store.outbox.pending(100)).filter((m) => m.kind === 'waitlist-offer')
  expect(messages).toHaveLength(1)

  // The message opens 我的候补 on the entry: the places are held until 10:30.
  const target = parseUrl(messages[0].page)
  expect(target.route).toBe('booking/pages/waitlist/index')
  const offer = await mp.open(target.route, target.query)
  expect(offer.text()).toContain('名额已为您保留，请在 11月26日 10:30 前确认')
  await offer.tap({ text: '确认预约' })

  // The e-ticket: booked, the same three people, their IDs masked and never in full.
  const ticket = mp.top()
  expect(ticket.route).toBe('booking/pages/ticket/index')
  expect(ticket.text()).toContain('预约成功')
  expect(ticket.text()).toContain('待参观')
  for (const person of FAMILY) {
    expect(ticket.text()).toContain(person.name)
    expect(ticket.text()).toContain(maskIdNumber(person.id))
    expect(ticket.text()).not.toContain(person.id)
  }
  expect(ticket.attr({ prop: '电子票二维码' }, 'src')).toMatch(/^data:image\/gif;base64,/)
  expect(await store.booking.placesBooked([AM])).toEqual({ [AM]: 3 })
  mp.assertHealthy()
}, 120_000)

import { render } from '@testing-library/react'
import type { CalendarDay } from '@cloud/contracts/booking'
import { DayPanel, DayStrip } from './DayStrip'

const closedDay = (extra: Partial<CalendarDay>): CalendarDay => ({
  date: '2026-12-15',
  weekday: '周二',
  status: 'closed',
  closedReason: '设备检修',
  releaseAt: '2026-12-08T00:00:00.000Z',
  releaseText: '12月8日 08:00',
  sessions: [],
  ...extra,
})

describe('DayPanel on a closed day', () => {
  it('says why, with the 示意 mark when the closure was written for the app', () => {
    const { container } = render(<DayPanel day={closedDay({ closedIllustrative: true })} onPick={() => {}} />)
    const state = container.querySelector('.bk-day__state') as HTMLElement
    expect(state.textContent).toBe('设备检修示意')
    expect(state.querySelector('.illustrative-tag')?.getAttribute('aria-label')).toBe('示意内容，非官方数据')
  })

  it('shows the museum’s own closure without it', () => {
    const { container } = render(<DayPanel day={closedDay({ closedReason: '消防演练' })} onPick={() => {}} />)
    expect(container.querySelector('.bk-day__state')?.textContent).toBe('消防演练')
    expect(container.querySelector('.illustrative-tag')).toBeNull()
  })
})

describe('DayStrip with the visitor\'s bookings', () => {
  const openDay = (date: string): CalendarDay => ({
    date,
    weekday: '周五',
    status: 'open',
    releaseAt: '2026-11-20T00:00:00.000Z',
    releaseText: '11月20日 08:00',
    sessions: [{ id: `${date}.am`, key: 'am', name: '上午场', start: '09:00', end: '12:00', capacity: 300, left: 120, status: 'open' }],
  })

  it('marks the days already booked, in words and for screen readers, and only those', () => {
    const days = [openDay('2026-11-27'), openDay('2026-11-28')]
    const { container } = render(<DayStrip days={days} selected="2026-11-27" onSelect={() => {}} booked={new Set(['2026-11-28'])} />)
    const booked = Array.from(container.querySelectorAll('[data-booked]'), (e) => e.getAttribute('data-date'))
    expect(booked).toEqual(['2026-11-28'])
    const day = container.querySelector('[data-date="2026-11-28"]') as HTMLElement
    expect(day.textContent).toContain('已预约')
    expect(day.getAttribute('aria-label')).toContain('已预约')
  })

  it('says in the day panel that the day is booked', () => {
    const { container } = render(<DayPanel day={openDay('2026-11-28')} booked onPick={() => {}} />)
    expect(container.querySelector('[data-booked-note]')?.textContent).toBe('你已预约这一天的参观，电子票在“我的预约”中。')
  })
})

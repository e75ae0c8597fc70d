import { render } from '@testing-library/react'
import type { CalendarDay } from '@cloud/contracts/booking'
import { DayPanel } from './DayStrip'

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

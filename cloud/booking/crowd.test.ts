import { crowdLevel, estimateInside } from './crowd'

const at = (hhmm: string) => new Date(`2026-11-27T${hhmm}:00+08:00`)
const checkedIn = (hhmm: string, places: number) => ({ status: 'checked_in' as const, checkedInAt: at(hhmm).toISOString(), places })

describe('the crowd estimate', () => {
  it('counts the people checked in within the last average stay, and no one else', () => {
    const bookings = [
      checkedIn('09:00', 3), // left by 10:30 (90 minutes)
      checkedIn('09:31', 2),
      checkedIn('10:29', 5),
      checkedIn('10:31', 4), // after "now"
      { status: 'confirmed' as const, places: 5 },
      { status: 'cancelled' as const, places: 2, checkedInAt: at('10:00').toISOString() },
    ]
    expect(estimateInside(bookings, at('10:30'), 90)).toBe(7)
    expect(estimateInside(bookings, at('10:30'), 120)).toBe(10)
    expect(estimateInside([], at('10:30'), 90)).toBe(0)
  })

  it('the window is half-open: someone who came exactly one average stay ago is taken to have left', () => {
    expect(estimateInside([checkedIn('09:00', 3)], at('10:30'), 90)).toBe(0)
    expect(estimateInside([checkedIn('10:30', 3)], at('10:30'), 90)).toBe(3)
  })

  it('reads 舒适 / 适中 / 拥挤 against the configured shares of hall capacity', () => {
    const rules = { moderateFrom: 0.5, crowdedFrom: 0.8 }
    expect(crowdLevel(0, 300, rules)).toBe('comfortable')
    expect(crowdLevel(149, 300, rules)).toBe('comfortable')
    expect(crowdLevel(150, 300, rules)).toBe('moderate')
    expect(crowdLevel(239, 300, rules)).toBe('moderate')
    expect(crowdLevel(240, 300, rules)).toBe('crowded')
    expect(crowdLevel(400, 300, rules)).toBe('crowded')
    expect(crowdLevel(0, 0, rules)).toBe('comfortable')
  })
})

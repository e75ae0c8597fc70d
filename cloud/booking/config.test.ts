import { DEFAULT_BOOKING_CONFIG } from './config'

describe('the booking seed (data/booking.json)', () => {
  it('marks a closed day written for the app by its flag, not with 示意 in the reason a visitor reads', () => {
    expect(DEFAULT_BOOKING_CONFIG.closedDays.length).toBeGreaterThan(0)
    for (const day of DEFAULT_BOOKING_CONFIG.closedDays) {
      expect(day.reason).not.toMatch(/示意/)
      // No official notice names these days: every seeded closure is illustrative.
      expect(day.illustrative).toBe(true)
    }
  })
})

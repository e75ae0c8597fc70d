import { gaugeScale } from './gauge'

describe('a percentage gauge has a printed scale', () => {
  it('draws 5.92% on a 0–10% scale, so the 59% width is read against "10%"', () => {
    expect(gaugeScale(5.92)).toEqual({ max: 10, width: expect.closeTo(59.2, 5) })
  })
  it('picks the smallest round end at or above the value, and never overflows', () => {
    expect(gaugeScale(0.8).max).toBe(1)
    expect(gaugeScale(40).max).toBe(50)
    expect(gaugeScale(100)).toEqual({ max: 100, width: 100 })
    expect(gaugeScale(130)).toEqual({ max: 100, width: 100 })
    expect(gaugeScale(-1)).toEqual({ max: 1, width: 0 })
  })
})

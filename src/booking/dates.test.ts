import { beijingTime, closedText, dayName, shortDate } from './dates'

test('the first two days read 今天/明天 (Today/Tomorrow), later days by weekday', () => {
  expect(dayName('2026-11-30', '2026-11-30', 'zh')).toBe('今天')
  expect(dayName('2026-12-01', '2026-11-30', 'en')).toBe('Tomorrow')
  expect(dayName('2026-12-02', '2026-11-30', 'zh')).toBe('周三')
  expect(dayName('2026-12-02', '2026-11-30', 'en')).toBe('Wed')
  expect(shortDate('2026-12-02', 'en')).toBe('2 Dec')
})

test('release times are Beijing time whatever the device zone, and closing reasons read in English', () => {
  expect(beijingTime('2026-11-30T01:00:00.000Z', 'zh')).toBe('11月30日 09:00')
  expect(beijingTime('2026-11-30T01:00:00.000Z', 'en')).toBe('30 Nov, 09:00')
  expect(closedText('每周一闭馆（法定节假日除外）', '2026-11-30', 'en')).toBe('Closed on Mondays (except public holidays)')
  expect(closedText('设备检修', '2026-12-03', 'en')).toBe('Closed: 设备检修')
})

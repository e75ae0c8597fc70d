import { ageOn, birthDateOfResidentId, childBirthDateProblem, childMask } from './children'
import { residentId } from '../testing/booking'

describe('ages from ID numbers and birth dates', () => {
  it('reads the birth date a resident ID carries', () => {
    expect(birthDateOfResidentId(residentId(1, '20210305'))).toBe('2021-03-05')
    expect(birthDateOfResidentId('21021120211305001X')).toBeNull() // month 13
    expect(birthDateOfResidentId('E12345678')).toBeNull()
  })

  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('2020-11-27', '2026-11-26')).toBe(5)
    expect(ageOn('2020-11-27', '2026-11-27')).toBe(6)
    expect(ageOn('2020-02-29', '2026-02-28')).toBe(5)
  })

  it('accepts a child without an ID only below the configured age and not born in the future', () => {
    expect(childBirthDateProblem('2021-05-01', '2026-11-26', 6)).toBeNull()
    expect(childBirthDateProblem('2020-11-26', '2026-11-26', 6)).toMatch('6周岁及以上')
    expect(childBirthDateProblem('2026-12-01', '2026-11-26', 6)).toMatch('不能晚于今天')
    expect(childBirthDateProblem('2021-02-30', '2026-11-26', 6)).toMatch('出生日期')
  })

  it('shows a child by birth month, never a number', () => {
    expect(childMask('2021-05-01')).toBe('儿童 2021-05')
  })
})

import { idNumberProblem, maskIdNumber, parseSessionId, residentIdCheckChar, sessionIdOf, weekdayOf } from './booking'

describe('ID number rules shared by the form and the cloud', () => {
  it('computes the GB 11643 check character (published examples)', () => {
    // The standard's own example: 11010519491231002X.
    expect(residentIdCheckChar('11010519491231002')).toBe('X')
    expect(residentIdCheckChar('44052418800101001')).toBe('4')
    expect(idNumberProblem('resident', '11010519491231002x')).toBeNull()
    expect(idNumberProblem('resident', '110105194912310021')).toBe('身份证号校验位不正确，请核对后重新输入')
  })

  it('refuses wrong lengths, impossible birth dates and bad region codes', () => {
    expect(idNumberProblem('resident', '11010519491231002')).toMatch(/18位/)
    expect(idNumberProblem('resident', '110105194902300020')).toBe('身份证号中的出生日期不正确')
    expect(idNumberProblem('resident', '110105209901010010', new Date('2026-11-26'))).toBe('身份证号中的出生日期不正确')
    expect(idNumberProblem('resident', '010105194912310020')).toBe('身份证号前6位地区码不正确')
    expect(idNumberProblem('resident', '')).toBe('请输入证件号码')
  })

  it('accepts passports and HK/Macao/Taiwan permits in their formats', () => {
    expect(idNumberProblem('passport', 'E12345678')).toBeNull()
    expect(idNumberProblem('passport', 'abcdef')).not.toBeNull()
    expect(idNumberProblem('hkmo', 'H12345678')).toBeNull()
    expect(idNumberProblem('hkmo', 'M1234567890')).toBeNull()
    expect(idNumberProblem('hkmo', 'C12345678')).not.toBeNull()
    expect(idNumberProblem('tw', '12345678')).toBeNull()
    expect(idNumberProblem('tw', '1234567')).not.toBeNull()
  })

  it('masks a resident ID to its first 4 and last 4, other documents to first 1 and last 3', () => {
    expect(maskIdNumber('21021119850312123x')).toBe('2102**********123X')
    expect(maskIdNumber('E12345678')).toBe('E*****678')
    expect(maskIdNumber('M1234567890')).toBe('M*******890')
    expect(maskIdNumber('12345678')).toBe('1****678')
    expect(maskIdNumber('AB123')).toBe('A***3')
    expect(maskIdNumber('12')).toBe('**')
    expect(weekdayOf('2026-11-30')).toBe('周一')
  })

  it('tells family members apart: a parent and a child from the same district get different masks', () => {
    // Both valid, same district, both ending in X — the old first+last mask showed both as 2****************X.
    const parent = '21020319850126123X'
    const child = '21020320150702124X'
    expect(idNumberProblem('resident', parent)).toBeNull()
    expect(idNumberProblem('resident', child)).toBeNull()
    expect(maskIdNumber(parent)).not.toBe(maskIdNumber(child))
    // …and never the birth date.
    for (const id of [parent, child]) expect(maskIdNumber(id)).not.toContain(id.slice(6, 14))
  })
})

describe('session ids', () => {
  it('reads back the date and key it was written from, and nothing that is not a session id', () => {
    expect(parseSessionId(sessionIdOf('2026-11-27', 'am'))).toEqual({ date: '2026-11-27', key: 'am' })
    for (const bad of ['', '2026-11-27', '2026-11-27.', '2026-11-27.AM', '2026-11-27.am.x', 'x.am', '.am']) expect(parseSessionId(bad)).toBeNull()
  })
})

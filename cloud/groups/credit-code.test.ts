import { creditCodeCheckChar, isCreditCode, normalizeCreditCode } from '../contracts/groups'

describe('unified social credit code (GB 32100-2015)', () => {
  // Codes as they are printed on business licences of well-known companies and a public institution.
  it.each([
    ['91440300708461136T', 'a Shenzhen company'],
    ['91330100716105852F', 'a Hangzhou company'],
    ['914403001922038216', 'a check character that is a digit'],
    ['9144030071526726XG', 'an organisation code ending in X'],
    ['12100000400000624D', 'a public institution (事业单位, registration authority 1)'],
    ['91350100M000100Y43', 'the standard’s own example'],
  ])('accepts %s (%s)', (code) => {
    expect(isCreditCode(code)).toBe(true)
  })

  it('accepts lower case and spaces as typed, and normalises them', () => {
    expect(isCreditCode('9144 0300 7084 6113 6t')).toBe(true)
    expect(normalizeCreditCode('9144 0300 7084 6113 6t')).toBe('91440300708461136T')
  })

  it.each([
    ['91440300708461136A', 'a wrong check character'],
    ['91440300708461163T', 'two characters swapped'],
    ['9144030070846113T', '17 characters'],
    ['91440300708461136T1', '19 characters'],
    ['9144030070846113IT', 'I is not in the charset'],
    ['91440300708461O36T', 'O is not in the charset'],
    ['9144030070846113ZT', 'Z is not in the charset'],
    ['91A40300708461136T', 'a letter in the division code'],
    ['', 'nothing'],
  ])('refuses %s (%s)', (code) => {
    expect(isCreditCode(code)).toBe(false)
  })

  it('computes the check character as 31 − (Σ mod 31), where 31 becomes 0', () => {
    expect(creditCodeCheckChar('91440300708461136')).toBe('T')
    // Every check character value is reachable: over many bodies, all 31 characters appear.
    const seen = new Set<string>()
    for (let n = 0; n < 2000; n++) seen.add(creditCodeCheckChar(`9121021${String(n).padStart(10, '0')}`))
    expect(seen.size).toBe(31)
  })
})

import { maskIdNumber } from '@cloud/contracts/booking'
import { PRIVACY_SECTIONS_EN, PRIVACY_SECTIONS_ZH } from './privacy-text'

// The privacy page promises a mask form; the masks the cloud stores must be exactly that form.
describe('the privacy page and the ID masks agree', () => {
  const zh = PRIVACY_SECTIONS_ZH.flatMap((s) => s.lines).join('\n')
  const en = PRIVACY_SECTIONS_EN.flatMap((s) => s.lines).join('\n')

  it('quotes masks the function really produces, for a resident ID and for a passport', () => {
    for (const text of [zh, en]) {
      expect(text).toContain(maskIdNumber('21020319850126123X'))
      expect(text).toContain(maskIdNumber('E12345678'))
    }
  })

  it('promises no form the function does not produce', () => {
    const quoted = [...zh.matchAll(/[0-9A-Z]*\*{3,}[0-9A-Z]*/g)].map((m) => m[0])
    expect(quoted.length).toBeGreaterThan(0)
    for (const mask of quoted) {
      // Same shape as a real mask of a number of that length: same kept head and tail lengths.
      const sample = mask.replace(/\*/g, '0')
      expect(maskIdNumber(sample).replace(/[0-9A-Z]/g, '#')).toBe(mask.replace(/[0-9A-Z]/g, '#'))
    }
  })
})

import { base64Ascii, iconUri } from './Icon'

test('icons are SVG data URIs that decode to the Lucide markup in the asked colour', () => {
  const uri = iconUri('ticket', '#0b4f8a')
  expect(uri.startsWith('data:image/svg+xml;base64,')).toBe(true)
  const svg = Buffer.from(uri.split(',')[1], 'base64').toString('ascii')
  expect(svg).toContain('stroke="#0b4f8a"')
  expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 24 24".*<\/svg>$/)
})

test('the base64 of the small encoder matches Node for every padding length', () => {
  for (const s of ['a', 'ab', 'abc', 'abcd', '<path d="M3 9h18"/>']) expect(base64Ascii(s)).toBe(Buffer.from(s).toString('base64'))
})

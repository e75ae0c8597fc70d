import fs from 'node:fs'
import path from 'node:path'
import exhibitsJson from '../data/exhibits.json'
import { ART_DIR, HEIGHT, illustration, WIDTH } from './exhibit-art'

const exhibits = (exhibitsJson as { exhibits: Array<{ code: string; image: string; imageAlt: string; imageAltEn?: string }> }).exhibits
const illustrated = exhibits.filter((e) => /^\/media\/exhibits\/[a-z0-9-]+\.svg$/.test(e.image))
const tokens = new Set([...fs.readFileSync(path.resolve(__dirname, '..', 'src', 'app.scss'), 'utf8').matchAll(/--[a-z-]+:\s*(#[0-9a-f]{6})/gi)].map((m) => m[1].toLowerCase()))

describe('exhibit illustrations (data/media/exhibits)', () => {
  it('every seeded exhibit has its picture, drawn in the one style (npm run art wrote it)', () => {
    expect(illustrated.map((e) => e.code).sort()).toEqual(exhibits.map((e) => e.code).sort())
    for (const e of illustrated) {
      const file = path.join(ART_DIR, `${e.code}.svg`)
      expect(fs.readFileSync(file, 'utf8')).toBe(illustration(e.code))
    }
  })

  it('one frame for all: the same size, the app colour tokens only, small', () => {
    for (const e of illustrated) {
      const svg = illustration(e.code)
      expect(svg).toContain(`viewBox="0 0 ${WIDTH} ${HEIGHT}"`)
      const colours = new Set([...svg.matchAll(/#[0-9a-f]{6}\b/gi)].map((m) => m[0].toLowerCase()))
      for (const c of colours) expect(tokens).toContain(c)
      // A picture that phones download on a weak signal at the exhibit: about 1 KB each.
      expect(Buffer.byteLength(svg)).toBeLessThanOrEqual(1500)
    }
  })

  it('the data says they are illustrations (示意图), so an uploaded photo replaces them and their alt text', () => {
    for (const e of illustrated) {
      expect(e.imageAlt).toMatch(/示意图$/)
      expect(e.imageAltEn).toMatch(/^Illustration of /)
    }
  })
})

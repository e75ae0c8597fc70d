// The main package is what a visitor downloads on a cold scan of an exhibit code. It stays under the
// ceiling `npm run size -- --check` enforces (scripts/size.ts), and what only other pages need —
// the booking store, booking's and the gate's English error sentences, the QR encoder, zod — is in
// subpackages, not in it.
import fs from 'node:fs'
import path from 'node:path'
import { MAIN_BUDGET, measure } from '../../scripts/size'
import { ensureWeappBuild } from './build'
import { DIST } from './mini-program'

beforeAll(() => ensureWeappBuild())

function mainPackageScripts(): string {
  const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8')) as { subPackages: { root: string }[] }
  const roots = app.subPackages.map((s) => s.root.replace(/\/$/, ''))
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]))
  return walk(DIST)
    .filter((f) => f.endsWith('.js') && !roots.some((r) => path.relative(DIST, f).startsWith(`${r}${path.sep}`)))
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n')
}

test(`the main package is within ${MAIN_BUDGET} bytes`, () => {
  expect(measure(DIST).main).toBeLessThanOrEqual(MAIN_BUDGET)
})

test('what only booking, the gate and the ticket need is not in the main package', () => {
  const main = mainPackageScripts()
  const elsewhere = {
    // The booking store's actions (home reads the calendar through its own small store).
    'booking store': 'addVisitor',
    // Booking's and the gate's English error sentences.
    "booking's English errors": 'This session is full',
    "the gate's English errors": 'This ticket is for another day',
    // qrcode-generator's SVG, zod's issue codes.
    'QR encoder': 'xMinYMin meet',
    zod: 'invalid_type',
  }
  expect(Object.entries(elsewhere).filter(([, marker]) => main.includes(marker)).map(([what]) => what)).toEqual([])
  // …while the scan path's own code is there.
  expect(main.includes('EXHIBIT_NOT_FOUND')).toBe(true)
})

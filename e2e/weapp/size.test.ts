// The main package is what a visitor downloads on a cold scan of an exhibit code. It stays under the
// ceiling `npm run size -- --check` enforces (scripts/size.ts), and what only other pages need —
// the booking store, booking's and the gate's English error sentences, the QR encoder, zod, the
// offline-file keeper, the audio guide's failure sentences, babel's regenerator runtime — is in
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
    // The offline-file keeper (download, budget, eviction): exhibits/keeper.js, loaded with require.async.
    'offline-file keeper': '"/gxq-"',
    // Why the audio stopped, in words: the listen page's (guide) strings; the player keeps a code.
    'audio failure sentences': '这段讲解需联网后收听',
    // babel's regenerator runtime: no async function is left on the scan path.
    'regenerator runtime': 'Generator is already running',
  }
  expect(Object.entries(elsewhere).filter(([, marker]) => main.includes(marker)).map(([what]) => what)).toEqual([])
  // …while the scan path's own code is there.
  expect(main.includes('EXHIBIT_NOT_FOUND')).toBe(true)
  // The path is relative to the calling file, so the loader must sit in a script at the package root.
  const rootScripts = fs.readdirSync(DIST).filter((f) => f.endsWith('.js')).map((f) => fs.readFileSync(path.join(DIST, f), 'utf8'))
  expect(rootScripts.some((code) => code.includes('require.async("./exhibits/keeper.js")'))).toBe(true)
  expect(fs.existsSync(path.join(DIST, 'exhibits/keeper.js'))).toBe(true)
})

test('the keeper runs once require.async has loaded its one file: every chunk it waits for is in the main package', () => {
  const keeper = fs.readFileSync(path.join(DIST, 'exhibits/keeper.js'), 'utf8')
  const waits = /\.O\(0,\[([\d,]*)\]/.exec(keeper)?.[1].split(',').filter(Boolean) ?? []
  expect(waits.length).toBeGreaterThan(0)
  // Chunks the main package's scripts register (webpack's jsonp push); a chunk in a subpackage's
  // sub-common would never load through require.async of keeper.js alone, and the keeper would never run.
  const inMain = new Set([...mainPackageScripts().matchAll(/\.push\(\[\[([\d,]+)\]/g)].flatMap((m) => m[1].split(',')))
  expect(waits.filter((id) => !inMain.has(id))).toEqual([])
})

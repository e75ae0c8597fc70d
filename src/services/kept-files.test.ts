import { makeRoom, type KeptFile } from './kept-files'

const budget = { picture: 100, audio: 1000 }
const f = (url: string, bytes: number, kind: KeptFile['kind'], usedAt: number): KeptFile => ({ url, path: `wxfile://usr/${url}`, bytes, kind, usedAt })

describe('makeRoom', () => {
  it('removes nothing while the new file fits', () => {
    expect(makeRoom([f('a', 400, 'played', 1)], { url: 'b', bytes: 600, kind: 'played' }, budget)).toEqual([])
  })

  it('removes the least recently played tracks first, only as many as needed', () => {
    const kept = [f('new', 300, 'played', 30), f('old', 300, 'played', 10), f('mid', 300, 'played', 20)]
    expect(makeRoom(kept, { url: 'x', bytes: 400, kind: 'played' }, budget)?.map((k) => k.url)).toEqual(['old'])
    expect(makeRoom(kept, { url: 'x', bytes: 700, kind: 'played' }, budget)?.map((k) => k.url)).toEqual(['old', 'mid'])
  })

  it('a played track never pushes out a track of a hall the visitor chose to keep', () => {
    const kept = [f('hall1', 500, 'hall', 1), f('hall2', 400, 'hall', 2)]
    expect(makeRoom(kept, { url: 'x', bytes: 200, kind: 'played' }, budget)).toBeNull()
  })

  it('a chosen hall pushes out played tracks before older chosen ones', () => {
    const kept = [f('hall1', 300, 'hall', 1), f('played', 300, 'played', 50), f('hall2', 300, 'hall', 2)]
    expect(makeRoom(kept, { url: 'x', bytes: 300, kind: 'hall' }, budget)?.map((k) => k.url)).toEqual(['played'])
    expect(makeRoom(kept, { url: 'x', bytes: 600, kind: 'hall' }, budget)?.map((k) => k.url)).toEqual(['played', 'hall1'])
  })

  it('pictures and audio have separate budgets: audio never evicts a picture', () => {
    const kept = [f('pic', 90, 'picture', 1), f('t', 900, 'played', 2)]
    expect(makeRoom(kept, { url: 'x', bytes: 200, kind: 'played' }, budget)?.map((k) => k.url)).toEqual(['t'])
    expect(makeRoom(kept, { url: 'p2', bytes: 20, kind: 'picture' }, budget)?.map((k) => k.url)).toEqual(['pic'])
  })

  it('refuses a file larger than its whole budget, and does not count the file being replaced', () => {
    expect(makeRoom([], { url: 'x', bytes: 1001, kind: 'hall' }, budget)).toBeNull()
    expect(makeRoom([f('x', 900, 'played', 1)], { url: 'x', bytes: 900, kind: 'played' }, budget)).toEqual([])
  })

  it('the whole museum\'s small pictures (6 SVGs, 6.5 KB) fit the real picture budget with nothing removed', () => {
    const pics = [1082, 1116, 981, 1105, 1149].map((b, i) => f(`p${i}`, b, 'picture', i))
    expect(makeRoom(pics, { url: 'vanadium', bytes: 1070, kind: 'picture' })).toEqual([])
  })
})

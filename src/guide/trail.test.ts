import type { HallWithExhibits } from '@cloud/contracts/exhibit'
import { hallCards } from './trail'

const halls = [
  { id: 'energy', name: '洁净能源展区', exhibits: [{ code: 'vanadium', name: '全钒' }, { code: 'fuelcell', name: '氢燃料' }] },
  { id: 'materials', name: '先进材料展区', exhibits: [{ code: 'helmet', name: '头盔' }] },
] as HallWithExhibits[]

test('a hall earns its badge only when every exhibit in it is stamped', () => {
  const cards = hallCards(halls, { stamps: [{ code: 'helmet', hallId: 'materials', at: 1 }, { code: 'vanadium', hallId: 'energy', at: 2 }], favourites: [] })
  expect(cards.map((c) => [c.hall.id, c.stamped, c.total, c.badge])).toEqual([
    ['energy', 1, 2, false],
    ['materials', 1, 1, true],
  ])
  expect(cards[0].slots.map((s) => s.stamped)).toEqual([true, false])
})

import type { HallWithExhibits } from '@cloud/contracts/exhibit'
import { hallCards } from '../trail'
import { cardHeight, drawCard } from './draw'

test('the card picture names each hall, marks its badge and draws a seal per stamped exhibit', () => {
  const halls = [
    { id: 'materials', name: '先进材料展区', nameEn: 'Advanced Materials Hall', exhibits: [{ code: 'helmet', name: '头盔' }] },
    { id: 'energy', name: '洁净能源展区', exhibits: [{ code: 'vanadium', name: '全钒' }, { code: 'fuelcell', name: '氢燃料' }] },
  ] as HallWithExhibits[]
  const cards = hallCards(halls, { stamps: [{ code: 'helmet', hallId: 'materials', at: 1 }], favourites: [] })
  const texts: string[] = []
  let filled = 0
  let stroked = 0
  const ctx = {
    fillStyle: '',
    font: '',
    textBaseline: '',
    strokeStyle: '',
    lineWidth: 0,
    fillRect: () => {},
    fillText: (t: string) => void texts.push(t),
    beginPath: () => {},
    arc: () => {},
    fill: () => void filled++,
    stroke: () => void stroked++,
    measureText: () => ({ width: 0 }),
  }
  drawCard(ctx as never, cards, 'zh', '11/26')
  expect(texts).toEqual(expect.arrayContaining(['先进材料展区  ★ 徽章', '洁净能源展区', '参观足迹卡 · 已集章 1/3 · 11/26']))
  expect([filled, stroked]).toEqual([1, 2])
  expect(cardHeight(cards)).toBeGreaterThan(400)
})

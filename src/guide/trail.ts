// The stamp cards: one per hall, stamped exhibits marked, a badge when the hall is complete.
import type { HallWithExhibits } from '@cloud/contracts/exhibit'
import type { TrailRecord } from './stamps'

export interface HallCard {
  hall: HallWithExhibits
  slots: Array<{ code: string; name: string; nameEn?: string; stamped: boolean }>
  stamped: number
  total: number
  badge: boolean
}

export function hallCards(halls: HallWithExhibits[], trail: TrailRecord): HallCard[] {
  const stamped = new Set(trail.stamps.map((s) => s.code))
  return halls.map((hall) => {
    const slots = hall.exhibits.map((e) => ({ code: e.code, name: e.name, nameEn: e.nameEn, stamped: stamped.has(e.code) }))
    const count = slots.filter((s) => s.stamped).length
    return { hall, slots, stamped: count, total: slots.length, badge: slots.length > 0 && count === slots.length }
  })
}

import type { BookingView, VisitorView } from '@cloud/contracts/booking'
import { removalPlan } from './visitor-removal'

const visitor: VisitorView = { id: 'v1234567890abcdef', name: '张三', idType: 'resident', idMasked: '2102**********123X' }
const booking = (date: string, status: BookingView['status'], visitors: BookingView['visitors']): BookingView =>
  ({ id: `b-${date}`, date, status, visitors } as BookingView)

describe('deleting a saved visitor', () => {
  it('says at once that a visitor in a booking still to come cannot be deleted, naming the earliest day', () => {
    const mine = [
      booking('2026-12-20', 'confirmed', [{ name: '张三', idType: 'resident', idMasked: '2102**********123X' }]),
      booking('2026-12-15', 'confirmed', [{ name: '李四', idType: 'resident', idMasked: '2102**********124X' }, { name: '张三', idType: 'resident', idMasked: '2102**********123X' }]),
    ]
    expect(removalPlan(visitor, mine)).toEqual({ kind: 'inUse', date: '2026-12-15' })
  })

  it('asks to confirm when the visitor is in no booking still to come (cancelled, visited, or another family member)', () => {
    const mine = [
      booking('2026-12-15', 'cancelled', [{ name: '张三', idType: 'resident', idMasked: '2102**********123X' }]),
      booking('2026-12-01', 'checked_in', [{ name: '张三', idType: 'resident', idMasked: '2102**********123X' }]),
      booking('2026-12-16', 'confirmed', [{ name: '张三', idType: 'resident', idMasked: '2102**********124X' }]),
    ]
    expect(removalPlan(visitor, mine)).toEqual({ kind: 'confirm' })
  })
})

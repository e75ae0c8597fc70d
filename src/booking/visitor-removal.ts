// Deleting a saved visitor: one clear answer. A visitor in a booking still to come stays saved (the
// cloud refuses, VISITOR_IN_USE: removing and re-adding people must not free room), so the page
// says so at once instead of asking "delete?" and then refusing.
import type { BookingView, VisitorView } from '@cloud/contracts/booking'

export type RemovalPlan = { kind: 'inUse'; date: string } | { kind: 'confirm' }

/** The first confirmed booking the visitor is in (same name, document type and masked number). */
export function removalPlan(visitor: VisitorView, bookings: BookingView[]): RemovalPlan {
  const live = bookings
    .filter((b) => b.status === 'confirmed' && b.visitors.some((v) => v.name === visitor.name && v.idType === visitor.idType && v.idMasked === visitor.idMasked))
    .sort((a, b) => a.date.localeCompare(b.date))[0]
  return live ? { kind: 'inUse', date: live.date } : { kind: 'confirm' }
}

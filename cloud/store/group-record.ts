// What a group request's status change records, written once for both adapters.
import type { GroupStatus } from '../contracts/groups'
import type { GroupRequestRecord, GroupTransitionPatch } from './port'

export function applyGroupTransition(record: GroupRequestRecord, to: GroupStatus, patch: GroupTransitionPatch): GroupRequestRecord {
  const next: GroupRequestRecord = { ...record, status: to }
  if (to === 'approved' || to === 'rejected') {
    next.decidedAt = patch.at
    if (patch.by) next.decidedBy = patch.by
  }
  // A rejection's reason is the operator's; a cancellation carries one when the museum closed.
  if ((to === 'rejected' || to === 'cancelled') && patch.reason) next.reason = patch.reason
  if (to === 'cancelled') next.cancelledAt = patch.at
  return next
}

// One record of an operator-kept list (transfer results and platforms, zone companies and policies)
// saved from the revision the operator saw: the store's one guarded step (SaveListed, store/port.ts)
// and what its refusal means, shared by every list the console edits one record at a time.
import { ok, type AppError, type Result } from '../../contracts/result'
import type { SaveListed } from '../../store/port'

type Refusal = { ok: false; error: AppError }

/**
 * Writes `record` as new (`isNew`: refused with `taken()` when its id exists) or as the edit of the
 * stored revision `rev` (refused with `stale()` when someone saved or removed it meanwhile). The
 * record written carries the next revision; nothing else in the list is rewritten.
 */
export async function saveListed<T extends { rev?: number }>(
  record: T,
  { isNew, rev }: { isNew: boolean; rev?: number },
  save: SaveListed<T>,
  refuse: { taken: () => Refusal; stale: () => Refusal },
): Promise<Result<T>> {
  const from = isNew ? null : (rev ?? 0)
  const next: T = { ...record, rev: (from ?? 0) + 1 }
  if (!(await save(next, from))) return isNew ? refuse.taken() : refuse.stale()
  return ok(next)
}

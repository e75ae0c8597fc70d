// A zone import as a reviewed change: what a validated sheet would add, change (column by column)
// and remove against the current list, and the list the confirm would write. Pure.
//
// Merge (the default) updates rows by id and adds new ones; a record the sheet does not carry is
// kept as it is. Replace writes the sheet as the whole list, and so removes what it does not carry —
// never a record something links to (an exhibit's company): those are listed and the replace refused.
import crypto from 'node:crypto'
import type { FieldChange, ImportMode, ImportReview } from '../contracts/ops'
import type { Row } from './import'

export type { FieldChange, ImportMode, ImportReview }

/** The current list's digest, so a confirm applies only the change the operator saw. */
export const listDigest = (list: unknown[]): string => crypto.createHash('sha256').update(JSON.stringify(list)).digest('hex').slice(0, 16)

/** Column-by-column difference of two spreadsheet rows, in the sheet's column order. */
export function rowChanges(columns: readonly string[], before: Row, after: Row): FieldChange[] {
  return columns.filter((c) => (before[c] ?? '') !== (after[c] ?? '')).map((column) => ({ column, before: before[column] ?? '', after: after[column] ?? '' }))
}

export function reviewImport<T extends { id: string }>(options: {
  current: T[]
  incoming: T[]
  mode: ImportMode
  columns: readonly string[]
  toRow: (record: T) => Row
  nameOf: (record: T) => string
  /** What links to a record (in words), empty when nothing does. */
  linksTo: (id: string) => string[]
}): { review: ImportReview; next: T[] } {
  const { current, incoming, mode, columns, toRow, nameOf, linksTo } = options
  const now = new Map(current.map((r) => [r.id, r]))
  const sheet = new Map(incoming.map((r) => [r.id, r]))
  const review: ImportReview = { added: [], changed: [], removed: [], unchanged: 0, blocked: false, baseline: listDigest(current) }
  // A row that reads the same as the stored record keeps the stored record itself (nothing is rewritten).
  const resolved = new Map<string, T>()
  for (const record of incoming) {
    const before = now.get(record.id)
    if (!before) {
      review.added.push({ id: record.id, name: nameOf(record) })
      resolved.set(record.id, record)
      continue
    }
    const fields = rowChanges(columns, toRow(before), toRow(record))
    if (fields.length) review.changed.push({ id: record.id, name: nameOf(record), fields })
    else review.unchanged++
    resolved.set(record.id, fields.length ? record : before)
  }
  let next: T[]
  if (mode === 'merge') {
    next = [...current.map((r) => resolved.get(r.id) ?? r), ...incoming.filter((r) => !now.has(r.id))]
  } else {
    for (const r of current) {
      if (sheet.has(r.id)) continue
      const linkedBy = linksTo(r.id)
      if (linkedBy.length) review.blocked = true
      review.removed.push({ id: r.id, name: nameOf(r), linkedBy })
    }
    next = incoming.map((r) => resolved.get(r.id) ?? r)
  }
  return { review, next }
}

// The console's one-record steps on an operator-kept list table (`id`, `doc`, perhaps `sort`):
// SaveListed / RemoveListed of store/port.ts, shared by the transfer lists and the zone lists.
import type { Db } from './database'

/** The rev lives in the document; a seeded record has none: 0. */
const REV = "COALESCE(json_extract(doc, '$.rev'), 0)"

/** `insert` adds a new record from (id, doc), doing nothing when the id exists. */
export function listedSteps(db: Db, table: string, insert = `INSERT INTO ${table} (id, doc) VALUES (?, ?) ON CONFLICT (id) DO NOTHING`) {
  const add = db.prepare(insert)
  const edit = db.prepare(`UPDATE ${table} SET doc = ? WHERE id = ? AND ${REV} = ?`)
  const drop = db.prepare(`DELETE FROM ${table} WHERE id = ? AND ${REV} = ?`)
  return {
    save(next: { id: string }, rev: number | null): boolean {
      const doc = JSON.stringify(next)
      return (rev === null ? add.run(next.id, doc) : edit.run(doc, next.id, rev)).changes === 1
    },
    remove(id: string, rev: number): boolean {
      return drop.run(id, rev).changes === 1
    },
  }
}

import type { Exhibit, Hall } from '../../contracts/exhibit'
import type { ContentStore } from '../port'
import type { Db } from './database'

export function sqliteContent(db: Db): ContentStore {
  const listHalls = db.prepare('SELECT doc FROM halls ORDER BY sort, id')
  const listExhibits = db.prepare(
    'SELECT e.doc FROM exhibits e LEFT JOIN halls h ON h.id = e.hall_id ORDER BY h.sort, e.sort, e.code',
  )
  const getExhibit = db.prepare('SELECT doc FROM exhibits WHERE code = ?')
  const insertHall = db.prepare('INSERT INTO halls (id, sort, doc) VALUES (?, ?, ?)')
  const putHall = db.prepare('INSERT INTO halls (id, sort, doc) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET sort = excluded.sort, doc = excluded.doc')
  const insertExhibit = db.prepare('INSERT INTO exhibits (code, hall_id, sort, doc) VALUES (?, ?, ?, ?)')
  const putExhibit = db.prepare(
    'INSERT INTO exhibits (code, hall_id, sort, doc) VALUES (?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET hall_id = excluded.hall_id, sort = excluded.sort, doc = excluded.doc',
  )
  const docs = <T>(rows: unknown[]): T[] => rows.map((r) => JSON.parse((r as { doc: string }).doc) as T)

  const replace = db.transaction((halls: Hall[], exhibits: Exhibit[]) => {
    db.exec('DELETE FROM exhibits; DELETE FROM halls;')
    halls.forEach((h, i) => insertHall.run(h.id, i, JSON.stringify(h)))
    for (const e of exhibits) insertExhibit.run(e.code, e.hallId, e.sort, JSON.stringify(e))
  })

  return {
    async listHalls() {
      return docs<Hall>(listHalls.all())
    },
    async listExhibits() {
      return docs<Exhibit>(listExhibits.all())
    },
    async getExhibit(code) {
      const row = getExhibit.get(code) as { doc: string } | undefined
      return row ? (JSON.parse(row.doc) as Exhibit) : null
    },
    async replaceExhibits(halls, exhibits) {
      replace(halls, exhibits)
    },
    async putExhibit(e) {
      putExhibit.run(e.code, e.hallId, e.sort, JSON.stringify(e))
    },
    async putHall(h, sort) {
      putHall.run(h.id, sort, JSON.stringify(h))
    },
  }
}

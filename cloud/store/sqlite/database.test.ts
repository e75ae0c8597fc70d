import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { migrations } from './migrations'
import Database from 'better-sqlite3'
import { checkpointWhenQuiet, migrate, openDatabase, WAL_CHECKPOINT_PAGES } from './database'
import { openSqliteStore } from '.'
import { seedIfEmpty } from '../seed'

const tmp = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-db-')), 'nested', 'db.sqlite')

describe('SQLite adapter', () => {
  it('creates the folder, uses WAL and applies every migration once', () => {
    const file = tmp()
    const db = openDatabase(file)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('user_version', { simple: true })).toBe(migrations[migrations.length - 1].version)
    db.close()
    // Opening again must not re-run migrations (they would fail on existing tables).
    const again = openDatabase(file)
    expect(again.pragma('user_version', { simple: true })).toBe(migrations[migrations.length - 1].version)
    again.close()
  })

  it('seeds on first start only, leaving operator changes alone afterwards', async () => {
    const file = tmp()
    const store = openSqliteStore(file)
    expect(await seedIfEmpty(store)).toBe(true)
    const halls = await store.content.listHalls()
    await store.content.replaceExhibits(halls, [])
    expect(await seedIfEmpty(store)).toBe(false)
    expect(await store.content.listExhibits()).toEqual([])
    await store.close()
  })

  it('v10 keeps every claim, fair-use row and booking of a v9 database, and their uniqueness rules', () => {
    const file = tmp()
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const v9 = new Database(file)
    for (const m of migrations.filter((m) => m.version <= 9)) v9.exec(m.sql)
    v9.pragma('user_version = 9')
    v9.prepare("INSERT INTO booking_claims (id, booking_id) VALUES ('2026-12-01:h1', 'b1')").run()
    v9.prepare("INSERT INTO booking_account_ids (openid, id_hash, last_at) VALUES ('o1', 'h1', '2026-11-30T01:00:00.000Z')").run()
    const insertBooking = v9.prepare(
      `INSERT INTO bookings (id, openid, session_id, day, session_end, places, status, created_at, pending_since, doc)
       VALUES (?, 'o1', '2026-12-01.am', '2026-12-01', '2026-12-01T04:00:00.000Z', 1, ?, '2026-11-30T01:00:00.000Z', ?, '{}')`,
    )
    insertBooking.run('b1', 'confirmed', '2026-11-30T01:00:00.000Z')
    insertBooking.run('b2', 'pending', '2026-11-30T01:00:00.000Z')
    expect(migrate(v9)).toBe(migrations[migrations.length - 1].version)

    expect(v9.prepare('SELECT booking_id FROM booking_claims WHERE id = ?').pluck().get('2026-12-01:h1')).toBe('b1')
    expect(() => v9.prepare("INSERT INTO booking_claims (id, booking_id) VALUES ('2026-12-01:h1', 'b9')").run()).toThrow(/UNIQUE/)
    expect(v9.prepare('SELECT last_at FROM booking_account_ids WHERE openid = ? AND id_hash = ?').pluck().get('o1', 'h1')).toBe('2026-11-30T01:00:00.000Z')
    expect(() => v9.prepare("INSERT INTO booking_account_ids (openid, id_hash, last_at) VALUES ('o1', 'h1', 'x')").run()).toThrow(/UNIQUE/)
    // The sweep still finds a pending record through an index (pending rows only), never a scan of all bookings.
    const stale = v9.prepare("SELECT id FROM bookings WHERE status = 'pending' AND pending_since < ? ORDER BY pending_since, id").pluck()
    expect(stale.all('2026-12-01')).toEqual(['b2'])
    expect(v9.prepare("EXPLAIN QUERY PLAN SELECT id FROM bookings WHERE status = 'pending' AND pending_since < ? ORDER BY pending_since, id").all('x').map((r: any) => r.detail).join()).toMatch(/^SEARCH bookings USING (COVERING )?INDEX/)
    v9.close()
  })

  it('copies the WAL back into the file once writing pauses, not in the middle of it', async () => {
    const file = tmp()
    const db = openDatabase(file)
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_CHECKPOINT_PAGES)
    db.pragma('wal_checkpoint(TRUNCATE)') // the schema, so that a copy of the main file can be read
    const stop = checkpointWhenQuiet(db, 150)
    // What a copy of the main file alone (no -wal beside it) holds: what has been checkpointed.
    const inMainFile = () => {
      const copy = `${file}.copy`
      fs.copyFileSync(file, copy)
      const c = new Database(copy, { readonly: true })
      const n = c.prepare('SELECT COUNT(*) FROM ops_once').pluck().get() as number
      c.close()
      fs.rmSync(copy)
      return n
    }
    const insert = db.prepare('INSERT INTO ops_once (key) VALUES (?)')
    // Writing without a pause longer than the quiet time: nothing is copied back meanwhile.
    for (let i = 0; i < 10; i++) {
      insert.run(`k${i}`)
      await new Promise((r) => setTimeout(r, 5))
    }
    expect(inMainFile()).toBe(0)
    await new Promise((r) => setTimeout(r, 600))
    expect(inMainFile()).toBe(10)
    stop()
    db.close()
  })
})

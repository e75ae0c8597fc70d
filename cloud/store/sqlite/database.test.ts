import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { migrations } from './migrations'
import { openDatabase } from './database'
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
})

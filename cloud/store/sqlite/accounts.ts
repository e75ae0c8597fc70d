// Staff and operator accounts on SQLite: one JSON document per username; every method one statement
// or one transaction.
import type { AccountStore, StaffAccount } from '../port'
import type { Db } from './database'

export function sqliteAccounts(db: Db): AccountStore {
  const q = {
    insert: db.prepare('INSERT INTO staff_accounts (username, doc) VALUES (?, ?) ON CONFLICT (username) DO NOTHING'),
    get: db.prepare('SELECT doc FROM staff_accounts WHERE username = ?'),
    list: db.prepare('SELECT doc FROM staff_accounts ORDER BY username'),
    put: db.prepare('UPDATE staff_accounts SET doc = ? WHERE username = ?'),
  }
  const read = (username: string): StaffAccount | null => {
    const row = q.get.get(username) as { doc: string } | undefined
    return row ? (JSON.parse(row.doc) as StaffAccount) : null
  }
  const write = (account: StaffAccount) => q.put.run(JSON.stringify(account), account.username)

  const update = db.transaction((username: string, patch: Parameters<AccountStore['update']>[1]): StaffAccount | null => {
    const account = read(username)
    if (!account) return null
    const { at, ...changes } = patch
    const next: StaffAccount = { ...account, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)), updatedAt: at }
    if (patch.passwordHash !== undefined) {
      next.failedAttempts = 0
      delete next.lockedUntil
    }
    write(next)
    return next
  })


  return {
    async create(account) {
      return q.insert.run(account.username, JSON.stringify(account)).changes === 1
    },
    async get(username) {
      return read(username)
    },
    async list() {
      return (q.list.all() as Array<{ doc: string }>).map((r) => JSON.parse(r.doc) as StaffAccount)
    },
    async update(username, patch) {
      return update(username, patch)
    },
  }
}

// Staff and operator accounts on the cloud database (collection `staff_accounts`, `_id` = username),
// following the mapping above `AccountStore` in store/port.ts.
import type { AccountStore, StaffAccount } from '../port'
import type { Doc, WxDatabase } from './db'
import { createIfAbsent, fetchAll, findById, stripDoc } from './helpers'

const toAccount = (d: Doc): StaffAccount => ({ ...stripDoc<Omit<StaffAccount, 'username'>>(d), username: d._id })

export function wxAccounts(db: WxDatabase, name: string): AccountStore {
  const _ = db.command
  const coll = () => db.collection(name)
  const get = async (username: string) => {
    const doc = await findById(coll(), username)
    return doc ? toAccount(doc) : null
  }
  return {
    async create(account) {
      const { username, lockedUntil, updatedAt, ...rest } = account
      return createIfAbsent(coll(), username, { ...rest, ...(lockedUntil ? { lockedUntil } : {}), ...(updatedAt ? { updatedAt } : {}) })
    },
    get,
    async list() {
      return (await fetchAll(db, coll())).map(toAccount)
    },
    async update(username, patch) {
      const { at, ...changes } = patch
      const data: Record<string, unknown> = { updatedAt: at }
      for (const [k, v] of Object.entries(changes)) if (v !== undefined) data[k] = v
      if (patch.passwordHash !== undefined) Object.assign(data, { failedAttempts: 0, lockedUntil: _.remove() })
      const res = await coll().where({ _id: username }).update({ data })
      if ((res.stats.updated ?? 0) !== 1 && !(await get(username))) return null
      return get(username)
    },
  }
}

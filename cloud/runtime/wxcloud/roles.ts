// Who is staff or an operator in the cloud: OPENIDs listed in the function's environment variables
// or in the `config` collection's `roles` document, which operators can edit in the cloud console
// without a redeploy. One list per role (an OPENID in several gets the first in this order):
//   admin             ADMIN_OPENIDS             { admins: [...] }
//   booking_operator  BOOKING_OPERATOR_OPENIDS  { bookingOperators: [...] }
//   content_editor    CONTENT_EDITOR_OPENIDS    { contentEditors: [...] }
//   zone_editor       ZONE_EDITOR_OPENIDS       { zoneEditors: [...] }
//   transfer_officer  TRANSFER_OFFICER_OPENIDS  { transferOfficers: [...] }
//   staff             STAFF_OPENIDS             { staff: [...] }
import type { Role } from '../../functions/types'
import type { WxDatabase } from '../../store/wxcloud/db'
import { findById } from '../../store/wxcloud/helpers'

const list = (value: string | undefined) => new Set((value ?? '').split(',').map((s) => s.trim()).filter(Boolean))

export const ROLES_DOC_ID = 'roles'
const CACHE_MS = 60_000

/** Each named role, its environment variable and its field in the roles document, highest first. */
export const ROLE_SOURCES: ReadonlyArray<{ role: Exclude<Role, 'visitor'>; env: string; field: string }> = [
  { role: 'admin', env: 'ADMIN_OPENIDS', field: 'admins' },
  { role: 'booking_operator', env: 'BOOKING_OPERATOR_OPENIDS', field: 'bookingOperators' },
  { role: 'content_editor', env: 'CONTENT_EDITOR_OPENIDS', field: 'contentEditors' },
  { role: 'zone_editor', env: 'ZONE_EDITOR_OPENIDS', field: 'zoneEditors' },
  { role: 'transfer_officer', env: 'TRANSFER_OFFICER_OPENIDS', field: 'transferOfficers' },
  { role: 'staff', env: 'STAFF_OPENIDS', field: 'staff' },
]

export function createRoleResolver(db: WxDatabase, env: Record<string, string | undefined>, collection = 'config') {
  const fromEnv = ROLE_SOURCES.map((s) => list(env[s.env]))
  let cached: { at: number; sets: Array<Set<string>> } | null = null

  async function fromConfig() {
    if (cached && Date.now() - cached.at < CACHE_MS) return cached
    const doc = await findById(db.collection(collection), ROLES_DOC_ID)
    const arr = (v: unknown) => new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])
    cached = { at: Date.now(), sets: ROLE_SOURCES.map((s) => arr(doc?.[s.field])) }
    return cached
  }

  return {
    async roleOf(openid: string | null): Promise<Role> {
      if (!openid) return 'visitor'
      // The environment (set at deploy) outranks the document: an admin there cannot be edited away.
      if (fromEnv[0].has(openid)) return 'admin'
      const config = await fromConfig()
      for (let i = 0; i < ROLE_SOURCES.length; i++) {
        if (fromEnv[i].has(openid) || config.sets[i].has(openid)) return ROLE_SOURCES[i].role
      }
      return 'visitor'
    },
  }
}

// Who is staff or admin in the cloud: OPENIDs listed in the function's environment variables
// (ADMIN_OPENIDS, STAFF_OPENIDS, comma-separated) or in the `config` collection's `roles` document
// ({ admins: [...], staff: [...] }), which operators can edit in the cloud console without a redeploy.
import type { Role } from '../../functions/types'
import type { WxDatabase } from '../../store/wxcloud/db'
import { findById } from '../../store/wxcloud/helpers'

const list = (value: string | undefined) => new Set((value ?? '').split(',').map((s) => s.trim()).filter(Boolean))

export const ROLES_DOC_ID = 'roles'
const CACHE_MS = 60_000

export function createRoleResolver(db: WxDatabase, env: Record<string, string | undefined>, collection = 'config') {
  const envAdmins = list(env.ADMIN_OPENIDS)
  const envStaff = list(env.STAFF_OPENIDS)
  let cached: { at: number; admins: Set<string>; staff: Set<string> } | null = null

  async function fromConfig() {
    if (cached && Date.now() - cached.at < CACHE_MS) return cached
    const doc = await findById(db.collection(collection), ROLES_DOC_ID)
    const arr = (v: unknown) => new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])
    cached = { at: Date.now(), admins: arr(doc?.admins), staff: arr(doc?.staff) }
    return cached
  }

  return {
    async roleOf(openid: string | null): Promise<Role> {
      if (!openid) return 'visitor'
      if (envAdmins.has(openid)) return 'admin'
      const config = await fromConfig()
      if (config.admins.has(openid)) return 'admin'
      if (envStaff.has(openid) || config.staff.has(openid)) return 'staff'
      return 'visitor'
    },
  }
}

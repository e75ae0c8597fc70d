import { createStandinDatabase } from '../../store/wxcloud/standin/database'
import { createRoleResolver } from './roles'

describe('cloud roles from env lists and the config roles document (wx-server-sdk STAND-IN)', () => {
  it('reads ADMIN_OPENIDS / STAFF_OPENIDS and the roles document; unknown or missing openid is a visitor', async () => {
    const db = createStandinDatabase()
    await db.createCollection('config')
    await db.collection('config').add({ data: { _id: 'roles', admins: ['o-doc-admin'], staff: ['o-doc-staff', 42] } })
    const roles = createRoleResolver(db, { ADMIN_OPENIDS: ' o-env-admin , ', STAFF_OPENIDS: 'o-env-staff' })
    expect(await roles.roleOf('o-env-admin')).toBe('admin')
    expect(await roles.roleOf('o-env-staff')).toBe('staff')
    expect(await roles.roleOf('o-doc-admin')).toBe('admin')
    expect(await roles.roleOf('o-doc-staff')).toBe('staff')
    expect(await roles.roleOf('o-someone')).toBe('visitor')
    expect(await roles.roleOf(null)).toBe('visitor')
    expect(await roles.roleOf('')).toBe('visitor')
  })

  it('works with no roles document at all', async () => {
    const db = createStandinDatabase()
    await db.createCollection('config')
    expect(await createRoleResolver(db, {}).roleOf('o-1')).toBe('visitor')
  })
})

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

  it('resolves the operator roles from their env lists and document fields; admin outranks the rest', async () => {
    const db = createStandinDatabase()
    await db.createCollection('config')
    await db.collection('config').add({ data: { _id: 'roles', contentEditors: ['o-editor'], zoneEditors: ['o-zone'], staff: ['o-both'], admins: ['o-both'] } })
    const roles = createRoleResolver(db, { BOOKING_OPERATOR_OPENIDS: 'o-ops', STAFF_OPENIDS: 'o-ops2' })
    expect(await roles.roleOf('o-ops')).toBe('booking_operator')
    expect(await roles.roleOf('o-editor')).toBe('content_editor')
    expect(await roles.roleOf('o-zone')).toBe('zone_editor')
    expect(await roles.roleOf('o-both')).toBe('admin')
    expect(await roles.roleOf('o-ops2')).toBe('staff')
  })

  it('resolves the transfer officer from TRANSFER_OFFICER_OPENIDS and the transferOfficers field', async () => {
    const db = createStandinDatabase()
    await db.createCollection('config')
    await db.collection('config').add({ data: { _id: 'roles', transferOfficers: ['o-officer-doc'] } })
    const roles = createRoleResolver(db, { TRANSFER_OFFICER_OPENIDS: 'o-officer-env' })
    expect(await roles.roleOf('o-officer-env')).toBe('transfer_officer')
    expect(await roles.roleOf('o-officer-doc')).toBe('transfer_officer')
  })

  it('works with no roles document at all', async () => {
    const db = createStandinDatabase()
    await db.createCollection('config')
    expect(await createRoleResolver(db, {}).roleOf('o-1')).toBe('visitor')
  })
})

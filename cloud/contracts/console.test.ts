// The console, the accounts page, the accounts script and the server must name and allow roles
// the same way: the console's header once said 内容编辑 where its accounts page said 展品编辑.
import { ROLE_LABELS as CONSOLE_LABELS, pagesFor } from '../../admin/src/roles'
import { consoleFn } from '../functions/console'
import { ACCOUNT_ROLE_LABELS, ROLES, type AccountRoleName } from './accounts'
import { CONSOLE_ROLES } from './console'

test('the console header names every account role as the accounts page and script do', () => {
  for (const role of Object.keys(ACCOUNT_ROLE_LABELS) as AccountRoleName[]) {
    expect(CONSOLE_LABELS[role]).toBe(ACCOUNT_ROLE_LABELS[role])
  }
  expect(new Set(Object.values(CONSOLE_LABELS)).size).toBe(ROLES.length)
})

test('the console shows a page to a role exactly when the server lets that role call the page actions', () => {
  const pageAction: Record<string, string> = {
    dashboard: 'dashboard', exhibits: 'saveExhibit', halls: 'saveHall', notices: 'saveNotice', bookings: 'closeDay',
    bookingSettings: 'setCapacity', zoneData: 'saveCompany', zone: 'importZone', audit: 'audit', qrSheet: 'qrSheet',
    groups: 'approveGroup',
  }
  const actions = consoleFn.actions as Record<string, { roles?: readonly string[] }>
  for (const role of ROLES) {
    const shown = pagesFor(role).map((p) => p.key).filter((k) => k in pageAction)
    const allowed = Object.keys(pageAction).filter((k) => role === 'admin' || (actions[pageAction[k]].roles ?? []).includes(role))
    expect(shown.sort()).toEqual(allowed.sort())
  }
  expect(actions.saveExhibit.roles).toBe(CONSOLE_ROLES.content)
})

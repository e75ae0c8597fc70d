// The operator console's actions (/admin), one file per feature in this folder. Each names the roles
// that may call it (admin may call all; CONSOLE_ROLES in cloud/contracts/console.ts), validates with
// its schema in cloud/contracts/requests/console.ts, and records every change in the append-only
// audit log. A new feature: its own file exporting an actions object, spread in here with one line.
import { implement } from '../types'
import { auditActions } from './audit'
import { closuresActions } from './closures'
import { dashboardActions } from './dashboard'
import { exhibitsActions } from './exhibits'
import { hallsActions } from './halls'
import { noticesActions } from './notices'
import { sessionsActions } from './sessions'
import { zoneDataActions } from './zone-data'
import { uploadsActions } from './uploads'
import { holdsActions } from './holds'
import { reportsActions } from './reports'
import { qrsheetActions } from './qrsheet'
import { transferActions } from './transfer'
import { waitlistActions } from './waitlist'
import { groupsActions } from './groups'
import { walkInActions } from './walkin'

export { ConsoleErrors } from './errors'
/** Who may do what (admin may do all): a contract, so the console shows each page to the same roles. */
export { CONSOLE_ROLES } from '../../contracts/console'

export const consoleFn = implement('console', {
  actions: {
    ...exhibitsActions,
    ...hallsActions,
    ...noticesActions,
    ...closuresActions,
    ...sessionsActions,
    ...zoneDataActions,
    ...dashboardActions,
    ...auditActions,
    ...uploadsActions,
    ...holdsActions,
    ...reportsActions,
    ...qrsheetActions,
    ...transferActions,
    ...waitlistActions,
    ...groupsActions,
    ...walkInActions,
  },
})

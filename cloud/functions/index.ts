import type { FunctionName } from '../contracts/api'
import { accounts } from './accounts'
import { admin } from './admin'
import { booking } from './booking'
import { consoleFn } from './console'
import { exhibits } from './exhibits'
import { groups } from './groups'
import { notices } from './notices'
import { staff } from './staff'
import { system } from './system'
import { transfer } from './transfer'
import { zone } from './zone'
import type { CloudFunction } from './types'

/** Every cloud function by the name the client calls; each becomes one WeChat cloud function. */
export const functions: Record<FunctionName, CloudFunction> = {
  system,
  exhibits,
  admin,
  zone,
  booking,
  staff,
  notices,
  console: consoleFn,
  accounts,
  transfer,
  groups,
}

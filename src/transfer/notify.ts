// 对接 status messages: in the mini-program each accepted prompt lets the transfer centre send one
// status message (cloud/functions/console/transfer.ts uses one authorisation per step); on H5 nothing
// is asked and the sender follows the status in 我的对接. Call askStatusNotice inside a tap's handler.
import { askOneMessage, subscribeOnceSupported } from '@/services/subscribe-once'

export const statusNoticeSupported = subscribeOnceSupported && TRANSFER_TEMPLATE_ID !== ''

export function askStatusNotice(templateId: string = TRANSFER_TEMPLATE_ID): Promise<boolean> {
  return askOneMessage(templateId)
}

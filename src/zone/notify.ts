// 政策提醒 messages: in the mini-program each accepted prompt lets the daily job send one alert message
// (cloud/zone/alerts.ts); on H5 nothing is asked and the list in 我的 is the alert. Call
// askAlertNotice inside a tap's handler; a refusal keeps the profile saved.
import { askOneMessage, subscribeOnceSupported } from '@/services/subscribe-once'

export const alertNoticeSupported = subscribeOnceSupported && POLICY_ALERT_TEMPLATE_ID !== ''

export function askAlertNotice(templateId: string = POLICY_ALERT_TEMPLATE_ID): Promise<boolean> {
  return askOneMessage(templateId)
}

// Visit reminders on H5: browsers have no WeChat subscription messages, so nothing is asked and the
// booking goes on without a reminder. The weapp build resolves subscribe.weapp.ts instead.
import type { ReminderConsent } from './subscribe-consent'

export async function requestVisitReminder(): Promise<ReminderConsent> {
  return 'unsupported'
}

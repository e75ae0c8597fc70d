// Visit reminders in the mini-program: asks once for the reminder template. WeChat only shows the
// dialog from a tap, so call this inside the booking button's tap handler, before submitting.
import Taro from '@tarojs/taro'
import { consentFrom, type ReminderConsent } from './subscribe-consent'

export async function requestVisitReminder(templateId: string = REMINDER_TEMPLATE_ID): Promise<ReminderConsent> {
  if (!templateId) return 'unavailable'
  try {
    const answer = await Taro.requestSubscribeMessage({ tmplIds: [templateId] } as Parameters<typeof Taro.requestSubscribeMessage>[0])
    return consentFrom(answer as unknown as Record<string, unknown>, templateId)
  } catch {
    // Declined the settings prompt, old WeChat, or called outside a tap: book without a reminder.
    return 'unavailable'
  }
}

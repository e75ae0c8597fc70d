// Subscription messages in the mini-program: one dialog, from the booking button's tap (WeChat only
// shows it from a tap, so call this inside the handler, before submitting), for the visit reminder
// and the closure notice. Each accepted template lets the cloud send that visitor one message; the
// closure notice (cloud/ops/close-day.ts) reaches only visitors who accepted it here.
import Taro from '@tarojs/taro'
import { consentFrom, type ReminderConsent } from './subscribe-consent'

export async function requestVisitReminder(templateId: string = REMINDER_TEMPLATE_ID, closureTemplateId: string = CLOSURE_TEMPLATE_ID): Promise<ReminderConsent> {
  const tmplIds = [templateId, closureTemplateId].filter(Boolean)
  if (tmplIds.length === 0) return 'unavailable'
  try {
    const answer = await Taro.requestSubscribeMessage({ tmplIds } as Parameters<typeof Taro.requestSubscribeMessage>[0])
    return templateId ? consentFrom(answer as unknown as Record<string, unknown>, templateId) : 'unavailable'
  } catch {
    // Declined the settings prompt, old WeChat, or called outside a tap: book without a reminder.
    return 'unavailable'
  }
}

// What the visitor answered to the reminder request, in the app's words. Shared by the weapp helper
// and tests; the booking request sends `remind: consent === 'accept'`.
export type ReminderConsent = 'accept' | 'reject' | 'ban' | 'unavailable' | 'unsupported'

/** Reads wx.requestSubscribeMessage's answer ({ [templateId]: 'accept' | 'reject' | 'ban' | 'filter' }). */
export function consentFrom(answer: Record<string, unknown> | null | undefined, templateId: string): ReminderConsent {
  const value = answer?.[templateId]
  if (value === 'accept') return 'accept'
  if (value === 'ban') return 'ban'
  if (value === 'reject') return 'reject'
  return 'unavailable' // 'filter' (template filtered by WeChat) or nothing usable
}

// 政策提醒 messages in the mini-program: a one-time subscription (一次性订阅) — each accepted prompt
// lets the daily job send one alert message (cloud/zone/alerts.ts). WeChat shows the prompt only
// from a tap: call this inside the handler.
import Taro from '@tarojs/taro'
import { consentFrom } from '@/services/subscribe-consent'

export const alertNoticeSupported = POLICY_ALERT_TEMPLATE_ID !== ''

export async function askAlertNotice(templateId: string = POLICY_ALERT_TEMPLATE_ID): Promise<boolean> {
  if (!templateId) return false
  try {
    const answer = await Taro.requestSubscribeMessage({ tmplIds: [templateId] } as Parameters<typeof Taro.requestSubscribeMessage>[0])
    return consentFrom(answer as unknown as Record<string, unknown>, templateId) === 'accept'
  } catch {
    // Declined the settings prompt, old WeChat: the profile stays saved, the list still shows alerts.
    return false
  }
}

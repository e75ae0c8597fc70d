// 对接 status messages in the mini-program: a one-time subscription (一次性订阅) — each accepted
// prompt lets the transfer centre send one status message (cloud/functions/console/transfer.ts uses
// one authorisation per step). WeChat shows the prompt only from a tap: call this inside the handler.
import Taro from '@tarojs/taro'
import { consentFrom } from '@/services/subscribe-consent'

export const statusNoticeSupported = TRANSFER_TEMPLATE_ID !== ''

export async function askStatusNotice(templateId: string = TRANSFER_TEMPLATE_ID): Promise<boolean> {
  if (!templateId) return false
  try {
    const answer = await Taro.requestSubscribeMessage({ tmplIds: [templateId] } as Parameters<typeof Taro.requestSubscribeMessage>[0])
    return consentFrom(answer as unknown as Record<string, unknown>, templateId) === 'accept'
  } catch {
    // Declined the settings prompt, old WeChat: the request goes on without a message.
    return false
  }
}

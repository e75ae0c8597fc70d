// One-time subscription (一次性订阅) in the mini-program: each accepted prompt lets the cloud send this
// person one message from that template. WeChat shows the prompt only from a tap, so callers ask
// inside the tap's handler. Used by subpackages only (zone, transfer), so it stays out of the main
// package (optimizeMainPackage in config/index.ts).
import Taro from '@tarojs/taro'
import { consentFrom } from './subscribe-consent'

export const subscribeOnceSupported = true

/** True when the person accepted one message from `templateId`; false for no template, a refusal or an old WeChat. */
export async function askOneMessage(templateId: string): Promise<boolean> {
  if (!templateId) return false
  try {
    const answer = await Taro.requestSubscribeMessage({ tmplIds: [templateId] } as Parameters<typeof Taro.requestSubscribeMessage>[0])
    return consentFrom(answer as unknown as Record<string, unknown>, templateId) === 'accept'
  } catch {
    // Declined the settings prompt, old WeChat: what the person asked for goes on without a message.
    return false
  }
}

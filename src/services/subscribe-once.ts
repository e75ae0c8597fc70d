// One-time subscription messages on H5: browsers have no WeChat subscribe messages, so nothing is
// asked and the person follows the state in the app. The weapp build resolves subscribe-once.weapp.ts.
export const subscribeOnceSupported = false

export async function askOneMessage(_templateId: string): Promise<boolean> {
  return false
}

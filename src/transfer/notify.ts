// 对接 status messages on H5: browsers have no WeChat subscribe messages, so nothing is asked; the
// sender follows the status in 我的对接. The weapp build resolves notify.weapp.ts instead.
export const statusNoticeSupported = false

export async function askStatusNotice(): Promise<boolean> {
  return false
}

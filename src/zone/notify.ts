// 政策提醒 messages on H5: browsers have no WeChat subscribe messages, so nothing is asked; the list
// in 我的 is the alert. The weapp build resolves notify.weapp.ts instead.
export const alertNoticeSupported = false

export async function askAlertNotice(): Promise<boolean> {
  return false
}

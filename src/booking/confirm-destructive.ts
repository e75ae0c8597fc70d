// A question before something that cannot be undone (cancel a booking, delete a saved visitor):
// its confirm button in WeUI's warn colour, not the default confirm colour (green on H5), which
// reads as "safe, go ahead". The button that keeps things as they are stays neutral.
import Taro from '@tarojs/taro'

/** WeUI's warn red (weui-btn_warn, --weui-RED). */
export const WEUI_WARN = '#FA5151'

export async function confirmDestructive(options: { title: string; content: string; confirmText: string; cancelText: string }): Promise<boolean> {
  const { confirm } = await Taro.showModal({ ...options, confirmColor: WEUI_WARN })
  return confirm
}

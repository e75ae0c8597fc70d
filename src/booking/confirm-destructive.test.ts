import Taro from '@tarojs/taro'
import { confirmDestructive, WEUI_WARN } from './confirm-destructive'

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { showModal: jest.fn() } }))
const showModal = Taro.showModal as unknown as jest.Mock

it('asks with the confirm button in WeUI warn red, and answers what the person chose', async () => {
  showModal.mockResolvedValueOnce({ confirm: true, cancel: false }).mockResolvedValueOnce({ confirm: false, cancel: true })
  const ask = { title: '取消预约', content: '确定取消 12/15 上午场 的预约吗？', confirmText: '取消预约', cancelText: '保留' }
  await expect(confirmDestructive(ask)).resolves.toBe(true)
  await expect(confirmDestructive(ask)).resolves.toBe(false)
  expect(showModal).toHaveBeenCalledWith({ ...ask, confirmColor: WEUI_WARN })
  expect(WEUI_WARN.toUpperCase()).toBe('#FA5151')
})

// WeChat: scan the visitor's e-ticket QR with the camera.
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import './staff.scss'

export function CodeEntry({ onCode, busy }: { onCode: (code: string) => void; busy: boolean }) {
  const scan = async () => {
    if (busy) return
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      onCode(res.result)
    } catch {
      // Scanner closed: nothing to say.
    }
  }
  return (
    <View className="st-entry">
      <View className="btn" role="button" onClick={scan}>
        {busy ? '正在核验…' : '扫码核验电子票'}
      </View>
    </View>
  )
}

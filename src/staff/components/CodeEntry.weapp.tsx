// WeChat: scan the visitor's e-ticket QR with the camera.
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useStrings } from '@/i18n/strings'
import { staffText } from '@/staff/strings'
import './staff.scss'

export function CodeEntry({ onCode, busy }: { onCode: (code: string) => void; busy: boolean }) {
  const t = useStrings(staffText)
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
        {busy ? t('checking') : t('scanTicket')}
      </View>
    </View>
  )
}

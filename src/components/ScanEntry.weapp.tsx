import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { exhibitCodeFromScan } from '@cloud/contracts/exhibit'
import { exhibitPageUrl, openPage } from '@/services/navigate'
import './scan-entry.scss'

export function ScanEntry() {
  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: false })
      const entry = exhibitCodeFromScan({ path: res.path, result: res.result })
      if (entry.ok) openPage(exhibitPageUrl(entry.code))
      else Taro.showToast({ title: '这不是科技馆展品的二维码', icon: 'none' })
    } catch {
      // The visitor closed the scanner: nothing to say.
    }
  }
  return (
    <View className="scan-entry">
      <View className="btn scan-entry__scan" onClick={scan} role="button">
        扫一扫展品二维码
      </View>
    </View>
  )
}

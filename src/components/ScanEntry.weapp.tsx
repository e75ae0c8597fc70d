import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { exhibitCodeFromScan } from '@cloud/contracts/exhibit'
import { useT } from '@/i18n/store'
import { exhibitPageUrl, openPage } from '@/services/navigate'
import './scan-entry.scss'

export function ScanEntry() {
  const t = useT()
  // A promise chain, not async/await: the home page is in the ES5 main package (see services/cloud.weapp.ts).
  const scan = () =>
    Taro.scanCode({ onlyFromCamera: false })
      .then((res) => {
        const entry = exhibitCodeFromScan({ path: res.path, result: res.result })
        if (entry.ok) openPage(exhibitPageUrl(entry.code))
        else void Taro.showToast({ title: t('scan.notOurs'), icon: 'none' })
      })
      .catch(() => {
        // The visitor closed the scanner: nothing to say.
      })
  return (
    <View className="scan-entry">
      <View className="btn scan-entry__scan" onClick={scan} role="button">
        {t('scan.scan')}
      </View>
    </View>
  )
}

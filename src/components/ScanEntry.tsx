// H5: there is no WeChat scanner, so visitors type the code printed under the exhibit's QR code
// (or paste its link). The weapp build uses ScanEntry.weapp.tsx.
import { useState } from 'react'
import { Input, View } from '@tarojs/components'
import { exhibitCodeFromScan } from '@cloud/contracts/exhibit'
import { useT } from '@/i18n/store'
import { exhibitPageUrl, openPage } from '@/services/navigate'
import './scan-entry.scss'

export function ScanEntry() {
  const [text, setText] = useState('')
  const [error, setError] = useState('')
  const t = useT()
  const submit = () => {
    const entry = exhibitCodeFromScan({ result: text })
    if (!entry.ok) {
      setError(t(entry.reason === 'missing' ? 'scan.missing' : 'scan.malformed'))
      return
    }
    setError('')
    openPage(exhibitPageUrl(entry.code))
  }
  return (
    <View className="scan-entry">
      <View className="scan-entry__label" id="scan-entry-label">
        {t('scan.label')}
      </View>
      <View className="scan-entry__row">
        <Input
          className="field scan-entry__input"
          value={text}
          placeholder={t('scan.placeholder')}
          aria-labelledby="scan-entry-label"
          confirmType="go"
          onInput={(e) => setText(e.detail.value)}
          onConfirm={submit}
        />
        <View className="btn scan-entry__go" onClick={submit} role="button">
          {t('scan.go')}
        </View>
      </View>
      {error && (
        <View className="scan-entry__error" role="alert">
          {error}
        </View>
      )}
    </View>
  )
}

// H5: there is no WeChat scanner, so visitors type the code printed under the exhibit's QR code
// (or paste its link). The weapp build uses ScanEntry.weapp.tsx.
import { useState } from 'react'
import { Input, View } from '@tarojs/components'
import { exhibitCodeFromScan } from '@cloud/contracts/exhibit'
import { exhibitPageUrl, openPage } from '@/services/navigate'
import './scan-entry.scss'

export function ScanEntry() {
  const [text, setText] = useState('')
  const [error, setError] = useState('')
  const submit = () => {
    const entry = exhibitCodeFromScan({ result: text })
    if (!entry.ok) {
      setError(entry.reason === 'missing' ? '请输入展品牌上的编号' : '编号格式不正确，请核对展品牌上的编号')
      return
    }
    setError('')
    openPage(exhibitPageUrl(entry.code))
  }
  return (
    <View className="scan-entry">
      <View className="scan-entry__label" id="scan-entry-label">
        输入展品编号
      </View>
      <View className="scan-entry__row">
        <Input
          className="scan-entry__input"
          value={text}
          placeholder="如 helmet，见展品牌二维码下方"
          aria-labelledby="scan-entry-label"
          confirmType="go"
          onInput={(e) => setText(e.detail.value)}
          onConfirm={submit}
        />
        <View className="btn scan-entry__go" onClick={submit} role="button">
          查看展品
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

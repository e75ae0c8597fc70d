// H5: no WeChat scanner, so staff type (or paste, or use a handheld scanner that types) the
// ticket code printed under the visitor's QR code.
import { useState } from 'react'
import { Input, View } from '@tarojs/components'
import './staff.scss'

export function CodeEntry({ onCode, busy }: { onCode: (code: string) => void; busy: boolean }) {
  const [text, setText] = useState('')
  const submit = () => {
    if (!text.trim() || busy) return
    onCode(text)
    setText('')
  }
  return (
    <View className="st-entry">
      <View className="bk-field__label" id="st-code-label">
        电子票号（二维码下方，或用扫码枪扫描）
      </View>
      <Input className="st-input" value={text} placeholder="T2.…" aria-labelledby="st-code-label" confirmType="go" onInput={(e) => setText(e.detail.value)} onConfirm={submit} />
      <View className="btn" role="button" onClick={submit}>
        {busy ? '正在核验…' : '核验入馆'}
      </View>
    </View>
  )
}

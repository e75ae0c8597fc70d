// H5: staff scan the visitor's QR with the device camera, or type the 8-character short code
// (or paste the ticket code, or use a handheld scanner that types). The weapp build uses
// CodeEntry.weapp.tsx (WeChat's scanner).
import { useEffect, useRef, useState } from 'react'
import { Input, View } from '@tarojs/components'
import { cameraAvailable, startScanner } from '@/staff/camera'
import { useStrings } from '@/i18n/strings'
import { staffText } from '@/staff/strings'
import './staff.scss'

export function CodeEntry({ onCode, busy }: { onCode: (code: string) => void; busy: boolean }) {
  const [text, setText] = useState('')
  const t = useStrings(staffText)
  const [scanning, setScanning] = useState(false)
  const [cameraError, setCameraError] = useState('')
  const stopRef = useRef<(() => void) | null>(null)
  const submit = () => {
    if (!text.trim() || busy) return
    onCode(text)
    setText('')
  }
  useEffect(() => () => stopRef.current?.(), [])
  const scan = async () => {
    if (scanning) {
      stopRef.current?.()
      setScanning(false)
      return
    }
    setCameraError('')
    setScanning(true)
    // The <video> is rendered once scanning is on; wait a frame for it.
    await new Promise((r) => setTimeout(r, 0))
    const video = document.querySelector<HTMLVideoElement>('video.st-camera')
    if (!video) return setScanning(false)
    try {
      stopRef.current = await startScanner(video, (code) => {
        setScanning(false)
        onCode(code)
      })
    } catch {
      setScanning(false)
      setCameraError(t('cameraFailed'))
    }
  }
  return (
    <View className="st-entry">
      {cameraAvailable() && (
        <View className="btn st-scan" role="button" data-action="camera" onClick={() => void scan()}>
          {scanning ? t('stopScan') : t('scan')}
        </View>
      )}
      {scanning && <video className="st-camera" muted aria-label={t('cameraLabel')} />}
      {cameraError && (
        <View className="bk-alert" role="alert">
          {cameraError}
        </View>
      )}
      <View className="bk-field__label" id="st-code-label">
        {t('codeLabel')}
      </View>
      <Input className="field st-code-input" value={text} placeholder={t('codePlaceholder')} aria-labelledby="st-code-label" confirmType="go" onInput={(e) => setText(e.detail.value)} onConfirm={submit} />
      <View className="btn" role="button" onClick={submit}>
        {busy ? t('checking') : t('check')}
      </View>
    </View>
  )
}

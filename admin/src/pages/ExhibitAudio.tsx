// 语音讲解 in the exhibit drawer: each language's guide as visitors hear it, an operator's own
// recording (MP3/M4A/AAC; the server reads the type from the bytes) or the guide spoken again from
// the current text. A text edit keeps a recording that no longer matches, marked stale: here the
// operator keeps it, regenerates it from the new text, or removes it, per language.
import { useState } from 'react'
import { Alert, App, Button, Input, Popconfirm, Space, Typography, Upload } from 'antd'
import type { Exhibit, GuideLang } from '../../../cloud/contracts/exhibit'
import { UPLOAD_RULES } from '../../../cloud/contracts/uploads'
import { call, uploadSource } from '../api'
import { visitorPage } from '../config'

const LANG_LABEL: Record<GuideLang, string> = { zh: '中文讲解', en: '英文讲解' }
const listenUrl = (code: string, lang: GuideLang) => visitorPage(`guide/pages/listen/index?id=${encodeURIComponent(code)}&lang=${lang}`)
/** 8 MB locally; less through a cloud function call (cloud/contracts/upload-limits.ts). */

export function ExhibitAudio({ exhibit, onSaved }: { exhibit: Exhibit; onSaved: (e: Exhibit) => void }) {
  return (
    <>
      <h3 style={{ marginTop: 32 }}>语音讲解</h3>
      {(['zh', 'en'] as const).map((lang) => (
        <AudioTrackRow key={lang} exhibit={exhibit} lang={lang} onSaved={onSaved} />
      ))}
    </>
  )
}

function AudioTrackRow({ exhibit, lang, onSaved }: { exhibit: Exhibit; lang: GuideLang; onSaved: (e: Exhibit) => void }) {
  const { message } = App.useApp()
  const [voice, setVoice] = useState('')
  const [busy, setBusy] = useState<'upload' | 'regenerate' | 'keep' | 'remove' | null>(null)
  const track = exhibit.audio?.[lang]
  const label = LANG_LABEL[lang]
  return (
    <div style={{ marginBottom: 20 }} data-audio-lang={lang}>
      <Typography.Text strong>{label}</Typography.Text>
      {track?.stale && (
        <Alert
          type="warning"
          showIcon
          style={{ margin: '8px 0' }}
          data-audio-stale={lang}
          message={`文字已修改，这段${label}录音可能与新文字不符（观众仍可收听）`}
          action={
            <Space direction="vertical" size={4}>
              <Button
                size="small"
                loading={busy === 'keep'}
                onClick={async () => {
                  setBusy('keep')
                  const res = await call('console', 'decideAudio', { code: exhibit.code, lang, decision: 'keep' })
                  setBusy(null)
                  if (!res.ok) return void message.error(res.error.message)
                  message.success(`已保留${label}录音`)
                  onSaved(res.data.exhibit)
                }}
              >
                保留
              </Button>
              <Popconfirm
                title={`删除${label}录音？`}
                description="观众将暂时没有这个语言的讲解，可稍后上传或重新生成。"
                okText="删除"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={async () => {
                  setBusy('remove')
                  const res = await call('console', 'decideAudio', { code: exhibit.code, lang, decision: 'remove' })
                  setBusy(null)
                  if (!res.ok) return void message.error(res.error.message)
                  message.success(`已删除${label}录音`)
                  onSaved(res.data.exhibit)
                }}
              >
                <Button size="small" danger loading={busy === 'remove'}>
                  删除
                </Button>
              </Popconfirm>
            </Space>
          }
          description="可保留原录音、按当前文本重新生成，或删除后再上传。"
        />
      )}
      {track ? (
        <Space direction="vertical" style={{ display: 'flex', margin: '8px 0' }}>
          <audio controls preload="none" src={track.url} aria-label={`${label}试听`} style={{ width: 360 }} />
          <Typography.Text type="secondary" data-audio-track>
            {track.voice} · {Math.round(track.seconds)} 秒 · <a href={listenUrl(exhibit.code, lang)} target="_blank" rel="noreferrer">观众讲解页</a>
          </Typography.Text>
        </Space>
      ) : (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>
          暂无{label}：可上传录音，或按当前文本重新生成。
        </Typography.Paragraph>
      )}
      <Space wrap>
        <Input value={voice} onChange={(e) => setVoice(e.target.value)} maxLength={40} placeholder="录音说明，如：讲解员小林录制" aria-label={`${label}录音说明`} style={{ width: 240 }} />
        <Upload
          accept=".mp3,.m4a,.aac,audio/mpeg,audio/mp4,audio/aac"
          showUploadList={false}
          beforeUpload={async (file) => {
            if (file.size > UPLOAD_RULES.audio.maxBytes) {
              message.error('录音不能超过 8 MB，请压缩后再上传（如 64 kbps MP3）')
              return false
            }
            setBusy('upload')
            const source = await uploadSource('audio', file)
            const res = source.ok ? await call('console', 'uploadAudio', { code: exhibit.code, lang, ...source.data, ...(voice.trim() ? { voice: voice.trim() } : {}) }) : source
            setBusy(null)
            if (!res.ok) message.error(res.error.message)
            else {
              message.success(`${label}已更新，时长 ${Math.round(res.data.track.seconds)} 秒，观众端即时生效`)
              onSaved(res.data.exhibit)
            }
            return false
          }}
        >
          <Button loading={busy === 'upload'} aria-label={`上传${label}录音`}>
            上传录音（MP3/M4A/AAC，≤ 8 MB）
          </Button>
        </Upload>
        <Button
          loading={busy === 'regenerate'}
          aria-label={`按文本重新生成${label}`}
          onClick={async () => {
            setBusy('regenerate')
            const res = await call('console', 'regenerateAudio', { code: exhibit.code, lang })
            setBusy(null)
            if (!res.ok) return void message.error(res.error.message)
            message.success(res.data.source === 'prepared' ? `已恢复为按当前文本准备的${label}` : `已按当前文本重新生成${label}`)
            onSaved(res.data.exhibit)
          }}
        >
          按文本重新生成
        </Button>
      </Space>
    </div>
  )
}

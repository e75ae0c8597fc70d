// The audio guide: play/pause, progress, the transcript. A subpackage page, so the player code is
// only downloaded when a visitor asks to listen; the player itself lives outside the page and
// keeps playing after the visitor leaves (background audio on weapp).
import { useEffect } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { audioScript, type Exhibit, type GuideLang } from '@cloud/contracts/exhibit'
import { PageShell } from '@/ui/PageShell'
import { guideTrack } from '@/exhibits/audio-track'
import { exhibitsStore, useExhibits } from '@/exhibits/store'
import { useLang } from '@/i18n/store'
import { mediaUrl } from '@/services/media'
import { audioPlayer } from '../../audio/player'
import type { AudioFailure } from '../../audio/player-types'
import { usePlayer } from '../../audio/usePlayer'
import { guideText } from '../../strings'
import { voiceLine } from '../../voice'
import { usePageTitle } from '@/services/page-title'
import './index.scss'

const FAILURE_TEXT: Record<AudioFailure, 'audioLoad' | 'audioPlay' | 'audioOffline'> = { load: 'audioLoad', play: 'audioPlay', offline: 'audioOffline' }

const clock = (s: number) => {
  const t = Math.max(0, Math.floor(s))
  return `${Math.floor(t / 60)}:${String(t % 60).padStart(2, '0')}`
}

export default function ListenPage() {
  const { params } = useRouter()
  const code = (params.id ?? '').toLowerCase()
  const lang = useLang()
  const state = useExhibits((s) => s.exhibits[code])
  const player = usePlayer()
  const g = (k: Parameters<typeof guideText>[1], v?: Record<string, string | number>) => guideText(lang, k, v)

  useEffect(() => {
    if (code) void exhibitsStore.getState().loadExhibit(code)
  }, [code])
  usePageTitle(guideText(lang, 'listenTitle'))

  const view = (e: Exhibit) => {
  const guide = guideTrack(e, lang)
  const trackLang: GuideLang = guide?.lang ?? 'zh'
  const track = guide?.track
  // A person's recording says who recorded it; synthesised speech says it is not a person.
  const voiceText = guide ? voiceLine(guide, lang) : ''
  const transcript = audioScript(e, trackLang) ?? ''
  const title = trackLang === 'en' ? e.nameEn ?? e.name : e.name
  const src = track ? mediaUrl(track.url) : null
  const current = src !== null && player.src === src
  const playing = current && player.playing
  const position = current ? player.position : 0
  const duration = current && player.duration ? player.duration : track?.seconds ?? 0

  const toggle = () => {
    if (!track || !src) return
    if (playing) audioPlayer.pause()
    else audioPlayer.play({ src, title, seconds: track.seconds, subtitle: voiceText, album: g('album') })
  }

  return (
    <>
        <View className="card listen__player">
          <View className="listen__title" role="heading" aria-level={1}>
            {title}
          </View>
          {lang === 'en' && !e.audio?.en && <View className="listen__note">{g('noEnglishAudio')}</View>}
          {track ? (
            <>
              <View className="listen__controls">
                <View
                  className="btn listen__play"
                  role="button"
                  aria-pressed={playing}
                  data-playing={playing ? 'yes' : 'no'}
                  onClick={toggle}
                >
                  <View className="listen__icon" aria-hidden="true">
                    {playing ? '❚❚' : '▶'}
                  </View>
                  {playing ? g('pause') : g('play')}
                </View>
                <View className="btn btn--ghost listen__back" role="button" onClick={() => current && audioPlayer.seek(Math.max(0, position - 15))}>
                  {g('back15')}
                </View>
              </View>
              <View
                className="listen__bar"
                role="progressbar"
                aria-label={g('progress')}
                aria-valuemin={0}
                aria-valuemax={Math.round(duration)}
                aria-valuenow={Math.round(position)}
              >
                <View className="listen__bar-fill" style={{ width: `${duration ? Math.min(100, (position / duration) * 100) : 0}%` }} />
              </View>
              <View className="listen__time" aria-live="off">
                {clock(position)} / {clock(duration)}
              </View>
              {current && player.error && (
                <View className="listen__error" role="alert" data-audio-failure={player.error}>
                  {g(FAILURE_TEXT[player.error])}
                </View>
              )}
              <View className="listen__voice" data-voice={guide?.recorded ? 'recorded' : 'machine'}>
                {voiceText}
              </View>
              <View className="muted">{g('background')}</View>
            </>
          ) : (
            <View className="listen__note">{g('noAudio')}</View>
          )}
        </View>
        <View className="card">
          <View className="section-title" role="heading" aria-level={2}>
            {g('transcript')}
          </View>
          <View className="listen__transcript">
            {transcript}
          </View>
        </View>
    </>
  )
  }

  // Loading and error in the page shell (care mode included); the player once ready.
  return (
    <PageShell state={state} className="listen" miniPlayer={false} loadingText={g('loading')} onRetry={() => void exhibitsStore.getState().loadExhibit(code, true)}>
      {view}
    </PageShell>
  )
}

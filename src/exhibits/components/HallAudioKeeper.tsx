import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import type { HallWithExhibits } from '@cloud/contracts/exhibit'
import { guideTrack } from '@/exhibits/audio-track'
import { canKeepAudio, keepAudio, keptAudioCount } from '@/exhibits/keep-audio'
import { offlinePack } from '@/exhibits/store'
import { exhibitsText } from '@/exhibits/strings'
import { useLang } from '@/i18n/store'
import { useStrings } from '@/i18n/strings'
import { mediaUrl } from '@/services/media'
import { Icon } from '@/ui/Icon'

/** 离线保存本展区讲解: the visitor's choice to keep a whole hall's audio, in the language shown (H5 and weapp: keep-audio.ts / keep-audio.weapp.ts). */
export function HallAudioKeeper({ hall }: { hall: HallWithExhibits }) {
  const s = useStrings(exhibitsText)
  const lang = useLang()
  const urls = hall.exhibits.flatMap((e) => {
    const full = offlinePack.exhibit(e.code)?.value
    const guide = full ? guideTrack(full, lang) : null
    return guide ? [mediaUrl(guide.track.url)] : []
  })
  const key = urls.join('|')
  const [state, setState] = useState<'idle' | 'busy' | 'kept' | 'failed'>('idle')
  useEffect(() => {
    if (!key) return
    void keptAudioCount(key.split('|')).then((n) => setState(n === key.split('|').length ? 'kept' : 'idle'))
  }, [key])
  if (!canKeepAudio() || urls.length === 0) return null
  const keep = async () => {
    setState('busy')
    const n = await keepAudio(urls)
    setState(n === urls.length ? 'kept' : 'failed')
  }
  if (state === 'kept')
    return (
      <View className="exhibit-list__audio exhibit-list__audio--kept" data-keep-audio={hall.id} data-kept="yes">
        <Icon name="circle-check" size="s" color="ok" />
        {s('keptAudio')}
      </View>
    )
  return (
    <View className="chip exhibit-list__audio" role="button" aria-busy={state === 'busy'} data-keep-audio={hall.id} onClick={state === 'busy' ? undefined : keep}>
      <Icon name="headphones" size="s" color="brand" />
      {state === 'busy' ? s('keepingAudio') : state === 'failed' ? s('keepAudioFailed') : s('keepAudio', { n: urls.length })}
    </View>
  )
}

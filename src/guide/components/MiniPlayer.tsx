// The audio guide follows the visitor: while a guide is loaded, every page shows a small player
// (pause, resume, close) so leaving the listen page never leaves audio running with no way to stop it.
import { View } from '@tarojs/components'
import { audioPlayer } from '@/guide/audio/player'
import { usePlayer } from '@/guide/audio/usePlayer'
import { useLang } from '@/i18n/store'
import { Icon } from '@/ui/Icon'
import './mini-player.scss'

export function MiniPlayer() {
  const player = usePlayer()
  const en = useLang() === 'en'
  if (!player.src) return null
  return (
    <View className="mini-player" role="region" aria-label={en ? 'Audio guide' : '语音讲解'} data-mini-player={player.playing ? 'playing' : 'paused'}>
      <Icon name="headphones" color="white" size="m" />
      <View className="mini-player__title">{player.title}</View>
      <View
        className="mini-player__btn"
        role="button"
        aria-label={player.playing ? (en ? 'Pause' : '暂停') : en ? 'Play' : '继续播放'}
        data-action={player.playing ? 'mini-pause' : 'mini-resume'}
        onClick={() => (player.playing ? audioPlayer.pause() : audioPlayer.resume())}
      >
        <Icon name={player.playing ? 'pause' : 'play'} color="white" size="m" />
      </View>
      <View className="mini-player__btn" role="button" aria-label={en ? 'Close the audio guide' : '关闭语音讲解'} data-action="mini-close" onClick={() => audioPlayer.stop()}>
        <Icon name="x" color="white" size="m" />
      </View>
    </View>
  )
}

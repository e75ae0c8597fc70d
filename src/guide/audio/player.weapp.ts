// weapp audio: WeChat's background audio manager, so the guide keeps playing when the visitor
// walks on, locks the phone or leaves the mini-program (app.config: requiredBackgroundModes audio).
import Taro from '@tarojs/taro'
import { keepFiles, offlineSrc } from '@/services/offline-shell'
import { idleState, type AudioPlayer, type PlayerState, type Track } from './player-types'

export function createBackgroundAudioPlayer(): AudioPlayer {
  let manager: Taro.BackgroundAudioManager | null = null
  let state: PlayerState = idleState
  const listeners = new Set<(s: PlayerState) => void>()
  const update = (patch: Partial<PlayerState>) => {
    state = { ...state, ...patch }
    listeners.forEach((l) => l(state))
  }
  const get = () => {
    if (manager) return manager
    const m = Taro.getBackgroundAudioManager()
    m.onPlay(() => update({ playing: true, error: null }))
    m.onPause(() => update({ playing: false }))
    m.onStop(() => update({ playing: false }))
    m.onEnded(() => update({ playing: false, position: 0 }))
    m.onTimeUpdate(() => update({ position: m.currentTime, duration: m.duration || state.duration }))
    // Offline only tracks already played (or of a hall kept by choice) are on the phone: say that, not "try again".
    m.onError(() => {
      const local = state.src !== null && offlineSrc(state.src) !== state.src
      void Taro.getNetworkType()
        .then((n) => n.networkType === 'none')
        .catch(() => false)
        .then((offline) => update({ playing: false, error: offline && !local ? 'offline' : 'load' }))
    })
    manager = m
    return m
  }
  return {
    play(track: Track) {
      const m = get()
      if (state.src === track.src && m.src) {
        m.play()
        return
      }
      m.title = track.title
      if (track.album) m.epname = track.album
      // The listen page passes who made the track (synthesiser or recording); never guess.
      m.singer = track.subtitle ?? '语音讲解'
      update({ src: track.src, title: track.title, position: 0, duration: track.seconds, error: null })
      // setting src starts playback: from the saved file when the track is kept, else streamed and then kept.
      const local = offlineSrc(track.src)
      m.src = local
      if (local === track.src) void keepFiles([track.src], 'played')
    },
    pause() {
      manager?.pause()
    },
    resume() {
      if (manager && state.src) manager.play()
    },
    stop() {
      manager?.stop()
      update(idleState)
    },
    seek(seconds) {
      manager?.seek(seconds)
      update({ position: seconds })
    },
    state: () => state,
    subscribe(l) {
      listeners.add(l)
      return () => void listeners.delete(l)
    },
  }
}

export const audioPlayer = createBackgroundAudioPlayer()

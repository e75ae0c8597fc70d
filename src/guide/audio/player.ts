// H5 audio: one HTML audio element for the whole app, created on first use and kept outside any
// page, so the guide goes on playing while the visitor moves between pages of the SPA.
import { idleState, type AudioFailure, type AudioPlayer, type PlayerState, type Track } from './player-types'

/** Offline only tracks already played are kept (src/h5/sw.js): say that, not "try again". */
const offline = () => typeof navigator !== 'undefined' && navigator.onLine === false
const failure = (online: AudioFailure): AudioFailure => (offline() ? 'offline' : online)

export function createHtmlAudioPlayer(make: () => HTMLAudioElement = () => new Audio()): AudioPlayer {
  let el: HTMLAudioElement | null = null
  let state: PlayerState = idleState
  const listeners = new Set<(s: PlayerState) => void>()
  const update = (patch: Partial<PlayerState>) => {
    state = { ...state, ...patch }
    listeners.forEach((l) => l(state))
  }
  const element = () => {
    if (el) return el
    el = make()
    el.preload = 'auto'
    el.addEventListener('play', () => update({ playing: true, error: null }))
    el.addEventListener('pause', () => update({ playing: false }))
    el.addEventListener('ended', () => update({ playing: false, position: 0 }))
    el.addEventListener('timeupdate', () => update({ position: el!.currentTime }))
    el.addEventListener('durationchange', () => Number.isFinite(el!.duration) && update({ duration: el!.duration }))
    el.addEventListener('error', () => update({ playing: false, error: failure('load') }))
    return el
  }
  return {
    play(track: Track) {
      const a = element()
      if (state.src !== track.src) {
        a.src = track.src
        update({ src: track.src, title: track.title, position: 0, duration: track.seconds, error: null })
      }
      a.play().catch(() => update({ playing: false, error: failure('play') }))
    },
    pause() {
      el?.pause()
    },
    resume() {
      if (el && state.src) el.play().catch(() => update({ playing: false, error: failure('play') }))
    },
    stop() {
      if (el) {
        el.pause()
        el.removeAttribute('src')
        el.load()
      }
      update(idleState)
    },
    seek(seconds) {
      if (el) el.currentTime = seconds
      update({ position: seconds })
    },
    state: () => state,
    subscribe(l) {
      listeners.add(l)
      return () => void listeners.delete(l)
    },
  }
}

// Attached (hidden, no controls) so that it is part of the document: browser tests and assistive
// tools can find what is playing.
export const audioPlayer = createHtmlAudioPlayer(() => {
  const a = new Audio()
  a.setAttribute('data-guide-audio', '')
  a.setAttribute('aria-hidden', 'true')
  document.body.appendChild(a)
  return a
})

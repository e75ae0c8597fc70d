export interface Track {
  src: string
  title: string
  /** Length from the manifest, shown before the audio reports its own. */
  seconds: number
  /** Shown on the WeChat background-audio panel. */
  subtitle?: string
  /** The panel's album name, in the visitor's language (the words live with the listen page, not here). */
  album?: string
}

/**
 * Why the audio stopped, as a code: the player sits in the main package (the mini-player follows the
 * visitor everywhere), the words in the visitor's language live with the listen page (src/guide/strings.ts).
 * load: the track could not be fetched; play: the browser refused to start it; offline: no network and
 * the track is not on the phone (only tracks played before, or of a hall kept by choice, are).
 */
export type AudioFailure = 'load' | 'play' | 'offline'

export interface PlayerState {
  src: string | null
  /** What is loaded, for the mini-player that follows the visitor across pages. */
  title: string | null
  playing: boolean
  position: number
  duration: number
  error: AudioFailure | null
}

export interface AudioPlayer {
  /** Plays the track from the start, or resumes it if it is the one loaded. */
  play(track: Track): void
  pause(): void
  /** Resumes what is loaded (the mini-player has no track at hand). */
  resume(): void
  /** Stops and unloads: the mini-player's close. */
  stop(): void
  seek(seconds: number): void
  state(): PlayerState
  subscribe(listener: (s: PlayerState) => void): () => void
}

export const idleState: PlayerState = { src: null, title: null, playing: false, position: 0, duration: 0, error: null }

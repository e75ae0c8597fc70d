export interface Track {
  src: string
  title: string
  /** Length from the manifest, shown before the audio reports its own. */
  seconds: number
  /** Shown on the WeChat background-audio panel. */
  subtitle?: string
}

export interface PlayerState {
  src: string | null
  /** What is loaded, for the mini-player that follows the visitor across pages. */
  title: string | null
  playing: boolean
  position: number
  duration: number
  error: string | null
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

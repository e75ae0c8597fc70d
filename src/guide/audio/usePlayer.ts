import { useEffect, useState } from 'react'
import { audioPlayer } from './player'
import type { PlayerState } from './player-types'

/** The shared player's state, for a page that shows it. */
export function usePlayer(): PlayerState {
  const [state, setState] = useState(audioPlayer.state)
  useEffect(() => audioPlayer.subscribe(setState), [])
  return state
}

import type { HallWithExhibits } from '@cloud/contracts/exhibit'

/** weapp: keeping a hall's audio on the phone is not built (docs/offline.md); nothing is offered. */
export function HallAudioKeeper(_props: { hall: HallWithExhibits }) {
  return null
}

// weapp: the background audio manager streams from the network; keeping tracks on the phone is not
// built there (docs/offline.md), so the choice is not offered.
export const canKeepAudio = (): boolean => false

export async function keptAudioCount(_urls: string[]): Promise<number> {
  return 0
}

export async function keepAudio(_urls: string[]): Promise<number> {
  return 0
}

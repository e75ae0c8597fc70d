// weapp: a hall's audio guides kept as saved files, at the visitor's choice (kind `hall`, which a
// track merely played never pushes out: src/services/kept-files.ts), so they play without signal.
// The same three calls as the H5 file (keep-audio.ts), so one HallAudioKeeper serves both.
import { keepFiles, offlineSrc } from '@/services/offline-shell'

export const canKeepAudio = (): boolean => true

/** How many of these tracks are kept already (a kept one answers a saved path instead of its URL). */
export const keptAudioCount = (urls: string[]): Promise<number> => Promise.resolve(urls.filter((u) => offlineSrc(u) !== u).length)

/** Keeps the tracks; answers how many are kept now. */
export const keepAudio = (urls: string[]): Promise<number> => keepFiles(urls, 'hall')

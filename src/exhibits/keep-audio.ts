// H5 (weapp: keep-audio.weapp.ts, saved files through offline-shell.weapp.ts): a hall's audio
// guides kept for the hall without signal, at the visitor's choice. The tracks go into the cache the
// service worker answers audio from (src/h5/sw.js, AUDIO), so they play offline like a track
// already played. Track URLs carry the recording's hash: a kept track never goes stale.
const AUDIO_CACHE = 'gxq-audio-v1'

export const canKeepAudio = (): boolean => typeof caches !== 'undefined' && typeof navigator !== 'undefined' && 'serviceWorker' in navigator

const absolute = (url: string) => new URL(url, location.origin).href

/** How many of these tracks are kept already. */
export async function keptAudioCount(urls: string[]): Promise<number> {
  if (!canKeepAudio()) return 0
  const cache = await caches.open(AUDIO_CACHE)
  const hits = await Promise.all(urls.map((u) => cache.match(absolute(u))))
  return hits.filter(Boolean).length
}

/** Fetches the tracks not kept yet; resolves to how many are kept afterwards. */
export async function keepAudio(urls: string[]): Promise<number> {
  if (!canKeepAudio()) return 0
  const cache = await caches.open(AUDIO_CACHE)
  await Promise.all(urls.map(async (u) => ((await cache.match(absolute(u))) ? undefined : cache.add(absolute(u)).catch(() => undefined))))
  return keptAudioCount(urls)
}

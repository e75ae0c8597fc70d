// weapp offline files: which downloaded pictures and audio tracks stay on the phone, within a budget.
// Pure (no wx): the weapp side (offline-shell.weapp.ts) downloads, saves and removes what this decides.
// WeChat's documentation gives saved files 10 MB (wx.saveFile) and, on the file-system page, 200 MB for
// cached and user files together; we stay inside the smaller figure so neither reading can bite.

/** picture: an exhibit's small picture (the whole museum's); played: a track heard once; hall: a track the visitor chose to keep. */
export type KeptKind = 'picture' | 'played' | 'hall'

export interface KeptFile {
  url: string
  path: string
  bytes: number
  kind: KeptKind
  /** Last time it was saved or shown: the least recently used goes first. */
  usedAt: number
}

/** Pictures and audio have separate budgets, so a long track never pushes a picture out (and the reverse). */
export const KEPT_BUDGET = { picture: 2 * 1024 * 1024, audio: 8 * 1024 * 1024 }

const pool = (k: KeptKind) => (k === 'picture' ? 'picture' : 'audio')

/**
 * The kept files to remove so that a new file of `bytes` fits its budget, oldest first; null when it
 * cannot fit. Among audio, tracks merely played go before tracks of a hall the visitor chose, and a
 * track merely played never pushes out a chosen one (the visitor's choice outranks a cache).
 */
export function makeRoom(kept: KeptFile[], incoming: { url: string; bytes: number; kind: KeptKind }, budget = KEPT_BUDGET): KeptFile[] | null {
  const limit = budget[pool(incoming.kind)]
  if (incoming.bytes > limit) return null
  const same = kept.filter((f) => pool(f.kind) === pool(incoming.kind) && f.url !== incoming.url)
  let used = same.reduce((n, f) => n + f.bytes, 0)
  if (used + incoming.bytes <= limit) return []
  const rank = (f: KeptFile) => (f.kind === 'hall' ? 1 : 0)
  const evictable = same.filter((f) => !(incoming.kind === 'played' && f.kind === 'hall')).sort((a, b) => rank(a) - rank(b) || a.usedAt - b.usedAt)
  // An index loop, not for-of: the ES5 main-package build would add an iterator helper.
  const out: KeptFile[] = []
  for (let i = 0; i < evictable.length && used + incoming.bytes > limit; i++) {
    out.push(evictable[i])
    used -= evictable[i].bytes
  }
  return used + incoming.bytes <= limit ? out : null
}

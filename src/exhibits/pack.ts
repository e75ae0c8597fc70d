// The offline pack: every published exhibit and the hall list, fetched once the app has settled on
// the first online visit and refreshed on every later launch (a phone that holds the current
// version gets the version alone back). Inside the hall the signal is weak, and a visitor scans
// exhibits they never opened: the pack is what those pages are shown from, saying when it was saved.
// One storage key (tens of KB, far under WeChat's 1 MB per key), apart from the LRU cache of
// opened pages so neither pushes the other out.
import type { Exhibit, ExhibitPack, HallWithExhibits } from '@cloud/contracts/exhibit'
import type { Saved } from '@/services/cache'
import { callCloud } from '@/services/cloud'
import { readJson, taroStorage, writeJson, type KeyValueStorage } from '@/services/storage'

export const PACK_KEY = 'gxq.pack'

export interface OfflinePack {
  exhibit(code: string): Saved<Exhibit> | null
  halls(): Saved<HallWithExhibits[]> | null
  /** Asks for a newer pack; resolves to what happened (never throws: offline it simply keeps the old one). */
  refresh(): Promise<'saved' | 'unchanged' | 'failed'>
  /** When the pack on the phone was last confirmed current, or null when there is none. */
  savedAt(): number | null
}

export function createOfflinePack(call: typeof callCloud = callCloud, storage: KeyValueStorage = taroStorage, now: () => number = Date.now, onSaved?: (pack: ExhibitPack) => void): OfflinePack {
  // Parsed once per launch: the exhibit page asks for it only when the network failed.
  let memo: Saved<ExhibitPack> | null | undefined
  const read = (): Saved<ExhibitPack> | null => {
    if (memo === undefined) {
      const saved = readJson<Saved<ExhibitPack>>(storage, PACK_KEY)
      memo = saved && Array.isArray(saved.value?.exhibits) ? saved : null
    }
    return memo
  }
  let inFlight: Promise<'saved' | 'unchanged' | 'failed'> | null = null
  return {
    exhibit(code) {
      const saved = read()
      const e = saved?.value.exhibits.find((x) => x.code === code)
      return saved && e ? { value: e, savedAt: saved.savedAt } : null
    },
    halls() {
      const saved = read()
      return saved ? { value: saved.value.halls, savedAt: saved.savedAt } : null
    },
    savedAt: () => read()?.savedAt ?? null,
    refresh() {
      if (inFlight) return inFlight
      const held = read()
      // A promise chain, not async/await: this module is in the ES5 main package (see services/cloud.weapp.ts).
      inFlight = call('exhibits', 'pack', held ? { have: held.value.version } : {})
        .then((res): 'saved' | 'unchanged' | 'failed' => {
          if (!res.ok) return 'failed'
          if ('unchanged' in res.data) {
            if (!held) return 'failed'
            memo = { value: held.value, savedAt: now() }
            writeJson(storage, PACK_KEY, memo)
            return 'unchanged'
          }
          const next: Saved<ExhibitPack> = { value: res.data.pack, savedAt: now() }
          if (!writeJson(storage, PACK_KEY, next)) return 'failed'
          memo = next
          onSaved?.(res.data.pack)
          return 'saved'
        })
        .finally(() => {
          inFlight = null
        })
      return inFlight
    },
  }
}

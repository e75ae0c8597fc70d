// The visit trail's record: which exhibits the visitor has opened (stamped) and saved. Kept on the
// device (storage), so the trail works offline and needs no login. Tiny on purpose: the exhibit
// page in the main package writes here; the trail page (a subpackage) reads and draws it.
import { useEffect, useState } from 'react'
import { readJson, taroStorage, writeJson, type KeyValueStorage } from '@/services/storage'

export const TRAIL_KEY = 'gxq.trail'

export interface Stamp {
  code: string
  hallId: string
  /** First visit, ms since epoch. */
  at: number
}

export interface TrailRecord {
  stamps: Stamp[]
  favourites: string[]
}

const empty = (): TrailRecord => ({ stamps: [], favourites: [] })

export function createTrailLog(storage: KeyValueStorage = taroStorage, now = Date.now) {
  const listeners = new Set<() => void>()
  const read = (): TrailRecord => {
    const r = readJson<TrailRecord>(storage, TRAIL_KEY)
    return r && Array.isArray(r.stamps) && Array.isArray(r.favourites) ? r : empty()
  }
  const write = (r: TrailRecord) => {
    writeJson(storage, TRAIL_KEY, r)
    listeners.forEach((l) => l())
  }
  return {
    read,
    /** Stamps an exhibit on its first visit; returns true when this visit added the stamp. */
    stamp(code: string, hallId: string): boolean {
      const r = read()
      if (r.stamps.some((s) => s.code === code)) return false
      write({ ...r, stamps: [...r.stamps, { code, hallId, at: now() }] })
      return true
    },
    toggleFavourite(code: string): boolean {
      const r = read()
      const on = !r.favourites.includes(code)
      write({ ...r, favourites: on ? [...r.favourites, code] : r.favourites.filter((c) => c !== code) })
      return on
    },
    subscribe(l: () => void) {
      listeners.add(l)
      return () => void listeners.delete(l)
    },
  }
}

export const trailLog = createTrailLog()

/** The trail record, re-read when it changes. */
export function useTrail(): TrailRecord {
  const [record, setRecord] = useState(trailLog.read)
  useEffect(() => trailLog.subscribe(() => setRecord(trailLog.read())), [])
  return record
}

// Audio guides: which recording belongs to which text. The recordings are made by
// `npm run audio` (scripts/audio.ts) and listed in data/media/audio/manifest.json with a hash of
// the text they speak, so a recording whose text has since changed is recognised as stale.
import crypto from 'node:crypto'
import { audioScript, type AudioTrack, type Exhibit, type GuideLang } from '../contracts/exhibit'

export const GUIDE_LANGS: GuideLang[] = ['zh', 'en']

export interface AudioManifestEntry {
  file: string
  /** sha256 of the spoken text (audioScript). */
  sha256: string
  bytes: number
  seconds: number
  voice: string
}

export interface AudioManifest {
  generator: string
  entries: Record<string, AudioManifestEntry>
}

export const audioKey = (code: string, lang: GuideLang) => `${code}.${lang}`

export const textHash = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex')

/** The recordings an exhibit should have: one per language it has text in. */
export function wantedTracks(e: Exhibit): Array<{ key: string; lang: GuideLang; text: string; sha256: string }> {
  return GUIDE_LANGS.flatMap((lang) => {
    const text = audioScript(e, lang)
    return text ? [{ key: audioKey(e.code, lang), lang, text, sha256: textHash(text) }] : []
  })
}

/** Attaches the recordings that match the exhibit's current text; stale or missing ones are left out. */
export function withAudio(e: Exhibit, manifest: AudioManifest | null, mediaPrefix = '/media/audio/'): Exhibit {
  if (!manifest) return e
  const audio: Partial<Record<GuideLang, AudioTrack>> = {}
  for (const t of wantedTracks(e)) {
    const entry = manifest.entries[t.key]
    if (entry && entry.sha256 === t.sha256) audio[t.lang] = { url: `${mediaPrefix}${entry.file}`, seconds: entry.seconds, voice: entry.voice }
  }
  return Object.keys(audio).length > 0 ? { ...e, audio } : e
}

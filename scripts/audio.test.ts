// The committed audio guides must match the exhibit texts as they are now: a text edited without
// `npm run audio` fails here, naming the exhibit.
import fs from 'node:fs'
import path from 'node:path'
import { audioKey, textHash, wantedTracks, withAudio } from '../cloud/exhibits/audio'
import { AUDIO_MANIFEST, readAudioManifest, readExhibitFile, toExhibits } from '../cloud/store/seed'

const manifest = readAudioManifest()
const exhibits = toExhibits(readExhibitFile(), null)

describe('audio guides (data/media/audio)', () => {
  it('has a manifest', () => {
    expect(manifest).not.toBeNull()
  })

  it.each(exhibits.map((e) => [e.code, e] as const))('%s has Chinese and English recordings of its current text', (_code, e) => {
    const tracks = wantedTracks(e)
    expect(tracks.map((t) => t.lang)).toEqual(['zh', 'en'])
    for (const t of tracks) {
      const entry = manifest!.entries[t.key]
      expect({ key: t.key, sha256: entry?.sha256 }).toEqual({ key: t.key, sha256: t.sha256 })
      const file = path.join(path.dirname(AUDIO_MANIFEST), entry.file)
      const bytes = fs.readFileSync(file)
      expect(bytes.length).toBe(entry.bytes)
      // An MP3 starts with an ID3 tag or an MPEG frame sync.
      expect(bytes.subarray(0, 3).toString('latin1') === 'ID3' || (bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0)).toBe(true)
      // Speech quality: about 24 kbps, so a second of speech is about 3 KB.
      expect(entry.bytes / entry.seconds).toBeLessThan(4500)
      expect(entry.seconds).toBeGreaterThan(3)
    }
  })

  it('leaves no recording in the folder that the manifest does not list', () => {
    const listed = new Set(Object.values(manifest!.entries).map((e) => e.file))
    const files = fs.readdirSync(path.dirname(AUDIO_MANIFEST)).filter((f) => f.endsWith('.mp3'))
    expect(files.filter((f) => !listed.has(f))).toEqual([])
  })

  it('serves a recording only while it matches the text: an edited summary loses its stale audio', () => {
    const helmet = exhibits.find((e) => e.code === 'helmet')!
    expect(withAudio(helmet, manifest).audio?.zh?.url).toMatch(/^\/media\/audio\/helmet\.zh\.[0-9a-f]{8}\.mp3$/)
    const edited = withAudio({ ...helmet, summary: `${helmet.summary}（新增一句）` }, manifest)
    expect(edited.audio?.zh).toBeUndefined()
    expect(edited.audio?.en?.url).toContain('helmet.en.')
  })

  it('hashes the spoken text, not the file name', () => {
    expect(audioKey('helmet', 'zh')).toBe('helmet.zh')
    expect(textHash('a')).not.toBe(textHash('b'))
  })
})

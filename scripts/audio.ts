// npm run audio — makes the audio guides from the exhibit texts (data/exhibits.json) with
// espeak-ng and lame: mono, 16 kHz, 24 kbps MP3, which WeChat and every browser play.
// Speech-quality compression keeps a recording to tens of KB. Recordings whose text is unchanged
// are kept (the manifest holds a hash of the spoken text); `--force` remakes them all.
// The voice is machine-synthesised, and the app says so.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { wantedTracks, type AudioManifest, type AudioManifestEntry } from '../cloud/exhibits/audio'
import { AUDIO_MANIFEST, readAudioManifest, readExhibitFile, toExhibits } from '../cloud/store/seed'
import { BITRATE_KBPS, espeak, SAMPLE_RATE_KHZ, speechToolsPresent } from '../cloud/exhibits/speech'

const AUDIO_DIR = path.dirname(AUDIO_MANIFEST)

function ensureTools(): void {
  if (speechToolsPresent()) return
  const missing = ['espeak-ng', 'lame']
  const debianRoot = fs.existsSync('/etc/debian_version') && process.getuid?.() === 0
  if (!debianRoot) {
    throw new Error(`缺少 ${missing.join('、')}：请先安装（Debian: apt-get install ${missing.join(' ')}）再运行 npm run audio。`)
  }
  console.log(`[audio] 正在用 apt-get 安装 ${missing.join(' ')}（仅首次）…`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env })
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const force = argv.includes('--force')
  ensureTools()
  fs.mkdirSync(AUDIO_DIR, { recursive: true })
  const previous = readAudioManifest()
  const manifest: AudioManifest = {
    generator: `espeak-ng + lame: mono, ${SAMPLE_RATE_KHZ} kHz, ${BITRATE_KBPS} kbps MP3 (machine-synthesised voice)`,
    entries: {},
  }
  let made = 0
  for (const exhibit of toExhibits(readExhibitFile(), null)) {
    for (const track of wantedTracks(exhibit)) {
      const old = previous?.entries[track.key]
      if (!force && old && old.sha256 === track.sha256 && fs.existsSync(path.join(AUDIO_DIR, old.file))) {
        manifest.entries[track.key] = old
        continue
      }
      // The hash in the name means a changed text never meets a cached old recording.
      const file = `${track.key}.${track.sha256.slice(0, 8)}.mp3`
      const { mp3, seconds, voice } = await espeak.synthesise(track.text, track.lang)
      fs.writeFileSync(path.join(AUDIO_DIR, file), mp3)
      const entry: AudioManifestEntry = { file, sha256: track.sha256, bytes: fs.statSync(path.join(AUDIO_DIR, file)).size, seconds, voice }
      manifest.entries[track.key] = entry
      made++
      console.log(`[audio] ${file}  ${seconds}s  ${Math.round(entry.bytes / 1024)} KB`)
    }
  }
  const keep = new Set(Object.values(manifest.entries).map((e) => e.file))
  for (const f of fs.readdirSync(AUDIO_DIR)) {
    if (f.endsWith('.mp3') && !keep.has(f)) fs.rmSync(path.join(AUDIO_DIR, f))
  }
  manifest.entries = Object.fromEntries(Object.entries(manifest.entries).sort(([a], [b]) => a.localeCompare(b)))
  fs.writeFileSync(AUDIO_MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`)
  const total = Object.values(manifest.entries).reduce((n, e) => n + e.bytes, 0)
  console.log(`[audio] ${Object.keys(manifest.entries).length} 条讲解（新生成 ${made} 条），共 ${Math.round(total / 1024)} KB → ${path.relative(process.cwd(), AUDIO_MANIFEST)}`)
}

if (require.main === module) void main()

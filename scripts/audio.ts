// npm run audio — makes the audio guides from the exhibit texts (data/exhibits.json) with
// espeak-ng and lame: mono, 16 kHz, 24 kbps MP3, which WeChat and every browser play.
// Speech-quality compression keeps a recording to tens of KB. Recordings whose text is unchanged
// are kept (the manifest holds a hash of the spoken text); `--force` remakes them all.
// The voice is machine-synthesised, and the app says so.
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { wantedTracks, type AudioManifest, type AudioManifestEntry } from '../cloud/exhibits/audio'
import { AUDIO_MANIFEST, readAudioManifest, readExhibitFile, toExhibits } from '../cloud/store/seed'
import type { GuideLang } from '../cloud/contracts/exhibit'

const AUDIO_DIR = path.dirname(AUDIO_MANIFEST)
const VOICES: Record<GuideLang, { voice: string; speed: number }> = {
  zh: { voice: 'cmn', speed: 185 },
  en: { voice: 'en-gb', speed: 160 },
}
const SAMPLE_RATE_KHZ = 16
const BITRATE_KBPS = 24

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0

function ensureTools(): void {
  const missing = [has('espeak-ng') ? null : 'espeak-ng', has('lame') ? null : 'lame'].filter((x): x is string => x !== null)
  if (missing.length === 0) return
  const debianRoot = fs.existsSync('/etc/debian_version') && process.getuid?.() === 0
  if (!debianRoot) {
    throw new Error(`缺少 ${missing.join('、')}：请先安装（Debian: apt-get install ${missing.join(' ')}）再运行 npm run audio。`)
  }
  console.log(`[audio] 正在用 apt-get 安装 ${missing.join(' ')}（仅首次）…`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env })
}

/** Length of the speech in a WAV buffer, read from its data chunk (espeak's header leaves sizes unset when piped). */
function wavSeconds(wav: Buffer): number {
  const rate = wav.readUInt32LE(24)
  const bytesPerSample = wav.readUInt16LE(34) / 8
  const channels = wav.readUInt16LE(22)
  const dataStart = wav.indexOf('data', 12) + 8
  return Math.round(((wav.length - dataStart) / (rate * bytesPerSample * channels)) * 10) / 10
}

function synthesise(text: string, lang: GuideLang, outFile: string): { seconds: number; voice: string } {
  const { voice, speed } = VOICES[lang]
  const wav = execFileSync('espeak-ng', ['-v', voice, '-s', String(speed), '--stdout', text], { maxBuffer: 64 * 1024 * 1024 })
  execFileSync('lame', ['--quiet', '-m', 'm', '-b', String(BITRATE_KBPS), '--resample', String(SAMPLE_RATE_KHZ), '-', outFile], { input: wav })
  return { seconds: wavSeconds(wav), voice: `espeak-ng ${voice}` }
}

export function main(argv = process.argv.slice(2)): void {
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
      const { seconds, voice } = synthesise(track.text, track.lang, path.join(AUDIO_DIR, file))
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

if (require.main === module) main()

// The audio guide's synthesiser: espeak-ng speaks the text, lame encodes it as mono 16 kHz 24 kbps
// MP3 (tens of KB, plays everywhere). Used by `npm run audio` for the seed texts and by the console
// to regenerate one exhibit's guide after an operator changed its text. Both tools are Debian
// packages; where they are missing (the WeChat cloud) the console says so and offers the upload.
import { execFile, spawnSync } from 'node:child_process'
import { promisify } from 'node:util'
import type { GuideLang } from '../contracts/exhibit'

const run = promisify(execFile)

export const VOICES: Record<GuideLang, { voice: string; speed: number }> = {
  zh: { voice: 'cmn', speed: 185 },
  en: { voice: 'en-gb', speed: 160 },
}
export const SAMPLE_RATE_KHZ = 16
export const BITRATE_KBPS = 24

export interface Speech {
  mp3: Buffer
  seconds: number
  /** The synthesiser and voice, shown to visitors so nobody takes it for a human guide. */
  voice: string
}

/** What the console's regenerate action calls (absent where no synthesiser is installed). */
export interface SpeechSynthesiser {
  /** Whether this machine can speak now (checked on first use, not at start-up). */
  available(): boolean
  synthesise(text: string, lang: GuideLang): Promise<Speech>
}

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0

export const speechToolsPresent = (): boolean => has('espeak-ng') && has('lame')

/** Length of the speech in a WAV buffer, read from its data chunk (espeak's header leaves sizes unset when piped). */
export function wavSeconds(wav: Buffer): number {
  const rate = wav.readUInt32LE(24)
  const bytesPerSample = wav.readUInt16LE(34) / 8
  const channels = wav.readUInt16LE(22)
  const dataStart = wav.indexOf('data', 12) + 8
  return Math.round(((wav.length - dataStart) / (rate * bytesPerSample * channels)) * 10) / 10
}

let present: boolean | undefined

export const espeak: SpeechSynthesiser = {
  available: () => (present ??= speechToolsPresent()),
  async synthesise(text, lang) {
    const { voice, speed } = VOICES[lang]
    const { stdout: wav } = await run('espeak-ng', ['-v', voice, '-s', String(speed), '--stdout', text], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 })
    const mp3 = await new Promise<Buffer>((resolve, reject) => {
      const child = execFile('lame', ['--quiet', '-m', 'm', '-b', String(BITRATE_KBPS), '--resample', String(SAMPLE_RATE_KHZ), '-', '-'], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 }, (err, out) => (err ? reject(err) : resolve(out)))
      child.stdin?.end(wav)
    })
    return { mp3, seconds: wavSeconds(wav), voice: `espeak-ng ${voice}` }
  },
}

// Audio guides from the console: an operator's recording, its type read from the bytes (the
// extension is not trusted), its size and length checked. MP3, M4A (AAC in MP4) and raw AAC (ADTS)
// are what WeChat's InnerAudioContext and every browser play. music-metadata reads the container
// and the length (frames counted when the header does not say).
import crypto from 'node:crypto'

/** Under the console's request limit once base64-encoded (cloud/runtime/console.ts): 8 MB is ~17 minutes at 64 kbps. */
export const AUDIO_MAX_BYTES = 8 * 1024 * 1024
/** A guide track is minutes long; a file outside this is the wrong file. */
export const AUDIO_SECONDS = { min: 1, max: 30 * 60 } as const

export const AudioErrors = {
  AUDIO_TOO_LARGE: '录音文件不能超过 8 MB，请压缩（如 64 kbps MP3）后再上传',
  AUDIO_TYPE: '只能上传 MP3、M4A 或 AAC 录音（按文件内容识别，改扩展名无效）',
  AUDIO_LENGTH: '无法读出录音时长，或时长不在 1 秒到 30 分钟之间，请检查文件',
  AUDIO_NO_ENGLISH: '请先填写英文名称和英文介绍，再上传或生成英文讲解',
  AUDIO_GENERATOR_UNAVAILABLE: '当前环境没有语音合成工具（espeak-ng、lame），无法按文本生成讲解；请上传录音文件',
} as const

export type AudioKind = { ext: 'mp3' | 'm4a' | 'aac'; contentType: string }

export type AudioCheck =
  | { ok: true; kind: AudioKind; seconds: number; digest: string }
  | { ok: false; code: 'AUDIO_TOO_LARGE' | 'AUDIO_TYPE' | 'AUDIO_LENGTH' }

/** The accepted kind from what music-metadata read, or null (WAV, FLAC, video, not audio at all …). */
function kindOf(container: string | undefined, codec: string | undefined): AudioKind | null {
  const c = container ?? ''
  if (c === 'MPEG' && /Layer 3/.test(codec ?? '')) return { ext: 'mp3', contentType: 'audio/mpeg' }
  if (/^ADTS/.test(c) && /AAC/.test(codec ?? '')) return { ext: 'aac', contentType: 'audio/aac' }
  if (/^(M4A|mp4|mp42|isom)\b/i.test(c) && /AAC/.test(codec ?? '')) return { ext: 'm4a', contentType: 'audio/mp4' }
  return null
}

export async function checkAudio(input: Buffer): Promise<AudioCheck> {
  if (input.length > AUDIO_MAX_BYTES) return { ok: false, code: 'AUDIO_TOO_LARGE' }
  // Loaded on use, like sharp: only this action needs it (an npm dependency of the cloud function).
  const { parseBuffer } = await import('music-metadata')
  let format
  try {
    format = (await parseBuffer(input, undefined, { duration: true, skipCovers: true })).format
  } catch {
    return { ok: false, code: 'AUDIO_TYPE' }
  }
  const kind = kindOf(format.container, format.codec)
  if (!kind) return { ok: false, code: 'AUDIO_TYPE' }
  const seconds = format.duration
  if (!seconds || !Number.isFinite(seconds) || seconds < AUDIO_SECONDS.min || seconds > AUDIO_SECONDS.max) return { ok: false, code: 'AUDIO_LENGTH' }
  return { ok: true, kind, seconds: Math.round(seconds * 10) / 10, digest: crypto.createHash('sha256').update(input).digest('hex').slice(0, 12) }
}

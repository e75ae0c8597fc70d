// Small, valid audio files made in memory for the upload tests (no encoder on test machines):
// an M4A (MP4 boxes declaring AAC audio of a given length), raw AAC (ADTS frames) and a WAV (a
// real audio file of a kind the console does not accept). The MP3 is a real guide recording.
import fs from 'node:fs'
import path from 'node:path'

const box = (type: string, ...parts: Buffer[]) => {
  const body = Buffer.concat(parts)
  const head = Buffer.alloc(8)
  head.writeUInt32BE(8 + body.length)
  head.write(type, 4, 'ascii')
  return Buffer.concat([head, body])
}

/** ftyp M4A + moov (mvhd, one sound trak with an mp4a sample description) — `seconds` long. */
export function m4aFile(seconds: number): Buffer {
  const mvhd = Buffer.alloc(100)
  mvhd.writeUInt32BE(1000, 12)
  mvhd.writeUInt32BE(seconds * 1000, 16)
  mvhd.writeUInt32BE(0x00010000, 20)
  mvhd.writeUInt16BE(0x0100, 24)
  const tkhd = Buffer.alloc(84)
  tkhd.writeUInt32BE(7, 0)
  tkhd.writeUInt32BE(1, 12)
  tkhd.writeUInt32BE(seconds * 1000, 20)
  const mdhd = Buffer.alloc(24)
  mdhd.writeUInt32BE(44100, 12)
  mdhd.writeUInt32BE(44100 * seconds, 16)
  const hdlr = Buffer.alloc(25)
  hdlr.write('soun', 8, 'ascii')
  const mp4a = Buffer.alloc(28)
  mp4a.writeUInt16BE(1, 6)
  mp4a.writeUInt16BE(2, 16)
  mp4a.writeUInt16BE(16, 18)
  mp4a.writeUInt32BE(44100 * 65536, 24)
  const stsdHead = Buffer.alloc(8)
  stsdHead.writeUInt32BE(1, 4)
  const stbl = box('stbl', box('stsd', stsdHead, box('mp4a', mp4a)))
  const trak = box('trak', box('tkhd', tkhd), box('mdia', box('mdhd', mdhd), box('hdlr', hdlr), box('minf', stbl)))
  return Buffer.concat([box('ftyp', Buffer.from('M4A '), Buffer.from([0, 0, 2, 0]), Buffer.from('M4A mp42isom')), box('moov', box('mvhd', mvhd), trak)])
}

/** `frames` ADTS frames (AAC LC, 44.1 kHz, mono), 1024 samples each. */
export function aacFile(frames: number): Buffer {
  const payload = 10
  const len = 7 + payload
  const header = Buffer.from([0xff, 0xf1, (1 << 6) | (4 << 2), (1 << 6) | ((len >> 11) & 3), (len >> 3) & 0xff, ((len & 7) << 5) | 0x1f, 0xfc])
  return Buffer.concat(Array.from({ length: frames }, () => Buffer.concat([header, Buffer.alloc(payload)])))
}

/** A PCM WAV of silence. */
export function wavFile(seconds: number, rate = 8000): Buffer {
  const data = Buffer.alloc(rate * seconds * 2)
  const head = Buffer.alloc(44)
  head.write('RIFF', 0, 'ascii')
  head.writeUInt32LE(36 + data.length, 4)
  head.write('WAVEfmt ', 8, 'ascii')
  head.writeUInt32LE(16, 16)
  head.writeUInt16LE(1, 20)
  head.writeUInt16LE(1, 22)
  head.writeUInt32LE(rate, 24)
  head.writeUInt32LE(rate * 2, 28)
  head.writeUInt16LE(2, 32)
  head.writeUInt16LE(16, 34)
  head.write('data', 36, 'ascii')
  head.writeUInt32LE(data.length, 40)
  return Buffer.concat([head, data])
}

/** A real guide recording of the repository (espeak-ng + lame MP3). */
export function mp3File(): Buffer {
  const dir = path.join(__dirname, '..', '..', 'data', 'media', 'audio')
  return fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.mp3'))!))
}

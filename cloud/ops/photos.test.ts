// A pixel bomb: a PNG of a few KB that declares 16,000 × 16,000 pixels (256 million, under
// sharp's own default limit) decodes for seconds on every core. It is refused from its header.
import zlib from 'node:zlib'
import { PhotoErrors, preparePhoto } from './photos'

jest.setTimeout(60_000)

/** A valid 1-bit grayscale PNG of width × height white pixels: tiny on disk, huge decoded. */
function pixelBomb(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const out = Buffer.alloc(8 + data.length + 4)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(zlib.crc32(body), 8 + data.length)
    return out
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 1 // bit depth
  ihdr[9] = 0 // grayscale
  const row = Buffer.alloc(1 + Math.ceil(width / 8), 0xff)
  row[0] = 0 // filter: none
  const raw = Buffer.alloc(row.length * height)
  for (let y = 0; y < height; y++) row.copy(raw, y * row.length)
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))])
}

test('a 256-megapixel PNG of a few KB is refused from its header, before any pixel is decoded, in Chinese', async () => {
  const bomb = pixelBomb(16_000, 16_000)
  expect(bomb.length).toBeLessThan(100 * 1024)
  // Decoding happens only when an output is asked for: none may be. (How long a refusal takes is
  // measured in bench/, not asserted here: a timed test fails on a busy machine, not on a bomb.)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const decoded = jest.spyOn((require('sharp') as { prototype: { toBuffer: () => unknown } }).prototype, 'toBuffer')
  expect(await preparePhoto(bomb)).toEqual({ ok: false, code: 'PHOTO_TOO_MANY_PIXELS' })
  expect(decoded).not.toHaveBeenCalled()
  decoded.mockRestore()
  expect(PhotoErrors.PHOTO_TOO_MANY_PIXELS).toMatch(/[\u4e00-\u9fa5]/)
})

test('a photo at the size cameras make is still prepared', async () => {
  const photo = await preparePhoto(pixelBomb(4_000, 3_000))
  expect(photo.ok && photo.sizes.map((s) => s.width)).toEqual([1280, 640])
})

// sharp is native: on a cloud runtime whose glibc or Node it does not fit, loading it throws. The
// upload must then answer a clear refusal instead of failing the whole call with a stack trace.
describe('preparePhoto when sharp cannot load (the cloud runtime lacks what the native binary needs)', () => {
  afterEach(() => jest.resetModules())

  it('answers PHOTO_PROCESSOR_UNAVAILABLE with a message saying what to do, and does not throw', async () => {
    jest.doMock('sharp', () => {
      throw new Error("Could not load the \"sharp\" module using the linux-x64 runtime: /lib64/libc.so.6: version `GLIBC_2.28' not found")
    })
    const { preparePhoto, PhotoErrors } = await import('./photos')
    const result = await preparePhoto(Buffer.from('not really a photo'))
    expect(result).toEqual({ ok: false, code: 'PHOTO_PROCESSOR_UNAVAILABLE' })
    expect(PhotoErrors.PHOTO_PROCESSOR_UNAVAILABLE).toMatch(/图片处理组件.*无法加载/)
  })
})

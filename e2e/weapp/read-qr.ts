// What the gate's camera does with a visitor's e-ticket: reads the QR code the ticket page shows.
// The page draws it as a GIF data URL (src/booking/components/TicketQr.tsx); this decodes the
// pixels and reads the code with jsQR, so the scan carries exactly what the visitor's screen shows.
import jsQR from 'jsqr'
import { GifReader } from 'omggif'

export function readQrDataUrl(src: string): string {
  const match = /^data:image\/gif;base64,(.+)$/.exec(src)
  if (!match) throw new Error(`not a GIF data URL: ${src.slice(0, 40)}…`)
  const gif = new GifReader(new Uint8Array(Buffer.from(match[1], 'base64')))
  const pixels = new Uint8ClampedArray(gif.width * gif.height * 4)
  gif.decodeAndBlitFrameRGBA(0, pixels)
  const code = jsQR(pixels, gif.width, gif.height)
  if (!code) throw new Error('the ticket QR could not be read')
  return code.data
}

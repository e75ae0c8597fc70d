// The part of omggif (a GIF decoder without dependencies) the harness uses to read a ticket's QR.
declare module 'omggif' {
  export class GifReader {
    constructor(buf: Uint8Array)
    width: number
    height: number
    decodeAndBlitFrameRGBA(frame: number, pixels: Uint8Array | Uint8ClampedArray): void
  }
}

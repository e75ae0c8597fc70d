// H5 gate scanner: the camera (getUserMedia) read by the browser's BarcodeDetector where there is
// one, and by jsQR (loaded only then) where there is not. Returns a stop function.
import type { QRCode } from 'jsqr'

type Detector = { detect: (source: CanvasImageSource) => Promise<Array<{ rawValue: string }>> }

export const cameraAvailable = (): boolean => typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia

/** Reads one QR code from a video frame drawn on a canvas with jsQR. */
export async function decodeWithJsQr(data: Uint8ClampedArray, width: number, height: number): Promise<string | null> {
  const jsQR = (await import('jsqr')).default as (d: Uint8ClampedArray, w: number, h: number) => QRCode | null
  return jsQR(data, width, height)?.data ?? null
}

export async function startScanner(video: HTMLVideoElement, onCode: (code: string) => void): Promise<() => void> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
  video.srcObject = stream
  video.setAttribute('playsinline', 'true')
  await video.play()
  const BD = (globalThis as { BarcodeDetector?: new (o: { formats: string[] }) => Detector }).BarcodeDetector
  const detector = BD ? new BD({ formats: ['qr_code'] }) : null
  const canvas = document.createElement('canvas')
  let stopped = false
  const tick = async () => {
    if (stopped) return
    let code: string | null = null
    try {
      if (detector) code = (await detector.detect(video))[0]?.rawValue ?? null
      else if (video.videoWidth > 0) {
        canvas.width = video.videoWidth
        canvas.height = video.videoHeight
        const g = canvas.getContext('2d', { willReadFrequently: true })!
        g.drawImage(video, 0, 0)
        code = await decodeWithJsQr(g.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height)
      }
    } catch {
      /* a frame that cannot be read: try the next */
    }
    if (code) {
      stop()
      onCode(code)
      return
    }
    setTimeout(() => void tick(), 200)
  }
  const stop = () => {
    stopped = true
    stream.getTracks().forEach((t) => t.stop())
    video.srcObject = null
  }
  void tick()
  return stop
}

import qrcode from 'qrcode-generator'
import { decodeWithJsQr } from './camera'

// Where the browser has no BarcodeDetector, the gate reads frames with jsQR: a ticket QR drawn as
// pixels decodes to the ticket code.
test('jsQR reads a ticket QR from raw pixels', async () => {
  const code = 'T1.AbCdEfGhIjKlMnOp.QrStUvWxYz012345'
  const qr = qrcode(0, 'M')
  qr.addData(code)
  qr.make()
  const cell = 6
  const margin = 4
  const n = qr.getModuleCount()
  const size = (n + margin * 2) * cell
  const data = new Uint8ClampedArray(size * size * 4).fill(255)
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const [r, c] = [Math.floor(y / cell) - margin, Math.floor(x / cell) - margin]
      if (r >= 0 && c >= 0 && r < n && c < n && qr.isDark(r, c)) data.fill(0, (y * size + x) * 4, (y * size + x) * 4 + 3)
    }
  await expect(decodeWithJsQr(data, size, size)).resolves.toBe(code)
})

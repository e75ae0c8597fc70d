// The gate on H5 scans e-tickets with the device camera (getUserMedia, read by BarcodeDetector or,
// where the browser has none — Chromium on Linux — by jsQR). Chromium's fake camera plays a Y4M file
// made here from a real ticket: a visitor books through the API, the ticket's QR is drawn with the
// app's own QR library (qrcode-generator), and the staff member points the "camera" at it. The
// first scan checks the visitor in; scanning the same ticket again is refused as already used.
//
// The fake camera is a launch flag, so this file starts its own Chromium (not the shared one).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import qrcode from 'qrcode-generator'
import { residentIdCheckChar } from '../cloud/contracts/booking'
import { createAccount } from '../cloud/accounts/service'
import { openSqliteStore } from '../cloud/store/sqlite'
import { CHROMIUM_ARGS, ensureBrowser } from './browser'
import { callApi, pageUrl, PHONE, sessionToken, shoot, startServer, type RunningServer } from './harness'

const STAFF = { username: 'gate-camera', password: 'gate-camera-password' }
const VISITOR = { name: '王小明', idNumber: '21021119900101123' + residentIdCheckChar('21021119900101123') }

let server: RunningServer
let browser: Browser
let dir: string

/** One cloud call as the app makes it: POST /api/<function> with { action, ...request }. */
async function call<T>(fn: string, action: string, body: object, token: string): Promise<T> {
  const out = await callApi<{ ok: boolean; data?: T; error?: unknown }>(server, fn, { action, ...body }, token)
  if (!out.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(out.error)}`)
  return out.data as T
}

/** A visitor books Friday morning for one person; returns the code inside the ticket's QR. */
async function bookOneTicket(): Promise<string> {
  const token = await sessionToken(server, {})
  const { visitor } = await call<{ visitor: { id: string } }>('booking', 'addVisitor', { name: VISITOR.name, idType: 'resident', idNumber: VISITOR.idNumber }, token)
  const { booking } = await call<{ booking: { ticketCode?: string } }>('booking', 'book', { sessionId: '2026-11-27.am', visitorIds: [visitor.id], clientRequestId: 'camera-scan-test-1' }, token)
  if (!booking.ticketCode) throw new Error('the booking came back without a ticket code')
  return booking.ticketCode
}

/**
 * A Y4M video (the format Chromium's fake camera plays) of the QR code, black on white with a quiet
 * zone: one frame at 4.5 frames per second (the fake camera loops the file), about 130 KB. 4:2:0
 * chroma is flat grey: only the luma plane carries the picture.
 */
function qrVideo(text: string): Buffer {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  const modules = qr.getModuleCount()
  const scale = Math.floor(300 / (modules + 8))
  const side = (modules + 8) * scale
  const width = side + (side % 2)
  const height = width
  const luma = Buffer.alloc(width * height, 235)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const r = Math.floor(y / scale) - 4
      const c = Math.floor(x / scale) - 4
      if (r >= 0 && c >= 0 && r < modules && c < modules && qr.isDark(r, c)) luma[y * width + x] = 16
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128)
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma])
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F9:2 Ip A1:1 C420jpeg\n`), frame])
}

beforeAll(async () => {
  server = await startServer({ CLOCK_AT: '2026-11-27T08:50:00+08:00', NO_SHOW_INTERVAL_MS: '0' })
  const store = openSqliteStore(server.dbFile)
  await createAccount(store.accounts, { ...STAFF, name: '门岗（摄像头）', role: 'staff' }, new Date())
  await store.close()

  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-camera-'))
  const video = path.join(dir, 'ticket.y4m')
  fs.writeFileSync(video, qrVideo(await bookOneTicket()))
  browser = await chromium.launch({
    executablePath: ensureBrowser(),
    headless: true,
    args: [
      ...CHROMIUM_ARGS.filter((a) => a !== '--headless'),
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  })
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

test('staff scan a ticket with the camera: checked in once, the second scan is refused', async () => {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  await context.grantPermissions(['camera'], { origin: server.url })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))

  await page.goto(pageUrl(server.url, 'staff/pages/checkin/index'))
  await page.locator('[aria-labelledby="st-user-label"] input:visible, input[aria-labelledby="st-user-label"]:visible').first().fill(STAFF.username)
  await page.locator('[aria-labelledby="st-password-label"] input:visible, input[aria-labelledby="st-password-label"]:visible').first().fill(STAFF.password)
  await page.getByText('登录', { exact: true }).click()
  await page.getByRole('heading', { name: '入馆核验' }).waitFor()
  await expect(page.locator('[data-session="2026-11-27.am"]').innerText()).resolves.toContain('已入馆 0 / 已预约 1')

  // First scan: the camera view opens, reads the QR and closes; the visitor is admitted.
  await page.locator('[data-action=camera]:visible').click()
  await page.locator('video.st-camera').waitFor()
  await page.getByText('核验通过，准予入馆（1人）').waitFor({ timeout: 15_000 })
  await expect(page.locator('.st-result').innerText()).resolves.toContain(VISITOR.name)
  await expect(page.locator('video.st-camera').count()).resolves.toBe(0)
  await expect(page.locator('[data-session="2026-11-27.am"]').innerText()).resolves.toContain('已入馆 1 / 已预约 1')
  await shoot(page, 'staff-camera-admitted')

  // The same ticket in front of the camera again: refused, it was used a moment ago.
  await page.locator('[data-action=camera]:visible').click()
  await page.getByText('已核验过，不予重复入馆').waitFor({ timeout: 15_000 })
  await expect(page.locator('.st-result').innerText()).resolves.toContain('核验入馆，不能重复使用')
  await expect(page.locator('[data-session="2026-11-27.am"]').innerText()).resolves.toContain('已入馆 1 / 已预约 1')
  expect(errors).toEqual([])
  await context.close()
})

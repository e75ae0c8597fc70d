// The hosted console's uploads on the function side: a ticket is a signed COS form from
// getUploadMetadata, the browser's form POST stores the file in cloud storage, and the processing
// call carries only the file id — through the real HTTP-access entry over the wx-server-sdk
// STAND-IN (cloud/testing/http-access-gateway.ts also plays COS). What the stand-in cannot prove
// (the real SDK's getUploadMetadata, COS CORS) is listed in docs/wechat-cloud.md §11a.
import sharp from 'sharp'
import { createAccount } from '../../accounts/service'
import { startHttpAccessGateway } from '../../testing/http-access-gateway'
import type { UploadTicket } from '../../contracts/uploads'
import { createStandinSdk } from '../../store/wxcloud/standin/sdk'
import { COLLECTIONS } from '../../store/wxcloud/collections'
import { functions } from '../../functions'
import { seedIfEmpty } from '../../store/seed'
import { openWxCloudStore } from '../../store/wxcloud'
import { createFunctionMain, type WxServerSdk } from './entry'

jest.setTimeout(60_000)

const HOSTING = 'https://gxq-env-1a2b.tcloudbaseapp.com'
let gw: Awaited<ReturnType<typeof startHttpAccessGateway>>
const tokens: Record<string, string> = {}

beforeAll(async () => {
  gw = await startHttpAccessGateway({ APP_SECRET: 'uploads-test-secret', CONSOLE_ORIGIN: HOSTING })
  for (const username of ['editor', 'other']) {
    await createAccount(gw.store.accounts, { username, name: username, role: 'content_editor', password: `${username}-password-2026` }, new Date())
    tokens[username] = (await post('_session', { username, password: `${username}-password-2026` })).body.token
  }
})
afterAll(() => gw.stop())

async function post(path: string, body: unknown, who?: string) {
  const text = JSON.stringify(body)
  const res = await fetch(`${gw.base}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: HOSTING, ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}) },
    body: text,
  })
  return { status: res.status, bytes: Buffer.byteLength(text), body: (await res.json()) as any }
}
const consoleCall = (who: string, req: object) => post('console', req, who)

async function ticket(who: string, fileName: string, size: number): Promise<UploadTicket> {
  const res = await consoleCall(who, { action: 'uploadTicket', purpose: 'photo', fileName, size })
  expect(res.body).toMatchObject({ ok: true })
  return res.body.data
}
/** What the console does in the browser with a `form` target (admin/src/api.ts uploadFile). */
async function sendForm(t: UploadTicket, bytes: Buffer, fields?: Record<string, string>) {
  if (t.target.kind !== 'form') throw new Error('the cloud answers a form target')
  const form = new FormData()
  for (const [k, v] of Object.entries(fields ?? t.target.fields)) form.append(k, v)
  form.append('file', new Blob([new Uint8Array(bytes)]))
  return (await fetch(t.target.url, { method: 'POST', body: form })).status
}
const pathOf = (fileId: string) => fileId.replace(/^cloud:\/\/[^/]+\//, '')

test('a 7 MB photo goes to cloud storage, and the function call that processes it carries only its id', async () => {
  // Noise does not compress: a photo far over the 4.4 MB a base64 body could carry.
  const noise = Buffer.alloc(1600 * 1500 * 3).map((_, i) => (i * 2654435761) >>> 24)
  const png = await sharp(noise, { raw: { width: 1600, height: 1500, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer()
  expect(png.length).toBeGreaterThan(6 * 1024 * 1024)
  const t = await ticket('editor', '头盔.png', png.length)
  expect(t.fileId).toMatch(/^cloud:\/\/standin-env\.standin\/console-uploads\/photo\/[0-9a-f]{16}\/\d{13}-[0-9a-f]{16}\.png$/)
  expect(t.target).toMatchObject({ kind: 'form', url: expect.stringContaining('/cos-standin/upload'), fields: { key: pathOf(t.fileId) } })
  expect(await sendForm(t, png)).toBe(204)
  const res = await consoleCall('editor', { action: 'uploadPhoto', code: 'helmet', fileId: t.fileId, alt: '冬奥头盔正面照' })
  expect(res.bytes).toBeLessThan(1024)
  expect(res.body).toMatchObject({ ok: true, data: { exhibit: { imageAlt: '冬奥头盔正面照', image: expect.stringMatching(/^cloud:\/\/standin-env\.standin\/media\/exhibits\/helmet-[0-9a-f]{12}-1280\.jpg$/) } } })
  const stored = gw.sdk.__standin.storage
  expect((await sharp(stored.get(pathOf(res.body.data.exhibit.image))!).metadata()).width).toBe(1280)
  // The pending upload is removed once processed.
  expect(stored.has(pathOf(t.fileId))).toBe(false)
})

test('hostile files and foreign ids are refused by id as they are in base64; nothing changes', async () => {
  const before = await gw.store.content.getExhibit('helmet')
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>')
  const t = await ticket('editor', 'a.png', svg.length)
  expect(await sendForm(t, svg)).toBe(204)
  expect((await consoleCall('editor', { action: 'uploadPhoto', code: 'helmet', fileId: t.fileId, alt: '说明' })).body).toMatchObject({ ok: false, error: { code: 'PHOTO_TYPE' } })

  // Another operator's pending upload, an id outside the upload area, another environment's path trick.
  const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).png().toBuffer()
  const mine = await ticket('editor', 'b.png', png.length)
  expect(await sendForm(mine, png)).toBe(204)
  expect((await consoleCall('other', { action: 'uploadPhoto', code: 'helmet', fileId: mine.fileId, alt: '说明' })).body).toMatchObject({ ok: false, error: { code: 'UPLOAD_NOT_YOURS' } })
  const exhibitImage = (await gw.store.content.getExhibit('helmet'))!.image
  for (const fileId of [exhibitImage, 'cloud://standin-env.standin/media/exhibits/x.jpg', `cloud://standin-env.standin/${pathOf(mine.fileId)}/../../../media/x.jpg`, pathOf(mine.fileId)]) {
    expect((await consoleCall('editor', { action: 'uploadPhoto', code: 'helmet', fileId, alt: '说明' })).body).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^UPLOAD_(UNKNOWN|NOT_YOURS)$/) } })
  }
  // The form is signed for its path: another key, or a forged signature, is refused by storage.
  if (mine.target.kind !== 'form') throw new Error('form target expected')
  expect(await sendForm(mine, png, { ...mine.target.fields, key: 'media/exhibits/evil.jpg' })).toBe(403)
  expect(await sendForm(mine, png, { ...mine.target.fields, Signature: 'forged' })).toBe(403)
  expect(gw.sdk.__standin.storage.has('media/exhibits/evil.jpg')).toBe(false)
  expect(await gw.store.content.getExhibit('helmet')).toEqual(before)
})

test('a file larger than its ticket said is read no further than the limit and refused', async () => {
  const t = await ticket('editor', 'c.jpg', 100)
  // Storage cannot hold the browser to the declared size: 20 MB lands there.
  expect(await sendForm(t, Buffer.alloc(20 * 1024 * 1024, 1))).toBe(204)
  const res = await consoleCall('editor', { action: 'uploadPhoto', code: 'helmet', fileId: t.fileId, alt: '说明' })
  expect(res.body).toMatchObject({ ok: false, error: { code: 'UPLOAD_TOO_LARGE', message: expect.stringContaining('8 MB') } })
})

describe('through wx.cloud.callFunction (OPENID callers) and without the SDK call', () => {
  const saved = process.env.WX_OPENID
  afterEach(() => {
    if (saved === undefined) delete process.env.WX_OPENID
    else process.env.WX_OPENID = saved
  })
  const mainOver = async (strip: boolean) => {
    const standin = createStandinSdk()
    for (const c of COLLECTIONS) await standin.__standin.db.createCollection(c.name)
    await seedIfEmpty(openWxCloudStore(standin.__standin.db))
    const sdk = strip ? { ...standin, getUploadMetadata: undefined } : standin
    const main = createFunctionMain(functions.console, sdk as unknown as WxServerSdk, { APP_SECRET: 's', CONTENT_EDITOR_OPENIDS: 'o-editor-a,o-editor-b' })
    return { standin, as: async (openid: string, event: object) => ((process.env.WX_OPENID = openid), (await main(event)) as any) }
  }

  test('a ticket is bound to the OPENID that asked for it', async () => {
    const { standin, as } = await mainOver(false)
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).png().toBuffer()
    const t = (await as('o-editor-a', { action: 'uploadTicket', purpose: 'photo', fileName: 'a.png', size: png.length })).data as UploadTicket
    if (t.target.kind !== 'form') throw new Error('form target expected')
    expect(standin.__standin.cosForm(t.target.fields, png)).toBe(204)
    expect(await as('o-editor-b', { action: 'uploadPhoto', code: 'helmet', fileId: t.fileId, alt: '说明' })).toMatchObject({ ok: false, error: { code: 'UPLOAD_NOT_YOURS' } })
    expect(await as('o-editor-a', { action: 'uploadPhoto', code: 'helmet', fileId: t.fileId, alt: '说明' })).toMatchObject({ ok: true })
  })

  test('an SDK without getUploadMetadata: the ticket says so (the console then sends small files base64), and base64 still works', async () => {
    const { as } = await mainOver(true)
    expect(await as('o-editor-a', { action: 'uploadTicket', purpose: 'photo', fileName: 'a.png', size: 100 })).toMatchObject({ ok: false, error: { code: 'UPLOAD_UNAVAILABLE', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } })
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).png().toBuffer()
    expect(await as('o-editor-a', { action: 'uploadPhoto', code: 'helmet', data: png.toString('base64'), alt: '说明' })).toMatchObject({ ok: true })
  })
})

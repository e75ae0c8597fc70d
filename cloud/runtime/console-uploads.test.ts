// Console files by id on the real local runtime over SQLite: ticket → raw POST into the upload
// inbox → the processing action with `fileId`. The file is checked as the base64 bytes are (type,
// size, content), and an id is refused when it is outside the upload area, another operator's,
// for another purpose, expired or already used.
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import type { FastifyInstance } from 'fastify'
import { ringFromSecret } from '../booking/keys'
import { createAccount } from '../accounts/service'
import { tempSqliteStore } from '../testing/stores'
import { loadConfig } from './config'
import { buildServer } from './server'
import { uploadInboxDirFor } from './upload-inbox'
import type { UploadTicket } from '../contracts/uploads'

jest.setTimeout(60_000)

const ACCOUNTS = [
  { username: 'editor', name: '内容编辑', role: 'content_editor' as const, password: 'content-editor-pass' },
  { username: 'other', name: '另一位编辑', role: 'content_editor' as const, password: 'other-editor-pass' },
  { username: 'zone', name: '园区编辑', role: 'zone_editor' as const, password: 'zone-editor-passw' },
]

describe('console uploads by file id (local runtime)', () => {
  let env: Awaited<ReturnType<typeof tempSqliteStore>>
  let app: FastifyInstance
  let inbox: string
  let clock = new Date('2026-11-26T02:00:00Z')
  const tokens: Record<string, string> = {}

  beforeAll(async () => {
    env = await tempSqliteStore()
    const config = loadConfig({}, { dbFile: env.file, keys: ringFromSecret('s'), logLevel: 'silent', staticDir: '/nonexistent' })
    inbox = uploadInboxDirFor(config)
    for (const a of ACCOUNTS) await createAccount(env.store.accounts, a, new Date())
    app = await buildServer({ config, store: env.store, now: () => clock })
    for (const a of ACCOUNTS) tokens[a.username] = (await app.inject({ method: 'POST', url: '/api/_session', payload: { username: a.username, password: a.password } })).json().token
  })
  afterAll(async () => {
    await app.close()
    await env.cleanup()
  })

  const call = async (who: string, payload: object) =>
    (await app.inject({ method: 'POST', url: '/api/console', payload, headers: { authorization: `Bearer ${tokens[who]}` } })).json()
  const ticket = async (who: string, purpose: string, fileName: string, size: number): Promise<UploadTicket> => {
    const res = await call(who, { action: 'uploadTicket', purpose, fileName, size })
    expect(res).toMatchObject({ ok: true })
    return res.data
  }
  const put = (who: string | null, target: UploadTicket['target'], bytes: Buffer) => {
    if (target.kind !== 'post') throw new Error('the local runtime answers a post target')
    return app.inject({
      method: 'POST',
      url: `/api/${target.path}`,
      payload: bytes,
      headers: { 'content-type': 'application/octet-stream', ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}) },
    })
  }
  const inboxFiles = () => (fs.existsSync(inbox) ? (fs.readdirSync(inbox, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(inbox, f)).isFile()) : [])

  it('a photo: ticket, upload to the inbox, processed by id into the exhibit; the inbox copy is removed', async () => {
    const png = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#3366cc' } }).png().toBuffer()
    const t = await ticket('editor', 'photo', '头盔.png', png.length)
    expect(t.fileId).toMatch(/^inbox:console-uploads\/photo\/[0-9a-f]{16}\/\d{13}-[0-9a-f]{16}\.png$/)
    expect(t.target).toEqual({ kind: 'post', path: expect.stringMatching(/^console-upload\/photo\//) })
    const sent = await put('editor', t.target, png)
    expect(sent.json()).toEqual({ ok: true, data: { fileId: t.fileId } })
    // The pending file is not reachable from outside: /uploads serves processed media only.
    expect((await app.inject({ method: 'GET', url: `/uploads/${t.fileId.slice('inbox:'.length)}` })).statusCode).toBe(404)
    const res = await call('editor', { action: 'uploadPhoto', code: 'helmet', fileId: t.fileId, alt: '冬奥头盔正面照' })
    expect(res).toMatchObject({ ok: true, data: { exhibit: { imageAlt: '冬奥头盔正面照', image: expect.stringMatching(/^\/uploads\/exhibits\/helmet-[0-9a-f]{12}-1280\.jpg$/) } } })
    const served = await app.inject({ method: 'GET', url: res.data.exhibit.image })
    expect(served.statusCode).toBe(200)
    expect((await sharp(served.rawPayload).metadata()).width).toBe(1280)
    expect(inboxFiles()).toEqual([])
    // Used once: the same id again finds nothing.
    expect(await call('editor', { action: 'uploadPhoto', code: 'helmet', fileId: t.fileId, alt: '说明' })).toMatchObject({ ok: false, error: { code: 'UPLOAD_MISSING' } })
  })

  it('hostile files by id are refused as their base64 twins are; the exhibit does not change', async () => {
    const before = await env.store.content.getExhibit('helmet')
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>')
    const noise = Buffer.alloc(400 * 300 * 3, 0).map((_, i) => (i * 7919) % 251)
    const jpeg = await sharp(noise, { raw: { width: 400, height: 300, channels: 3 } }).jpeg().toBuffer()
    for (const [name, bytes, code] of [
      ['a.png', svg, 'PHOTO_TYPE'],
      ['b.jpg', Buffer.from('not a picture at all'), 'PHOTO_UNREADABLE'],
      ['c.jpg', jpeg.subarray(0, jpeg.length >> 1), 'PHOTO_UNREADABLE'],
    ] as const) {
      const t = await ticket('editor', 'photo', name, bytes.length)
      expect((await put('editor', t.target, bytes)).statusCode).toBe(200)
      const res = await call('editor', { action: 'uploadPhoto', code: 'helmet', fileId: t.fileId, alt: '说明' })
      expect(res).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) } })
    }
    expect(await env.store.content.getExhibit('helmet')).toEqual(before)
  })

  it('refuses at the ticket what cannot be right: wrong type, over the limit, another role’s purpose', async () => {
    expect(await call('editor', { action: 'uploadTicket', purpose: 'photo', fileName: 'x.svg', size: 10 })).toMatchObject({ ok: false, error: { code: 'UPLOAD_TYPE' } })
    expect(await call('editor', { action: 'uploadTicket', purpose: 'photo', fileName: 'x.jpg', size: 8 * 1024 * 1024 + 1 })).toMatchObject({ ok: false, error: { code: 'UPLOAD_TOO_LARGE', message: expect.stringContaining('8 MB') } })
    expect(await call('editor', { action: 'uploadTicket', purpose: 'sheet', fileName: 'x.xlsx', size: 10 })).toMatchObject({ ok: false, error: { code: 'UPLOAD_NOT_ALLOWED' } })
    expect(await call('zone', { action: 'uploadTicket', purpose: 'photo', fileName: 'x.jpg', size: 10 })).toMatchObject({ ok: false, error: { code: 'UPLOAD_NOT_ALLOWED' } })
  })

  it('the upload route takes a file only from the ticket’s operator, once, within the limit', async () => {
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).png().toBuffer()
    const t = await ticket('editor', 'photo', 'a.png', png.length)
    expect((await put(null, t.target, png)).statusCode).toBe(401)
    expect((await put('zone', t.target, png)).json()).toMatchObject({ ok: false, error: { code: 'UPLOAD_NOT_YOURS' } })
    expect((await put('other', t.target, png)).json()).toMatchObject({ ok: false, error: { code: 'UPLOAD_NOT_YOURS' } })
    expect((await put('editor', t.target, png)).statusCode).toBe(200)
    expect((await put('editor', t.target, png)).json()).toMatchObject({ ok: false, error: { code: 'UPLOAD_USED' } })
    // A path of one's own making outside the pattern, or escaping the inbox, is refused.
    for (const bad of ['console-upload/photo/..%2F..%2F..%2Fx/1.png', 'console-upload/photo/0123456789abcdef/1-0123456789abcdef.png', `console-upload/sheet/${t.target.kind === 'post' ? t.target.path.split('/')[2] : ''}/${Date.now()}-0123456789abcdef.csv`]) {
      const res = await put('editor', { kind: 'post', path: bad }, png)
      expect(res.statusCode).toBeGreaterThanOrEqual(400)
    }
    const big = await ticket('editor', 'photo', 'big.jpg', 100)
    expect((await put('editor', big.target, Buffer.alloc(8 * 1024 * 1024 + 1))).statusCode).toBe(413)
    await call('editor', { action: 'uploadPhoto', code: 'helmet', fileId: t.fileId, alt: '说明' })
  })

  it('refuses an id outside the upload area, another operator’s pending upload, another purpose’s, or an expired one', async () => {
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).png().toBuffer()
    const mine = await ticket('editor', 'photo', 'a.png', png.length)
    await put('editor', mine.target, png)
    const before = await env.store.content.getExhibit('helmet')
    // Another operator with the same role cannot use (or learn anything from) this pending upload.
    expect(await call('other', { action: 'uploadPhoto', code: 'helmet', fileId: mine.fileId, alt: '说明' })).toMatchObject({ ok: false, error: { code: 'UPLOAD_NOT_YOURS' } })
    for (const fileId of [
      'inbox:../../../../etc/passwd',
      `inbox:console-uploads/photo/${mine.fileId.split('/')[2]}/../../../test.sqlite`,
      'inbox:uploads/exhibits/helmet-000000000000-1280.jpg',
      '/uploads/exhibits/x.jpg',
      'cloud://env.bucket/console-uploads/photo/0123456789abcdef/1-0123456789abcdef.png',
      mine.fileId.replace('.png', '.jpg'),
    ]) {
      expect(await call('editor', { action: 'uploadPhoto', code: 'helmet', fileId, alt: '说明' })).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^UPLOAD_(UNKNOWN|NOT_YOURS|MISSING)$/) } })
    }
    // A photo's id is not a recording's.
    expect(await call('editor', { action: 'uploadAudio', code: 'helmet', lang: 'zh', fileId: mine.fileId })).toMatchObject({ ok: false, error: { code: 'UPLOAD_UNKNOWN' } })
    // Both sources, or neither, is a clear refusal.
    expect(await call('editor', { action: 'uploadPhoto', code: 'helmet', fileId: mine.fileId, data: png.toString('base64'), alt: '说明' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    expect(await call('editor', { action: 'uploadPhoto', code: 'helmet', alt: '说明' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    // An hour later the ticket is void.
    clock = new Date(clock.getTime() + 61 * 60 * 1000)
    try {
      expect(await call('editor', { action: 'uploadPhoto', code: 'helmet', fileId: mine.fileId, alt: '说明' })).toMatchObject({ ok: false, error: { code: 'UPLOAD_EXPIRED' } })
    } finally {
      clock = new Date(clock.getTime() - 61 * 60 * 1000)
    }
    expect(await env.store.content.getExhibit('helmet')).toEqual(before)
  })

  it('a zone spreadsheet by id: preview keeps the upload, the confirm imports it and clears it', async () => {
    const csv = fs.readFileSync(path.resolve(__dirname, '..', '..', 'data', 'templates', 'companies.csv'))
    const t = await ticket('zone', 'sheet', 'companies.csv', csv.length)
    await put('zone', t.target, csv)
    const preview = await call('zone', { action: 'previewImport', fileName: 'companies.csv', fileId: t.fileId, mode: 'merge' })
    expect(preview).toMatchObject({ ok: true, data: { kind: 'companies', errors: [] } })
    const done = await call('zone', { action: 'importZone', fileName: 'companies.csv', fileId: t.fileId, mode: 'merge', baseline: preview.data.baseline })
    expect(done).toMatchObject({ ok: true, data: { kind: 'companies', removed: 0 } })
    expect(await call('zone', { action: 'importZone', fileName: 'companies.csv', fileId: t.fileId, mode: 'merge', baseline: preview.data.baseline })).toMatchObject({ ok: false, error: { code: 'UPLOAD_MISSING' } })
  })

  it('a spreadsheet bomb by id is refused by the same limits as in base64', async () => {
    const { xlsxBomb } = await import('../testing/xlsx-bomb')
    const bomb = xlsxBomb({ rows: 200_000 })
    const t = await ticket('zone', 'sheet', 'companies.xlsx', bomb.length)
    await put('zone', t.target, bomb)
    expect(await call('zone', { action: 'previewImport', fileName: 'companies.xlsx', fileId: t.fileId, mode: 'merge' })).toMatchObject({ ok: false, error: { code: 'SHEET_TOO_LARGE', message: '表格过大：最多 20000 行' } })
  })
})

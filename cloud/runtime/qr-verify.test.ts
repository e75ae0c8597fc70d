// The verification file WeChat asks for before a 扫普通链接二维码 rule can be saved: served by the
// H5 server exactly as configured (name, body, text/plain), and nothing else under that name.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { ringFromSecret } from '../booking/keys'
import { loadConfig } from './config'
import { buildServer } from './server'
import { tempSqliteStore } from '../testing/stores'
import { qrVerifyFileFrom, writeQrVerifyFiles } from './qr-verify'

const NAME = 'Ab3dE9fGhQ.txt'
const BODY = '6f1c0a7e2b9d4c3f8a5e7d1b0c2f4a6e'

describe('the 扫普通链接二维码 verification file', () => {
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-qrv-'))
  let app: FastifyInstance
  let cleanup: () => Promise<void>
  beforeAll(async () => {
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>高新区科技馆</title>')
    fs.writeFileSync(path.join(staticDir, 'notes.txt'), 'a file of the H5 build')
    const config = loadConfig({ WECHAT_QR_VERIFY_FILE: NAME, WECHAT_QR_VERIFY_CONTENT: BODY }, { dbFile: ':memory:', keys: ringFromSecret('s'), logLevel: 'silent', staticDir })
    const env = await tempSqliteStore()
    cleanup = env.cleanup
    app = await buildServer({ config, store: env.store })
  })
  afterAll(async () => {
    await app.close()
    await cleanup()
    fs.rmSync(staticDir, { recursive: true, force: true })
  })

  it.each([`/e/${NAME}`, `/${NAME}`])('%s answers the exact body as text/plain', async (url) => {
    const res = await app.inject({ method: 'GET', url })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8')
    expect(res.body).toBe(BODY)
    expect(res.headers['content-encoding']).toBeUndefined()
  })

  it('serves nothing under other names: another .txt under /e/ is the landing 404, not a file', async () => {
    for (const url of ['/e/other.txt', `/e/${NAME.toLowerCase()}`, `/e/${NAME}x`, '/e/..%2Fnotes.txt', `/e/${NAME}/`]) {
      const res = await app.inject({ method: 'GET', url })
      expect(res.statusCode).toBe(404)
      expect(res.body).not.toContain(BODY)
    }
    // A file of the H5 build is still the build's, nowhere under /e/.
    expect((await app.inject({ method: 'GET', url: '/e/notes.txt' })).body).not.toContain('a file of the H5 build')
  })

  it('is off when unset, and a malformed name or body is refused at start, in Chinese', () => {
    expect(qrVerifyFileFrom({})).toBeNull()
    expect(() => qrVerifyFileFrom({ WECHAT_QR_VERIFY_FILE: '../etc/passwd', WECHAT_QR_VERIFY_CONTENT: BODY })).toThrow(/WECHAT_QR_VERIFY_FILE/)
    expect(() => qrVerifyFileFrom({ WECHAT_QR_VERIFY_FILE: 'index.html', WECHAT_QR_VERIFY_CONTENT: BODY })).toThrow(/\.txt/)
    expect(() => qrVerifyFileFrom({ WECHAT_QR_VERIFY_FILE: NAME })).toThrow(/WECHAT_QR_VERIFY_CONTENT/)
    expect(() => qrVerifyFileFrom({ WECHAT_QR_VERIFY_FILE: NAME, WECHAT_QR_VERIFY_CONTENT: '<script>alert(1)</script> x' })).toThrow(/WECHAT_QR_VERIFY_CONTENT/)
  })

  it('is written into a static-hosting folder at the same two paths, and only there', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-qrv-out-'))
    try {
      const written = writeQrVerifyFiles(out, { name: NAME, content: BODY })
      expect(written.map((f) => path.relative(out, f)).sort()).toEqual([NAME, path.join('e', NAME)].sort())
      for (const f of written) expect(fs.readFileSync(f, 'utf8')).toBe(BODY)
    } finally {
      fs.rmSync(out, { recursive: true, force: true })
    }
  })
})

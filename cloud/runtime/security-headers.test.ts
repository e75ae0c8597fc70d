// The security headers on everything the local runtime serves. The browser tests (e2e/) run the
// built app and console under this policy and fail on any violation; here: which header is where.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { ringFromSecret } from '../booking/keys'
import { tempSqliteStore } from '../testing/stores'
import { loadConfig } from './config'
import { uploadsDirFor } from './console'
import { LANDING_BOOTSTRAP } from './landing'
import { inlineScripts, scriptHash } from './security-headers'
import { buildServer } from './server'

const REM_SCRIPT = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);'
const INDEX = `<!doctype html><html><head><title>高新区科技馆</title><script>${REM_SCRIPT}</script><script defer src="/js/app.0123abcd.js"></script></head><body><div id="app"></div></body></html>`

describe('security headers', () => {
  let env: Awaited<ReturnType<typeof tempSqliteStore>>
  let app: FastifyInstance
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-headers-'))
  const staticDir = path.join(dir, 'h5')
  const config = loadConfig({} as NodeJS.ProcessEnv, { dbFile: path.join(dir, 'db.sqlite'), keys: ringFromSecret('s'), logLevel: 'silent', staticDir })

  beforeAll(async () => {
    fs.mkdirSync(staticDir)
    fs.writeFileSync(path.join(staticDir, 'index.html'), INDEX)
    // An "MP3" whose tag carries HTML: a browser sniffing it would render the HTML.
    fs.mkdirSync(uploadsDirFor(config), { recursive: true })
    fs.writeFileSync(path.join(uploadsDirFor(config), 'tagged.mp3'), Buffer.concat([Buffer.from('ID3'), Buffer.from('<html><script>alert(1)</script></html>')]))
    env = await tempSqliteStore()
    app = await buildServer({ config, store: env.store })
  })
  afterAll(async () => {
    await app.close()
    await env.cleanup()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  const get = (url: string) => app.inject({ method: 'GET', url })

  it('gives pages a policy without inline or eval scripts, allowing exactly the shells’ own inline scripts by hash', async () => {
    for (const url of ['/', '/e/helmet', '/e/no-such-exhibit', '/admin/']) {
      const res = await get(url)
      const csp = String(res.headers['content-security-policy'])
      const scriptSrc = /(?:^|;)script-src ([^;]*)/.exec(csp)![1]
      expect([url, scriptSrc]).toEqual([url, expect.stringContaining("'self'")])
      expect(scriptSrc).not.toMatch(/unsafe-(inline|eval)|\*|data:|https?:/)
      expect(scriptSrc).toContain(scriptHash(REM_SCRIPT))
      expect(scriptSrc).toContain(scriptHash(LANDING_BOOTSTRAP))
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("object-src 'none'")
      expect(csp).not.toContain('upgrade-insecure-requests')
      expect(res.headers['x-frame-options']).toBe('DENY')
      expect(res.headers['x-content-type-options']).toBe('nosniff')
      expect(res.headers['referrer-policy']).toBe('no-referrer')
    }
  })

  it('gives pages, and answers to unknown paths, helmet’s whole set, made once for every page', async () => {
    const first = await get('/')
    for (const res of [first, await get('/e/helmet'), await get('/no/such/page'), await app.inject({ method: 'POST', url: '/no-such-form' })]) {
      expect(res.headers).toMatchObject({
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
        'origin-agent-cluster': '?1',
        'x-dns-prefetch-control': 'off',
        'x-download-options': 'noopen',
        'x-permitted-cross-domain-policies': 'none',
        'x-xss-protection': '0',
        'content-security-policy': first.headers['content-security-policy'],
      })
      expect(res.headers['strict-transport-security']).toBeUndefined()
      expect(res.headers['x-powered-by']).toBeUndefined()
    }
  })

  it('follows a rebuilt shell: its new inline script is allowed by hash, the old one no longer', async () => {
    const rebuilt = 'window.__rebuilt=1;'
    const indexFile = path.join(staticDir, 'index.html')
    fs.writeFileSync(indexFile, INDEX.replace(REM_SCRIPT, rebuilt))
    try {
      // The shells are looked at again at most once a second.
      let csp = ''
      for (let t = 0; t < 60 && !csp.includes(scriptHash(rebuilt)); t++) {
        await new Promise((r) => setTimeout(r, 100))
        csp = String((await get('/')).headers['content-security-policy'])
      }
      expect(csp).toContain(scriptHash(rebuilt))
      expect(csp).not.toContain(scriptHash(REM_SCRIPT))
    } finally {
      fs.writeFileSync(indexFile, INDEX)
    }
  })

  it('finds the inline scripts a page runs, not its data carriers or external scripts', () => {
    expect(inlineScripts(`${INDEX}<script type="application/json">{"a":1}</script><script type="module">x()</script>`)).toEqual([REM_SCRIPT, 'x()'])
  })

  it('serves media and uploads with nosniff, so a file is never read as a page', async () => {
    for (const url of ['/media/exhibits/helmet.svg', '/uploads/tagged.mp3']) {
      const res = await get(url)
      expect([url, res.statusCode, res.headers['x-content-type-options']]).toEqual([url, 200, 'nosniff'])
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    }
  })

  it('answers /favicon.ico with an icon (not a 404), under the same headers', async () => {
    const res = await get('/favicon.ico')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('image/x-icon')
    // An ICO holding one 32×32 PNG.
    expect([...res.rawPayload.subarray(0, 6)]).toEqual([0, 0, 1, 0, 1, 0])
    expect(res.rawPayload.subarray(22, 26).toString('latin1')).toBe('\x89PNG')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'")
  })

  it('gives API answers a fixed deny-all set: nosniff, no framing, no referrer', async () => {
    for (const res of [await app.inject({ method: 'POST', url: '/api/system', payload: { action: 'ping' } }), await get('/api/nothing'), await get('/healthz')]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff')
      expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'")
      expect(res.headers['x-frame-options']).toBe('DENY')
      expect(res.headers['referrer-policy']).toBe('no-referrer')
    }
  })
})

// Security headers (helmet) on every page and file the local runtime serves: the H5 app,
// the scan landing /e/<code>, the console /admin/, media and uploads.
//   - A Content-Security-Policy the built app and console run under: scripts only from this origin,
//     plus the inline scripts the two HTML shells carry, allowed by their SHA-256 (Taro's rem script
//     in index.html, the landing's fixed bootstrap). No 'unsafe-inline' or 'unsafe-eval' for scripts;
//     styles may be inline (Taro H5 and antd write style attributes and <style> elements).
//   - frame-ancestors 'none' and X-Frame-Options DENY: no page of this origin, the console least of
//     all, can be framed by another site.
//   - X-Content-Type-Options: nosniff everywhere, so an upload is never read as HTML or script.
//   - Referrer-Policy: no-referrer — page addresses carry exhibit codes, never worth leaking.
// The API's JSON answers get a small fixed set instead (nosniff, a deny-all CSP, no framing).
// Helmet (the library) decides the pages' headers, once for each set of inline-script hashes: the
// headers are the same for every page until a shell is rebuilt, so one hook sets a ready map. (The
// Fastify plugin built them anew for every page and ran two hooks, one async, on every request —
// API calls included — a tenth of the main thread's work in a booking rush.)
import crypto from 'node:crypto'
import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import helmet, { type HelmetOptions } from 'helmet'
import type { FastifyInstance } from 'fastify'
import { LANDING_BOOTSTRAP } from './landing'

/** 'sha256-…' for an inline script's exact text, as CSP compares it. */
export const scriptHash = (text: string): string => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`

/** The inline (src-less, executable) scripts of an HTML page. */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = []
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1]
    if (/\bsrc\s*=/i.test(attrs)) continue
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase()
    // Data carriers (application/json) are never run, so the policy does not govern them.
    if (type && !['text/javascript', 'module', 'application/javascript'].includes(type)) continue
    scripts.push(m[2])
  }
  return scripts
}

/** Hashes of the inline scripts of the given HTML files, re-read when a file changes (a rebuild while running). */
function shellScriptHashes(files: string[]): () => string {
  let cached = ''
  let key = ''
  let checkedAt = 0
  return () => {
    // At most one look at the files a second: the policy is built for every page and file served.
    const now = Date.now()
    if (now - checkedAt < 1000) return cached
    checkedAt = now
    const stamps = files.map((f) => {
      try {
        return `${f}:${fs.statSync(f).mtimeMs}`
      } catch {
        return `${f}:-`
      }
    })
    if (stamps.join('|') === key) return cached
    key = stamps.join('|')
    const hashes = new Set<string>()
    for (const f of files) {
      try {
        for (const script of inlineScripts(fs.readFileSync(f, 'utf8'))) hashes.add(scriptHash(script))
      } catch {
        // Not built: nothing of it is served either.
      }
    }
    cached = [...hashes].join(' ')
    return cached
  }
}

/** What every JSON answer of /api and /healthz carries (see above). */
export const API_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
}

const isApiRoute = (url: string | undefined) => !!url && (url === '/api' || url.startsWith('/api/') || url === '/healthz')

/** The headers a helmet middleware sets, as a map (it is run once on a stand-in response). */
export function headersOf(middleware: ReturnType<typeof helmet>): Record<string, string> {
  const headers: Record<string, string> = {}
  const res = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value)
    },
    // X-Powered-By, which Fastify never sets.
    removeHeader(name: string) {
      delete headers[name.toLowerCase()]
    },
  }
  middleware({} as IncomingMessage, res as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error
  })
  return headers
}

/** Registers the headers; call before any route is added. */
export async function registerSecurityHeaders(app: FastifyInstance, shells: { h5Dir: string; adminDir: string }): Promise<void> {
  const inlineHashes = shellScriptHashes([path.join(shells.h5Dir, 'index.html'), path.join(shells.adminDir, 'index.html')])
  const landingHash = scriptHash(LANDING_BOOTSTRAP)
  const pageOptions = (shellHashes: string[]): HelmetOptions => ({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", landingHash, ...shellHashes],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Icons are data: SVGs (src/ui/Icon.tsx); the console previews and downloads through blob: URLs.
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // The local runtime speaks plain HTTP; HSTS belongs to the TLS proxy in front of it (docs/security.md).
    strictTransportSecurity: false,
  })
  let madeFor: string | null = null
  let pageHeaders: Record<string, string> = {}
  const headersForPages = () => {
    const hashes = inlineHashes()
    if (hashes !== madeFor) {
      pageHeaders = headersOf(helmet(pageOptions(hashes.split(' ').filter(Boolean))))
      madeFor = hashes
    }
    return pageHeaders
  }
  // Made now, so a mistake in the options stops the start rather than a request.
  headersForPages()
  // Every answer, found routes or not (a 404 gets the pages' set).
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(isApiRoute(req.routeOptions.url) ? API_HEADERS : headersForPages())
    done()
  })
}

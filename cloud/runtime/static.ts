// The built H5 app as static files: the brotli/gzip copies written at build time
// (config/compress-plugin.ts) are sent to browsers that accept them, hashed scripts and styles are
// cached for a year and never revalidated (a new release has new names), and everything else —
// index.html, sw.js, precache.json — is revalidated on every load so a release shows at once.
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import fastifyStatic from '@fastify/static'
import { FAVICON_ICO_BASE64 } from './favicon.gen'

/** `name.1a2b3c4d.js` (webpack's contenthash) with or without a precompressed suffix. */
const HASHED = /\.[0-9a-f]{8}\.(js|css)(\.(br|gz))?$/
const COMPRESSIBLE = /\.(js|css|html|json|svg|txt)(\.(br|gz))?$/

export const IMMUTABLE = 'public, max-age=31536000, immutable'
export const REVALIDATE = 'no-cache'

export function cacheHeadersFor(file: string): { cacheControl: string; vary: boolean } {
  const base = path.basename(file)
  return { cacheControl: HASHED.test(base) ? IMMUTABLE : REVALIDATE, vary: COMPRESSIBLE.test(base) }
}

export async function registerAppStatic(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders(res, file) {
      const { cacheControl, vary } = cacheHeadersFor(file)
      res.setHeader('Cache-Control', cacheControl)
      // Caches between here and the phone must keep the br, gzip and plain copies apart.
      if (vary) res.setHeader('Vary', 'Accept-Encoding')
    },
  })
}

const FAVICON = Buffer.from(FAVICON_ICO_BASE64, 'base64')

/**
 * /favicon.ico, which every browser asks for whatever the page links: answered from the server
 * (222 bytes, drawn by scripts/favicon.ts) rather than a 404 in every log and console. A route, not
 * a file in the H5 build, so it is there whether or not the app has been built; the server's
 * security headers apply to it like to any other answer.
 */
export function registerFavicon(app: FastifyInstance): void {
  app.get('/favicon.ico', async (_req, reply) => reply.type('image/x-icon').header('Cache-Control', 'public, max-age=86400').send(FAVICON))
}

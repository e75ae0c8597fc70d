// The local cloud runtime: every cloud function behind POST /api/<name>, the built H5 app and
// media as static files, one process over one SQLite file (`npm start` runs the calls on their own
// thread: calls.ts). Fastify: schema-light, fast JSON, built-in request logging and body limits,
// and a well-kept static plugin.
import fs from 'node:fs'
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import fastifyStatic from '@fastify/static'
import type { ValidatorFactory } from '@fastify/ajv-compiler'
import type { SerializerFactory } from '@fastify/fast-json-stringify-compiler'
import { CommonErrors } from '../contracts/errors'
import { fail } from '../contracts/result'
import type { CloudFunction } from '../functions/types'
import { statusFor } from './http-status'
import { callsInThisThread, type CallRunner } from './calls'
import type { Store } from '../store/port'
import { logsInfo, type RuntimeConfig } from './config'
import { bearerToken, readToken, renewalFor, type TokenInfo } from './identity'
import { registerRateLimits } from './limits'
import { addressBucket } from '../limits/rate-limit-policy'
import { currentCaller, registerSignIn } from './signin'
import { registerLanding } from './landing'
import { registerQrVerifyFile } from './qr-verify'
import { registerUploadInbox } from './upload-inbox'
import { registerAppStatic, registerFavicon } from './static'
import { ADMIN_DIR, registerConsole } from './console'
import { registerSecurityHeaders } from './security-headers'
import { DoorRefusal, registerRequestBounds } from './request-bounds'
import { RENEWED_TOKEN_HEADER } from '../contracts/glue'

export interface ServerOptions {
  config: RuntimeConfig
  store: Store
  now?: () => Date
  /** Serve these functions instead of the project's (tests). */
  functions?: Record<string, CloudFunction>
  /** Where calls run (calls.ts): the call thread under `npm start`; by default this thread, over `store`. */
  calls?: CallRunner
}


export { RENEWED_TOKEN_HEADER }

/** Pending connections the listening socket queues (2,000 simultaneous clients must fit). */
export const LISTEN_BACKLOG = 4096

/** Refusals answer 200, request/server failures their HTTP status, unknown codes 500: see http-status.ts. */
export { statusFor }

/**
 * Fastify compiles route schemas with ajv and fast-json-stringify, and loads both — about a fifth
 * of the server's start — when the server is made. No route here declares a schema (zod checks
 * every call), so the compilers are loaded only if a schema ever asks for one. (Fastify counts them
 * as custom compilers: the one difference is that a `headers` schema is used as written, not
 * lower-cased — write header names in lower case.)
 */
/* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, see above */
const schemaCompilers = {
  buildValidator: ((...args) => {
    let compile: ReturnType<ValidatorFactory> | undefined
    return (route) => (compile ??= (require('@fastify/ajv-compiler') as () => ValidatorFactory)()(...args))(route)
  }) satisfies ValidatorFactory,
  buildSerializer: ((...args) => {
    let compile: ReturnType<SerializerFactory> | undefined
    return (route) => (compile ??= (require('@fastify/fast-json-stringify-compiler') as () => SerializerFactory)()(...args))(route)
  }) satisfies SerializerFactory,
}
/* eslint-enable @typescript-eslint/no-require-imports */

export async function buildServer({ config, store, now = () => new Date(), functions: fns, calls }: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    // Fastify's two lines per request are replaced by the one-line hook below.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: false,
    // A request arriving while the server stops gets a Result 503 (request-bounds.ts), not Fastify's own.
    return503OnClosing: false,
    // The backstop for a whole request, head included; bodies have their own, shorter deadlines (request-bounds.ts).
    requestTimeout: config.largeBodyTimeoutMs + 10_000,
    schemaController: { compilersFactory: schemaCompilers },
  })

  // First, so every route added below is covered (security-headers.ts).
  await registerSecurityHeaders(app, { h5Dir: config.staticDir, adminDir: ADMIN_DIR })

  // The request's token, verified once: the booking-write limit and the call both need it.
  const tokens = new WeakMap<FastifyRequest, TokenInfo | null>()
  const tokenOf = (req: FastifyRequest): TokenInfo | null => {
    let token = tokens.get(req)
    if (token === undefined) tokens.set(req, (token = readToken(bearerToken(req.headers.authorization), config.keys)))
    return token
  }
  registerRequestBounds(app, {
    visitorBodyLimit: config.bodyLimit,
    bodyTimeoutMs: config.bodyTimeoutMs,
    largeBodyTimeoutMs: config.largeBodyTimeoutMs,
    // A signed-in operator whose account is still active; a visitor's token is not enough.
    mayExceedVisitorLimit: async (req) => {
      const identity = tokenOf(req)?.identity
      if (!identity?.account) return false
      const caller = await currentCaller(identity, store)
      return !!caller && caller.role !== 'visitor'
    },
  })
  await registerRateLimits(app, config.rateLimits, (req) => tokenOf(req)?.identity.openid ?? null)

  // One line per request: method, path, status, time. Enough to follow a booking rush. Only hooked
  // when that level is logged: below it (LOG_LEVEL=warn) a request pays no hook at all.
  if (logsInfo(config)) {
    app.addHook('onResponse', (req, reply, done) => {
      req.log.info({ method: req.method, url: req.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request')
      done()
    })
  }

  app.setErrorHandler((error, req, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500
    // The rest of a refused or cut body is not read: the connection ends with the answer.
    if (status === 413 || status === 408) reply.header('connection', 'close')
    if (error instanceof DoorRefusal) return reply.code(error.statusCode).send(fail(error.code, CommonErrors[error.code]))
    if (status === 413) return reply.code(413).send(fail('PAYLOAD_TOO_LARGE', CommonErrors.PAYLOAD_TOO_LARGE))
    if (status >= 400 && status < 500) return reply.code(400).send(fail('BAD_REQUEST', CommonErrors.BAD_REQUEST))
    req.log.error(error)
    return reply.code(500).send(fail('INTERNAL', CommonErrors.INTERNAL))
  })

  app.get('/healthz', async (_req, reply) => {
    const db = await store.ping().catch(() => false)
    return reply.code(db ? 200 : 503).send({ ok: db, db: db ? 'ok' : 'down', uptime: Math.round(process.uptime()) })
  })

  registerSignIn(app, config, store, now)

  const runCall = calls ?? callsInThisThread({ store, config, now, functions: fns })
  const handleCall = async (req: FastifyRequest<{ Params: { fn: string } }>, reply: FastifyReply) => {
    const token = tokenOf(req)
    const identity = await currentCaller(token?.identity ?? null, store)
    // A visitor's token is renewed while used (same identity, fresh expiry, newest key): the client
    // stores the one it finds in this header.
    const renewed = token && renewalFor(token, config.keys)
    if (renewed) reply.header(RENEWED_TOKEN_HEADER, renewed)
    const answer = await runCall({
      fn: req.params.fn,
      // Parsed only after its depth was checked (request-bounds.ts): safe to clone to the call thread.
      body: req.body ?? {},
      openid: identity?.openid ?? null,
      role: identity?.role ?? 'visitor',
      account: identity?.account,
      requestId: req.id,
      origin: { bucket: addressBucket(req.ip), caps: config.addressCaps },
    })
    // From the call thread the Result arrives as JSON already: sent as it is.
    if (typeof answer.body === 'string') reply.type('application/json; charset=utf-8')
    return reply.code(answer.status).send(answer.body)
  }
  app.post<{ Params: { fn: string } }>('/api/:fn', handleCall)
  // The operator console: /admin, /uploads and its larger body limit (cloud/runtime/console.ts).
  await registerConsole(app, config, handleCall)
  // Console files sent straight to the upload inbox, then processed by id (upload-inbox.ts).
  await registerUploadInbox(app, config, (req) => currentCaller(tokenOf(req)?.identity ?? null, store), now)

  // Anything else under /api — the bare prefix, other methods, deeper paths — is a Result too, never the H5 page.
  const unknown = async (_req: unknown, reply: import('fastify').FastifyReply) => reply.code(404).send(fail('UNKNOWN_FUNCTION', CommonErrors.UNKNOWN_FUNCTION))
  app.all('/api', unknown)
  app.all('/api/*', unknown)

  registerFavicon(app)
  registerQrVerifyFile(app, config.qrVerifyFile)
  if (fs.existsSync(config.mediaDir)) {
    await app.register(fastifyStatic, { root: config.mediaDir, prefix: '/media/', decorateReply: false, maxAge: '7d' })
  }
  if (fs.existsSync(config.staticDir)) {
    registerLanding(app, config.staticDir, store)
    await registerAppStatic(app, config.staticDir)
  } else {
    app.get('/', async (_req, reply) =>
      reply.type('text/plain; charset=utf-8').send('H5 应用尚未构建：请先运行 npm run build:h5（npm start 会自动构建）。'),
    )
  }
  return app
}

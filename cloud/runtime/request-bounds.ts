// The local runtime's door: what a request must be before any of it is used.
//   - JSON no deeper than MAX_JSON_DEPTH, checked on the text before it is parsed (json-bounds.ts):
//     nothing deeper is ever parsed, so the parsed body may cross to the call thread by structured
//     clone (which recurses) and be walked by zod and the handlers.
//   - A body above the visitor limit only from a signed-in operator, decided from the headers
//     before a byte of the body is read (the console's route allows 12 MB for photos and sheets).
//   - A deadline for the body: a body that trickles in is cut with a 408, not held for minutes.
//   - While the server stops, a request that still arrives is answered with a Result 503.
// Every refusal leaves here as an error with a `code` that the error handler turns into a Result.
import { Transform, type TransformCallback } from 'node:stream'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { jsonTooDeep } from './json-bounds'
import { CommonErrors } from '../contracts/errors'
import { fail } from '../contracts/result'

export type DoorCode = 'PAYLOAD_TOO_DEEP' | 'PAYLOAD_TOO_LARGE' | 'REQUEST_TIMEOUT'

/** A request refused at the door: the error handler answers `code` with this status. */
export class DoorRefusal extends Error {
  constructor(
    readonly code: DoorCode,
    readonly statusCode: number,
  ) {
    super(code)
  }
}

export interface RequestBounds {
  /** The body limit for callers who are not operators (the server's default body limit). */
  visitorBodyLimit: number
  /** How long a body up to the visitor limit may take to arrive. */
  bodyTimeoutMs: number
  /** How long a larger body (an operator's photo or spreadsheet) may take. */
  largeBodyTimeoutMs: number
  /** Whether this request may send a body above the visitor limit (a valid operator token). */
  mayExceedVisitorLimit(req: FastifyRequest): Promise<boolean>
}

/** Passes the body through, refusing it once it exceeds `limit` bytes or is still arriving at `deadlineMs`. */
class BoundedBody extends Transform {
  private received = 0
  private readonly timer: NodeJS.Timeout
  constructor(
    private readonly limit: number,
    deadlineMs: number,
  ) {
    super()
    this.timer = setTimeout(() => this.destroy(new DoorRefusal('REQUEST_TIMEOUT', 408)), deadlineMs)
    this.timer.unref()
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.received += chunk.length
    if (this.received > this.limit) return callback(new DoorRefusal('PAYLOAD_TOO_LARGE', 413))
    callback(null, chunk)
  }
  override _flush(callback: TransformCallback) {
    clearTimeout(this.timer)
    callback()
  }
  override _destroy(error: Error | null, callback: (error?: Error | null) => void) {
    clearTimeout(this.timer)
    callback(error)
  }
}

type Payload = NodeJS.ReadableStream & { destroy(error?: Error): void; destroyed?: boolean; complete?: boolean; readableEnded?: boolean }

/**
 * Ends a request (and its connection) whose body is still arriving `ms` after its head. One timer
 * looks at every body in flight a few times per deadline, instead of a timer and two listeners per
 * request (in a booking rush those were a tenth of the door's cost). A body that has arrived is
 * forgotten at the next look, so nothing is held much longer than its request; a late one is cut
 * between `ms` and `ms` + a quarter of it (at most a second) after its head.
 */
export class BodyDeadlines {
  private watched: Array<{ payload: Payload; at: number }> = []
  private timer: NodeJS.Timeout | null = null
  private readonly everyMs: number
  constructor(private readonly ms: number) {
    this.everyMs = Math.max(10, Math.min(1000, Math.floor(ms / 4)))
  }
  watch(payload: Payload): void {
    this.watched.push({ payload, at: Date.now() + this.ms })
    if (!this.timer) this.schedule()
  }
  private schedule() {
    this.timer = setTimeout(() => this.look(), this.everyMs)
    this.timer.unref()
  }
  private look() {
    const now = Date.now()
    const still: typeof this.watched = []
    for (const w of this.watched) {
      // `complete`: the whole message has been received (http.IncomingMessage), read or not.
      if (w.payload.complete || w.payload.readableEnded || w.payload.destroyed) continue
      if (w.at <= now) w.payload.destroy(new DoorRefusal('REQUEST_TIMEOUT', 408))
      else still.push(w)
    }
    this.watched = still
    this.timer = null
    if (still.length > 0) this.schedule()
  }
}

export function registerRequestBounds(app: FastifyInstance, bounds: RequestBounds): void {
  // Fastify answers requests during close() with a plain 503 of its own (return503OnClosing is
  // off): this one is a Result, and says the connection will not be kept.
  let closing = false
  app.addHook('preClose', (done) => {
    closing = true
    done()
  })
  app.addHook('onRequest', (_req, reply, done) => {
    if (!closing) return done()
    reply.code(503).header('connection', 'close').header('retry-after', '5').send(fail('RESTARTING', CommonErrors.RESTARTING))
  })

  const bodyDeadline = new BodyDeadlines(bounds.bodyTimeoutMs)
  const largeBodyDeadline = new BodyDeadlines(bounds.largeBodyTimeoutMs)
  // Callback style, and no stream in between for the common case: this runs for every call of a
  // booking rush, where a promise and a piped Transform per request were a third of the door's cost.
  app.addHook('preParsing', (req, _reply, payload, done) => {
    if (req.method !== 'POST') return done(null, payload)
    const routeLimit = req.routeOptions.bodyLimit ?? bounds.visitorBodyLimit
    const declared = Number(req.headers['content-length'])
    if (routeLimit <= bounds.visitorBodyLimit) {
      // Fastify's own limit applies; only the deadline is added. A body still arriving then is cut
      // with its connection (the client sees a network failure and may retry).
      bodyDeadline.watch(payload)
      return done(null, payload)
    }
    // Only operators send large bodies: anyone else is held to the visitor limit, decided from the
    // token in the headers before the body is read.
    bounds.mayExceedVisitorLimit(req).then(
      (operator) => {
        if (operator) {
          largeBodyDeadline.watch(payload)
          return done(null, payload)
        }
        if (declared > bounds.visitorBodyLimit) return done(new DoorRefusal('PAYLOAD_TOO_LARGE', 413))
        // No declared length (chunked): counted as it arrives, refused past the visitor limit.
        const bounded = new BoundedBody(bounds.visitorBodyLimit, bounds.bodyTimeoutMs)
        // Not pipeline(): that would destroy the request, and with it the socket the refusal goes out on.
        payload.on('error', (error) => bounded.destroy(error))
        done(null, payload.pipe(bounded))
      },
      (error: Error) => done(error),
    )
  })

  // Fastify's own JSON parser (prototype-poisoning checks included), after the depth check on the text.
  const parseJson = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = String(body)
    if (jsonTooDeep(text)) return done(new DoorRefusal('PAYLOAD_TOO_DEEP', 400), undefined)
    parseJson(req, text, done)
  })
}

// How the local runtime runs a cloud-function call, once the HTTP side has checked limits and
// tokens: in this thread (tests, in-memory databases), or on the call thread (`npm start`).
//
// The call thread: the main thread speaks HTTP (parsing, limits, tokens, static files, writing
// replies); one worker thread runs every call — validation, handler, the booking group commit —
// over its own connection to the same SQLite file (WAL: the main thread's few reads go on beside
// it). On a release morning the two halves of a booking's work run on two cores instead of one.
// One call thread, not one per core: whatever calls keep in memory (the booking config, the zone
// index, full-session hints, the group commit's batch) stays in one place, as with one thread.
import fs from 'node:fs'
import path from 'node:path'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { CommonErrors } from '../contracts/errors'
import { fail, type Result } from '../contracts/result'
import { runNoShowJob } from '../booking/noshow'
import { espeak } from '../exhibits/speech'
import { dispatch } from '../functions/dispatch'
import type { CallOrigin, CloudFunction, Role } from '../functions/types'
import type { Store } from '../store/port'
import { openSqliteStore } from '../store/sqlite'
import { logsInfo, type RuntimeConfig } from './config'
import { localMedia, uploadsDirFor } from './console'
import { localUploadInbox, uploadInboxDirFor } from './upload-inbox'
import { loadFunction, preloadFunctions } from './functions'
import { statusFor } from './http-status'

export interface CallRequest {
  fn: string
  /**
   * The parsed body. It crosses to the call thread by structured clone, which recurses over it: it
   * must be no deeper than MAX_JSON_DEPTH (json-bounds.ts) — the server's JSON parser refuses
   * deeper text before parsing it, and that is the only way a body reaches a call.
   */
  body: unknown
  openid: string | null
  role: Role
  account?: string
  requestId: string
  /** The client's address bucket and its caps (handed to the handler as ctx.origin). */
  origin?: CallOrigin
}

/** The HTTP status and the Result: as an object (this thread) or already as JSON (the call thread). */
export interface CallAnswer {
  status: number
  body: Result<unknown> | string
}

export type CallRunner = (call: CallRequest) => Promise<CallAnswer>

const unknownFunction = (): CallAnswer => ({ status: 404, body: fail('UNKNOWN_FUNCTION', CommonErrors.UNKNOWN_FUNCTION) })

/** Runs calls in this thread, over `store`. `functions` replaces the project's functions (tests). */
export function callsInThisThread(options: { store: Store; config: RuntimeConfig; now: () => Date; functions?: Record<string, CloudFunction> }): CallRunner {
  const { store, config, now, functions: fns } = options
  const media = localMedia(uploadsDirFor(config))
  const uploads = localUploadInbox(uploadInboxDirFor(config))
  return async ({ fn: name, body, requestId, ...caller }) => {
    const fn = fns ? (Object.hasOwn(fns, name) ? fns[name] : undefined) : await loadFunction(name)
    if (!fn) return unknownFunction()
    const result = await dispatch(fn, body ?? {}, { ...caller, store, now, requestId, keys: config.keys, media, uploads, speech: espeak, sheetLimits: config.sheetLimits })
    return { status: statusFor(result), body: result }
  }
}

export const clockOf = (config: RuntimeConfig) => (config.clockAt ? () => new Date(config.clockAt!) : () => new Date())

// Calls and answers cross in batches, one message per turn of the event loop each way: the calls
// that arrive together start together on the thread, so a rush's bookings still share one group
// commit (store/sqlite/booking.ts) instead of one commit each, and there are fewer messages.
// A call's body crosses as the object the server parsed (structured clone: no second parse on the
// thread, no copy of the text kept on this one). The clone recurses over it, and 3,500 nested
// arrays once overflowed its stack outside any request: the door refuses JSON deeper than
// MAX_JSON_DEPTH before parsing it, so what crosses is shallow; should a batch fail to cross
// anyway, its calls are handed over one by one and only the one that cannot cross is refused.
// Answers come back as JSON text (made on the thread, sent as they are).
type CallOnWire = CallRequest
type ToThread = { calls: Array<{ id: number; call: CallOnWire }> } | { stop: true }
type Answered = { id: number; status: number; json: string }
type FromThread = { answers: Answered[] }

/** Collects items and hands them over together once this turn of the event loop is done. */
function batcher<T>(send: (items: T[]) => void): (item: T) => void {
  let queued: T[] = []
  const flush = () => {
    const items = queued
    queued = []
    send(items)
  }
  return (item) => {
    if (queued.push(item) === 1) setImmediate(flush)
  }
}

interface CallThread {
  run: CallRunner
  /** Lets the calls in flight finish, then closes the thread's database and the thread. */
  close(): Promise<void>
}

/**
 * Starts the call thread over config.dbFile (a file: an in-memory database cannot be shared).
 * `entry` is the script the thread runs: the bundle's launcher in production, this runtime's
 * main module otherwise; it must call `serveCallsIfCallThread()` first.
 */
export function startCallThread(config: RuntimeConfig, entry: string, log: { error(o: unknown, msg: string): void }): CallThread {
  const waiting = new Map<number, (answer: CallAnswer) => void>()
  const failed = (): CallAnswer => ({ status: 500, body: fail('INTERNAL', CommonErrors.INTERNAL) })
  let next = 0
  let stopping = false
  let worker: Worker | null = null
  let restartDelayMs = 500

  const spawn = () => {
    const startedAt = Date.now()
    const thread = new Worker(entry, { workerData: { callThread: { config } } })
    worker = thread
    // Calls posted before the thread has started wait in its queue.
    thread.on('message', (m: FromThread) => {
      for (const a of m.answers) {
        const answer = waiting.get(a.id)
        waiting.delete(a.id)
        answer?.({ status: a.status, body: a.json })
      }
    })
    thread.on('error', (error) => log.error(error, 'call thread failed'))
    thread.on('exit', (code) => {
      worker = null
      // A call whose thread died has no answer: it is reported as failed (a retry with the same
      // request id is safe — a booking that did commit answers as itself).
      for (const answer of waiting.values()) answer(failed())
      waiting.clear()
      if (stopping) return
      // Started again after a pause that grows while it keeps dying young (a broken database file).
      restartDelayMs = Date.now() - startedAt > 10_000 ? 500 : Math.min(restartDelayMs * 2, 30_000)
      log.error({ code, restartInMs: restartDelayMs }, 'call thread exited; starting it again')
      setTimeout(() => !stopping && spawn(), restartDelayMs).unref()
    })
  }
  spawn()
  const failAll = (calls: Array<{ id: number }>) => {
    for (const { id } of calls) {
      waiting.get(id)?.(failed())
      waiting.delete(id)
    }
  }
  const refuseBody = (id: number) => {
    waiting.get(id)?.({ status: 400, body: fail('BAD_REQUEST', CommonErrors.BAD_REQUEST) })
    waiting.delete(id)
  }
  const send = batcher<{ id: number; call: CallOnWire }>((calls) => {
    if (!worker) return failAll(calls)
    // This runs outside any request, where a throw would end the process: a batch that cannot be
    // cloned is handed over call by call, and only a call that still cannot cross is refused.
    try {
      worker.postMessage({ calls } satisfies ToThread)
    } catch {
      for (const one of calls) {
        try {
          worker.postMessage({ calls: [one] } satisfies ToThread)
        } catch (error) {
          log.error(error, 'handing a call to the call thread failed')
          refuseBody(one.id)
        }
      }
    }
  })

  return {
    run: (call) =>
      new Promise<CallAnswer>((resolve) => {
        // Between a thread's death and its restart, calls fail at once instead of waiting.
        if (!worker || stopping) return resolve(failed())
        const id = next++
        waiting.set(id, resolve)
        send({ id, call })
      }),
    async close() {
      // Calls queued in this turn go first; the thread answers them, then closes its database.
      await new Promise((resolve) => setImmediate(resolve))
      stopping = true
      const thread = worker
      if (!thread) return
      const exited = new Promise((resolve) => thread.once('exit', resolve))
      thread.postMessage({ stop: true } satisfies ToThread)
      await exited
    },
  }
}

/** In the call thread: serves calls from the main thread and runs the no-show job; elsewhere does nothing. Returns whether this is the call thread. */
export function serveCallsIfCallThread(): boolean {
  const data = workerData as { callThread?: { config: RuntimeConfig } } | null
  if (isMainThread || !parentPort || !data?.callThread) return false
  const { config } = data.callThread
  const port = parentPort
  const store = openSqliteStore(config.dbFile)
  const now = clockOf(config)
  const run = callsInThisThread({ store, config, now })
  const sendAnswer = batcher<Answered>((answers) => port.postMessage({ answers } satisfies FromThread))
  const noShows = scheduleNoShows(store, now, config, { info: (o, msg) => console.log(msg, JSON.stringify(o)), error: (o, msg) => console.error(msg, o) })

  // A rush arrives as one message of a thousand calls or more. They are started CHUNK at a time,
  // the next chunk two turns later — after the group commit of the one before (store/sqlite/
  // booking.ts commits in the turn after its first call) — so the first answers are on their way
  // to the main thread, which writes them out while this thread decides the next chunk.
  const CHUNK = 100
  // Calls not started yet; while any wait, a startChunk is scheduled.
  const queued: Array<{ id: number; call: CallOnWire }> = []
  let inFlight = 0
  let onIdle: (() => void) | null = null
  const idle = () => inFlight === 0 && queued.length === 0

  const internal = JSON.stringify(fail('INTERNAL', CommonErrors.INTERNAL))
  const runOne = (id: number, call: CallOnWire) => {
    inFlight++
    Promise.resolve()
      .then(() => run(call))
      .then((answer): Answered => ({ id, status: answer.status, json: typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body) }))
      .catch((error): Answered => {
        console.error(`[${call.requestId}] call failed`, error)
        return { id, status: 500, json: internal }
      })
      .then((answered) => {
        sendAnswer(answered)
        inFlight--
        if (idle()) onIdle?.()
      })
  }
  const startChunk = () => {
    for (const { id, call } of queued.splice(0, CHUNK)) runOne(id, call)
    if (queued.length > 0) setImmediate(() => setImmediate(startChunk))
  }

  port.on('message', (m: ToThread) => {
    if ('stop' in m) {
      noShows.stop()
      // The last answers leave in the next turn (the batcher): the port closes after them.
      const finish = () => setImmediate(() => void store.close().finally(() => port.close()))
      if (idle()) finish()
      else onIdle = finish
      return
    }
    const scheduled = queued.length > 0
    queued.push(...m.calls)
    if (!scheduled) startChunk()
  })
  preloadFunctions().catch((error) => console.error('loading the cloud functions failed', error))
  return true
}

/** After each session ends, unchecked bookings become 未到场 (the WeChat side uses a timer trigger): every config.noShowIntervalMs, 0 = never. */
export function scheduleNoShows(store: Store, now: () => Date, config: RuntimeConfig, log: { info(o: object, msg: string): void; error(o: unknown, msg: string): void }): { stop(): void } {
  if (config.noShowIntervalMs <= 0) return { stop() {} }
  const timer = setInterval(() => {
    runNoShowJob(store, now())
      .then((r) => {
        if ((r.marked > 0 || r.swept.settled > 0) && logsInfo(config)) log.info(r, 'no-show job')
      })
      .catch((error) => log.error(error, 'no-show job failed'))
  }, config.noShowIntervalMs)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}

/** The script a call thread runs: the bundle's launcher beside the bundle when there is one (code cache), else this module's entry. */
export function callThreadEntry(mainFile: string): string {
  const launcher = path.join(path.dirname(mainFile), 'start.js')
  return path.basename(mainFile) === 'main.js' && fs.existsSync(launcher) ? launcher : mainFile
}

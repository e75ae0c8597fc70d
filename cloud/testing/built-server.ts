// The built server as `npm start` runs it (dist/server/start.js, the call thread on unless asked
// otherwise) over a fresh seeded SQLite file: for tests of what an attacker can do to the process.
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import { SERVER_START, ensureServerBundle } from '../../scripts/build-server'
import { ringFromSecret, type KeyRing } from '../booking/keys'
import type { Store } from '../store/port'
import { openSqliteStore } from '../store/sqlite'
import { seededBookingFile } from './booking-file'
import { freePort } from './free-port'

export interface BuiltServer {
  port: number
  child: ChildProcess
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>
  keys: KeyRing
  output(): string
  /** Whether /healthz answers 200 now. */
  healthy(): Promise<boolean>
  stop(): Promise<void>
}

/** `prepare` runs over the seeded file before the server opens it (accounts, content). */
export async function startBuiltServer(env: Record<string, string> = {}, prepare?: (store: Store) => Promise<void>): Promise<BuiltServer> {
  await ensureServerBundle()
  const { dir, dbFile } = await seededBookingFile('gxq-built-', 100)
  if (prepare) {
    const store = openSqliteStore(dbFile)
    await prepare(store)
    await store.close()
  }
  const port = await freePort()
  const secret = crypto.randomBytes(16).toString('hex')
  let output = ''
  const child = spawn(process.execPath, [SERVER_START], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DB_FILE: dbFile, LOG_LEVEL: 'warn', APP_SECRET: secret, NO_SHOW_INTERVAL_MS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  const healthy = () =>
    new Promise<boolean>((resolve) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
        res.resume()
        resolve(res.statusCode === 200)
      })
      req.on('error', () => resolve(false))
    })
  for (let t = 0; !(await healthy()); t++) {
    if (t > 200 || child.exitCode !== null) throw new Error(`server did not start:\n${output}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    port,
    child,
    exited,
    keys: ringFromSecret(secret),
    output: () => output,
    healthy,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

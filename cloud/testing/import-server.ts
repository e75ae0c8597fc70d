// The built server as `npm start` runs it (node dist/server/start.js, calls on their own thread)
// over a seeded SQLite file with one zone editor signed in: what the hostile-import test and
// benchmark drive over HTTP.
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import { createAccount } from '../accounts/service'
import { openSqliteStore } from '../store/sqlite'
import { SERVER_START, ensureServerBundle } from '../../scripts/build-server'
import { freePort } from './free-port'
import { seededBookingFile } from './booking-file'

export interface Reply {
  status: number
  body: any
  ms: number
}

export function post(port: number, fn: string, payload: object, token?: string, agent?: http.Agent): Promise<Reply> {
  const body = JSON.stringify(payload)
  return new Promise((resolve) => {
    const started = performance.now()
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: `/api/${fn}`,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () => {
          let parsed: unknown = null
          try {
            parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'))
          } catch {
            // Not JSON: the caller sees body null.
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, ms: performance.now() - started })
        })
      },
    )
    req.on('error', () => resolve({ status: 0, body: null, ms: performance.now() - started }))
    req.end(body)
  })
}

const EDITOR = { username: 'zone', name: '园区编辑', role: 'zone_editor' as const, password: 'zone-editor-password' }

export async function startBuiltServer(env: Record<string, string> = {}) {
  await ensureServerBundle()
  const { dir, dbFile } = await seededBookingFile('gxq-built-', 300)
  const store = openSqliteStore(dbFile)
  await createAccount(store.accounts, EDITOR, new Date())
  await store.close()
  const port = await freePort()
  let output = ''
  const child: ChildProcess = spawn(process.execPath, [SERVER_START], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DB_FILE: dbFile, LOG_LEVEL: 'warn', APP_SECRET: crypto.randomBytes(16).toString('hex'), NO_SHOW_INTERVAL_MS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  for (let t = 0; ; t++) {
    const up = await new Promise<boolean>((resolve) => http.get({ host: '127.0.0.1', port, path: '/healthz' }, (res) => resolve(res.statusCode === 200)).on('error', () => resolve(false)))
    if (up) break
    if (t > 300 || child.exitCode !== null) throw new Error(`server did not start:\n${output}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  const signedIn = await post(port, '_session', { username: EDITOR.username, password: EDITOR.password })
  if (typeof signedIn.body?.token !== 'string') throw new Error(`zone editor could not sign in: ${JSON.stringify(signedIn.body)}`)
  return {
    port,
    child,
    exited,
    editorToken: signedIn.body.token as string,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

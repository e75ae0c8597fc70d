// The built server as `npm start` runs it (built-server.ts) with one zone editor signed in, and a
// small HTTP client: what the hostile-import test and benchmark drive.
import http from 'node:http'
import { createAccount } from '../accounts/service'
import { startBuiltServer as startShared, type BuiltServer } from './built-server'

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

/** The built server (built-server.ts) with one zone editor made before it opens the file, and signed in. */
export async function startBuiltServer(env: Record<string, string> = {}): Promise<BuiltServer & { editorToken: string }> {
  const server = await startShared(env, async (store) => void (await createAccount(store.accounts, EDITOR, new Date())))
  const signedIn = await post(server.port, '_session', { username: EDITOR.username, password: EDITOR.password })
  if (typeof signedIn.body?.token !== 'string') {
    await server.stop()
    throw new Error(`zone editor could not sign in: ${JSON.stringify(signedIn.body)}`)
  }
  return { ...server, editorToken: signedIn.body.token as string }
}

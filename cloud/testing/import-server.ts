// The built server as `npm start` runs it (built-server.ts) with one zone editor signed in, and a
// small HTTP client: what the hostile-import test and benchmark drive.
import http from 'node:http'
import { createAccount } from '../accounts/service'
import { startBuiltServer as startShared, type BuiltServer } from './built-server'
import { postJson, type Reply } from './http-client'

export type { Reply }

/** POST /api/<fn> on the server at `port`. */
export const post = (port: number, fn: string, payload: object, token?: string, agent?: http.Agent): Promise<Reply> => postJson(port, `/api/${fn}`, payload, token, agent)

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

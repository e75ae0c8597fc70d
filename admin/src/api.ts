// Calls the same cloud functions as the app (POST <API_BASE>/<fn> with the bearer token; config.ts), typed by the
// shared catalogue in cloud/contracts/api.ts. Errors come back as values, never thrown.
import type { ActionName, FunctionName, RequestOf, ResponseOf } from '../../cloud/contracts/api'
import { AccountErrors, type Role } from '../../cloud/contracts/accounts'
import { CommonErrors } from '../../cloud/contracts/errors'
import { fail, type Result } from '../../cloud/contracts/result'
import { API_BASE } from './config'

export interface Session {
  token: string
  role: Role
  name: string
  expiresAt?: string
}

const KEY = 'gxq.admin.session'

export function loadSession(): Session | null {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Session | null
    if (!s || !s.token) return null
    if (s.expiresAt && Date.parse(s.expiresAt) <= Date.now()) return null
    return s
  } catch {
    return null
  }
}

export const saveSession = (s: Session | null) => (s ? sessionStorage.setItem(KEY, JSON.stringify(s)) : sessionStorage.removeItem(KEY))

const NETWORK = fail('NETWORK', CommonErrors.NETWORK)

/** Signs in with an operator account (POST <API_BASE>/_session { username, password }). */
export async function signIn(username: string, password: string): Promise<Result<Session>> {
  try {
    const res = await fetch(`${API_BASE}/_session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) })
    const body = (await res.json()) as Partial<Session> & { ok?: false; error?: { code: string; message: string } }
    if (body.error) return { ok: false, error: body.error }
    // A visitor token is not a console session: the server did not know the account.
    if (!res.ok || !body.token || !body.role || body.role === 'visitor') return fail('SIGN_IN_FAILED', AccountErrors.SIGN_IN_FAILED)
    return { ok: true, data: { token: body.token, role: body.role, name: body.name ?? username, expiresAt: body.expiresAt } }
  } catch {
    return NETWORK
  }
}

export async function call<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, req: RequestOf<F, A>): Promise<Result<ResponseOf<F, A>>> {
  const session = loadSession()
  try {
    const res = await fetch(`${API_BASE}/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(session ? { authorization: `Bearer ${session.token}` } : {}) },
      body: JSON.stringify({ action, ...(req as object) }),
    })
    const body = (await res.json()) as Result<ResponseOf<F, A>>
    if (!body.ok && body.error.code === 'UNAUTHENTICATED') {
      saveSession(null)
      window.dispatchEvent(new Event('gxq-signed-out'))
    }
    return body
  } catch {
    return NETWORK
  }
}

/** Reads a picked file as base64 (without the data: prefix) for the upload actions. */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(file)
  })
}

export function downloadBase64(fileName: string, data: string, type: string) {
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

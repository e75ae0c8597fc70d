// Calls the same cloud functions as the app (POST <API_BASE>/<fn> with the bearer token; config.ts), typed by the
// shared catalogue in cloud/contracts/api.ts. Errors come back as values, never thrown.
import type { ActionName, FunctionName, RequestOf, ResponseOf } from '../../cloud/contracts/api'
import { AccountErrors, type Role } from '../../cloud/contracts/accounts'
import { CommonErrors } from '../../cloud/contracts/errors'
import { fail, ok, type Result } from '../../cloud/contracts/result'
import type { UploadPurpose } from '../../cloud/contracts/uploads'
import { uploadLimitFor } from '../../cloud/contracts/upload-limits'
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

/** What the desk reads when a sign-in ran out and was not renewed (the server's text speaks to the mini-program). */
export const SESSION_EXPIRED = '登录已过期，请重新登录后再操作'

/**
 * Asks the operator to sign in again over the page they are on (Shell's dialog), answering whether
 * they did. While it is open the page stays as it was, so a draft is kept and the call that ran into
 * the expiry is sent again. Absent (no one signed in), an expiry signs out at once.
 */
let renewSignIn: (() => Promise<boolean>) | null = null
let renewing: Promise<boolean> | null = null
export const setSignInRenewal = (ask: (() => Promise<boolean>) | null) => void (renewSignIn = ask)

async function send<T>(fn: string, action: string, req: object): Promise<Result<T>> {
  const session = loadSession()
  const res = await fetch(`${API_BASE}/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(session ? { authorization: `Bearer ${session.token}` } : {}) },
    body: JSON.stringify({ action, ...req }),
  })
  return (await res.json()) as Result<T>
}

export async function call<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, req: RequestOf<F, A>): Promise<Result<ResponseOf<F, A>>> {
  try {
    const body = await send<ResponseOf<F, A>>(fn, action, req as object)
    if (body.ok || body.error.code !== 'UNAUTHENTICATED') return body
    // Calls that expire together wait for one dialog, then each is sent once more.
    if (renewSignIn) {
      renewing ??= renewSignIn().finally(() => (renewing = null))
      if (await renewing) return await send<ResponseOf<F, A>>(fn, action, req as object)
    }
    saveSession(null)
    window.dispatchEvent(new Event('gxq-signed-out'))
    return fail('UNAUTHENTICATED', SESSION_EXPIRED)
  } catch {
    return NETWORK
  }
}

/** The file part of a processing call (uploadPhoto, uploadAudio, previewImport, importZone). */
export type UploadedSource = { fileId: string } | { data: string }

const UPLOAD_FAILED = (detail: string) => fail('UPLOAD_FAILED', `文件上传失败：${detail}，请重试`)

/**
 * Sends a picked file straight to storage (cloud/contracts/uploads.ts): a ticket from the console
 * function, then the bytes to the local runtime's upload inbox or, hosted, to cloud storage through
 * the ticket's signed form — never through a function call's 6 MB body. Where the server cannot
 * hand out tickets (UPLOAD_UNAVAILABLE), a file small enough for one call goes base64 as before.
 */
export async function uploadSource(purpose: UploadPurpose, file: File): Promise<Result<UploadedSource>> {
  const ticket = await call('console', 'uploadTicket', { purpose, fileName: file.name, size: file.size })
  if (!ticket.ok) {
    if (ticket.error.code === 'UPLOAD_UNAVAILABLE' && file.size <= uploadLimitFor(API_BASE).maxBytes) return ok({ data: await fileToBase64(file) })
    return ticket
  }
  const { fileId, target } = ticket.data
  try {
    if (target.kind === 'post') {
      const session = loadSession()
      const res = await fetch(`${API_BASE}/${target.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', ...(session ? { authorization: `Bearer ${session.token}` } : {}) },
        body: file,
      })
      return (await res.json()) as Result<{ fileId: string }>
    }
    const form = new FormData()
    for (const [k, v] of Object.entries(target.fields)) form.append(k, v)
    form.append('file', file)
    const res = await fetch(target.url, { method: 'POST', body: form })
    return res.ok ? ok({ fileId }) : UPLOAD_FAILED(`云存储拒绝了上传（HTTP ${res.status}）`)
  } catch {
    return UPLOAD_FAILED('网络中断')
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

// Console uploads by file id: the console asks for a ticket (uploadTicket), sends the file straight
// to storage, then calls uploadPhoto / uploadAudio / previewImport / importZone with `fileId`
// instead of the base64 `data` (still accepted for small files, locally). The file is read back
// here and checked exactly as the base64 bytes were: size, type and content by the same code.
//
// Whose upload it is: every ticket's path carries a tag derived from the caller (account, or OPENID
// in the mini-program), the purpose and the time; a processing call is refused for an id outside
// the upload area, of another purpose, of another operator, or older than UPLOAD_TICKET_TTL_MS.
// The tag is a hash, not a secret: the storage path is chosen by the server, so no one can upload
// into someone else's tag, and an id copied from someone else is refused by its tag.
import crypto from 'node:crypto'
import { fail, ok, type Result } from '../../contracts/result'
import { CONSOLE_ROLES } from '../../contracts/console'
import { ConsoleUploadsRequests } from '../../contracts/requests/console-uploads'
import { extensionOf, UPLOAD_RULES, UPLOAD_TICKET_TTL_MS, type UploadPurpose, type UploadTarget, type UploadTicket } from '../../contracts/uploads'
import { DEFAULT_SHEET_LIMITS } from '../../zone/sheet-limits'
import type { Role } from '../../contracts/accounts'
import { defineAction, type CallContext } from '../types'

/** Where uploaded files wait for their processing call: the local inbox, or cloud storage. */
export interface UploadArea {
  /** A one-time target for `path` (relative to the storage root) and the file id it will have there. */
  target(path: string, maxBytes: number): Promise<{ fileId: string; target: UploadTarget }>
  /** The path (relative to the storage root) a file id of this area names; null for any other id. */
  pathOf(fileId: string): string | null
  /** The stored bytes; null when there is no such file, 'too-large' past maxBytes (never read whole). */
  read(fileId: string, maxBytes: number): Promise<Buffer | null | 'too-large'>
  /** Removes a processed file (best effort: a leftover is refused once its ticket expires). */
  remove(fileId: string): Promise<void>
}

export const UploadErrors = {
  UPLOAD_UNAVAILABLE: '当前环境不支持直接上传文件到存储，请在本地运行的后台上传',
  UPLOAD_NOT_ALLOWED: '当前账号不能上传这类文件（照片和录音由内容编辑上传，表格由园区数据编辑上传）',
  UPLOAD_TYPE: '文件类型不符',
  UPLOAD_TOO_LARGE: '文件过大',
  UPLOAD_SOURCE: '请提供上传后的文件编号（fileId），或文件内容（data），二者只能选一',
  UPLOAD_UNKNOWN: '文件编号无效：请重新选择文件上传',
  UPLOAD_NOT_YOURS: '这个文件不是由当前账号上传的，不能使用',
  UPLOAD_EXPIRED: '上传的文件已过期（超过 1 小时未处理），请重新上传',
  UPLOAD_MISSING: '没有找到上传的文件：上传可能没有完成，请重新上传',
  UPLOAD_USED: '这个上传位置已经用过，请重新选择文件上传',
} as const

/** The root of the upload area in storage; nothing outside it is ever read by a processing action. */
export const UPLOAD_ROOT = 'console-uploads'
const PATH = /^console-uploads\/(photo|audio|sheet)\/([0-9a-f]{16})\/(\d{13})-([0-9a-f]{16})\.([a-z0-9]{2,4})$/

/** The caller's tag in upload paths: their account, else their OPENID (the mini-program's operators). */
export function uploadOwnerTag(owner: string): string {
  return crypto.createHash('sha256').update(`gxq-console-upload\u0000${owner}`).digest('hex').slice(0, 16)
}

const ownerOf = (ctx: Pick<CallContext, 'account' | 'openid'>): string | null => ctx.account ?? ctx.openid ?? null

/** Who may upload for which purpose: the roles of the action that processes it. */
const ROLES_FOR: Record<UploadPurpose, readonly Role[]> = { photo: CONSOLE_ROLES.content, audio: CONSOLE_ROLES.content, sheet: CONSOLE_ROLES.zone }

/** Whether this role may upload files of this purpose (admin always may). */
export const mayUpload = (role: Role, purpose: UploadPurpose): boolean => role === 'admin' || ROLES_FOR[purpose].includes(role)

export const maxBytesFor = (purpose: UploadPurpose, ctx: Pick<CallContext, 'sheetLimits'>): number =>
  purpose === 'sheet' ? Math.min(UPLOAD_RULES.sheet.maxBytes, (ctx.sheetLimits ?? DEFAULT_SHEET_LIMITS).maxBytes) : UPLOAD_RULES[purpose].maxBytes

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`

/** A parsed upload path: what it is for, whose, and when its ticket was issued. */
export function parseUploadPath(path: string): { purpose: UploadPurpose; tag: string; issuedAt: number; ext: string } | null {
  const m = PATH.exec(path)
  return m ? { purpose: m[1] as UploadPurpose, tag: m[2], issuedAt: Number(m[3]), ext: m[5] } : null
}

/**
 * Whether `path` may be used by this caller for this purpose now: ok, or the refusal to answer.
 * Shared by the processing actions and the local inbox's upload route.
 */
export function checkUploadPath(path: string, purpose: UploadPurpose, owner: string | null, now: Date): Result<{ ext: string }> {
  const parsed = parseUploadPath(path)
  if (!parsed || parsed.purpose !== purpose || !UPLOAD_RULES[purpose].extensions.includes(parsed.ext)) return fail('UPLOAD_UNKNOWN', UploadErrors.UPLOAD_UNKNOWN)
  if (!owner || parsed.tag !== uploadOwnerTag(owner)) return fail('UPLOAD_NOT_YOURS', UploadErrors.UPLOAD_NOT_YOURS)
  const age = now.getTime() - parsed.issuedAt
  // A stamp from the future is not one this server wrote (a minute of clock skew allowed).
  if (age > UPLOAD_TICKET_TTL_MS || age < -60_000) return fail('UPLOAD_EXPIRED', UploadErrors.UPLOAD_EXPIRED)
  return ok({ ext: parsed.ext })
}

/** The file a processing action was sent: `fileId` (an upload) or `data` (base64, the small-file path). */
export interface UploadSource {
  data?: string
  fileId?: string
}

/** The bytes of the file a processing action was sent, and how to clear the upload once it is used. */
export async function uploadedBytes(ctx: CallContext, source: UploadSource, purpose: UploadPurpose): Promise<Result<{ bytes: Buffer; done: () => Promise<void> }>> {
  const nothing = async () => {}
  if ((source.data === undefined) === (source.fileId === undefined)) return fail('BAD_REQUEST', UploadErrors.UPLOAD_SOURCE)
  if (source.data !== undefined) return ok({ bytes: Buffer.from(source.data, 'base64'), done: nothing })
  const fileId = source.fileId as string
  if (!ctx.uploads) return fail('UPLOAD_UNAVAILABLE', UploadErrors.UPLOAD_UNAVAILABLE)
  const path = ctx.uploads.pathOf(fileId)
  if (path === null) return fail('UPLOAD_UNKNOWN', UploadErrors.UPLOAD_UNKNOWN)
  const allowed = checkUploadPath(path, purpose, ownerOf(ctx), ctx.now())
  if (!allowed.ok) return allowed
  const maxBytes = maxBytesFor(purpose, ctx)
  // One byte past the limit is read, so the processing's own size check still answers its own code.
  const bytes = await ctx.uploads.read(fileId, maxBytes + 1)
  if (bytes === null) return fail('UPLOAD_MISSING', UploadErrors.UPLOAD_MISSING)
  if (bytes === 'too-large') return fail('UPLOAD_TOO_LARGE', `${UPLOAD_RULES[purpose].label}${UploadErrors.UPLOAD_TOO_LARGE}：最大 ${mb(maxBytes)}`)
  return ok({ bytes, done: () => ctx.uploads!.remove(fileId).catch(() => undefined) })
}

export const uploadsActions = {
  /**
   * A place to upload one file to and the id the processing action then takes. The size and the
   * name's ending are checked here so an operator hears "too large" before uploading 50 MB; the
   * content is checked when it is processed.
   */
  uploadTicket: defineAction({
    schema: ConsoleUploadsRequests.uploadTicket,
    roles: [...new Set([...CONSOLE_ROLES.content, ...CONSOLE_ROLES.zone])],
    handle: async ({ purpose, fileName, size }, ctx): Promise<Result<UploadTicket>> => {
      if (!mayUpload(ctx.role, purpose)) return fail('UPLOAD_NOT_ALLOWED', UploadErrors.UPLOAD_NOT_ALLOWED)
      const rule = UPLOAD_RULES[purpose]
      const ext = extensionOf(fileName)
      if (!rule.extensions.includes(ext)) return fail('UPLOAD_TYPE', `${UploadErrors.UPLOAD_TYPE}：${rule.label}只接受 ${rule.extensions.map((e) => `.${e}`).join('、')}`)
      const maxBytes = maxBytesFor(purpose, ctx)
      if (size > maxBytes) return fail('UPLOAD_TOO_LARGE', `${rule.label}${UploadErrors.UPLOAD_TOO_LARGE}：最大 ${mb(maxBytes)}，请压缩后再上传`)
      if (!ctx.uploads) return fail('UPLOAD_UNAVAILABLE', UploadErrors.UPLOAD_UNAVAILABLE)
      const owner = ownerOf(ctx)
      if (!owner) return fail('UNAUTHENTICATED', '请先登录')
      const now = ctx.now()
      const path = `${UPLOAD_ROOT}/${purpose}/${uploadOwnerTag(owner)}/${now.getTime()}-${crypto.randomBytes(8).toString('hex')}.${ext}`
      const { fileId, target } = await ctx.uploads.target(path, maxBytes)
      return ok({ fileId, maxBytes, target, expiresAt: new Date(now.getTime() + UPLOAD_TICKET_TTL_MS).toISOString() })
    },
  }),
}

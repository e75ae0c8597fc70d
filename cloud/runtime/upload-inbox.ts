// The local runtime's upload area for the console (console/uploads.ts): a ticket's file is POSTed
// raw to /api/console-upload/<purpose>/<tag>/<name> and waits in the inbox folder — beside the
// database, never under the served /uploads or /media — until the processing action reads it by
// its id (`inbox:console-uploads/…`) and removes it. The route takes a file only from a signed-in
// operator whose tag the path carries, within the ticket's hour, once per path, up to the
// purpose's limit; what is in the file is checked when it is processed, as before.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { fail, ok } from '../contracts/result'
import { CommonErrors } from '../contracts/errors'
import { UPLOAD_RULES, type UploadPurpose } from '../contracts/uploads'
import { checkUploadPath, mayUpload, maxBytesFor, UPLOAD_ROOT, UploadErrors, type UploadArea } from '../functions/console/uploads'
import type { Identity } from './identity'
import type { RuntimeConfig } from './config'

const ID_PREFIX = 'inbox:'
/** The route under the API prefix the console POSTs files to. */
export const UPLOAD_ROUTE = 'console-upload'

/** The inbox lives beside the database (the runtime's data folder), never in the repository or a served folder. */
export function uploadInboxDirFor(config: Pick<RuntimeConfig, 'dbFile'>): string {
  return config.dbFile === ':memory:' ? path.join(os.tmpdir(), 'gxq-upload-inbox') : path.join(path.dirname(config.dbFile), 'upload-inbox')
}

export function localUploadInbox(dir: string): UploadArea {
  const fileOf = (fileId: string): string | null => {
    if (!fileId.startsWith(ID_PREFIX)) return null
    const rel = fileId.slice(ID_PREFIX.length)
    const file = path.resolve(dir, rel)
    // The id names a file inside the inbox's upload root or nothing (the path check is the first guard).
    return file.startsWith(path.resolve(dir, UPLOAD_ROOT) + path.sep) ? file : null
  }
  return {
    async target(rel) {
      return { fileId: `${ID_PREFIX}${rel}`, target: { kind: 'post', path: `${UPLOAD_ROUTE}/${rel.slice(UPLOAD_ROOT.length + 1)}` } }
    },
    pathOf: (fileId) => (fileOf(fileId) ? fileId.slice(ID_PREFIX.length) : null),
    async read(fileId, maxBytes) {
      const file = fileOf(fileId)
      if (!file) return null
      try {
        const stat = await fs.promises.stat(file)
        if (!stat.isFile()) return null
        if (stat.size > maxBytes) return 'too-large'
        return await fs.promises.readFile(file)
      } catch {
        return null
      }
    },
    async remove(fileId) {
      const file = fileOf(fileId)
      if (file) await fs.promises.rm(file, { force: true })
    },
  }
}

/** Removes inbox files whose ticket has long expired (an upload never processed). */
async function sweep(dir: string, olderThanMs: number, now: number): Promise<void> {
  const root = path.join(dir, UPLOAD_ROOT)
  const entries = await fs.promises.readdir(root, { recursive: true, withFileTypes: true }).catch(() => [])
  for (const e of entries) {
    if (!e.isFile()) continue
    const file = path.join(e.parentPath, e.name)
    const stat = await fs.promises.stat(file).catch(() => null)
    if (stat && now - stat.mtimeMs > olderThanMs) await fs.promises.rm(file, { force: true })
  }
}

/**
 * POST /api/console-upload/<purpose>/<tag>/<name>: the file's raw bytes (application/octet-stream).
 * `callerOf` answers the request's signed-in identity (the server's token check and account re-read).
 */
export async function registerUploadInbox(app: FastifyInstance, config: RuntimeConfig, callerOf: (req: FastifyRequest) => Promise<Identity | null>, now: () => Date): Promise<void> {
  const dir = uploadInboxDirFor(config)
  const largest = Math.max(...Object.values(UPLOAD_RULES).map((r) => r.maxBytes))
  await app.register(async (scope) => {
    // Only this route takes raw bytes; everywhere else a non-JSON body is still refused.
    scope.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_req, body, done) => done(null, body))
    scope.post<{ Params: { purpose: string; tag: string; name: string } }>(`/api/${UPLOAD_ROUTE}/:purpose/:tag/:name`, { bodyLimit: largest }, async (req, reply) => {
      const caller = await callerOf(req)
      if (!caller?.account || caller.role === 'visitor') return reply.code(401).send(fail('UNAUTHENTICATED', CommonErrors.UNAUTHENTICATED))
      const { purpose, tag, name } = req.params
      const rel = `${UPLOAD_ROOT}/${purpose}/${tag}/${name}`
      const allowed = checkUploadPath(rel, purpose as UploadPurpose, caller.account, now())
      if (!allowed.ok) return reply.code(allowed.error.code === 'UPLOAD_NOT_YOURS' ? 403 : 400).send(allowed)
      if (!mayUpload(caller.role, purpose as UploadPurpose)) return reply.code(403).send(fail('FORBIDDEN', CommonErrors.FORBIDDEN))
      const body = req.body
      if (!Buffer.isBuffer(body) || body.length === 0) return reply.code(400).send(fail('BAD_REQUEST', '请以 application/octet-stream 发送文件内容'))
      if (body.length > maxBytesFor(purpose as UploadPurpose, config)) {
        return reply.code(413).send(fail('UPLOAD_TOO_LARGE', `${UPLOAD_RULES[purpose as UploadPurpose].label}${UploadErrors.UPLOAD_TOO_LARGE}`))
      }
      const file = path.join(dir, rel)
      await fs.promises.mkdir(path.dirname(file), { recursive: true })
      try {
        // 'wx': a ticket's path takes one file; a second POST to it is refused, not an overwrite.
        await fs.promises.writeFile(file, body, { flag: 'wx' })
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return reply.code(409).send(fail('UPLOAD_USED', UploadErrors.UPLOAD_USED))
        throw error
      }
      void sweep(dir, 2 * 60 * 60 * 1000, now().getTime()).catch(() => undefined)
      return reply.send(ok({ fileId: `${ID_PREFIX}${rel}` }))
    })
  })
}

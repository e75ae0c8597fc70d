// The operator console in the local runtime: the built console (dist/admin) at /admin, uploaded
// media at /uploads, and the console function with a body limit large enough for a photo or a
// spreadsheet (the other functions keep the small default limit).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { MediaStorage } from '../functions/types'
import type { RuntimeConfig } from './config'

export const CONSOLE_BODY_LIMIT = 12 * 1024 * 1024
export const ADMIN_DIR = path.resolve(__dirname, '..', '..', 'dist', 'admin')

/** Uploads live beside the database (the runtime's data folder), never in the repository. */
export function uploadsDirFor(config: RuntimeConfig): string {
  return config.dbFile === ':memory:' ? path.join(os.tmpdir(), 'gxq-uploads') : path.join(path.dirname(config.dbFile), 'uploads')
}

export function localMedia(dir: string): MediaStorage {
  return {
    async save(name, data) {
      const file = path.join(dir, name)
      // Names are made by the handlers (code + digest + width); still, never write outside the folder.
      if (!file.startsWith(dir + path.sep)) throw new Error(`media name escapes the folder: ${name}`)
      await fs.promises.mkdir(path.dirname(file), { recursive: true })
      await fs.promises.writeFile(file, data)
      return `/uploads/${name}`
    },
  }
}

type CallHandler = (req: FastifyRequest<{ Params: { fn: string } }>, reply: FastifyReply) => Promise<unknown>

export async function registerConsole(app: FastifyInstance, config: RuntimeConfig, handleCall: CallHandler, adminDir = ADMIN_DIR): Promise<void> {
  app.post<{ Params: { fn: string } }>('/api/console', { bodyLimit: CONSOLE_BODY_LIMIT }, (req, reply) => {
    req.params.fn = 'console'
    return handleCall(req, reply)
  })
  const uploads = uploadsDirFor(config)
  fs.mkdirSync(uploads, { recursive: true })
  await app.register(fastifyStatic, { root: uploads, prefix: '/uploads/', decorateReply: false, maxAge: '7d', immutable: true })
  if (fs.existsSync(adminDir)) {
    await app.register(fastifyStatic, { root: adminDir, prefix: '/admin/', decorateReply: false, index: ['index.html'] })
    app.get('/admin', async (_req, reply) => reply.redirect('/admin/'))
  } else {
    app.get('/admin*', async (_req, reply) =>
      reply.type('text/plain; charset=utf-8').send('管理后台尚未构建：请先运行 npm run build:admin（npm start 会自动构建）。'),
    )
  }
}

// One runtime per test file: the real Fastify server over a temporary seeded SQLite store and a
// stand-in H5 build, started before the file's tests and closed after them.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { ringFromSecret } from '../booking/keys'
import { loadConfig } from '../runtime/config'
import { buildServer } from '../runtime/server'
import { tempSqliteStore } from './stores'

export function serverForTests(secret: string) {
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-static-'))
  const config = loadConfig({}, { dbFile: ':memory:', keys: ringFromSecret(secret), logLevel: 'silent', staticDir })
  let env: Awaited<ReturnType<typeof tempSqliteStore>>
  let app: FastifyInstance
  beforeAll(async () => {
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>高新区科技馆</title>')
    env = await tempSqliteStore()
    app = await buildServer({ config, store: env.store })
  })
  afterAll(async () => {
    await app.close()
    await env.cleanup()
    fs.rmSync(staticDir, { recursive: true, force: true })
  })
  return {
    config,
    get app() {
      return app
    },
    get store() {
      return env.store
    },
  }
}

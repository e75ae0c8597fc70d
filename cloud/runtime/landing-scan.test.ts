// A printed code's landing (/e/<code>) counts as an exhibit open on the dashboard, like the app's
// own exhibits.get: one counter per exhibit per day, nothing about who opened it.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { ringFromSecret } from '../booking/keys'
import { dayOf } from '../booking/time'
import { tempSqliteStore } from '../testing/stores'
import { loadConfig } from './config'
import { buildServer } from './server'

let env: Awaited<ReturnType<typeof tempSqliteStore>>
let app: FastifyInstance
const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-static-'))

beforeAll(async () => {
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><head><title>高新区科技馆</title></head><body><div id="app"></div></body></html>')
  env = await tempSqliteStore()
  const config = loadConfig({} as NodeJS.ProcessEnv, { dbFile: ':memory:', keys: ringFromSecret('s'), logLevel: 'silent', staticDir })
  app = await buildServer({ config, store: env.store })
})
afterAll(async () => {
  await app.close()
  await env.cleanup()
  fs.rmSync(staticDir, { recursive: true, force: true })
})

it('counts each landing on a printed code; an unknown code counts nothing', async () => {
  const day = dayOf(new Date())
  expect((await app.inject({ method: 'GET', url: '/e/helmet' })).statusCode).toBe(200)
  expect((await app.inject({ method: 'GET', url: '/e/HELMET' })).statusCode).toBe(200)
  expect((await app.inject({ method: 'GET', url: '/e/no-such-exhibit' })).statusCode).toBe(404)
  expect(await env.store.ops.counters('scan:', day, day)).toEqual([{ counter: 'scan:helmet', day, count: 2 }])
})

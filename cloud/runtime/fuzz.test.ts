// Hostile bodies against every cloud function on every way in: the local server (POST /api/<fn>),
// the WeChat cloud entry (wx.cloud.callFunction's event) and its HTTP access (the console's route).
// Whatever arrives, the answer is a Result with a code and a Chinese message — never a throw, never
// a 500 — and a body nested deeper than the bound is refused as such before any function walks it.
// (The call thread's hand-over, where deep nesting ended the process, is driven through the built
// server in request-bounds.test.ts.)
import fc from 'fast-check'
import { functions } from '../functions'
import { COLLECTIONS } from '../store/wxcloud/collections'
import { createStandinSdk } from '../store/wxcloud/standin/sdk'
import { serverForTests } from '../testing/server'
import { MAX_JSON_DEPTH } from './json-bounds'
import { createFunctionMain, type WxServerSdk } from './wxcloud/entry'
import { handleHttpAccess, type HttpAccessResponse } from './wxcloud/http-access'
import { ringFromSecret } from '../booking/keys'
import { openWxCloudStore } from '../store/wxcloud'

jest.setTimeout(60_000)

const NAMES = Object.keys(functions) as Array<keyof typeof functions>
const CHINESE = /[\u4e00-\u9fa5]/

/** `{"action":…,"x":[[…]]}` with `levels` arrays inside each other, as text. */
const nestedText = (action: string, levels: number) => `{"action":${JSON.stringify(action)},"x":${'['.repeat(levels)}${']'.repeat(levels)}}`

/** Any JSON a caller could send: objects with a real or made-up action and arbitrary fields, or not an object at all. */
const hostileBody = (actions: string[]) =>
  fc.oneof(
    fc.record({ action: fc.oneof(fc.constantFrom(...actions), fc.string()) }).chain((head) => fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 6 }).map((rest) => ({ ...rest, ...head }))),
    fc.jsonValue({ maxDepth: 4 }),
  )

const expectRefusal = (body: any, code?: string) => {
  expect(body).toMatchObject({ ok: false, error: { code: code ?? expect.any(String), message: expect.stringMatching(CHINESE) } })
}

describe('the local server', () => {
  const runtime = serverForTests('fuzz-secret')
  const post = (fn: string, payload: string) => runtime.app.inject({ method: 'POST', url: `/api/${fn}`, payload, headers: { 'content-type': 'application/json' } })

  it.each(NAMES)('refuses nesting deeper than the bound on /api/%s, and takes nesting up to it', async (name) => {
    const action = Object.keys(functions[name].actions)[0]
    const deep = await post(name, nestedText(action, 3500))
    expect(deep.statusCode).toBe(400)
    expectRefusal(deep.json(), 'PAYLOAD_TOO_DEEP')
    // Exactly at the bound (the object itself is one level): parsed, and the function answers as usual.
    const atBound = await post(name, nestedText(action, MAX_JSON_DEPTH - 1))
    expect(atBound.json().error?.code).not.toBe('PAYLOAD_TOO_DEEP')
  })

  it.each(NAMES)('answers any JSON body to /api/%s with a Result, never a failure of its own', async (name) => {
    await fc.assert(
      fc.asyncProperty(hostileBody(Object.keys(functions[name].actions)), async (body) => {
        const res = await post(name, JSON.stringify(body))
        expect(res.statusCode).toBeLessThan(500)
        const answer = res.json()
        if (!answer.ok) expectRefusal(answer)
      }),
      { numRuns: 25 },
    )
  })
})

describe('the WeChat cloud entry', () => {
  const sdk = createStandinSdk()
  const mains = Object.fromEntries(NAMES.map((name) => [name, createFunctionMain(functions[name], sdk as unknown as WxServerSdk, { APP_SECRET: 'fuzz-secret' })]))
  beforeAll(async () => {
    for (const c of COLLECTIONS) await sdk.__standin.db.createCollection(c.name)
  })

  it.each(NAMES)('refuses an event nested deeper than the bound to %s, as a Result', async (name) => {
    const action = Object.keys(functions[name].actions)[0]
    expectRefusal(await mains[name](JSON.parse(nestedText(action, 3500))), 'PAYLOAD_TOO_DEEP')
    const atBound = (await mains[name](JSON.parse(nestedText(action, MAX_JSON_DEPTH - 1)))) as any
    expect(atBound.error?.code).not.toBe('PAYLOAD_TOO_DEEP')
  })

  it.each(NAMES)('answers any event to %s with a Result, never a throw', async (name) => {
    await fc.assert(
      fc.asyncProperty(hostileBody(Object.keys(functions[name].actions)), async (event) => {
        const answer = (await mains[name](event)) as any
        expect(answer.error?.code).not.toBe('INTERNAL')
        if (!answer.ok) expectRefusal(answer)
      }),
      { numRuns: 25 },
    )
  })
})

describe('HTTP access (the console on WeChat cloud)', () => {
  const sdk = createStandinSdk()
  const store = openWxCloudStore(sdk.__standin.db)
  const keys = ringFromSecret('fuzz-secret')
  const call = (name: keyof typeof functions, body: string): Promise<HttpAccessResponse> =>
    handleHttpAccess({ path: `/console-api/${name}`, httpMethod: 'POST', headers: {}, body }, { fn: functions[name], store, keys, origins: new Set() })

  it.each(['console', 'accounts', '_session'] as const)('refuses a body nested deeper than the bound to %s before parsing it', async (route) => {
    const res = await handleHttpAccess({ path: `/console-api/${route}`, httpMethod: 'POST', headers: {}, body: nestedText('x', 3500) }, { fn: functions.accounts, store, keys, origins: new Set() })
    expect(res.statusCode).toBe(400)
    expectRefusal(JSON.parse(res.body), 'PAYLOAD_TOO_DEEP')
  })

  it('answers any body to console and accounts with a Result', async () => {
    for (const c of COLLECTIONS) await sdk.__standin.db.createCollection(c.name)
    for (const name of ['console', 'accounts'] as const) {
      await fc.assert(
        fc.asyncProperty(hostileBody(Object.keys(functions[name].actions)), async (body) => {
          const res = await call(name, JSON.stringify(body))
          expect(res.statusCode).toBeLessThan(500)
          const answer = JSON.parse(res.body)
          if (!answer.ok) expectRefusal(answer)
        }),
        { numRuns: 25 },
      )
    }
  })
})

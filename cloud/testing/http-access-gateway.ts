// A local stand-in for 云函数 HTTP 访问服务 in front of the console's cloud functions, for the hosting
// dry-run: an HTTP server that turns each request into the event HTTP access hands a function
// ({ path, httpMethod, headers, body, isBase64Encoded }) and sends back the function's integrated
// response. Routes as the docs configure them: <base>/_session → accounts, <base>/<fn> → that
// function. The functions are the real entries (createFunctionMain) over the wx-server-sdk STAND-IN
// database, seeded with the real content. Not the real service: see docs/wechat-cloud.md.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { functions } from '../functions'
import { createFunctionMain, type WxServerSdk } from '../runtime/wxcloud/entry'
import type { HttpAccessResponse } from '../runtime/wxcloud/http-access'
import { seedIfEmpty } from '../store/seed'
import { COLLECTIONS } from '../store/wxcloud/collections'
import { openWxCloudStore } from '../store/wxcloud'
import { createStandinSdk } from '../store/wxcloud/standin/sdk'

export const GATEWAY_BASE = '/console-api'
const ROUTED = ['console', 'accounts'] as const

/** Where this stand-in also plays COS for signed form uploads (getUploadMetadata's url). */
const COS_FORM_PATH = '/cos-standin/upload'

/** A browser's multipart form POST to COS: the stand-in SDK checks the signed fields and stores the file. */
async function cosFormAnswer(sdk: ReturnType<typeof createStandinSdk>, req: http.IncomingMessage, body: Buffer): Promise<number> {
  const form = await new Request('http://cos', { method: 'POST', headers: { 'content-type': String(req.headers['content-type'] ?? '') }, body: new Uint8Array(body) }).formData()
  const file = form.get('file')
  if (!(file instanceof Blob)) return 400
  const fields = Object.fromEntries([...form.entries()].filter(([k, v]) => k !== 'file' && typeof v === 'string')) as Record<string, string>
  return sdk.__standin.cosForm(fields, Buffer.from(await file.arrayBuffer()))
}

export async function startHttpAccessGateway(env: Record<string, string>) {
  const sdk = createStandinSdk()
  // COS answers a browser's form POST cross-origin (storage CORS; assumed configured, docs/wechat-cloud.md §11a).
  const cosForm = (req: http.IncomingMessage, body: Buffer, res: http.ServerResponse) =>
    void cosFormAnswer(sdk, req, body).then(
      (status) => res.writeHead(status, { 'access-control-allow-origin': '*' }).end(),
      () => res.writeHead(400, { 'access-control-allow-origin': '*' }).end(),
    )
  const db = sdk.__standin.db
  for (const c of COLLECTIONS) await db.createCollection(c.name)
  const store = openWxCloudStore(db)
  await seedIfEmpty(store)
  const mains = Object.fromEntries(ROUTED.map((name) => [name, createFunctionMain(functions[name], sdk as unknown as WxServerSdk, env)]))
  const requests: Array<{ path: string; method: string; origin?: string }> = []
  let seq = 0

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://gateway')
      if (url.pathname === COS_FORM_PATH) return void cosForm(req, Buffer.concat(chunks), res)
      requests.push({ path: url.pathname, method: req.method ?? '', origin: req.headers.origin })
      const rest = url.pathname.startsWith(`${GATEWAY_BASE}/`) ? url.pathname.slice(GATEWAY_BASE.length + 1) : null
      const target = rest === '_session' ? 'accounts' : (ROUTED as readonly string[]).includes(rest ?? '') ? rest! : null
      if (!target) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('no route')
        return
      }
      const event = {
        path: url.pathname,
        httpMethod: req.method ?? 'GET',
        headers: {
          ...Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v])),
          // As the real gateway (STGW) does: the peer's address in X-Real-IP, overriding whatever the
          // client sent, and appended to X-Forwarded-For.
          'x-real-ip': req.socket.remoteAddress ?? '',
          'x-forwarded-for': [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', '),
        },
        queryStringParameters: Object.fromEntries(url.searchParams),
        // HTTP access may hand the body base64-encoded; the function must accept both.
        body: Buffer.concat(chunks).toString('base64'),
        isBase64Encoded: true,
      }
      void (mains[target](event, { request_id: `gw-${++seq}` }) as Promise<HttpAccessResponse>).then(
        (out) => res.writeHead(out.statusCode, out.headers).end(out.body),
        (error: unknown) => res.writeHead(502, { 'content-type': 'text/plain' }).end(String(error)),
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  sdk.__standin.formUrl = `${origin}${COS_FORM_PATH}`
  return {
    origin,
    sdk,
    base: `${origin}${GATEWAY_BASE}`,
    store,
    requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
